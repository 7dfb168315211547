/**
 * Pay anywhere. For each rule of a non-wild X: n = cells showing X + wild cells standing for X;
 * if at least one cell shows X and n has an entry, the rule pays it × the wild multipliers (every
 * wild cell counted for X: their product, or with `"sum"` the sum of those of 2 or more). A win
 * holds every X cell and every wild cell counted for X. Rules are evaluated in `pays` order.
 */
import type { Grid } from '../../grid.js';
import type { SpinTables } from '../../spin-tables.js';
import type { PayMechanic, WinSink } from '../pay-mechanic.js';
import { wildFinish, wildValue } from '../pay-mechanic.js';

function evaluateAnywhere(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const S = t.symbolCount;
  const rows = t.rows;
  const cells = g.cells;
  const wild = t.wild;
  const subst = t.subst;
  const sum = t.sum;
  const counts = g.counts;
  const wildProduct = g.wildProduct;
  const wildSum = g.wildSum;
  counts.fill(0);
  wildProduct.fill(1);
  wildSum.fill(0);
  for (let r = 0; r < t.reels; r++) {
    const base = r * rows;
    const h = g.height[r]!;
    for (let k = 0; k < h; k++) {
      const c = base + k;
      const s = cells[c]!;
      counts[s]!++;
      if (wild[s] === 1) {
        const v = wildValue(t, g, c, s);
        wildProduct[s]! *= v;
        if (v >= 2) wildSum[s]! += v;
      }
    }
  }
  const wilds = t.wilds;
  const kinds = t.kinds;
  let total = 0;
  for (let i = 0; i < kinds.length; i++) {
    const rule = kinds[i]!;
    const x = rule.symbol;
    if (rule.wild || counts[x] === 0) continue;
    let n = counts[x]!;
    let acc = sum ? 0 : 1;
    for (let j = 0; j < wilds.length; j++) {
      const w = wilds[j]!;
      if (counts[w] === 0 || subst[w * S + x] !== 1) continue;
      n += counts[w]!;
      acc = sum ? acc + wildSum[w]! : acc * wildProduct[w]!;
    }
    const pay = rule.pays[n]!;
    if (!(pay > 0)) continue;
    const multiplier = wildFinish(sum, acc);
    const amount = pay * multiplier * ladder;
    total += amount;
    if (!mark && sink === null) continue;
    let count = 0;
    for (let r = 0; r < t.reels; r++) {
      const base = r * rows;
      const h = g.height[r]!;
      for (let k = 0; k < h; k++) {
        const c = base + k;
        const s = cells[c]!;
        if (s === x || (wild[s] === 1 && subst[s * S + x] === 1)) {
          if (mark) g.removed[c] = 1;
          g.winCells[count++] = c;
        }
      }
    }
    if (sink !== null) {
      sink.report.set('anywhere', rule.rule, n, 1, -1, count, pay, multiplier, ladder, amount);
      sink.win(g);
    }
  }
  return total;
}

export const ANYWHERE: PayMechanic<'anywhere'> = {
  kind: 'anywhere',
  winKind: 'anywhere',
  evaluate: evaluateAnywhere,
  combinationKey: (rule, count) => `anywhere:${rule}:${count}`,
  fastKernel: null,
  fullCycle: null,
  perReel: null,
};
