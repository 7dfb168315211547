import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BufferedRng } from '../../src/rng/buffered-rng.js';
import {
  DOUBLE_LEMIRE_MAX_BOUND,
  isValidBound,
  lemireThreshold,
  mapWord,
  MAX_ONE_WORD_BOUND,
} from '../../src/rng/unbiased-int.js';
import type { WordFiller } from '../../src/rng/word-filler.js';
import { isSlotsimError } from '../../src/errors.js';

const TWO_32 = 2n ** 32n;

/** Lemire's method in exact integer arithmetic: the specification `mapWord` must meet. */
function referenceMap(word: number, bound: number): number {
  const product = BigInt(word) * BigInt(bound);
  const lo = product % TWO_32;
  const threshold = TWO_32 % BigInt(bound);
  return lo < threshold ? -1 : Number(product / TWO_32);
}

/** A filler serving `words` in order, repeating them as needed. */
function fillerOf(words: readonly number[]): WordFiller {
  let next = 0;
  return (buffer) => {
    for (let i = 0; i < buffer.length; i++) {
      buffer[i] = words[next % words.length]!;
      next++;
    }
  };
}

const word = fc.integer({ min: 0, max: 0xffffffff });
/** One-word bounds across their whole range, weighted towards the edges of the two product methods. */
const bound = fc.oneof(
  fc.integer({ min: 1, max: 64 }),
  fc.integer({ min: 1, max: MAX_ONE_WORD_BOUND }),
  fc.integer({ min: DOUBLE_LEMIRE_MAX_BOUND - 64, max: DOUBLE_LEMIRE_MAX_BOUND + 64 }),
  fc.integer({ min: MAX_ONE_WORD_BOUND - 64, max: MAX_ONE_WORD_BOUND }),
  fc.constantFrom(3 * 2 ** 30, 2 ** 31 + 1, 2 ** 16, 2 ** 16 + 1),
);
/** Words whose low product part is likely to fall at or near the threshold. */
const edgeWord = fc.oneof(
  word,
  fc.integer({ min: 0, max: 64 }),
  fc.integer({ min: 0xffffffff - 64, max: 0xffffffff }),
);

describe('mapWord (Lemire multiply-shift with exact threshold)', () => {
  it('equals exact integer Lemire for any word and bound in [1, 2^32] (fast-check, seed 20240611)', () => {
    fc.assert(
      fc.property(edgeWord, bound, (w, b) => {
        const value = mapWord(w, b);
        expect(value).toBe(referenceMap(w, b));
        expect(value).toBeLessThan(b);
      }),
      { seed: 20240611, numRuns: 20_000 },
    );
  });

  it('stays exact just above 2^21, where the plain double product is rounded', () => {
    const w = 0xffffffff;
    const b = DOUBLE_LEMIRE_MAX_BOUND + 1;
    const exactLo = Number((BigInt(w) * BigInt(b)) % TWO_32);
    const naiveProduct = w * b; // 2^53 + 2^32 − 2^21 − 1 is odd and above 2^53: not representable
    const naiveLo = naiveProduct - Math.floor(naiveProduct / 2 ** 32) * 2 ** 32;
    expect(naiveLo).not.toBe(exactLo);
    expect(mapWord(w, b)).toBe(referenceMap(w, b));
  });

  it('maps crafted words near 2^32 exactly', () => {
    const cases: [number, number, number][] = [
      // [word, bound, expected]
      [0xffffffff, 2 ** 32, 0xffffffff], // bound 2^32: every word is its own value
      [0, 2 ** 32, 0],
      [0xffffffff, 2 ** 32 - 1, 2 ** 32 - 2],
      [0, 2 ** 32 - 1, -1], // lo = 0 < t = 1
      [1, 2 ** 32 - 1, 0], // lo = 2^32 − 1
      // bound 3·2^30: t = 2^30 and lo = (3w mod 4)·2^30, so exactly the words w ≡ 0 (mod 4) are rejected
      [0, 3 * 2 ** 30, -1],
      [0x40000000, 3 * 2 ** 30, -1],
      [0x40000001, 3 * 2 ** 30, 0x30000000],
      [0xffffffff, 3 * 2 ** 30, 3 * 2 ** 30 - 1],
    ];
    for (const [w, b, expected] of cases) {
      expect(referenceMap(w, b), `reference(${w}, ${b})`).toBe(expected);
      expect(mapWord(w, b), `mapWord(${w}, ${b})`).toBe(expected);
    }
  });

  // For value v the words with floor(w·b / 2^32) = v form the interval [start, end) with
  // start = ⌈v·2^32 / b⌉, end = ⌈(v+1)·2^32 / b⌉. Along it lo = w·b − v·2^32 grows by b from
  // lo(start) ∈ [0, b), and t = 2^32 mod b < b, so at most the first word is rejected. Then every
  // value keeps exactly ⌊2^32 / b⌋ accepted words, and in all 2^32 − t words are accepted.
  describe.each([
    1,
    2,
    3,
    7,
    10,
    50,
    1000,
    65_537,
    DOUBLE_LEMIRE_MAX_BOUND,
    DOUBLE_LEMIRE_MAX_BOUND + 1,
    3 * 2 ** 30,
    2 ** 32 - 1,
    2 ** 32,
  ])('bound %i', (b) => {
    const B = BigInt(b);
    const t = TWO_32 % B;
    const perValue = TWO_32 / B;
    const ceilDiv = (n: bigint): bigint => (n + B - 1n) / B;
    const values =
      b <= 50
        ? Array.from({ length: b }, (_, v) => v)
        : [0, 1, 2, Math.floor(b / 3), Math.floor(b / 2), b - 2, b - 1];

    it('threshold is 2^32 mod bound', () => {
      expect(lemireThreshold(b)).toBe(Number(t));
    });

    it('accepts exactly ⌊2^32 / b⌋ words per value, classifying the interval ends correctly', () => {
      let accepted = 0n;
      for (const v of values) {
        const start = ceilDiv(BigInt(v) * TWO_32);
        const end = ceilDiv(BigInt(v + 1) * TWO_32);
        const loStart = start * B - BigInt(v) * TWO_32;
        expect(loStart >= 0n && loStart < B).toBe(true);
        const rejected = loStart < t ? 1n : 0n;
        expect(end - start - rejected).toBe(perValue);
        accepted += end - start - rejected;

        // The words themselves, through mapWord.
        const s = Number(start);
        const e = Number(end);
        expect(mapWord(s, b)).toBe(rejected === 1n ? -1 : v);
        if (e - s > 1) expect(mapWord(s + 1, b)).toBe(v);
        if (e - 1 > s) expect(mapWord(e - 1, b)).toBe(v);
        if (e <= 0xffffffff) expect([v + 1, -1]).toContain(mapWord(e, b));
        if (s > 0) expect([v - 1, -1]).toContain(mapWord(s - 1, b));
        if (e - s <= 70_000) {
          // short interval: check every word of it
          let count = 0;
          for (let w = s; w < e; w++) {
            const got = mapWord(w, b);
            if (got === v) count++;
            else expect(got).toBe(-1);
          }
          expect(BigInt(count)).toBe(perValue);
        }
      }
      if (values.length === b) expect(accepted).toBe(TWO_32 - t);
    });
  });
});

