/** Two-sided standard normal quantiles used for confidence intervals. */
export const Z = {
  90: 1.6448536269514722,
  95: 1.959963984540054,
  99: 2.5758293035489004,
  99.9: 3.2905267314918945,
} as const;

export type ConfidenceLevel = keyof typeof Z;

/** The interval mean ± z·sd/√n. */
export function interval(mean: number, sd: number, n: number, level: ConfidenceLevel): [number, number] {
  const half = n > 0 ? (Z[level] * sd) / Math.sqrt(n) : Number.POSITIVE_INFINITY;
  return [mean - half, mean + half];
}

/**
 * An interval cut to the range its quantity can take: an RTP lies in [0, the largest round win ÷
 * stake], a probability in [0, 1]. A normal interval around a mean near a bound reaches past it
 * (an RTP interval below 0); the part outside holds no possible value.
 */
export function clipInterval(
  [low, high]: readonly [number, number],
  [min, max]: readonly [number, number],
): [number, number] {
  return [Math.min(Math.max(low, min), max), Math.max(Math.min(high, max), min)];
}

/**
 * Fewer rounds than this give no interval. The interval mean ± z·s/√n takes the sample sd s for
 * the true sd, and the normal quantile z for Student's: with n = 100 rounds the 99 % quantile of
 * Student's t (2.626) is within 2 % of z (2.576); with 30 it is 7 % above, with 10 it is 27 %. Slot
 * wins are so skewed that even 100 rounds give a rough interval; fewer give none worth printing.
 */
export const MIN_INTERVAL_ROUNDS = 100;

/**
 * Why the normal interval of a mean over `n` rounds whose sample sd is `sd` means nothing, or null:
 * too few rounds, or rounds that all won the same (s = 0 says nothing of the spread of the wins;
 * the interval would have zero width).
 */
export function intervalProblem(n: number, sd: number): string | null {
  if (n < MIN_INTERVAL_ROUNDS) {
    return `no interval from ${n.toLocaleString('en-US')} round${n === 1 ? '' : 's'}: it needs at least ${MIN_INTERVAL_ROUNDS}`;
  }
  if (sd === 0) {
    return `no interval: all ${n.toLocaleString('en-US')} rounds won the same, which says nothing of how much wins spread`;
  }
  return null;
}
