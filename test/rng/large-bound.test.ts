/**
 * Bounds above 2^32 (format 2: draw bounds up to 2^53 − 1), served from two 32-bit words with
 * exact rejection (`mapWordPair`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { BufferedRng } from '../../src/rng/buffered-rng.js';
import { createRng } from '../../src/rng/create-rng.js';
import { RecordingRng } from '../../src/rng/recording-rng.js';
import { ReplayRng } from '../../src/rng/replay-rng.js';
import {
  isValidBound,
  largeBoundLimit,
  mapWordPair,
  MAX_BOUND,
  TWO_POW_53,
} from '../../src/rng/unbiased-int.js';
import type { WordFiller } from '../../src/rng/word-filler.js';
import { chiSquareCritical, chiSquareStatistic, Z_UPPER } from './chi-square.js';

const TWO_32 = 2n ** 32n;
const TWO_53 = 2n ** 53n;

/** The specification in exact integers: x = (first >> 11)·2^32 + second, rejected at or above q·bound. */
function referencePair(first: number, second: number, bound: number): number {
  const x = (BigInt(first) >> 11n) * TWO_32 + BigInt(second);
  const b = BigInt(bound);
  const limit = (TWO_53 / b) * b;
  return x >= limit ? -1 : Number(x % b);
}

/** The two words whose x is `x` (< 2^53); `junk` fills the first word's 11 ignored low bits. */
function wordsFor(x: bigint, junk = 0): [number, number] {
  const high = Number(x / TWO_32);
  const low = Number(x % TWO_32);
  return [(high * 2048 + junk) >>> 0, low];
}

function fillerOf(words: readonly number[]): WordFiller {
  let next = 0;
  return (buffer) => {
    for (let i = 0; i < buffer.length; i++) buffer[i] = words[next++ % words.length]!;
  };
}

const word = fc.integer({ min: 0, max: 0xffffffff });
const largeBound = fc.oneof(
  fc.integer({ min: 2 ** 32 + 1, max: MAX_BOUND }),
  fc.integer({ min: 2 ** 32 + 1, max: 2 ** 32 + 64 }),
  fc.integer({ min: MAX_BOUND - 64, max: MAX_BOUND }),
  fc.integer({ min: 2 ** 52 - 64, max: 2 ** 52 + 64 }),
  fc.constantFrom(10 ** 15, 3 * 2 ** 40, 2 ** 33),
);
/** Words near the ends, where the pair lands near 0 or near 2^53 (the rejection zone). */
const edgeWord = fc.oneof(
  word,
  fc.integer({ min: 0, max: 64 }),
  fc.integer({ min: 0xffffffff - 64, max: 0xffffffff }),
);

describe('mapWordPair (two words, exact rejection)', () => {
  it('equals the exact-integer rule for any words and bound in (2^32, 2^53 − 1] (fast-check, seed 53)', () => {
    fc.assert(
      fc.property(edgeWord, edgeWord, largeBound, (first, second, b) => {
        const value = mapWordPair(first, second, b);
        expect(value).toBe(referencePair(first, second, b));
        expect(value).toBeLessThan(b);
      }),
      { seed: 53, numRuns: 20_000 },
    );
  });

  // 10^15 = 303792868695691 + 696207131304309: the spec's calibrated weights. q = ⌊2^53 / 10^15⌋ = 9,
  // so x ∈ [0, 9·10^15) is accepted and mapped to x mod 10^15; x ∈ [9·10^15, 2^53) is rejected.
  const B = 303792868695691 + 696207131304309;
  it('bound 10^15: the limit is 9·10^15, and crafted words map exactly', () => {
    expect(B).toBe(1e15);
    expect(largeBoundLimit(B)).toBe(9e15);
    const cases: [bigint, number][] = [
      [0n, 0],
      [303792868695690n, 303792868695690], // the last draw of the first weight
      [303792868695691n, 303792868695691], // the first draw of the second weight
      [999999999999999n, 999999999999999],
      [1000000000000000n, 0],
      [8000000000000000n + 303792868695690n, 303792868695690],
      [8999999999999999n, 999999999999999], // the largest accepted x
      [9000000000000000n, -1], // the smallest rejected x
      [TWO_53 - 1n, -1],
    ];
    for (const [x, expected] of cases) {
      for (const junk of [0, 0x7ff, 0x2a5]) {
        const [first, second] = wordsFor(x, junk);
        expect(mapWordPair(first, second, B), `x = ${x}, junk ${junk}`).toBe(expected);
        expect(referencePair(first, second, B)).toBe(expected);
      }
    }
  });

  it('bound 10^15 through BufferedRng: a rejected pair costs two words, then the next pair is served', () => {
    const words = [
      ...wordsFor(9000000000000000n), // rejected
      ...wordsFor(8000000000000000n + 303792868695690n, 0x7ff), // → 303792868695690
      ...wordsFor(303792868695691n), // → 303792868695691
      7, // int(2^32) after them: the raw word
    ];
    const rng = new BufferedRng('test', fillerOf(words), 3); // refills between the words of a pair
    expect(rng.int(B)).toBe(303792868695690);
    expect(rng.int(B)).toBe(303792868695691);
    expect(rng.int(2 ** 32)).toBe(7);
  });

  // For value v the accepted x are v + k·b, k = 0 … q−1 (all below q·b): exactly q per value.
  describe.each([2 ** 32 + 1, 2 ** 32 + 15, 3 * 2 ** 40, 1e15, 2 ** 52 + 1, TWO_POW_53 - 2, MAX_BOUND])(
    'bound %i',
    (b) => {
      const bb = BigInt(b);
      const q = TWO_53 / bb;
      it('the limit is q·bound, computed exactly', () => {
        expect(BigInt(largeBoundLimit(b))).toBe(q * bb);
      });
      it('every value has exactly q accepted preimages: v + k·bound for k < q, and none at q', () => {
        for (const v of [0n, 1n, bb / 2n, bb - 1n]) {
          for (const k of [0n, 1n, q - 1n].filter((k) => k < q)) {
            const [first, second] = wordsFor(v + k * bb, 0x155);
            expect(mapWordPair(first, second, b)).toBe(Number(v));
          }
          const beyond = v + q * bb;
          if (beyond < TWO_53) {
            const [first, second] = wordsFor(beyond);
            expect(mapWordPair(first, second, b)).toBe(-1);
          }
        }
      });
    },
  );
});

