/**
 * Turning computed numbers into labelled figures (`Figure.precision`), as the format-2 spec's
 * "Exactness" asks: `exact` (a fraction), `exact-double` (exact inputs through a chain or a
 * programme in doubles), `exact-expectation` (a mean computed with value tables replaced by tables
 * of the same mean: the mean is right, no distribution was computed; only where the cap cannot
 * bind) and `simulated`.
 */
import type { Figure } from '../analysis-types.js';
import { frac, mul, toNumber } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import type { MaybeExact } from './maybe-exact.js';
import type { SimulatedMean } from './format2-types-sim.js';

/** A computed mean: exact when it has a fraction, else exact-double; `expectation` marks a two-point mean. */
export function labelled(m: MaybeExact, expectation: boolean): Figure {
  if (expectation) return { value: m.value, exact: m.exact, precision: 'exact-expectation' };
  return m.exact === null
    ? { value: m.value, exact: null, precision: 'exact-double' }
    : { value: toNumber(m.exact), exact: m.exact, precision: 'exact' };
}

/** The same divided by a stake (credits → × stake). */
export function perStake(m: MaybeExact, stake: number): MaybeExact {
  return m.exact === null
    ? { value: m.value / stake, exact: null }
    : { value: m.value / stake, exact: mul(m.exact, frac(1, stake)) };
}

export function simulatedFigure(s: SimulatedMean): Figure {
  return { value: s.value, exact: null, precision: 'simulated', interval99: s.interval99 };
}

export function fractionFigure(f: Fraction): Figure {
  return { value: toNumber(f), exact: f, precision: 'exact' };
}
