import { SlotsimError } from '../errors.js';
import { cryptoFiller, PRODUCTION_RNG_NAME } from './production-rng.js';
import { isRngName, RNG_NAMES, type RngName } from './rng-names.js';
import { streamFiller } from './stream-filler.js';
import { BUFFER_WORDS, wordsToLittleEndianBytes, type WordFiller } from './word-filler.js';

/** Every generator `slotsim rng` can dump: the seeded ones and the production `crypto`. */
export type RawRngName = RngName | typeof PRODUCTION_RNG_NAME;

export function isRawRngName(name: string): name is RawRngName {
  return name === PRODUCTION_RNG_NAME || isRngName(name);
}

/**
 * The raw output of a generator for `slotsim rng` (e.g. to pipe into PractRand or dieharder):
 * `totalBytes` bytes in Buffers of at most 64 KiB, being the generator's 32-bit words in order,
 * each little-endian. For the ciphers that is exactly the keystream. A seeded generator needs a
 * seed and gives the words `createRng(name, seed, stream)` consumes; `crypto` takes no seed.
 * Arguments are checked when called (BAD_INPUT), not when iteration starts.
 */
export function rawByteChunks(
  name: string,
  seed: string | undefined,
  totalBytes: number,
  stream = 0,
): Generator<Buffer, void, undefined> {
  if (!Number.isSafeInteger(totalBytes) || totalBytes < 0) {
    throw new SlotsimError(
      'BAD_INPUT',
      `byte count must be a non-negative integer, got ${String(totalBytes)}`,
    );
  }
  return chunks(rawFiller(name, seed, stream), totalBytes);
}

function rawFiller(name: string, seed: string | undefined, stream: number): WordFiller {
  if (name === PRODUCTION_RNG_NAME) {
    if (seed !== undefined) throw new SlotsimError('BAD_INPUT', 'the crypto generator cannot be seeded');
    return cryptoFiller;
  }
  if (!isRngName(name)) {
    const names = [PRODUCTION_RNG_NAME, ...RNG_NAMES].join(', ');
    throw new SlotsimError('BAD_INPUT', `unknown rng "${name}"; expected one of: ${names}`);
  }
  if (seed === undefined) throw new SlotsimError('BAD_INPUT', `the ${name} generator needs a seed`);
  return streamFiller(name, seed, stream);
}

function* chunks(fill: WordFiller, totalBytes: number): Generator<Buffer, void, undefined> {
  const words = new Uint32Array(BUFFER_WORDS);
  for (let left = totalBytes; left > 0; left -= words.byteLength) {
    fill(words);
    const bytes = wordsToLittleEndianBytes(words);
    yield left < bytes.length ? bytes.subarray(0, left) : bytes;
  }
}
