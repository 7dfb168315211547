import { describe, expect, it } from 'vitest';
import { createProductionRng, PRODUCTION_RNG_NAME } from '../../src/rng/production-rng.js';
import { createRng } from '../../src/rng/create-rng.js';
import { RNG_NAMES } from '../../src/rng/rng-names.js';
import type { Rng } from '../../src/rng/rng.js';
import { chiSquareCritical, chiSquareStatistic, Z_UPPER } from './chi-square.js';

// Significance: the seeded generators are deterministic, so each test either always passes or
// always fails; α = 1e-4 per test keeps the chance that a correct generator fails one of the ~90
// tests near 1%. crypto is fresh on every run, so it gets α = 1e-6 (a flake every ~10^5 suite runs).
const Z_SEEDED = Z_UPPER['1e-4'];
const Z_CRYPTO = Z_UPPER['1e-6'];
const GENERATORS = [...RNG_NAMES, PRODUCTION_RNG_NAME] as const;
const SEED = 'uniformity-2024';
const SMALL_BOUNDS = [2, 3, 7, 10, 50];
const SMALL_DRAWS = 100_000;
/** Bounds for the exact product split and heavy rejection: 2^21 + 1, 3·2^30 (t = 2^30), 2^32 − 1, 2^32. */
const LARGE_BOUNDS = [2 ** 21 + 1, 3 * 2 ** 30, 2 ** 32 - 1, 2 ** 32];
const LARGE_DRAWS = 128_000;
const BUCKETS = 64;

function makeRng(name: string, stream: number): Rng {
  return name === PRODUCTION_RNG_NAME
    ? createProductionRng()
    : createRng(name as (typeof RNG_NAMES)[number], SEED, stream);
}

function zFor(name: string): number {
  return name === PRODUCTION_RNG_NAME ? Z_CRYPTO : Z_SEEDED;
}

describe.each(GENERATORS)('%s', (name) => {
  const seedText = name === PRODUCTION_RNG_NAME ? 'unseeded' : `seed "${SEED}"`;

  it.each(SMALL_BOUNDS)(`int(%i), ${seedText}, stream = bound: χ² over every value`, (bound) => {
    const rng = makeRng(name, bound);
    const observed = new Float64Array(bound);
    for (let i = 0; i < SMALL_DRAWS; i++) {
      const value = rng.int(bound);
      observed[value]! += 1;
    }
    expect(observed.reduce((a, b) => a + b, 0)).toBe(SMALL_DRAWS); // every value was in [0, bound)
    const expected = new Float64Array(bound).fill(SMALL_DRAWS / bound);
    const critical = chiSquareCritical(bound - 1, zFor(name));
    expect(chiSquareStatistic(observed, expected)).toBeLessThan(critical);
  });

  it.each(LARGE_BOUNDS)(
    `int(%i), ${seedText}, stream 100: χ² over ${BUCKETS} high-order and ${BUCKETS} low-order buckets`,
    (bound) => {
      const rng = makeRng(name, 100);
      const high = new Float64Array(BUCKETS);
      const low = new Float64Array(BUCKETS);
      let outOfRange = 0;
      for (let i = 0; i < LARGE_DRAWS; i++) {
        const value = rng.int(bound);
        if (!(value >= 0 && value < bound && Number.isInteger(value))) outOfRange++;
        high[Math.floor((value * BUCKETS) / bound)]! += 1; // value·64 < 2^38: exact
        low[value % BUCKETS]! += 1;
      }
      expect(outOfRange).toBe(0);
      const critical = chiSquareCritical(BUCKETS - 1, zFor(name));
      expect(chiSquareStatistic(high, expectedHigh(bound))).toBeLessThan(critical);
      expect(chiSquareStatistic(low, expectedLow(bound))).toBeLessThan(critical);
    },
  );
});

/** Expected counts of the high buckets ⌊v·64 / b⌋: bucket k holds ⌈(k+1)b/64⌉ − ⌈kb/64⌉ values. */
function expectedHigh(bound: number): Float64Array {
  const expected = new Float64Array(BUCKETS);
  for (let k = 0; k < BUCKETS; k++) {
    const size = Math.ceil(((k + 1) * bound) / BUCKETS) - Math.ceil((k * bound) / BUCKETS);
    expected[k] = (LARGE_DRAWS * size) / bound;
  }
  return expected;
}

/** Expected counts of the low buckets v mod 64: residue r holds ⌈(b − r)/64⌉ values. */
function expectedLow(bound: number): Float64Array {
  const expected = new Float64Array(BUCKETS);
  for (let r = 0; r < BUCKETS; r++) expected[r] = (LARGE_DRAWS * Math.ceil((bound - r) / BUCKETS)) / bound;
  return expected;
}

describe('the χ² check itself', () => {
  it('flags a generator that returns 0 for int(10) 2% more often than it should (seed "chi-power")', () => {
    const inner = createRng('xor128', 'chi-power', 0);
    const observed = new Float64Array(10);
    for (let i = 0; i < SMALL_DRAWS; i++) {
      const value = inner.int(50) === 0 ? 0 : inner.int(10); // 0 with probability 0.02 + 0.98/10
      observed[value]! += 1;
    }
    const expected = new Float64Array(10).fill(SMALL_DRAWS / 10);
    expect(chiSquareStatistic(observed, expected)).toBeGreaterThan(chiSquareCritical(9, Z_SEEDED));
  });

  it('Wilson–Hilferty critical values are close to the table (α = 0.001)', () => {
    // Table values: e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4.
    expect(chiSquareCritical(9, Z_UPPER['1e-3'])).toBeCloseTo(27.877, 0);
    expect(chiSquareCritical(49, Z_UPPER['1e-3'])).toBeCloseTo(85.351, 0);
    expect(chiSquareCritical(63, Z_UPPER['1e-3'])).toBeCloseTo(103.442, 0);
  });
});
