import type { Rng } from '../rng/rng.js';
import type { WinCap } from './cap.js';
import { lineMemoOf, paylineMatch } from './lines.js';
import type { Game, ReelSet } from './model.js';
import type { PayWin, ScatterWin, SpinOutcome } from './outcome.js';
import { countInWindow, drawStops, windowColumns } from './stops.js';
import { waysMatches } from './ways.js';

/** A spin's raw wins in credits, before any free-spin multiplier and the cap. */
export interface SpinWins {
  readonly wins: readonly PayWin[];
  readonly scatter: ScatterWin | null;
}

const symbolIds = new WeakMap<Game, readonly string[]>();

/** The game's symbol ids by index (made once per game). */
function symbolIdsOf(game: Game): readonly string[] {
  let ids = symbolIds.get(game);
  if (ids === undefined) {
    ids = game.symbols.map((s) => s.id);
    symbolIds.set(game, ids);
  }
  return ids;
}

function ruleLabel(game: Game, rule: number): string {
  const r = game.pays[rule]!;
  return r.kind === 'kind' ? game.symbols[r.symbol]!.id : r.labels.join(',');
}

/**
 * Appends the window's line or ways wins to `wins` in evaluation order, each win × `multiplier`
 * and added to `cap` when one is given, and returns the scatter win, or null.
 */
function collectWins(
  game: Game,
  window: readonly (readonly number[])[],
  multiplier: number,
  cap: WinCap | null,
  wins: PayWin[],
): ScatterWin | null {
  if (game.evaluation === 'lines') {
    const paylines = game.paylines;
    // Scratch for one line's symbols, reused line after line (a payline has one row per reel).
    const symbols = new Array<number>(window.length);
    const memo = lineMemoOf(game);
    for (let line = 0; line < paylines.length; line++) {
      const match = paylineMatch(game, memo, window, paylines[line]!, symbols);
      if (match === null) continue;
      const win = cap === null ? match.win : cap.add(match.win * multiplier);
      wins.push({
        kind: 'line',
        line,
        symbol: ruleLabel(game, match.rule),
        rule: match.rule,
        count: match.count,
        multiplier: match.multiplier,
        win,
      });
    }
  } else {
    const matches = waysMatches(game, window);
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i]!;
      const win = cap === null ? match.win : cap.add(match.win * multiplier);
      wins.push({
        kind: 'ways',
        symbol: ruleLabel(game, match.rule),
        rule: match.rule,
        count: match.count,
        ways: match.ways,
        win,
      });
    }
  }
  if (game.scatter === null) return null;
  const count = countInWindow(window, game.scatter.symbol);
  const raw = game.scatter.pays[count] ?? 0;
  if (!(raw > 0)) return null;
  const win = cap === null ? raw : cap.add(raw * multiplier);
  return { symbol: game.symbols[game.scatter.symbol]!.id, count, win };
}

/** Evaluates a window (`window[reel][row]`): line or ways wins, then the scatter. Pure. */
export function evaluateWindow(game: Game, window: readonly (readonly number[])[]): SpinWins {
  const wins: PayWin[] = [];
  const scatter = collectWins(game, window, 1, null, wins);
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
  const columns = windowColumns(reelSet, game.rows, symbolIdsOf(game));
  const window: (readonly number[])[] = new Array<readonly number[]>(stops.length);
  const symbolWindow: (readonly string[])[] = new Array<readonly string[]>(stops.length);
  for (let r = 0; r < stops.length; r++) {
    window[r] = columns.symbols[r]![stops[r]!]!;
    symbolWindow[r] = columns.ids[r]![stops[r]!]!;
  }
  const wins: PayWin[] = [];
  const scatter = collectWins(game, window, multiplier, cap, wins);
  let win = 0;
  for (let i = 0; i < wins.length; i++) win += wins[i]!.win;
  if (scatter !== null) win += scatter.win;
  return {
    outcome: { reelSet: reelSet.name, stops, window: symbolWindow, wins, scatter, multiplier, win },
    window,
  };
}
