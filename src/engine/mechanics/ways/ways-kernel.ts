/**
 * The ways mechanic's static kernel (see `static-kernel.ts`): per reel, stop and rule, nⱼ and mⱼ
 * of the window column that stop shows — filled by the reference evaluation's own `columnWays` —
 * so a spin multiplies a few table entries per rule.
 */
import type { Game } from '../../model.js';
import { buildSpinTables, type KindTable, type SpinTables } from '../../spin-tables.js';
import type { StaticReels } from '../../static-reels.js';
import type { GameKernel, ReelsKernel, StaticKernel, Table, TableKind } from '../static-kernel.js';
import { waysColumns } from './ways-columns.js';

export class WaysGameKernel implements GameKernel {
  readonly game: Game;
  readonly tables: TableKind;
  readonly spin: SpinTables;
  /** The kind rules, in `pays` order (what the reference evaluates). */
  readonly rules: readonly KindTable[];
  /** Per rule: credits by run length. */
  readonly pays: readonly Table[];

  constructor(game: Game, tables: TableKind) {
    this.game = game;
    this.tables = tables;
    this.spin = buildSpinTables(game);
    this.rules = this.spin.kinds;
    this.pays = this.rules.map((rule) => tables.from(rule.pays));
  }

  reels(set: StaticReels): WaysReelsKernel {
    return new WaysReelsKernel(this, set);
  }
}

export class WaysReelsKernel implements ReelsKernel {
  private readonly reelCount: number;
  private readonly ruleCount: number;
  private readonly pays: readonly Table[];
  /** Per reel: `[stop * ruleCount + i]` = nⱼ / mⱼ of rule i. */
  readonly n: readonly Table[];
  readonly m: readonly Table[];
  /** Every reel's `n` / `m` end to end (reel r from `reelBase[r]`), for the hot loop. */
  private readonly flatN: Table;
  private readonly flatM: Table;
  private readonly reelBase: Int32Array;
  /** Per reel: where the stop's entries start in `flatN` (scratch). */
  private readonly bases: Int32Array;

  constructor(kernel: WaysGameKernel, set: StaticReels) {
    const ruleCount = kernel.rules.length;
    this.reelCount = set.reelCount;
    this.ruleCount = ruleCount;
    this.pays = kernel.pays;
    const columns = waysColumns(kernel.spin, set.strips);
    const n = columns.n.map((table) => kernel.tables.from(table));
    const m = columns.m.map((table) => kernel.tables.from(table));
    this.n = n;
    this.m = m;
    this.reelBase = new Int32Array(set.reelCount);
    let at = 0;
    n.forEach((table, r) => {
      this.reelBase[r] = at;
      at += table.length;
    });
    this.flatN = kernel.tables.zeros(at);
    this.flatM = kernel.tables.zeros(at);
    n.forEach((table, r) => this.flatN.set(table, this.reelBase[r]));
    m.forEach((table, r) => this.flatM.set(table, this.reelBase[r]));
    this.bases = new Int32Array(set.reelCount);
  }

  pay(stops: Int32Array): number {
    const ruleCount = this.ruleCount;
    const reels = this.reelCount;
    const flatN = this.flatN;
    const flatM = this.flatM;
    const bases = this.bases;
    const reelBase = this.reelBase;
    for (let r = 0; r < reels; r++) bases[r] = reelBase[r]! + stops[r]! * ruleCount;
    let win = 0;
    for (let i = 0; i < ruleCount; i++) {
      let all = 1;
      let wild = 1;
      let run = 0;
      for (; run < reels; run++) {
        const at = bases[run]! + i;
        const n = flatN[at]!;
        if (n === 0) break;
        all *= n;
        wild *= flatM[at]!;
      }
      // A run that pays nothing adds nothing, even one so long its product is no longer finite.
      const pay = this.pays[i]![run]!;
      if (pay > 0) win += pay * (all - wild);
    }
    return win;
  }
}

export const WAYS_KERNEL: StaticKernel = {
  compile: (game, tables) => new WaysGameKernel(game, tables),
};
