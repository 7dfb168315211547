/** Small builders shared by the compile step. */
import { byCountRanges } from './count-keys.js';

/**
 * An array "by count" of length `cells + 1`: entry k is the value of the key covering count k
 * (`"3"`, or in format 2 `"3-5"`, `"3+"`), 0 for none.
 */
export function byCount<V>(
  cells: number,
  record: Readonly<Record<string, V>>,
  value: (v: V) => number,
): number[] {
  return byCountRanges(cells, record, value, 0);
}

/** Running sums: `cumulative[i] = w0 + … + wi`. */
export function runningSums(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A record without a prototype, so that no id ("constructor", "toString") finds something it did not define. */
export function record<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}