describe('BufferedRng.int', () => {
  it('draws what mapWord prescribes, word by word, across refills (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(
        fc.array(edgeWord, { minLength: 1, maxLength: 40 }),
        fc.array(bound, { minLength: 1, maxLength: 60 }),
        (words, bounds) => {
          // A 16-word buffer forces many refills; the reference walks the same word sequence.
          const rng = new BufferedRng('test', fillerOf(words), 16);
          let next = 0;
          const nextWord = (): number => words[next++ % words.length]!;
          for (const b of bounds) {
            if (!words.some((w) => mapWord(w, b) >= 0)) continue; // every word rejected: would loop forever
            let expected = mapWord(nextWord(), b);
            while (expected < 0) expected = mapWord(nextWord(), b);
            expect(rng.int(b)).toBe(expected);
          }
        },
      ),
      { seed: 7, numRuns: 2_000 },
    );
  });

  it('returns the raw word for bound 2^32', () => {
    const words = [0, 1, 0x80000000, 0xffffffff, 12345];
    const rng = new BufferedRng('test', fillerOf(words), 4);
    for (const w of [...words, ...words]) expect(rng.int(2 ** 32)).toBe(w);
  });

  it('rejects the low words of the Lemire threshold and draws again', () => {
    // bound 3·2^30 (t = 2^30): words 0 and 2^30 are rejected, 2^30 + 1 gives 3·2^28.
    const rng = new BufferedRng('test', fillerOf([0, 0x40000000, 0x40000001, 0xffffffff]), 2);
    expect(rng.int(3 * 2 ** 30)).toBe(0x30000000);
    expect(rng.int(3 * 2 ** 30)).toBe(3 * 2 ** 30 - 1);
    // bound 7 (fast path, t = 2^32 mod 7 = 4): word 0 has lo = 0 < t, word 1 has lo = 7 ≥ t;
    // word 0x80000000 gives lo = 2^31 with value 3.
    const small = new BufferedRng('test', fillerOf([0, 0, 1, 0x80000000]), 3);
    expect(small.int(7)).toBe(0); // words 0, 0 rejected, then 1 → 0
    expect(small.int(7)).toBe(3);
  });

  it.each([0, -1, 1.5, 2 ** 32 + 0.5, Number.NaN, Infinity, 2 ** 53, 2 ** 64])(
    'rejects bound %s with BAD_INPUT',
    (b) => {
      const rng = new BufferedRng('test', fillerOf([1, 2, 3]));
      expect(isValidBound(b)).toBe(false);
      let caught: unknown;
      try {
        rng.int(b);
      } catch (error) {
        caught = error;
      }
      expect(isSlotsimError(caught) && caught.code === 'BAD_INPUT').toBe(true);
    },
  );
});
