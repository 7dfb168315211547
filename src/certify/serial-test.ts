import type { SimulationDetail } from '../sim/detail-types.js';
import { normalTwoSided } from './chi-square.js';

/** Successive pairs below which the lag-1 test is not made (its z is not yet normal). */
export const MIN_PAIRS = 1_000;

export interface SerialTest {
  readonly draws: number;
  readonly pairs: number;
  /** Lag-1 sample autocorrelation of the normalized draws u = (draw + ½) / bound. */
  readonly correlation: number;
  /** correlation × √pairs, standard normal for independent draws. */
  readonly z: number;
  /** Two-sided. */
  readonly pValue: number;
}

/**
 * The lag-1 serial correlation of successive draws within each chunk's stream: r = Σ(uᵢ − ū)(uᵢ₊₁ − ū)
 * / pairs over Σ(uᵢ − ū)² / draws. For independent draws √pairs · r is asymptotically N(0, 1).
 */
export function serialTest(serial: SimulationDetail['serial']): SerialTest | null {
  const { draws, pairs } = serial;
  // The normal approximation of √pairs · r needs many pairs: fewer than this, no test.
  if (pairs < MIN_PAIRS) return null;
  const mean = serial.sum / draws;
  const variance = serial.sumOfSquares / draws - mean * mean;
  const covariance =
    (serial.sumOfProducts - mean * (serial.sumOfLeading + serial.sumOfTrailing)) / pairs + mean * mean;
  const correlation = variance > 0 ? covariance / variance : 0;
  const z = correlation * Math.sqrt(pairs);
  return { draws, pairs, correlation, z, pValue: normalTwoSided(z) };
}
