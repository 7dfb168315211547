/**
 * Pearson's χ² goodness-of-fit, for the uniformity tests.
 *
 * Critical values use the Wilson–Hilferty approximation: if X ~ χ²(k) then (X/k)^(1/3) is nearly
 * normal with mean 1 − 2/(9k) and variance 2/(9k), so the upper-α critical value is
 *   χ²_α(k) ≈ k · (1 − 2/(9k) + z_α · √(2/(9k)))³
 * with z_α the upper-α standard normal quantile. At α = 0.001 it gives 85.43 for k = 49 (table:
 * 85.35), 103.51 for k = 63 (103.44) and 22.68 for k = 6 (22.46), and errs high, so on the
 * lenient side, for tiny k: 11.16 for k = 1 (10.83), 14.13 for k = 2 (13.82).
 */

/** Upper-tail standard normal quantiles (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.1). */
export const Z_UPPER = {
  '1e-3': 3.090232,
  '1e-4': 3.719016,
  '1e-6': 4.753424,
} as const;

export function chiSquareCritical(degreesOfFreedom: number, z: number): number {
  const k = degreesOfFreedom;
  const v = 2 / (9 * k);
  return k * (1 - v + z * Math.sqrt(v)) ** 3;
}

/** Σ (observed − expected)² / expected over the cells. */
export function chiSquareStatistic(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i]!;
    const d = observed[i]! - e;
    sum += (d * d) / e;
  }
  return sum;
}
