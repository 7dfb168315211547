import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { aes128CtrRng } from '../../src/rng/aes-128-ctr-rng.js';
import { chacha20Rng } from '../../src/rng/chacha20-rng.js';
import { deriveStreamKey } from '../../src/rng/derive-stream-key.js';
import {
  createProductionRng,
  createRng,
  DEFAULT_SIM_RNG,
  isRngName,
  parseRngName,
  PRODUCTION_RNG_NAME,
  randomSeed,
  RNG_NAMES,
  type Rng,
  type RngName,
} from '../../src/rng/index.js';

const BOUNDS = [2, 7, 50, 1000, 2 ** 21, 2 ** 21 + 1, 3 * 2 ** 30, 2 ** 32];

function draws(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, (_, i) => rng.int(BOUNDS[i % BOUNDS.length]!));
}

function words(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.int(2 ** 32));
}

function expectBadInput(action: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(isSlotsimError(caught) ? caught.code : caught).toBe('BAD_INPUT');
  expect((caught as Error).message).toMatch(message);
}

describe.each(RNG_NAMES)('createRng(%s)', (name) => {
  it('seed "repro", stream 3: the same sequence every time, across a buffer refill', () => {
    const a = createRng(name, 'repro', 3);
    const b = createRng(name, 'repro', 3);
    expect(a.algorithm).toBe(name);
    expect(draws(a, 20_000)).toEqual(draws(b, 20_000));
  });

  it('seed "repro": streams 0, 1, 2 and 2^53 − 1 differ', () => {
    const sequences = [0, 1, 2, Number.MAX_SAFE_INTEGER].map((stream) =>
      words(createRng(name, 'repro', stream), 8).join(),
    );
    expect(new Set(sequences).size).toBe(4);
  });

  it('seeds "a", "b", "ab", "abab", "é", " a" (and stream 0) differ', () => {
    // "ab" and "abab" are the same key to raw ARC4; the derived seed strings are not.
    const seeds = ['a', 'b', 'ab', 'abab', 'é', ' a'];
    const sequences = seeds.map((seed) => words(createRng(name, seed, 0), 8).join());
    expect(new Set(sequences).size).toBe(seeds.length);
  });
});

describe('stream derivation', () => {
  it('algorithms with one seed and stream get unrelated words (seed "same", stream 0)', () => {
    const sequences = RNG_NAMES.map((name) => words(createRng(name, 'same', 0), 4).join());
    expect(new Set(sequences).size).toBe(RNG_NAMES.length);
  });

  it('aes-128-ctr: key = first 16 bytes of the stream key, counter block from zero (seed "derive", stream 5)', () => {
    const key = deriveStreamKey('aes-128-ctr', 'derive', 5);
    const explicit = aes128CtrRng(key.subarray(0, 16), Buffer.alloc(16));
    expect(words(createRng('aes-128-ctr', 'derive', 5), 64)).toEqual(words(explicit, 64));
  });

  it('chacha20: key = the stream key, nonce and counter zero (seed "derive", stream 5)', () => {
    const explicit = chacha20Rng(deriveStreamKey('chacha20', 'derive', 5), Buffer.alloc(12), 0);
    expect(words(createRng('chacha20', 'derive', 5), 64)).toEqual(words(explicit, 64));
  });

  it('seedrandom algorithms: seed string = hex of the stream key, words = int32() >>> 0 (seed "derive", stream 5)', () => {
    const hexSeed = (name: RngName): string => deriveStreamKey(name, 'derive', 5).toString('hex');
    const direct = {
      arc4: seedrandom(hexSeed('arc4')),
      alea: seedrandom.alea(hexSeed('alea')),
      tychei: seedrandom.tychei(hexSeed('tychei')),
      xor128: seedrandom.xor128(hexSeed('xor128')),
      xor4096: seedrandom.xor4096(hexSeed('xor4096')),
      xorshift7: seedrandom.xorshift7(hexSeed('xorshift7')),
      xorwow: seedrandom.xorwow(hexSeed('xorwow')),
    };
    for (const [name, prng] of Object.entries(direct)) {
      const expected = Array.from({ length: 64 }, () => prng.int32() >>> 0);
      expect(words(createRng(name as RngName, 'derive', 5), 64), name).toEqual(expected);
    }
  });

  it('stream key is SHA-256 over length-prefixed, domain-separated fields (regression snapshot, not truth)', () => {
    // Changing the derivation changes every seeded run and breaks old audit records: bump the
    // domain tag in derive-stream-key.ts and update this value only on purpose.
    expect(deriveStreamKey('aes-128-ctr', 'golden', 0).toString('hex')).toBe(GOLDEN_AES_STREAM_KEY);
    expect(
      deriveStreamKey('aes-128-ctr', 'golden', 1).equals(deriveStreamKey('aes-128-ctr', 'golden', 0)),
    ).toBe(false);
  });

  it('first words of every generator, seed "golden", stream 0 (regression snapshot, not truth)', () => {
    const firstWords = Object.fromEntries(
      RNG_NAMES.map((name) => [name, words(createRng(name, 'golden', 0), 3)]),
    );
    expect(firstWords).toEqual(GOLDEN_FIRST_WORDS);
  });
});

