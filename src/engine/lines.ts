/**
 * Format 1's line evaluation API, derived from the lines mechanic's reference evaluation
 * (src/engine/mechanics/lines/): the engine pays every window through the mechanic, and so do
 * these.
 */
import { refuseFormat2Mechanics } from './classic.js';
import { lineProbeOf } from './mechanics/lines/line-probe.js';
import type { Game } from './model.js';

/** The paying match of one line before the free-spin multiplier and the cap. */
export interface LineMatch {
  readonly rule: number;
  readonly count: number;
  /** Product of the multipliers of the wilds standing for other symbols (1 if none). */
  readonly multiplier: number;
  /** Credits: the rule's pay × multiplier. */
  readonly win: number;
}

/**
 * The one match a line pays: the highest after wild multipliers; on a tie the earliest rule.
 * `line` holds the symbol index on each reel along the payline. A lines game with a format-2
 * mechanic is refused (its lines depend on more than their symbols).
 */
export function bestLineMatch(game: Game, line: readonly number[]): LineMatch | null {
  refuseFormat2Mechanics(game, 'bestLineMatch');
  const probe = lineProbeOf(game);
  const win = probe.pay(line);
  return probe.rule < 0 ? null : { rule: probe.rule, count: probe.count, multiplier: probe.multiplier, win };
}

/** The symbols along payline `line` of a window. */
export function lineSymbols(window: readonly (readonly number[])[], line: readonly number[]): number[] {
  const symbols = new Array<number>(line.length);
  for (let r = 0; r < line.length; r++) symbols[r] = window[r]![line[r]!]!;
  return symbols;
}
