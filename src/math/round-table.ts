import { bucketOfWin, distributionBuckets } from '../stats/distribution.js';
import type { RoundDistribution } from './round-distribution.js';

/** A bucket of the exact whole-round distribution (probabilities, so no round counts). */
export interface ExactBucketRow {
  readonly bucket: string;
  /** The bucket of rounds that end on the max-win cap. */
  readonly cap: boolean;
  readonly share: number;
  /** What the bucket's wins return, as a fraction of the stake. */
  readonly rtp: number;
  readonly shareOfRtp: number;
}

/**
 * The exact whole-round distribution in the table's buckets (`distributionBuckets`). With a cap the
 * lumped mass is the cap's own bucket; without one it is everything past the last limit, whose
 * return is the exact RTP (`rtp`, × stake) less the other buckets'.
 */
export function exactDistributionRows(d: RoundDistribution, stake: number, rtp: number): ExactBucketRow[] {
  const buckets = distributionBuckets(stake, d.capped ? d.limit : null);
  const shares = buckets.map(() => 0);
  const wins = buckets.map(() => 0);
  for (let x = 0; x < d.limit; x++) {
    const p = d.below[x]!;
    if (p === 0) continue;
    const b = bucketOfWin(buckets, x);
    shares[b]! += p;
    wins[b]! += x * p;
  }
  const last = buckets.length - 1;
  shares[last]! += d.atLimit;
  if (d.capped) wins[last]! += d.limit * d.atLimit;
  const totalWins = d.capped ? d.mean : rtp * stake;
  if (!d.capped) wins[last] = Math.max(0, totalWins - wins.slice(0, last).reduce((a, b) => a + b, 0));
  return buckets.map((bucket, i) => ({
    bucket: bucket.label,
    cap: bucket.cap,
    share: shares[i]!,
    rtp: wins[i]! / stake,
    shareOfRtp: totalWins > 0 ? wins[i]! / totalWins : 0,
  }));
}