describe('Rng bounds up to 2^53 − 1', () => {
  it('isValidBound takes integers in [1, 2^53 − 1]', () => {
    for (const b of [1, 2 ** 32, 2 ** 32 + 1, 1e15, MAX_BOUND]) expect(isValidBound(b)).toBe(true);
    for (const b of [0, 2 ** 53, 2 ** 53 + 2, 1e15 + 0.5, -1]) expect(isValidBound(b)).toBe(false);
    expect(MAX_BOUND).toBe(2 ** 53 - 1);
  });

  it('recording and replay serve a large bound (2^40 + 3) like any other', () => {
    const recording = new RecordingRng(createRng('aes-128-ctr', 'large', 0));
    const values = [2 ** 40 + 3, 7, 1e15].map((b) => recording.int(b));
    const draws = recording.takeDraws();
    expect(draws.map((d) => d.bound)).toEqual([2 ** 40 + 3, 7, 1e15]);
    const replay = new ReplayRng(draws);
    expect([2 ** 40 + 3, 7, 1e15].map((b) => replay.int(b))).toEqual(values);
    expect(replay.allConsumed).toBe(true);
  });

  it('replay refuses a bound of 2^53 as every Rng does (BAD_INPUT)', () => {
    const replay = new ReplayRng([{ bound: 2 ** 53, value: 0 }]);
    let caught: unknown;
    try {
      replay.int(2 ** 53);
    } catch (error) {
      caught = error;
    }
    expect(isSlotsimError(caught) && caught.code).toBe('BAD_INPUT');
  });
});

// aes-128-ctr, seed "large-bound": 128 000 draws into 64 high-order buckets ⌊v·64 / b⌋ and 64
// low-order buckets v mod 64, each against its exact expected count (bucket sizes in integers).
// The generator is seeded, so each test always passes or always fails; α = 10^−4 per statistic.
// b = 2^32 + 15 is just above the one-word bounds; 10^15 also puts the first word's bits to work.
describe.each([2 ** 32 + 15, 1e15])('uniformity of bound %i', (b) => {
  const DRAWS = 128_000;
  const BUCKETS = 64n;
  it(`χ² over ${BUCKETS} high and ${BUCKETS} low buckets, seed "large-bound"`, () => {
    const rng = createRng('aes-128-ctr', 'large-bound', 0);
    const B = BigInt(b);
    const high = new Float64Array(Number(BUCKETS));
    const low = new Float64Array(Number(BUCKETS));
    let outOfRange = 0;
    for (let i = 0; i < DRAWS; i++) {
      const v = rng.int(b);
      if (!(Number.isInteger(v) && v >= 0 && v < b)) outOfRange++;
      const V = BigInt(v);
      high[Number((V * BUCKETS) / B)]! += 1;
      low[Number(V % BUCKETS)]! += 1;
    }
    expect(outOfRange).toBe(0);
    const ceilDiv = (n: bigint, d: bigint): bigint => (n + d - 1n) / d;
    const expectedHigh = Float64Array.from({ length: Number(BUCKETS) }, (_, k) => {
      const size = ceilDiv(BigInt(k + 1) * B, BUCKETS) - ceilDiv(BigInt(k) * B, BUCKETS);
      return (DRAWS * Number(size)) / b;
    });
    const expectedLow = Float64Array.from(
      { length: Number(BUCKETS) },
      (_, r) => (DRAWS * Number(ceilDiv(B - BigInt(r), BUCKETS))) / b,
    );
    const critical = chiSquareCritical(Number(BUCKETS) - 1, Z_UPPER['1e-4']);
    expect(chiSquareStatistic(high, expectedHigh)).toBeLessThan(critical);
    expect(chiSquareStatistic(low, expectedLow)).toBeLessThan(critical);
  });
});
