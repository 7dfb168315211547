import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { createRng, isRawRngName, rawByteChunks, RNG_NAMES } from '../../src/rng/index.js';

function collect(chunks: Iterable<Buffer>): { joined: Buffer; sizes: number[] } {
  const list = [...chunks];
  return { joined: Buffer.concat(list), sizes: list.map((chunk) => chunk.length) };
}

function badInputMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isSlotsimError(error) && error.code === 'BAD_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected BAD_INPUT');
}

describe('rawByteChunks', () => {
  it.each(RNG_NAMES)('%s, seed "raw": the words createRng(name, seed, 0) consumes, little-endian', (name) => {
    const { joined } = collect(rawByteChunks(name, 'raw', 65536 + 4 * 10));
    const rng = createRng(name, 'raw', 0);
    for (let offset = 0; offset < joined.length; offset += 4) {
      if (joined.readUInt32LE(offset) !== rng.int(2 ** 32))
        throw new Error(`${name}: word at byte ${offset} differs`);
    }
  });

  it('streams other than 0 (seed "raw", stream 9)', () => {
    const { joined } = collect(rawByteChunks('aes-128-ctr', 'raw', 16, 9));
    const rng = createRng('aes-128-ctr', 'raw', 9);
    expect([0, 4, 8, 12].map((offset) => joined.readUInt32LE(offset))).toEqual(
      [0, 1, 2, 3].map(() => rng.int(2 ** 32)),
    );
  });

  it('yields exactly totalBytes in chunks of at most 64 KiB, including a partial word', () => {
    expect(collect(rawByteChunks('xor128', 'raw', 0)).sizes).toEqual([]);
    expect(collect(rawByteChunks('xor128', 'raw', 3)).sizes).toEqual([3]);
    expect(collect(rawByteChunks('crypto', undefined, 2 * 65536 + 5)).sizes).toEqual([65536, 65536, 5]);
  });

  it('a prefix of a longer run is the shorter run (seed "raw")', () => {
    const short = collect(rawByteChunks('chacha20', 'raw', 1001)).joined;
    const long = collect(rawByteChunks('chacha20', 'raw', 70_000)).joined;
    expect(long.subarray(0, 1001).equals(short)).toBe(true);
  });

  it('checks its arguments when called, before iterating', () => {
    expect(badInputMessage(() => rawByteChunks('crypto', 'seed', 10))).toMatch(/cannot be seeded/);
    expect(badInputMessage(() => rawByteChunks('alea', undefined, 10))).toMatch(/needs a seed/);
    expect(badInputMessage(() => rawByteChunks('md5', 'seed', 10))).toMatch(/unknown rng "md5".*crypto/);
    expect(badInputMessage(() => rawByteChunks('alea', 'seed', -1))).toMatch(/byte count/);
    expect(badInputMessage(() => rawByteChunks('alea', '', 10))).toMatch(/non-empty/);
  });

  it('isRawRngName accepts the seeded names and crypto', () => {
    expect(RNG_NAMES.every(isRawRngName)).toBe(true);
    expect(isRawRngName('crypto')).toBe(true);
    expect(isRawRngName('md5')).toBe(false);
  });
});
