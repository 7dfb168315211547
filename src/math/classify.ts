import type { Game } from '../engine/model.js';
import type { SpinOutcome } from '../engine/outcome.js';
import { evaluateWindow } from '../engine/spin.js';
import type { SpinWins } from '../engine/spin.js';
import { lineCombinationKey } from './line-combinations.js';
import { scatterKey } from './par-tables.js';
import { waysCombinationKey } from './ways-combinations.js';

function keysOf(wins: SpinWins | SpinOutcome): string[] {
  const keys = wins.wins.map((w) =>
    w.kind === 'line'
      ? lineCombinationKey(w.rule, w.count, w.multiplier)
      : waysCombinationKey(w.rule, w.count),
  );
  if (wins.scatter !== null) keys.push(scatterKey(wins.scatter.count));
  return keys;
}

/**
 * The paying combinations of a window (`window[reel][row]`, symbol indexes), as the keys of
 * `Analysis.combinations`: one per paying payline or ways rule, then the scatter's. A key may
 * appear several times (several paylines paying the same combination). For a χ² test of observed
 * against exact frequencies, count keys over N paid spins and compare with N × `perSpin` of
 * `Analysis.combinations` (free spins: `Analysis.freeSpins.combinations`, same keys). Each payline
 * of a spin falls in exactly one line combination or none, so per payline the cells
 * {combinations, "no win"} partition the outcomes; paylines of one spin are not independent.
 */
export function classifyWindow(game: Game, window: readonly (readonly number[])[]): string[] {
  return keysOf(evaluateWindow(game, window));
}

/** The same for a spin as played (`RoundOutcome.paid`, or a free spin). */
export function classifySpin(spin: SpinOutcome): string[] {
  return keysOf(spin);
}
