/**
 * Cluster pays. Cells are adjacent when they share a side. For each rule of a non-wild X (in
 * `pays` order), the clusters of X are the connected groups of cells showing X or a wild standing
 * for X that hold at least one X: a flood fill from every X cell not yet in a cluster of X, in
 * reel-major order. Wild cells joined to X cells only through each other belong to the cluster;
 * one wild cell may belong to clusters of several symbols and counts in each. A cluster of n cells
 * pays the entry for n × the multipliers of its wild cells. A win holds the cluster's cells.
 *
 * `evaluateClusterReference` is that reading, cell by cell. The mechanic evaluates with
 * `evaluateCluster`, which finds the same clusters in the same order on bit sets (a word holds
 * several reels: `CellBits`; larger grids use the reference) and must report exactly what the
 * reference does (tested on random grids): the same wins, in the same order, with the same cells
 * and multipliers.
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

/**
 * Floods the cluster of x holding `seed` (cells showing x, or a wild standing for x, that share a
 * side) under a fresh mark: leaves its cells in `g.winCells` in visiting order and returns its size.
 */
function floodFrom(t: SpinTables, g: Grid, x: number, seed: number): number {
  const S = t.symbolCount;
  const cells = g.cells;
  const marks = g.marks;
  const stack = g.stack;
  const members = g.winCells;
  const neighbours = t.neighbours;
  const wild = t.wild;
  const subst = t.subst;
  const cluster = g.nextMark();
  marks[seed] = cluster;
  stack[0] = seed;
  let top = 1;
  let size = 0;
  while (top > 0) {
    const c = stack[--top]!;
    members[size++] = c;
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
  return size;
}

/**
 * The wild multiplier of the cluster of x in `g.winCells[0 … size − 1]`, its wild cells' values
 * folded in that order (the flood's: with three or more, a product past 2^53 rounds by order).
 */
function foldWilds(t: SpinTables, g: Grid, x: number, size: number): number {
  const cells = g.cells;
  const members = g.winCells;
  const sum = t.sum;
  let acc = wildStart(sum);
  for (let k = 0; k < size; k++) {
    const c = members[k]!;
    const s = cells[c]!;
    if (s !== x) acc = combineWild(sum, acc, wildValue(t, g, c, s));
  }
  return wildFinish(sum, acc);
}

/** The reference evaluation: a flood fill from every X cell, cell by cell (the spec's reading). */
export function evaluateClusterReference(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const marks = g.marks;
  const members = g.winCells;
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
      const size = floodFrom(t, g, x, seed);
      const pay = rule.pays[size]!;
      if (!(pay > 0)) continue;
      const multiplier = foldWilds(t, g, x, size);
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

/** Cells in an int32 bit set word. */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Appends the cells of bit set `m` of word `w` to `out` from index n, ascending; returns the new n. */
function cellsOf(m: number, w: number, cellAt: Int32Array, out: Int32Array, n: number): number {
  while (m !== 0) {
    const b = m & -m;
    m ^= b;
    out[n++] = cellAt[32 * w + 31 - Math.clz32(b)]!;
  }
  return n;
}

/**
 * The mechanic's evaluation: the reference's clusters, found on bit sets (`CellBits`: two words,
 * held in locals). Per rule of x, the cells that may join (x and the wilds standing for x) and the
 * seeds (x) are bit sets. Cells with no neighbour that may join are dropped first (a cluster of one
 * cannot pay when the smallest paying size is 2 or more; most clusters are such cells). A cluster
 * grows from the lowest seed left (the reference's next flood) by dilation — a row up, a row down,
 * the neighbouring reels — masked to the cells that may join, until it stops growing; clusters of
 * x are disjoint, so once the cells left cannot make a paying cluster, x is done. Cells are listed
 * (ascending: reel-major, as the record wants) only for a cluster that pays.
 */
function evaluateCluster(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const bits = g.bits;
  if (bits === null) return evaluateClusterReference(t, g, ladder, sink, mark);
  const S = t.symbolCount;
  const cells = g.cells;
  const symbolBits = g.symbolBits;
  const rows = t.rows;
  const lanes = bits.lanesPerWord;
  for (let i = 0; i < symbolBits.length; i++) symbolBits[i] = 0;
  for (let r = 0, c = 0, w = 0, at = 0, inWord = 0; r < t.reels; r++) {
    for (let k = 0; k < rows; k++, c++) {
      const s = cells[c]!;
      if (s >= 0) symbolBits[2 * s + w]! |= 1 << (at + k);
    }
    at += rows;
    if (++inWord === lanes) {
      w = 1;
      at = 0;
      inWord = 0;
    }
  }
  // A shift up or down by one row keeps to its lane; a shift by `rows` moves to the next or
  // previous reel; `top` carries word 1's first reel to word 0's last and back. Bits a shift
  // pushes past the lanes are cleared by the mask of cells that may join.
  const notFirst = ~bits.firstRows;
  const notLast = ~bits.lastRows;
  const top = (lanes - 1) * rows;
  const cellAt = bits.cellAt;
  const wilds = t.wilds;
  const subst = t.subst;
  const kinds = t.kinds;
  const members = g.winCells;
  let total = 0;
  for (let i = 0; i < kinds.length; i++) {
    const rule = kinds[i]!;
    if (rule.wild) continue;
    const x = rule.symbol;
    const min = t.minCount[x]!;
    let seeds0 = symbolBits[2 * x]!;
    let seeds1 = symbolBits[2 * x + 1]!;
    if ((seeds0 | seeds1) === 0) continue;
    let may0 = seeds0;
    let may1 = seeds1;
    for (let k = 0; k < wilds.length; k++) {
      const v = wilds[k]!;
      if (subst[v * S + x] === 1) {
        may0 |= symbolBits[2 * v]!;
        may1 |= symbolBits[2 * v + 1]!;
      }
    }
    if (min > 1) {
      const near0 =
        ((may0 << 1) & notFirst) |
        ((may0 >>> 1) & notLast) |
        (may0 << rows) |
        (may0 >>> rows) |
        (may1 << top);
      const near1 =
        ((may1 << 1) & notFirst) |
        ((may1 >>> 1) & notLast) |
        (may1 << rows) |
        (may1 >>> rows) |
        (may0 >>> top);
      may0 &= near0;
      may1 &= near1;
      seeds0 &= near0;
      seeds1 &= near1;
    }
    let left = popcount(may0) + popcount(may1);
    while (left >= min) {
      let c0: number;
      let c1: number;
      if (seeds0 !== 0) {
        c0 = seeds0 & -seeds0;
        c1 = 0;
      } else if (seeds1 !== 0) {
        c0 = 0;
        c1 = seeds1 & -seeds1;
      } else break;
      const seed = cellAt[c0 !== 0 ? 31 - Math.clz32(c0) : 63 - Math.clz32(c1)]!;
      while (true) {
        const n0 =
          (c0 |
            ((c0 << 1) & notFirst) |
            ((c0 >>> 1) & notLast) |
            (c0 << rows) |
            (c0 >>> rows) |
            (c1 << top)) &
          may0;
        const n1 =
          (c1 |
            ((c1 << 1) & notFirst) |
            ((c1 >>> 1) & notLast) |
            (c1 << rows) |
            (c1 >>> rows) |
            (n0 >>> top)) &
          may1;
        if (n0 === c0 && n1 === c1) break;
        c0 = n0;
        c1 = n1;
      }
      const size = popcount(c0) + popcount(c1);
      may0 &= ~c0;
      may1 &= ~c1;
      seeds0 &= ~c0;
      seeds1 &= ~c1;
      left -= size;
      const pay = rule.pays[size]!;
      if (!(pay > 0)) continue;
      // The wild cells of the cluster, ascending.
      const wild0 = c0 & ~symbolBits[2 * x]!;
      const wild1 = c1 & ~symbolBits[2 * x + 1]!;
      let multiplier = 1;
      if ((wild0 | wild1) !== 0) {
        const wildCells = cellsOf(wild1, 1, cellAt, members, cellsOf(wild0, 0, cellAt, members, 0));
        if (wildCells > 2) {
          // Three or more: folded in the reference flood's visiting order (see `foldWilds`).
          g.reserveMarks(1);
          multiplier = foldWilds(t, g, x, floodFrom(t, g, x, seed));
        } else {
          // Two or fewer fold to the same number in any order: the listed ones (all wild).
          multiplier = foldWilds(t, g, x, wildCells);
        }
      }
      const amount = pay * multiplier * ladder;
      total += amount;
      if (mark || sink !== null) {
        cellsOf(c1, 1, cellAt, members, cellsOf(c0, 0, cellAt, members, 0));
        if (mark) for (let k = 0; k < size; k++) g.removed[members[k]!] = 1;
        if (sink !== null) {
          sink.report.set('cluster', rule.rule, size, 1, -1, size, pay, multiplier, ladder, amount);
          sink.win(g);
        }
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
