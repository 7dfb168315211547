import type { Analysis, Precision, RtpRange, Volatility } from '../math/index.js';
import { rtpRanges, volatilityIndex } from '../math/index.js';
import type { SimulationReport } from '../sim/simulate.js';

/**
 * The volatility index at 90/95/99 % and the RTP range after 10³ … 10⁸ rounds, as `analyze`
 * computes them (`src/math/volatility.ts`): from the exact RTP and sd of one round when the
 * analysis has them, else from this run's simulated RTP and sd (a binding cap, or a cycle too
 * large to enumerate), and the section says which.
 */
export interface VolatilitySection {
  /** Where the RTP and sd come from. */
  readonly source: 'exact' | 'simulated';
  readonly rtp: number;
  /** Standard deviation of one round's win, × stake. */
  readonly sd: number;
  readonly index: Volatility;
  readonly ranges: readonly RtpRange[];
}

export function volatilitySection(analysis: Analysis, simulation: SimulationReport): VolatilitySection {
  const sd = analysis.sd;
  const rtp = analysis.rtp;
  const computed = (precision: Precision): boolean => precision !== 'uncapped' && precision !== 'simulated';
  const exact =
    sd !== null &&
    computed(sd.precision) &&
    computed(rtp.precision) &&
    analysis.volatility !== null &&
    analysis.rtpRanges !== null;
  if (exact) {
    return {
      source: 'exact',
      rtp: rtp.value,
      sd: sd.value,
      index: analysis.volatility,
      ranges: analysis.rtpRanges,
    };
  }
  return {
    source: 'simulated',
    rtp: simulation.rtp,
    sd: simulation.sd,
    index: volatilityIndex(simulation.sd),
    ranges: rtpRanges(simulation.rtp, simulation.sd),
  };
}
