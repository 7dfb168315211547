/**
 * Mapping uniform 32-bit words to unbiased integers in [0, bound), for any integer bound in
 * [1, 2^32]: Lemire's multiply-shift method with its exact rejection threshold.
 *
 * For a word w, let w·bound = hi·2^32 + lo. The candidate is hi; the word is rejected when
 * lo < t, where t = 2^32 mod bound = (2^32 − bound) mod bound. Exactly 2^32 − t of the 2^32 words
 * are accepted, and each value in [0, bound) receives (2^32 − t) / bound of them, so the result is
 * exactly uniform when the words are. No `%` is ever applied to generator output: the only `%` is
 * on the bound itself, to compute t.
 *
 * The product is computed in doubles. It is exact while w·bound < 2^53, that is for
 * bound ≤ 2^21; above that the product is split into 16-bit halves so every step stays exact.
 */
import { SlotsimError } from '../errors.js';

export const TWO_POW_32 = 4294967296;
/** 2^−32, exact in a double: multiplying by it is the same as dividing by 2^32. */
export const TWO_POW_NEG_32 = 1 / TWO_POW_32;
/** The largest bound an `Rng` accepts. */
export const MAX_BOUND = TWO_POW_32;
/** The largest bound for which `word × bound` is exact in a double (2^21 × 2^32 = 2^53). */
export const DOUBLE_LEMIRE_MAX_BOUND = 2097152;

/** Whether `bound` is an integer in [1, 2^32]. */
export function isValidBound(bound: number): boolean {
  return Number.isInteger(bound) && bound >= 1 && bound <= MAX_BOUND;
}

export function assertValidBound(bound: number): void {
  if (!isValidBound(bound)) {
    throw new SlotsimError('BAD_INPUT', `rng bound must be an integer in [1, 2^32], got ${String(bound)}`);
  }
}

/**
 * Lemire's rejection threshold for `bound`: words whose low product part is below it are rejected.
 * Equals 2^32 mod bound.
 */
export function lemireThreshold(bound: number): number {
  return (TWO_POW_32 - bound) % bound;
}

/**
 * Maps one 32-bit word to a value in [0, bound), or to −1 when the word must be rejected (draw a
 * fresh word and try again). `bound` must be valid (see `isValidBound`); it is not re-checked.
 */
export function mapWord(word: number, bound: number): number {
  let hi: number;
  let lo: number;
  if (bound <= DOUBLE_LEMIRE_MAX_BOUND) {
    const m = word * bound; // < 2^53: exact
    hi = Math.floor(m * TWO_POW_NEG_32);
    lo = m - hi * TWO_POW_32;
  } else {
    // bound = bh·2^16 + bl with bh ≤ 2^16 and bl < 2^16, so both partial products are < 2^48.
    const bh = Math.floor(bound / 65536);
    const bl = bound - bh * 65536;
    const p2 = word * bh;
    const p1 = word * bl;
    // p2 = p2hi·2^16 + p2lo, so w·bound = p2·2^16 + p1 = p2hi·2^32 + (p2lo·2^16 + p1).
    const p2hi = Math.floor(p2 / 65536);
    const p2lo = p2 - p2hi * 65536;
    const mid = p2lo * 65536 + p1; // < 2^32 + 2^48: exact
    const carry = Math.floor(mid * TWO_POW_NEG_32);
    hi = p2hi + carry;
    lo = mid - carry * TWO_POW_32;
  }
  // t < bound, so lo ≥ bound accepts without computing t (Lemire's early exit).
  if (lo < bound && lo < lemireThreshold(bound)) return -1;
  return hi;
}
