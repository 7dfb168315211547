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
