import { Z } from '../stats/confidence.js';
import type { RtpRange, Volatility } from './analysis-types.js';

/** Volatility index VI = z × sd (sd of one round, × stake) at 90% (the industry's usual), 95% and 99%. */
export function volatilityIndex(sd: number): Volatility {
  return { '90': Z[90] * sd, '95': Z[95] * sd, '99': Z[99] * sd };
}

/** The rounds the RTP-range table is given for: 10^3 … 10^8. */
export const RANGE_ROUNDS = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8] as const;

/** Where the realised RTP of n rounds lies with 90/95/99% confidence: rtp ± z·sd/√n (normal approximation). */
export function rtpRanges(rtp: number, sd: number): RtpRange[] {
  const range = (n: number, z: number): readonly [number, number] => [
    rtp - (z * sd) / Math.sqrt(n),
    rtp + (z * sd) / Math.sqrt(n),
  ];
  return RANGE_ROUNDS.map((rounds) => ({
    rounds,
    '90': range(rounds, Z[90]),
    '95': range(rounds, Z[95]),
    '99': range(rounds, Z[99]),
  }));
}
