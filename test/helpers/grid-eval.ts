/**
 * Evaluates a hand-built window with a game's pay mechanic, as the spin player does, and returns
 * the wins as plain objects, the total and the cells marked for removal.
 */
import { Grid } from '../../src/engine/grid.js';
import { WinReport, type WinSink } from '../../src/engine/mechanics/pay-mechanic.js';
import { payMechanic } from '../../src/engine/mechanics/registry.js';
import type { Game } from '../../src/engine/model.js';
import { spinTablesOf } from '../../src/engine/spin-tables.js';

export interface PlainWin {
  readonly kind: string;
  readonly rule: number;
  readonly count: number;
  readonly ways: number;
  readonly line: number;
  readonly cells: readonly [number, number][];
  readonly pay: number;
  readonly wildMultiplier: number;
  readonly ladder: number;
  readonly win: number;
}

export interface Evaluated {
  readonly total: number;
  readonly wins: readonly PlainWin[];
  /** Cells marked in `grid.removed`, reel-major. */
  readonly removed: readonly [number, number][];
}

class CollectingSink implements WinSink {
  readonly report = new WinReport();
  readonly wins: PlainWin[] = [];

  win(grid: Grid): void {
    const r = this.report;
    const cells: [number, number][] = [];
    for (let i = 0; i < r.cellCount; i++) {
      const c = grid.winCells[i]!;
      cells.push([Math.floor(c / grid.rows), c % grid.rows]);
    }
    this.wins.push({
      kind: r.kind,
      rule: r.rule,
      count: r.count,
      ways: r.ways,
      line: r.line,
      cells,
      pay: r.pay,
      wildMultiplier: r.wildMultiplier,
      ladder: r.ladder,
      win: r.amount,
    });
  }
}

/**
 * `window[reel]` lists the symbol ids the reel shows, top to bottom (fewer than `rows` for a
 * shorter reel); `values` gives a value-carrying cell's value by "reel,row".
 */
export function evaluate(
  game: Game,
  window: readonly (readonly string[])[],
  values: Readonly<Record<string, number>> = {},
  ladder = 1,
): Evaluated {
  const t = spinTablesOf(game);
  const grid = new Grid(t.reels, t.rows, t.symbolCount);
  for (let r = 0; r < t.reels; r++) {
    const column = window[r]!;
    grid.height[r] = column.length;
    for (let k = 0; k < t.rows; k++) {
      const id = column[k];
      const s = id === undefined ? -1 : game.symbolIndex[id];
      if (s === undefined) throw new Error(`unknown symbol ${id}`);
      grid.cells[r * t.rows + k] = s;
      grid.values[r * t.rows + k] = values[`${r},${k}`] ?? 0;
    }
  }
  const mechanic = payMechanic(game.evaluation);
  const sink = new CollectingSink();
  const total = mechanic.evaluate(t, grid, ladder, sink, true);
  // The sink-free path (what the simulator runs) must pay the same and mark the same cells.
  const marked = Array.from(grid.removed);
  grid.removed.fill(0);
  const bare = mechanic.evaluate(t, grid, ladder, null, true);
  if (bare !== total || marked.some((m, c) => m !== grid.removed[c])) {
    throw new Error('the sink-free evaluation differs from the recorded one');
  }
  const removed: [number, number][] = [];
  marked.forEach((m, c) => {
    if (m === 1) removed.push([Math.floor(c / t.rows), c % t.rows]);
  });
  return { total, wins: sink.wins, removed };
}
