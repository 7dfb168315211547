import type { Reel, ReelSet } from '../engine/model.js';

/**
 * Per-reel symbol distributions, weights and row offsets included. A stop's weight is its weight
 * on a weighted reel and 1 otherwise; a reel's weights sum to its draw bound, so every count here
 * is a whole number of weighted stop combinations (a "cycle" is every stop combination of a reel
 * set, each counted by the product of its stops' weights).
 */

/** The weight of stop `stop`: its weight on a weighted reel, 1 otherwise. */
export function stopWeight(reel: Reel, stop: number): number {
  return reel.weights === null ? 1 : reel.weights[stop]!;
}

/** Weighted stop combinations of a reel set: the product of its reels' draw bounds. */
export function cycleSize(set: ReelSet): bigint {
  return set.reels.reduce((product, reel) => product * BigInt(reel.drawBound), 1n);
}

/** Plain stop combinations (what an enumeration iterates): the product of the strip lengths. */
export function stopCombinations(set: ReelSet): number {
  return set.reels.reduce((product, reel) => product * reel.strip.length, 1);
}

/** The symbol at row `row` when the reel stops at `stop` (the stop is the top row). */
export function symbolAt(reel: Reel, stop: number, row: number): number {
  return reel.strip[(stop + row) % reel.strip.length]!;
}

/**
 * `counts[s]`: weighted stops at which row `row` shows symbol s. On an unweighted strip this is the
 * same for every row (a rotation); on a weighted one it differs per row offset.
 */
export function rowDistribution(reel: Reel, row: number, symbolCount: number): bigint[] {
  const counts = new Array<bigint>(symbolCount).fill(0n);
  for (let stop = 0; stop < reel.strip.length; stop++) {
    const s = symbolAt(reel, stop, row);
    counts[s] = counts[s]! + BigInt(stopWeight(reel, stop));
  }
  return counts;
}

/** How many of the `rows` cells of the reel show `symbol` when it stops at `stop`. */
export function cellsShowing(reel: Reel, stop: number, rows: number, symbol: number): number {
  let n = 0;
  for (let k = 0; k < rows; k++) if (symbolAt(reel, stop, k) === symbol) n++;
  return n;
}

/** `dist[c]`: weighted stops of one reel whose window column shows exactly c cells of `symbol`. */
export function reelCellCounts(reel: Reel, rows: number, symbol: number): bigint[] {
  const dist = new Array<bigint>(rows + 1).fill(0n);
  for (let stop = 0; stop < reel.strip.length; stop++) {
    const c = cellsShowing(reel, stop, rows, symbol);
    dist[c] = dist[c]! + BigInt(stopWeight(reel, stop));
  }
  return dist;
}

/** The distribution of a sum of independent counts: (a ∗ b)[k] = Σ a[i]·b[k−i]. */
export function convolve(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  a.forEach((x, i) => {
    if (x === 0n) return;
    b.forEach((y, j) => {
      out[i + j] = out[i + j]! + x * y;
    });
  });
  return out;
}

/**
 * `dist[c]`: weighted stop combinations of the whole reel set whose window shows exactly c cells of
 * `symbol` (length reels × rows + 1; sums to the cycle size). The reels stop independently, so
 * this is the convolution of the per-reel distributions.
 */
export function windowCellCounts(set: ReelSet, rows: number, symbol: number): bigint[] {
  return set.reels.reduce<bigint[]>((dist, reel) => convolve(dist, reelCellCounts(reel, rows, symbol)), [1n]);
}
