import type { ChunkPoint } from '../sim/run-chunks.js';
import { ratio } from '../stats/ratio.js';
import type { ConvergenceSection } from './report-types.js';
import { Z99 } from './verdict.js';

/**
 * The RTP after each chunk of the simulation, with the band center ∓ z₀.₉₉ · sd / √rounds that a
 * correct simulation stays inside 99% of the time at any one point.
 */
export function convergence(
  chunks: readonly ChunkPoint[],
  stake: number,
  center: { readonly value: number; readonly kind: 'exact' | 'simulated' },
  sd: { readonly value: number; readonly source: 'exact' | 'simulated' },
): ConvergenceSection {
  let rounds = 0;
  let total = 0n;
  const points = chunks.map((chunk) => {
    rounds += chunk.rounds;
    total += chunk.total;
    const half = (Z99 * sd.value) / Math.sqrt(rounds);
    return {
      rounds,
      rtp: ratio(total, BigInt(rounds) * BigInt(stake)),
      low: center.value - half,
      high: center.value + half,
    };
  });
  return {
    center: center.value,
    centerKind: center.kind,
    sd: sd.value,
    sdSource: sd.source,
    z: Z99,
    points,
  };
}
