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

/** A bucket of the distribution table: round wins in (`above`, `upTo`], credits. */
export interface Bucket {
  readonly label: string;
  /** Exclusive lower end, credits (−1 for the "0" bucket). */
  readonly above: number;
  /** Inclusive upper end, credits (Infinity for the last bucket of a game without a cap). */
  readonly upTo: number;
  /** The bucket of rounds that end on the max-win cap. */
  readonly cap: boolean;
}

/**
 * The table's buckets for a game: 0, ≤1, ≤2, … in multiples of the stake; with a max-win cap, the
 * buckets stop below the cap, one bucket holds the wins between the last limit and the cap
 * ("<500"), and the cap has its own ("=500"): no round can win more, so no bucket lies above it.
 */
export function distributionBuckets(stake: number, cap: number | null): Bucket[] {
  const buckets: Bucket[] = [{ label: '0', above: -1, upTo: 0, cap: false }];
  let above = 0;
  for (const limit of BUCKET_LIMITS) {
    const upTo = limit * stake;
    if (cap !== null && upTo >= cap) break;
    buckets.push({ label: `<=${limit}`, above, upTo, cap: false });
    above = upTo;
  }
  if (cap === null) {
    buckets.push({ label: `>${BUCKET_LIMITS.at(-1)!}`, above, upTo: Number.POSITIVE_INFINITY, cap: false });
    return buckets;
  }
  const capX = String(cap / stake);
  if (cap - 1 > above) buckets.push({ label: `<${capX}`, above, upTo: cap - 1, cap: false });
  if (cap > 0) buckets.push({ label: `=${capX}`, above: cap - 1, upTo: cap, cap: true });
  return buckets;
}

/** The index of the bucket holding `win` credits (wins past a cap fall in the cap's bucket). */
export function bucketOfWin(buckets: readonly Bucket[], win: number): number {
  for (let i = 0; i < buckets.length; i++) if (win <= buckets[i]!.upTo) return i;
  return buckets.length - 1;
}

/** A row of the table with its bucket's flag: whether it is the cap's own bucket. */
export type BucketRow = DistributionRow & { readonly cap: boolean };

/** `distributionTable` in the buckets of `distributionBuckets` (a cap's own bucket, none above it). */
export function bucketTable(
  histogram: ReadonlyMap<number, bigint>,
  stake: number,
  cap: number | null,
): BucketRow[] {
  const buckets = distributionBuckets(stake, cap);
  const counts = buckets.map(() => 0n);
  const wins = buckets.map(() => 0n);
  let rounds = 0n;
  let total = 0n;
  for (const [win, count] of histogram) {
    const b = bucketOfWin(buckets, win);
    counts[b]! += count;
    wins[b]! += BigInt(win) * count;
    rounds += count;
    total += BigInt(win) * count;
  }
  return buckets.map((bucket, i) => ({
    bucket: bucket.label,
    cap: bucket.cap,
    count: Number(counts[i]!),
    share: ratio(counts[i]!, rounds),
    rtp: ratio(wins[i]!, rounds * BigInt(stake)),
    shareOfRtp: ratio(wins[i]!, total),
  }));
}