describe('names, seeds and bad input', () => {
  it('isRngName and parseRngName', () => {
    for (const name of RNG_NAMES) expect(isRngName(name)).toBe(true);
    expect(isRngName('crypto')).toBe(false);
    expect(isRngName('AES-128-CTR')).toBe(false);
    expect(parseRngName('xorwow')).toBe('xorwow');
    expectBadInput(() => parseRngName('mt19937'), /unknown rng "mt19937".*aes-128-ctr/);
  });

  it('createRng rejects an unknown name, an empty seed and bad streams with BAD_INPUT', () => {
    expectBadInput(() => createRng('mt19937' as RngName, 's', 0), /unknown rng/);
    expectBadInput(() => createRng('aes-128-ctr', '', 0), /non-empty/);
    for (const stream of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expectBadInput(() => createRng('alea', 's', stream), /stream/);
    }
  });

  it('DEFAULT_SIM_RNG is a seeded generator', () => {
    expect(isRngName(DEFAULT_SIM_RNG)).toBe(true);
  });

  it('randomSeed gives 16 fresh hex digits that work as seeds', () => {
    const seeds = Array.from({ length: 100 }, randomSeed);
    for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(seeds).size).toBe(100);
    expect(createRng(DEFAULT_SIM_RNG, seeds[0]!, 0).int(10)).toBeLessThan(10);
  });
});

describe('createProductionRng', () => {
  it('draws in range for every kind of bound, and two instances differ', () => {
    const a = createProductionRng();
    expect(a.algorithm).toBe(PRODUCTION_RNG_NAME);
    for (let i = 0; i < 40_000; i++) {
      const bound = BOUNDS[i % BOUNDS.length]!;
      const value = a.int(bound);
      if (!(Number.isInteger(value) && value >= 0 && value < bound))
        throw new Error(`int(${bound}) gave ${value}`);
    }
    expect(words(createProductionRng(), 4)).not.toEqual(words(createProductionRng(), 4));
  });

  it('rejects bad bounds with BAD_INPUT', () => {
    expectBadInput(() => createProductionRng().int(0), /bound/);
  });
});

/** SHA-256('slotsim/rng/stream-key/v1' ‖ 00 ‖ u32be 11 ‖ 'aes-128-ctr' ‖ u32be 6 ‖ 'golden' ‖ u64be 0), checked with Python's hashlib. */
const GOLDEN_AES_STREAM_KEY = 'd658707601a3d575f3c0812e31d88ce36d0a4b78bff0a29cf11035fb9c03c1d5';
const GOLDEN_FIRST_WORDS: Record<RngName, number[]> = {
  'aes-128-ctr': [3231168696, 448270262, 3291927618],
  chacha20: [2759260281, 507053412, 982855089],
  alea: [4190766449, 3367723740, 1320295800],
  arc4: [1777390063, 2339493261, 1874846383],
  tychei: [2510324932, 1586236080, 1259442846],
  xor128: [1367043193, 896226745, 573602042],
  xor4096: [1566568366, 1037504449, 4184406058],
  xorshift7: [2462016058, 1891443561, 2168742143],
  xorwow: [3060793902, 3454750991, 3490894103],
};
