/**
 * Ways pays on a grid whose reels may show different heights (format 1's rule, per-cell wild
 * values). For a non-wild X, per reel j: nⱼ = cells showing X + the value of every wild cell
 * standing for X, mⱼ = the wild part; the run is the longest k with every nⱼ > 0, and it pays its
 * entry × (Πn − Πm). A wild's own rule counts the ways made of that wild alone (no multipliers).
 * A win holds every cell of reels 0 … k−1 showing X or a wild standing for X (its own rule: the
 * wild's cells). Rules are evaluated in `pays` order and their wins add up.
 */
import type { Grid } from '../../grid.js';
import type { SpinTables } from '../../spin-tables.js';
import type { PayMechanic, WinSink } from '../pay-mechanic.js';
import { wildValue } from '../pay-mechanic.js';

function evaluateWays(t: SpinTables, g: Grid, ladder: number, sink: WinSink | null, mark: boolean): number {
  const R = t.reels;
  const rows = t.rows;
  const S = t.symbolCount;
  const cells = g.cells;
  const height = g.height;
  const wild = t.wild;
  const subst = t.subst;
  const kinds = t.kinds;
  const wilds = t.wilds;
  // One pass over the window: per reel, the cells of each symbol and the sum of each wild's values.
  // Every rule then reads its nⱼ and mⱼ from them (the same integers a pass per rule would add up).
  const counts = g.reelCounts;
  const values = g.reelWildValues;
  counts.fill(0);
  values.fill(0);
  for (let r = 0; r < R; r++) {
    const base = r * rows;
    const at = r * S;
    const h = height[r]!;
    for (let k = 0; k < h; k++) {
      const c = base + k;
      const s = cells[c]!;
      counts[at + s]!++;
      if (wild[s] === 1) values[at + s]! += wildValue(t, g, c, s);
    }
  }
  let total = 0;
  for (let i = 0; i < kinds.length; i++) {
    const rule = kinds[i]!;
    const x = rule.symbol;
    const own = rule.wild;
    let allWays = 1;
    let wildWays = 1;
    let run = 0;
    for (; run < R; run++) {
      const at = run * S;
      let m = 0;
      if (!own) {
        for (let j = 0; j < wilds.length; j++) {
          const w = wilds[j]!;
          if (subst[w * S + x] === 1) m += values[at + w]!;
        }
      }
      const n = counts[at + x]! + m;
      if (n === 0) break;
      allWays *= n;
      wildWays *= m;
    }
    const pay = rule.pays[run]!;
    if (!(pay > 0)) continue;
    const ways = own ? allWays : allWays - wildWays;
    if (ways <= 0) continue;
    const amount = pay * ways * ladder;
    total += amount;
    if (!mark && sink === null) continue;
    let count = 0;
    for (let r = 0; r < run; r++) {
      const base = r * rows;
      const h = height[r]!;
      for (let k = 0; k < h; k++) {
        const c = base + k;
        const s = cells[c]!;
        if (s === x || (!own && wild[s] === 1 && subst[s * S + x] === 1)) {
          if (mark) g.removed[c] = 1;
          g.winCells[count++] = c;
        }
      }
    }
    if (sink !== null) {
      const report = sink.report;
      report.kind = 'ways';
      report.rule = rule.rule;
      report.count = run;
      report.ways = ways;
      report.line = -1;
      report.cellCount = count;
      report.pay = pay;
      report.wildMultiplier = 1;
      report.ladder = ladder;
      report.amount = amount;
      sink.win(g);
    }
  }
  return total;
}

export const WAYS: PayMechanic<'ways'> = {
  kind: 'ways',
  winKind: 'ways',
  evaluate: evaluateWays,
  combinationKey: (rule, count) => `ways:${rule}:${count}`,
  fastKernel: null,
  fullCycle: null,
  perReel: null,
};
