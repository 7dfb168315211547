import * as crypto from 'node:crypto';
import {
  createHash,
  createHmac,
  createSecretKey,
  timingSafeEqual,
  type Hash,
  type KeyObject,
} from 'node:crypto';
import { SlotsimError } from '../errors.js';
import { domainOf, RECORD_TYPES, type ChainMode, type RecordType } from './format.js';

/** HMAC keys shorter than this are refused: a chain is only as strong as its key. */
export const MIN_HMAC_KEY_BYTES = 16;

/** One-shot SHA-256 (`crypto.hash`, Node ≥ 20.12), or undefined on an older Node. */
const oneShotHash = (crypto as Partial<typeof crypto>).hash;

/** Records up to this size (domain, body and brace) are hashed one-shot from a scratch copy. */
const ONE_SHOT_MAX_BYTES = 64 * 1024;

/**
 * Computes record hashes of one chain: SHA-256, or HMAC-SHA-256 under a secret key (then nobody
 * without the key can rebuild the chain after editing a record).
 */
export class ChainHasher {
  readonly mode: ChainMode;
  /** The key's fingerprint (see `keyIdOf`), null for a plain SHA-256 chain. */
  readonly keyId: string | null;
  private readonly key: KeyObject | null;
  private readonly domains: Readonly<Record<RecordType, Buffer>>;
  /** Where `digest` lays out domain + body + "}" for a one-shot SHA-256 (no hash object per record). */
  private readonly scratch = Buffer.allocUnsafe(ONE_SHOT_MAX_BYTES);

  constructor(key: Uint8Array | null) {
    if (key !== null && key.length < MIN_HMAC_KEY_BYTES) {
      throw new SlotsimError(
        'BAD_INPUT',
        `the HMAC key has ${key.length} bytes; it needs at least ${MIN_HMAC_KEY_BYTES} (32 random bytes, e.g. head -c 32 /dev/urandom > audit.key)`,
      );
    }
    this.mode = key === null ? 'sha256' : 'hmac-sha256';
    this.key = key === null ? null : createSecretKey(key);
    this.keyId = key === null ? null : keyIdOf(key);
    this.domains = Object.fromEntries(RECORD_TYPES.map((t) => [t, Buffer.from(domainOf(t))])) as Record<
      RecordType,
      Buffer
    >;
  }

  /** The hash (64 lowercase hex digits) of a record of `type` whose canonical text is `body`. */
  digestHex(type: RecordType, body: string): string {
    return this.hash().update(this.domains[type]).update(body).digest('hex');
  }

  /** A fresh SHA-256 or HMAC-SHA-256 (under the key) object. */
  private hash(): Hash | ReturnType<typeof createHmac> {
    return this.key === null ? createHash('sha256') : createHmac('sha256', this.key);
  }

  /**
   * The hash of a line as the verifier reads it: its first `bodyLength` bytes (up to its hash
   * member) and the "}" the writer took off with that member — hashed one-shot from a scratch
   * copy, with no hash object and no Buffer per record.
   */
  digestLine(type: RecordType, line: Buffer, bodyLength: number): string {
    const domain = this.domains[type];
    const length = domain.length + bodyLength + 1;
    if (this.key !== null || oneShotHash === undefined || length > ONE_SHOT_MAX_BYTES) {
      return this.hash().update(domain).update(line.subarray(0, bodyLength)).update('}').digest('hex');
    }
    const scratch = this.scratch;
    domain.copy(scratch, 0);
    line.copy(scratch, domain.length, 0, bodyLength);
    scratch[length - 1] = 0x7d; // "}"
    // A plain view and hex output: cheaper than a Buffer view and a Buffer digest.
    return oneShotHash('sha256', new Uint8Array(scratch.buffer, scratch.byteOffset, length), 'hex');
  }

  /**
   * Whether a hash read from a log is the one computed. An HMAC is compared in constant time (it
   * is derived from the key); a plain SHA-256 chain has no secret to leak, so a plain comparison.
   */
  matches(computedHex: string, recordedHex: string): boolean {
    if (this.key === null) return computedHex === recordedHex;
    if (computedHex.length !== recordedHex.length) return false;
    let diff = 0;
    for (let i = 0; i < computedHex.length; i++)
      diff |= computedHex.charCodeAt(i) ^ recordedHex.charCodeAt(i);
    return diff === 0;
  }
}

/**
 * A public fingerprint of an HMAC key: the first 16 hex digits of HMAC-SHA-256(key,
 * "slotsim/audit/key-id/v1"). It names the key without revealing it.
 */
export function keyIdOf(key: Uint8Array): string {
  return createHmac('sha256', key).update('slotsim/audit/key-id/v1').digest('hex').slice(0, 16);
}

/** Whether `text` is a hash as the log writes them: 64 lowercase hex digits. */
export function isHashText(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

// Scratch space for decoding a hex hash without allocating.
const hexScratch = Buffer.alloc(32);

/** Constant-time comparison of a computed digest with a hash read from a log (hex). */
export function hashEquals(computed: Uint8Array, recordedHex: string): boolean {
  if (!isHashText(recordedHex) || computed.length !== 32) return false;
  hexScratch.write(recordedHex, 0, 32, 'hex');
  return timingSafeEqual(computed, hexScratch);
}
