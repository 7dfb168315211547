import { createHash } from 'node:crypto';
import { SlotsimError } from '../errors.js';

/** Domain separation tag of stream keys; a new derivation must get a new tag. */
const STREAM_KEY_DOMAIN = 'slotsim/rng/stream-key/v1';

/**
 * The 32-byte key of one stream of one seeded generator:
 * SHA-256(tag ‖ 0x00 ‖ len ‖ algorithm ‖ len ‖ seed ‖ stream), with each string UTF-8 and
 * prefixed by its byte length (uint32 big-endian) and the stream a uint64 big-endian, so distinct
 * (algorithm, seed, stream) triples hash distinct inputs. Different streams of one seed (the
 * simulation chunks) therefore get unrelated keys, as do different algorithms with one seed.
 */
export function deriveStreamKey(algorithm: string, seed: string, stream: number): Buffer {
  assertSeed(seed);
  assertStream(stream);
  const hash = createHash('sha256');
  hash.update(STREAM_KEY_DOMAIN);
  hash.update(Buffer.of(0));
  hash.update(lengthPrefixed(algorithm));
  hash.update(lengthPrefixed(seed));
  const streamBytes = Buffer.alloc(8);
  streamBytes.writeBigUInt64BE(BigInt(stream));
  hash.update(streamBytes);
  return hash.digest();
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function assertSeed(seed: string): void {
  if (typeof seed !== 'string' || seed.length === 0) {
    throw new SlotsimError('BAD_INPUT', 'rng seed must be a non-empty string');
  }
}

function assertStream(stream: number): void {
  if (!Number.isSafeInteger(stream) || stream < 0) {
    throw new SlotsimError(
      'BAD_INPUT',
      `rng stream must be a non-negative safe integer, got ${String(stream)}`,
    );
  }
}
