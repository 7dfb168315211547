import { BufferedRng } from './buffered-rng.js';
import { keystreamFiller } from './cipher-filler.js';
import { SlotsimError } from '../errors.js';
import type { Rng } from './rng.js';
import type { WordFiller } from './word-filler.js';

/**
 * ChaCha20 (RFC 8439) with a raw 32-byte key, a 12-byte nonce and an initial 32-bit block
 * counter. Words are the keystream read as little-endian uint32. `createRng('chacha20', …)`
 * derives the key from the seed (nonce and counter zero); this constructor is for known-answer
 * tests and explicit keys. One (key, nonce) gives 2^32 blocks of 64 bytes (256 GiB) before the
 * RFC's 32-bit counter is exhausted.
 */
export function chacha20Rng(key: Uint8Array, nonce: Uint8Array, initialCounter = 0): Rng {
  return new BufferedRng('chacha20', chacha20Filler(key, nonce, initialCounter));
}

export function chacha20Filler(key: Uint8Array, nonce: Uint8Array, initialCounter = 0): WordFiller {
  if (key.length !== 32 || nonce.length !== 12) {
    throw new SlotsimError('BAD_INPUT', 'chacha20 needs a 32-byte key and a 12-byte nonce');
  }
  if (!Number.isInteger(initialCounter) || initialCounter < 0 || initialCounter > 0xffffffff) {
    throw new SlotsimError('BAD_INPUT', `chacha20 counter must be a uint32, got ${initialCounter}`);
  }
  // node:crypto (OpenSSL) takes a 16-byte IV: the block counter little-endian, then the nonce.
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(initialCounter, 0);
  iv.set(nonce, 4);
  return keystreamFiller('chacha20', key, iv);
}
