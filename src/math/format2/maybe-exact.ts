/**
 * A number that is exact (a fraction) as long as every input was: sums and products of
 * `MaybeExact` values keep the fraction while both sides have one, and fall back to doubles
 * (exact inputs computed in double precision) as soon as one side does not.
 */
import { add as addF, frac, mul as mulF, toNumber } from '../fraction.js';
import type { Fraction } from '../fraction.js';

export interface MaybeExact {
  readonly value: number;
  readonly exact: Fraction | null;
}

export function exact(f: Fraction): MaybeExact {
  return { value: toNumber(f), exact: f };
}

export function approx(value: number): MaybeExact {
  return { value, exact: null };
}

export const M_ZERO: MaybeExact = exact(frac(0));
export const M_ONE: MaybeExact = exact(frac(1));

export function madd(a: MaybeExact, b: MaybeExact): MaybeExact {
  if (a.exact !== null && b.exact !== null) return exact(addF(a.exact, b.exact));
  return approx(a.value + b.value);
}

export function mmul(a: MaybeExact, b: MaybeExact): MaybeExact {
  if (a.exact !== null && b.exact !== null) return exact(mulF(a.exact, b.exact));
  return approx(a.value * b.value);
}

export function msum(parts: readonly MaybeExact[]): MaybeExact {
  return parts.reduce(madd, M_ZERO);
}
