import type { Rng } from '../rng/rng.js';
import type { WinCap } from './cap.js';
import { bestLineMatch, lineSymbols } from './lines.js';
import type { Game, ReelSet } from './model.js';
import type { PayWin, ScatterWin, SpinOutcome } from './outcome.js';
import { countInWindow, drawStops, windowOf } from './stops.js';
import { waysMatches } from './ways.js';

/** A spin's raw wins in credits, before any free-spin multiplier and the cap. */
export interface SpinWins {
  readonly wins: readonly PayWin[];
  readonly scatter: ScatterWin | null;
}

function ruleLabel(game: Game, rule: number): string {
  const r = game.pays[rule]!;
  return r.kind === 'kind' ? game.symbols[r.symbol]!.id : r.labels.join(',');
}

/** Evaluates a window (`window[reel][row]`): line or ways wins, then the scatter. Pure. */
export function evaluateWindow(game: Game, window: readonly (readonly number[])[]): SpinWins {
  const wins: PayWin[] = [];
  if (game.evaluation === 'lines') {
    game.paylines.forEach((payline, line) => {
      const match = bestLineMatch(game, lineSymbols(window, payline));
      if (match === null) return;
      wins.push({ kind: 'line', line, symbol: ruleLabel(game, match.rule), ...match });
    });
  } else {
    for (const match of waysMatches(game, window)) {
      wins.push({ kind: 'ways', symbol: ruleLabel(game, match.rule), ...match });
    }
  }
  let scatter: ScatterWin | null = null;
  if (game.scatter !== null) {
    const count = countInWindow(window, game.scatter.symbol);
    const win = game.scatter.pays[count] ?? 0;
    if (win > 0) scatter = { symbol: game.symbols[game.scatter.symbol]!.id, count, win };
  }
  return { wins, scatter };
}

/** One spin as played: its outcome (wins × multiplier, cut by the cap) and its window. */
export interface PlayedSpin {
  readonly outcome: SpinOutcome;
  readonly window: readonly (readonly number[])[];
}

/**
 * Draws and evaluates one spin on `reelSet`. Wins are multiplied by `multiplier` and added to
 * `cap` in play order (line or ways wins, then the scatter); the cut parts are what is reported.
 */
export function playSpin(
  game: Game,
  reelSet: ReelSet,
  rng: Rng,
  multiplier: number,
  cap: WinCap,
): PlayedSpin {
  const stops = drawStops(reelSet, rng);
  const window = windowOf(reelSet, stops, game.rows);
  const raw = evaluateWindow(game, window);
  let win = 0;
  const wins = raw.wins.map((w) => {
    const paid = cap.add(w.win * multiplier);
    win += paid;
    return { ...w, win: paid };
  });
  let scatter = raw.scatter;
  if (scatter !== null) {
    const paid = cap.add(scatter.win * multiplier);
    win += paid;
    scatter = { ...scatter, win: paid };
  }
  const symbolWindow = window.map((column) => column.map((s) => game.symbols[s]!.id));
  return {
    outcome: { reelSet: reelSet.name, stops, window: symbolWindow, wins, scatter, multiplier, win },
    window,
  };
}
