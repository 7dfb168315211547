import { BufferedRng } from './buffered-rng.js';
import { keystreamFiller } from './cipher-filler.js';
import { SlotsimError } from '../errors.js';
import type { Rng } from './rng.js';
import type { WordFiller } from './word-filler.js';

/**
 * AES-128 in counter mode (NIST SP 800-38A) with a raw 16-byte key and a 16-byte initial counter
 * block; the counter is incremented as one 128-bit big-endian integer per 16-byte block. Words are
 * the keystream read as little-endian uint32. `createRng('aes-128-ctr', …)` derives the key from
 * the seed and starts the counter at zero; this constructor is for known-answer tests and
 * explicit keys.
 */
export function aes128CtrRng(key: Uint8Array, initialCounter: Uint8Array): Rng {
  return new BufferedRng('aes-128-ctr', aes128CtrFiller(key, initialCounter));
}

export function aes128CtrFiller(key: Uint8Array, initialCounter: Uint8Array): WordFiller {
  if (key.length !== 16 || initialCounter.length !== 16) {
    throw new SlotsimError('BAD_INPUT', 'aes-128-ctr needs a 16-byte key and a 16-byte counter block');
  }
  return keystreamFiller('aes-128-ctr', key, initialCounter);
}
