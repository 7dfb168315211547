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
import type { WinSink } from '../pay-mechanic.js';
import { wildValue } from '../pay-mechanic.js';

/**
 * nⱼ of reel `reel` for the rule of `x` (`own`: a wild's own rule, made of that wild alone): the
 * cells showing x plus the value of every wild cell standing for x; mⱼ, the wild part, is left in
 * `g.counts[x]`. The ways evaluation reads every reel through it, and the simulator's n/m tables
 * are filled by it (`ways-columns.ts`). Values are whole numbers, so the sums are exact in any order.
 */
export function columnWays(t: SpinTables, g: Grid, reel: number, x: number, own: boolean): number {
  const S = t.symbolCount;
  const cells = g.cells;
  const wild = t.wild;
  const subst = t.subst;
  const base = reel * t.rows;
  const end = base + g.height[reel]!;
  let shown = 0;
  let m = 0;
  for (let c = base; c < end; c++) {
    const s = cells[c]!;
    if (s === x) shown++;
    else if (!own && wild[s] === 1 && subst[s * S + x] === 1) m += wildValue(t, g, c, s);
  }
  g.counts[x] = m;
  return shown + m;
}

/**
 * The symbols whose rules can pay, as a bit set (`t.countsFor`; −1, every symbol, without one):
 * those that each of reels 0 … K − 1 shows or shows a wild standing for, K being the smallest
 * count any rule pays. Any other symbol's run is shorter than K, so its rules pay nothing. One OR
 * per cell of the first K reels: much cheaper than the counting it spares, as most windows leave
 * no symbol or one.
 */
function candidates(t: SpinTables, g: Grid): number {
  const countsFor = t.countsFor;
  if (countsFor === null) return -1;
  const cells = g.cells;
  const rows = t.rows;
  const K = Math.min(t.minKindCount, t.reels);
  let alive = -1;
  for (let r = 0; r < K && alive !== 0; r++) {
    const base = r * rows;
    const end = base + g.height[r]!;
    let shown = 0;
    for (let c = base; c < end; c++) shown |= countsFor[cells[c]!]!;
    alive &= shown;
  }
  return alive;
}

/**
 * The ways mechanic's reference evaluation (see `Evaluate`). Rules whose symbol is not one of the
 * `candidates` pay nothing and are skipped.
 */
export function evaluateWays(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const R = t.reels;
  const rows = t.rows;
  const S = t.symbolCount;
  const cells = g.cells;
  const height = g.height;
  const wild = t.wild;
  const subst = t.subst;
  const kinds = t.kinds;
  const counts = g.counts;
  const alive = candidates(t, g);
  if (alive === 0) return 0;
  let total = 0;
  for (let i = 0; i < kinds.length; i++) {
    const rule = kinds[i]!;
    const x = rule.symbol;
    if ((alive & (1 << x)) === 0) continue;
    const own = rule.wild;
    let allWays = 1;
    let wildWays = 1;
    let run = 0;
    for (; run < R; run++) {
      const n = columnWays(t, g, run, x, own);
      if (n === 0) break;
      allWays *= n;
      wildWays *= counts[x]!;
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
      sink.report.set('ways', rule.rule, run, ways, -1, count, pay, 1, ladder, amount);
      sink.win(g);
    }
  }
  return total;
}
