/**
 * The reference evaluation of one payline, for the lines mechanic's other faces: the mechanic's own
 * `evaluateLines` on a one-row grid whose single payline runs along it. The simulator's line-pay
 * table, the full cycle's, the per-reel walk and certify's classifier all read what a line pays
 * through it, so each of them is filled by the very code that pays a played window.
 *
 * For classic games (fixed wild multipliers): a cell's drawn value is not part of a line's symbols.
 */
import { Grid } from '../../grid.js';
import type { Game } from '../../model.js';
import type { SpinTables } from '../../spin-tables.js';
import { buildSpinTables } from '../../spin-tables.js';
import { WinReport, type WinSink } from '../pay-mechanic.js';
import { evaluateLines } from './lines-evaluate.js';

export class LineProbe implements WinSink {
  readonly report = new WinReport();
  readonly game: Game;
  private readonly tables: SpinTables;
  private readonly grid: Grid;
  /** The match of the line last evaluated: its rule (−1: it pays nothing), run or pattern length, wild multiplier. */
  rule = -1;
  count = 0;
  multiplier = 1;

  constructor(game: Game) {
    this.game = game;
    const reels = game.reels;
    this.tables = buildSpinTables({
      ...game,
      rows: 1,
      heights: null,
      paylines: [new Array<number>(reels).fill(0)],
    });
    this.grid = new Grid(reels, 1, game.symbols.length);
  }

  /** What a payline showing `symbols` (reel 0 first) pays, in credits; its match is left in the fields. */
  pay(symbols: ArrayLike<number>): number {
    const cells = this.grid.cells;
    for (let r = 0; r < cells.length; r++) cells[r] = symbols[r]!;
    this.rule = -1;
    this.count = 0;
    this.multiplier = 1;
    return evaluateLines(this.tables, this.grid, 1, this, false);
  }

  /** `pay` of the symbols encoded in `index` = Σ sᵣ·S^r (reel 0 the lowest digit). */
  payOfIndex(index: number): number {
    const cells = this.grid.cells;
    const S = this.game.symbols.length;
    let rest = index;
    for (let r = 0; r < cells.length; r++) {
      cells[r] = rest % S;
      rest = Math.floor(rest / S);
    }
    this.rule = -1;
    this.count = 0;
    this.multiplier = 1;
    return evaluateLines(this.tables, this.grid, 1, this, false);
  }

  win(): void {
    const r = this.report;
    this.rule = r.rule;
    this.count = r.count;
    this.multiplier = r.wildMultiplier;
  }
}

const probes = new WeakMap<Game, LineProbe>();

/** The game's line probe (one per game, made on first use). */
export function lineProbeOf(game: Game): LineProbe {
  let probe = probes.get(game);
  if (probe === undefined) {
    probe = new LineProbe(game);
    probes.set(game, probe);
  }
  return probe;
}
