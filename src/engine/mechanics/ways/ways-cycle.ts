/**
 * The ways mechanic's full-cycle form (see `cycle-form.ts`). Per depth and rule: the running
 * products Πn and Πm and whether the run still runs; a rule whose run stopped adds its pay once,
 * to the depth's "dead" win. nⱼ and mⱼ are the reference evaluation's (`waysColumns`).
 */
import type { Game, ReelSet } from '../../model.js';
import { buildSpinTables } from '../../spin-tables.js';
import type { CycleForm, CyclePays } from '../cycle-form.js';
import { waysColumns } from './ways-columns.js';

class WaysCyclePays implements CyclePays {
  readonly payBound: number;
  private readonly reels: number;
  private readonly rules: number;
  private readonly lastLength: number;
  /** Per reel: `[stop × rules + i]` = nⱼ / mⱼ of rule i. */
  private readonly waysN: readonly Float64Array[];
  private readonly waysM: readonly Float64Array[];
  /** Per rule: its pays by run length 0 … reels. */
  private readonly waysPays: readonly Float64Array[];
  /** Per depth and rule: Πn, Πm, and whether the run still runs; per depth the stopped runs' win. */
  private readonly all: Float64Array;
  private readonly wild: Float64Array;
  private readonly running: Uint8Array;
  private readonly deadWin: Float64Array;
  private readonly open: Int32Array;

  constructor(game: Game, set: ReelSet) {
    const t = buildSpinTables(game);
    const R = set.reels.length;
    const rules = t.kinds.length;
    this.reels = R;
    this.rules = rules;
    this.lastLength = set.reels[R - 1]!.strip.length;
    const columns = waysColumns(
      t,
      set.reels.map((reel) => reel.strip),
    );
    this.waysN = columns.n;
    this.waysM = columns.m;
    this.waysPays = t.kinds.map((rule) => Float64Array.from({ length: R + 1 }, (_, k) => rule.pays[k] ?? 0));
    this.all = new Float64Array(R * rules);
    this.wild = new Float64Array(R * rules);
    this.running = new Uint8Array(R * rules);
    this.deadWin = new Float64Array(R);
    this.all.fill(1, 0, rules);
    this.wild.fill(1, 0, rules);
    this.running.fill(1, 0, rules);
    this.open = new Int32Array(rules);
    // Every rule at its largest pay, each reel counting every row at the largest multiplier.
    const maxCells = game.rows * Math.max(1, ...game.symbols.map((s) => s.multiplier));
    this.payBound = t.kinds.reduce(
      (acc, rule) => acc + Math.max(0, ...rule.pays) * maxCells ** game.reels,
      0,
    );
  }

  place(d: number, stop: number): void {
    const rules = this.rules;
    const all = this.all;
    const wild = this.wild;
    const running = this.running;
    let dead = this.deadWin[d]!;
    const n = this.waysN[d]!;
    const m = this.waysM[d]!;
    for (let i = 0; i < rules; i++) {
      const a = d * rules + i;
      const b = a + rules;
      const nv = n[stop * rules + i]!;
      if (running[a] === 1 && nv > 0) {
        all[b] = all[a]! * nv;
        wild[b] = wild[a]! * m[stop * rules + i]!;
        running[b] = 1;
      } else {
        if (running[a] === 1) dead += this.waysPays[i]![d]! * (all[a]! - wild[a]!);
        running[b] = 0;
      }
    }
    this.deadWin[d + 1] = dead;
  }

  lastReel(out: Int32Array | Float64Array): void {
    const R = this.reels;
    const last = R - 1;
    const rules = this.rules;
    const all = this.all;
    const wild = this.wild;
    const open = this.open;
    const constant = this.deadWin[last]!;
    let openCount = 0;
    for (let i = 0; i < rules; i++) if (this.running[last * rules + i] === 1) open[openCount++] = i;
    const n = this.waysN[last]!;
    const m = this.waysM[last]!;
    for (let s = 0; s < this.lastLength; s++) {
      let pay = constant;
      for (let o = 0; o < openCount; o++) {
        const i = open[o]!;
        const nv = n[s * rules + i]!;
        const a = last * rules + i;
        pay +=
          nv === 0
            ? this.waysPays[i]![last]! * (all[a]! - wild[a]!)
            : this.waysPays[i]![R]! * (all[a]! * nv - wild[a]! * m[s * rules + i]!);
      }
      out[s] = pay;
    }
  }
}

export const WAYS_CYCLE: CycleForm = {
  problem: () => null,
  compile: (game, set) => new WaysCyclePays(game, set),
};
