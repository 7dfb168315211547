import type { RoundDistribution } from '../math/round-distribution.js';
import { ratio } from '../stats/ratio.js';

/** The skewness of a round's win and how it was obtained. */
export interface Skewness {
  readonly value: number;
  readonly source: 'exact' | 'simulated';
}

/**
 * The sample skewness of a histogram of round wins (win → rounds): m₃ / m₂^1.5 with the central
 * moments computed exactly in bigint (n²·S₃ − 3n·S₁·S₂ + 2·S₁³ over n³), so nothing cancels in
 * doubles. Null with fewer than two distinct wins (no spread to measure).
 */
export function histogramSkewness(histogram: ReadonlyMap<number, bigint>): number | null {
  let n = 0n;
  let s1 = 0n;
  let s2 = 0n;
  let s3 = 0n;
  for (const [win, count] of histogram) {
    const x = BigInt(win);
    n += count;
    s1 += x * count;
    s2 += x * x * count;
    s3 += x * x * x * count;
  }
  if (n < 2n) return null;
  const m2 = ratio(n * s2 - s1 * s1, n * n);
  if (!(m2 > 0)) return null;
  const m3 = ratio(n * n * s3 - 3n * n * s1 * s2 + 2n * s1 * s1 * s1, n * n * n);
  return m3 / m2 ** 1.5;
}

/**
 * The skewness of the exact whole-round distribution (central moments in a second pass); null when
 * wins past the table's last bucket were lumped (an uncapped game's tail is not in `below`).
 */
export function distributionSkewness(d: RoundDistribution): number | null {
  if (!d.capped && d.atLimit > 0) return null;
  const mean = d.mean;
  let m2 = (d.limit - mean) ** 2 * d.atLimit;
  let m3 = (d.limit - mean) ** 3 * d.atLimit;
  for (let x = 0; x < d.limit; x++) {
    const p = d.below[x]!;
    if (p === 0) continue;
    const e = x - mean;
    m2 += e * e * p;
    m3 += e * e * e * p;
  }
  return m2 > 0 ? m3 / m2 ** 1.5 : null;
}
