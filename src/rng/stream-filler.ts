import { aes128CtrFiller } from './aes-128-ctr-rng.js';
import { chacha20Filler } from './chacha20-rng.js';
import { deriveStreamKey } from './derive-stream-key.js';
import { parseRngName, type RngName } from './rng-names.js';
import { seedrandomFiller } from './seedrandom-filler.js';
import type { WordFiller } from './word-filler.js';
import { SlotsimError } from '../errors.js';

/**
 * The raw words of stream `stream` of `seed` under the seeded generator `name`. Each stream has
 * its own key from `deriveStreamKey`: AES-128-CTR takes its first 16 bytes with the counter block
 * starting at zero, ChaCha20 all 32 bytes with nonce and counter zero, and the seedrandom
 * algorithms its 64 lowercase hex digits as their seed string.
 */
export function streamFiller(name: RngName, seed: string, stream: number): WordFiller {
  parseRngName(name);
  const key = deriveStreamKey(name, seed, stream);
  switch (name) {
    case 'aes-128-ctr':
      return aes128CtrFiller(key.subarray(0, 16), Buffer.alloc(16));
    case 'chacha20':
      return chacha20Filler(key, Buffer.alloc(12), 0);
    case 'alea':
    case 'arc4':
    case 'tychei':
    case 'xor128':
    case 'xor4096':
    case 'xorshift7':
    case 'xorwow':
      return seedrandomFiller(name, key.toString('hex'));
    default:
      return unreachable(name);
  }
}

function unreachable(name: never): never {
  throw new SlotsimError('INTERNAL', `unhandled rng ${String(name)}`);
}
