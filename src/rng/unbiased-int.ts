/**
 * Mapping uniform 32-bit words to unbiased integers in [0, bound), for any integer bound in
 * [1, 2^53 − 1].
 *
 * Bounds up to 2^32: one word per attempt, Lemire's multiply-shift method with its exact rejection
 * threshold. For a word w, let w·bound = hi·2^32 + lo. The candidate is hi; the word is rejected
 * when lo < t, where t = 2^32 mod bound = (2^32 − bound) mod bound. Exactly 2^32 − t of the 2^32
 * words are accepted, and each value in [0, bound) receives (2^32 − t) / bound of them, so the
 * result is exactly uniform when the words are. No `%` is ever applied to a word: the only `%` is
 * on the bound itself, to compute t. The product is computed in doubles. It is exact while
 * w·bound < 2^53, that is for bound ≤ 2^21; above that the product is split into 16-bit halves so
 * every step stays exact.
 *
 * Bounds above 2^32 (format 2's calibrated weights): two words per attempt, see `mapWordPair`.
 */
import { SlotsimError } from '../errors.js';

export const TWO_POW_32 = 4294967296;
/** 2^−32, exact in a double: multiplying by it is the same as dividing by 2^32. */
export const TWO_POW_NEG_32 = 1 / TWO_POW_32;
/** 2^53: the number of values two words are reduced to for a large bound (exact in a double). */
export const TWO_POW_53 = 9007199254740992;
/** The largest bound an `Rng` accepts: 2^53 − 1, the largest integer a double holds with its neighbours. */
export const MAX_BOUND = Number.MAX_SAFE_INTEGER;
/** The largest bound served from one word (Lemire); larger bounds take two words per attempt. */
export const MAX_ONE_WORD_BOUND = TWO_POW_32;
/** The largest bound for which `word × bound` is exact in a double (2^21 × 2^32 = 2^53). */
export const DOUBLE_LEMIRE_MAX_BOUND = 2097152;

/** Whether `bound` is an integer in [1, 2^53 − 1]. */
export function isValidBound(bound: number): boolean {
  return Number.isInteger(bound) && bound >= 1 && bound <= MAX_BOUND;
}

export function assertValidBound(bound: number): void {
  if (!isValidBound(bound)) {
    throw new SlotsimError(
      'BAD_INPUT',
      `rng bound must be an integer in [1, 2^53 − 1], got ${String(bound)}`,
    );
  }
}

/**
 * Lemire's rejection threshold for `bound` ≤ 2^32: words whose low product part is below it are
 * rejected. Equals 2^32 mod bound.
 */
export function lemireThreshold(bound: number): number {
  return (TWO_POW_32 - bound) % bound;
}

/**
 * Maps one 32-bit word to a value in [0, bound), or to −1 when the word must be rejected (draw a
 * fresh word and try again). `bound` must be valid and at most 2^32; it is not re-checked.
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

/**
 * The rejection limit of a bound above 2^32: the largest multiple of `bound` that is ≤ 2^53,
 * `q·bound` with q = ⌊2^53 / bound⌋. Computed as 2^53 − (2^53 mod bound): JavaScript's `%` on
 * doubles is exact (the remainder of two doubles is always representable), and every integer up to
 * 2^53 is a double, so the limit is exact (dividing and flooring could round up past 2^53).
 */
export function largeBoundLimit(bound: number): number {
  return TWO_POW_53 - (TWO_POW_53 % bound);
}

/**
 * Maps two consecutive 32-bit words (`first` drawn before `second`) to a value in [0, bound) for a
 * bound in (2^32, 2^53 − 1], or to −1 when the pair must be rejected (draw two fresh words).
 *
 * x = ⌊first / 2^11⌋ · 2^32 + second takes the first word's high 21 bits above the second word's
 * 32: a bijection from the 2^21 · 2^32 pairs of (high bits, word) onto [0, 2^53), so x is uniform
 * on [0, 2^53) when the words are, and x < 2^53 is exact in a double. Let q = ⌊2^53 / bound⌋ ≥ 1
 * (bound < 2^53) and accept exactly when x < q·bound (`largeBoundLimit`). An accepted x is uniform
 * on [0, q·bound), and x mod bound maps it onto [0, bound) with exactly q preimages per value
 * (v, v + bound, …, v + (q − 1)·bound, all below q·bound): the result is exactly uniform. The
 * remainder of an integer below 2^53 by an integer is exact in doubles. A pair is rejected with
 * probability (2^53 mod bound) / 2^53 < bound / 2^53 ≤ 1/2 when bound is near 2^53 (about 2^−21
 * for a bound just above 2^32), so the expected number of words per draw is at most 4.
 */
export function mapWordPair(first: number, second: number, bound: number): number {
  const x = (first >>> 11) * TWO_POW_32 + second;
  if (x >= largeBoundLimit(bound)) return -1;
  return x % bound;
}
