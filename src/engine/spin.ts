/**
 * A window's wins in format 1's shape, from the game's pay mechanic's reference evaluation — for
 * the analysis and the tests, which look at windows one at a time (rounds are played by the round
 * flow, `round-flow.ts`).
 */
import { refuseFormat2Mechanics } from './classic.js';
import { Grid } from './grid.js';
import { WinReport, type WinSink } from './mechanics/pay-mechanic.js';
import { payMechanic } from './mechanics/registry.js';
import type { Game } from './model.js';
import type { PayWin, ScatterWin } from './outcome.js';
import { spinTablesOf, type SpinTables } from './spin-tables.js';

/**
 * A kernel's win report as format 1 records it (a line or ways win); `refuse` is called for the
 * kinds format 1 has not (cluster, anywhere).
 */
export function format1PayWin(t: SpinTables, r: WinReport, refuse: (what: string) => never): PayWin {
  const symbol = t.ruleLabels[r.rule]!;
  switch (r.kind) {
    case 'line':
      return {
        kind: 'line',
        line: r.line,
        symbol,
        rule: r.rule,
        count: r.count,
        multiplier: r.wildMultiplier,
        win: r.amount,
      };
    case 'ways':
      return { kind: 'ways', symbol, rule: r.rule, count: r.count, ways: r.ways, win: r.amount };
    case 'cluster':
    case 'anywhere':
      return refuse(`${r.kind} win`);
    default: {
      const unknown: never = r.kind;
      throw new Error(`unknown win kind ${String(unknown)}`);
    }
  }
}

/** A spin's raw wins in credits, before any free-spin multiplier and the cap. */
export interface SpinWins {
  readonly wins: readonly PayWin[];
  readonly scatter: ScatterWin | null;
}

class WinsSink implements WinSink {
  readonly report = new WinReport();
  readonly wins: PayWin[] = [];

  constructor(private readonly t: SpinTables) {}

  win(): void {
    this.wins.push(
      format1PayWin(this.t, this.report, (what) => {
        throw new Error(`format 1's wins have no ${what}`);
      }),
    );
  }
}

/**
 * Evaluates a window (`window[reel][row]`, symbol indexes): its line or ways wins in evaluation
 * order, then the scatter. Pure. A game with a format-2 mechanic is refused (BAD_INPUT).
 */
export function evaluateWindow(game: Game, window: readonly (readonly number[])[]): SpinWins {
  refuseFormat2Mechanics(game, 'evaluateWindow');
  const t = spinTablesOf(game);
  const grid = new Grid(t.reels, t.rows, t.symbolCount);
  let scatters = 0;
  for (let r = 0; r < t.reels; r++) {
    for (let k = 0; k < t.rows; k++) {
      const s = window[r]![k]!;
      grid.cells[r * t.rows + k] = s;
      if (s === t.scatterSymbol) scatters++;
    }
  }
  const sink = new WinsSink(t);
  payMechanic(game.evaluation).evaluate(t, grid, 1, sink, false);
  let scatter: ScatterWin | null = null;
  if (game.scatter !== null) {
    const pay = game.scatter.pays[scatters] ?? 0;
    if (pay > 0) scatter = { symbol: t.symbolIds[game.scatter.symbol]!, count: scatters, win: pay };
  }
  return { wins: sink.wins, scatter };
}
