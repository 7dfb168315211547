/**
 * Counter-mode keystreams from node:crypto as word fillers: encrypting zeros yields the raw
 * keystream, read as little-endian 32-bit words.
 */
import { createCipheriv } from 'node:crypto';
import { copyLittleEndianWords, type WordFiller } from './word-filler.js';

/** A node:crypto stream cipher whose encryption of zeros is its keystream. */
export type KeystreamCipher = 'aes-128-ctr' | 'chacha20';

/**
 * A filler writing the keystream of `cipher` under `key` and `iv` (node:crypto's IV: for
 * AES-CTR the initial 128-bit counter block; for ChaCha20 a 32-bit little-endian block counter
 * followed by the 96-bit nonce).
 */
export function keystreamFiller(cipher: KeystreamCipher, key: Uint8Array, iv: Uint8Array): WordFiller {
  const encryptor = createCipheriv(cipher, key, iv);
  let zeros = Buffer.alloc(0);
  return (words) => {
    if (zeros.length !== words.byteLength) zeros = Buffer.alloc(words.byteLength);
    copyLittleEndianWords(encryptor.update(zeros), words);
  };
}
