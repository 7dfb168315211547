/**
 * The seam every pay mechanic (evaluation kind) plugs into: one object per mechanic holding all
 * its faces. Issue 10 needs the reference evaluation and the identity of a paying combination;
 * the faces that come later (the simulator's static kernel, the full-cycle form, the per-reel
 * exact form) get typed slots, `null` until they exist, so the registry's type turns a missing
 * face or a missing kind into a compile error.
 */
import type { Grid } from '../grid.js';
import type { EvaluationKind } from '../model.js';
import type { PayWinV2 } from '../outcome.js';
import type { SpinTables } from '../spin-tables.js';
import type { CycleForm } from './cycle-form.js';
import type { StaticKernel } from './static-kernel.js';

/**
 * One win as a mechanic reports it: a reusable scratch object (filled, passed to the sink, then
 * overwritten by the next win). Its cells are `grid.winCells[0 … cellCount − 1]`.
 */
export class WinReport {
  kind: PayWinV2['kind'] = 'line';
  /** Index of the rule in the game's `pays`. */
  rule = 0;
  count = 0;
  /** Ways (ways games), else 1. */
  ways = 1;
  /** Payline index (lines games), else −1. */
  line = -1;
  cellCount = 0;
  /** The pay entry in credits. */
  pay = 0;
  wildMultiplier = 1;
  ladder = 1;
  /** pay × ways × wildMultiplier × ladder. */
  amount = 0;

  /** Fills the report of one win (then the sink's `win` is called), fields in declaration order. */
  set(
    kind: PayWinV2['kind'],
    rule: number,
    count: number,
    ways: number,
    line: number,
    cellCount: number,
    pay: number,
    wildMultiplier: number,
    ladder: number,
    amount: number,
  ): void {
    this.kind = kind;
    this.rule = rule;
    this.count = count;
    this.ways = ways;
    this.line = line;
    this.cellCount = cellCount;
    this.pay = pay;
    this.wildMultiplier = wildMultiplier;
    this.ladder = ladder;
    this.amount = amount;
  }
}

/**
 * Where a mechanic reports each win when someone records the spin: it fills the sink's `report`
 * (and the win's cells in `grid.winCells`), then calls `win`.
 */
export interface WinSink {
  readonly report: WinReport;
  win(grid: Grid): void;
}

/**
 * A mechanic's reference evaluation of the window on `grid` (every cell shown holds a symbol):
 * returns the sum of its pay wins in credits, each × `ladder`. When `mark` is set, marks the cells
 * of every win in `grid.removed` (1); when `sink` is given, reports every win to it, in the
 * mechanic's evaluation order. Allocates nothing.
 */
export type Evaluate = (
  tables: SpinTables,
  grid: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
) => number;

export interface PayMechanic<K extends EvaluationKind = EvaluationKind> {
  readonly kind: K;
  /** The `kind` of the wins it reports. */
  readonly winKind: PayWinV2['kind'];
  readonly evaluate: Evaluate;
  /**
   * The one identity of a paying combination: PAR tables, χ² classes and the certify classifier
   * count wins by this key. `count` is the run, reels, cluster size or n.
   */
  combinationKey(rule: number, count: number, wildMultiplier: number): string;
  /**
   * The simulator's static kernel (`static-kernel.ts`): what a static window pays, from per-stop
   * tables filled by `evaluate`; null where none exists (the round then plays on the grid).
   */
  readonly fastKernel: StaticKernel | null;
  /** The incremental full-cycle form (`cycle-form.ts`), or null where none exists yet. */
  readonly fullCycle: CycleForm | null;
  /** The per-reel exact form (issue 11), where one exists. */
  readonly perReel: null;
}

/** Multiplies (product) or adds (sum, values of 2 or more) one involved wild's multiplier. */
export function combineWild(sum: boolean, acc: number, value: number): number {
  if (!sum) return acc * value;
  return value >= 2 ? acc + value : acc;
}

/** The start of a `combineWild` fold. */
export function wildStart(sum: boolean): number {
  return sum ? 0 : 1;
}

/** The multiplier of a fold: with `"sum"`, 1 when no involved wild had 2 or more. */
export function wildFinish(sum: boolean, acc: number): number {
  return sum && acc === 0 ? 1 : acc;
}

/** The multiplier a wild cell carries: its drawn value, or its symbol's fixed multiplier. */
export function wildValue(tables: SpinTables, grid: Grid, cell: number, symbol: number): number {
  return tables.drawsValue[symbol] === 1 ? grid.values[cell]! : tables.fixedMultiplier[symbol]!;
}
