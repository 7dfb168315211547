/**
 * Cluster pays. Cells are adjacent when they share a side. For each rule of a non-wild X (in
 * `pays` order), the clusters of X are the connected groups of cells showing X or a wild standing
 * for X that hold at least one X: a flood fill from every X cell not yet in a cluster of X, in
 * reel-major order. Wild cells joined to X cells only through each other belong to the cluster;
 * one wild cell may belong to clusters of several symbols and counts in each. A cluster of n cells
 * pays the entry for n × the multipliers of its wild cells. A win holds the cluster's cells.
 */
import type { Grid } from '../../grid.js';
import type { SpinTables } from '../../spin-tables.js';
import type { PayMechanic, WinSink } from '../pay-mechanic.js';
import { combineWild, wildFinish, wildStart, wildValue } from '../pay-mechanic.js';

/**
 * Groups the cells by symbol: `byCell[offsets[s] … offsets[s + 1] − 1]` are the cells of s,
 * ascending. Returns the number of wild cells.
 */
function bucketBySymbol(t: SpinTables, g: Grid): number {
  const S = t.symbolCount;
  const cells = g.cells;
  const offsets = g.offsets;
  const cursor = g.counts;
  const wild = t.wild;
  let wilds = 0;
  offsets.fill(0);
  for (let c = 0; c < t.cellCount; c++) {
    const s = cells[c]!;
    if (s < 0) continue;
    offsets[s + 1]!++;
    wilds += wild[s]!;
  }
  for (let s = 0; s < S; s++) {
    offsets[s + 1]! += offsets[s]!;
    cursor[s] = offsets[s]!;
  }
  const byCell = g.byCell;
  for (let c = 0; c < t.cellCount; c++) {
    const s = cells[c]!;
    if (s >= 0) byCell[cursor[s]!++] = c;
  }
  return wilds;
}

/** Sorts the first n win cells ascending (reel-major); clusters are small. */
function sortCells(cells: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const c = cells[i]!;
    let j = i - 1;
    while (j >= 0 && cells[j]! > c) {
      cells[j + 1] = cells[j]!;
      j--;
    }
    cells[j + 1] = c;
  }
}

function evaluateCluster(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const S = t.symbolCount;
  const cells = g.cells;
  const marks = g.marks;
  const stack = g.stack;
  const members = g.winCells;
  const neighbours = t.neighbours;
  const wild = t.wild;
  const subst = t.subst;
  const sum = t.sum;
  const kinds = t.kinds;
  const offsets = g.offsets;
  const byCell = g.byCell;
  const wilds = bucketBySymbol(t, g);
  const first = g.reserveMarks(t.cellCount + 1);
  let total = 0;
  for (let i = 0; i < kinds.length; i++) {
    const rule = kinds[i]!;
    if (rule.wild) continue;
    const x = rule.symbol;
    const end = offsets[x + 1]!;
    // No cluster of x can reach a paying size: skip the flood.
    if (end - offsets[x]! + wilds < t.minCount[x]!) continue;
    for (let b = offsets[x]!; b < end; b++) {
      const seed = byCell[b]!;
      if (marks[seed]! >= first) continue;
      const cluster = g.nextMark();
      marks[seed] = cluster;
      stack[0] = seed;
      let top = 1;
      let size = 0;
      let acc = wildStart(sum);
      while (top > 0) {
        const c = stack[--top]!;
        members[size++] = c;
        const s = cells[c]!;
        if (s !== x) acc = combineWild(sum, acc, wildValue(t, g, c, s));
        for (let e = 4 * c, stop = e + 4; e < stop; e++) {
          const n = neighbours[e]!;
          if (n < 0 || marks[n] === cluster) continue;
          const sn = cells[n]!;
          if (sn === x || (sn >= 0 && wild[sn] === 1 && subst[sn * S + x] === 1)) {
            marks[n] = cluster;
            stack[top++] = n;
          }
        }
      }
      const pay = rule.pays[size]!;
      if (!(pay > 0)) continue;
      const multiplier = wildFinish(sum, acc);
      const amount = pay * multiplier * ladder;
      total += amount;
      if (mark) for (let k = 0; k < size; k++) g.removed[members[k]!] = 1;
      if (sink !== null) {
        sortCells(members, size);
        sink.report.set('cluster', rule.rule, size, 1, -1, size, pay, multiplier, ladder, amount);
        sink.win(g);
      }
    }
  }
  return total;
}

export const CLUSTER: PayMechanic<'cluster'> = {
  kind: 'cluster',
  winKind: 'cluster',
  evaluate: evaluateCluster,
  combinationKey: (rule, count) => `cluster:${rule}:${count}`,
  fastKernel: null,
  fullCycle: null,
  perReel: null,
};
