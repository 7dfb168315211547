import { ratio } from './ratio.js';

/**
 * The win-distribution table: round wins in multiples of the stake, bucketed as
 * 0, ≤1, ≤2, ≤5, ≤10, ≤20, ≤50, ≤100, ≤250, ≤500, ≤1000, ≤5000, >5000.
 */
export const BUCKET_LIMITS = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000] as const;

export interface DistributionRow {
  /** "0", "<=1", …, ">5000" (multiples of the stake). */
  readonly bucket: string;
  readonly count: number;
  /** Share of rounds. */
  readonly share: number;
  /** What the bucket's wins return, as a fraction of the stake. */
  readonly rtp: number;
  /** The bucket's share of the whole RTP. */
  readonly shareOfRtp: number;
}

function bucketOf(win: number, stake: number): number {
  if (win === 0) return 0;
  for (let i = 0; i < BUCKET_LIMITS.length; i++) if (win <= BUCKET_LIMITS[i]! * stake) return i + 1;
  return BUCKET_LIMITS.length + 1;
}

/**
 * Buckets a histogram (round win in credits → weight) into the distribution table. Weights are
 * bigints so exact cycle counts and simulated counts go through the same code.
 */
export function distributionTable(histogram: ReadonlyMap<number, bigint>, stake: number): DistributionRow[] {
  const labels = ['0', ...BUCKET_LIMITS.map((limit) => `<=${limit}`), `>${BUCKET_LIMITS.at(-1)!}`];
  const counts = labels.map(() => 0n);
  const wins = labels.map(() => 0n);
  let rounds = 0n;
  let total = 0n;
  for (const [win, count] of histogram) {
    const b = bucketOf(win, stake);
    counts[b]! += count;
    wins[b]! += BigInt(win) * count;
    rounds += count;
    total += BigInt(win) * count;
  }
  return labels.map((bucket, i) => ({
    bucket,
    count: Number(counts[i]!),
    share: ratio(counts[i]!, rounds),
    rtp: ratio(wins[i]!, rounds * BigInt(stake)),
    shareOfRtp: ratio(wins[i]!, total),
  }));
}
