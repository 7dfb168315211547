import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aes128CtrRng } from '../../src/rng/aes-128-ctr-rng.js';
import { chacha20Rng } from '../../src/rng/chacha20-rng.js';
import type { Rng } from '../../src/rng/rng.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** The next `byteCount` bytes of a generator's raw output: int(2^32) is the raw word, little-endian. */
function rawBytes(rng: Rng, byteCount: number): Buffer {
  const bytes = Buffer.alloc(byteCount);
  for (let i = 0; i < byteCount; i += 4) bytes.writeUInt32LE(rng.int(2 ** 32), i);
  return bytes;
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ b[i]!));
}

describe('aes-128-ctr keystream: NIST SP 800-38A F.5.1 CTR-AES128.Encrypt', () => {
  const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
  const initialCounter = hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
  const outputBlocks = hex(`
    ec8cdf7398607cb0f2d21675ea9ea1e4 362b7c3c6773516318a077d7fc5073ae
    6a2cc3787889374fbeb4c81b17ba6c44 e89c399ff0f198c6d40a31db156cabfe`);
  const plaintext = hex(`
    6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
    30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);
  const ciphertext = hex(`
    874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff
    5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee`);

  it('yields the four output blocks, and plaintext XOR keystream is the ciphertext', () => {
    const keystream = rawBytes(aes128CtrRng(key, initialCounter), 64);
    expect(keystream.toString('hex')).toBe(outputBlocks.toString('hex'));
    expect(xor(plaintext, keystream).toString('hex')).toBe(ciphertext.toString('hex'));
  });

  it('reads the first keystream word little-endian (ec 8c df 73 → 0x73df8cec)', () => {
    expect(aes128CtrRng(key, initialCounter).int(2 ** 32)).toBe(0x73df8cec);
  });

  it('continues the keystream across 64 KiB refills', () => {
    const length = 3 * 65536 + 64;
    const expected = createCipheriv('aes-128-ctr', key, initialCounter).update(Buffer.alloc(length));
    expect(rawBytes(aes128CtrRng(key, initialCounter), length).equals(expected)).toBe(true);
  });
});

describe('chacha20 keystream: RFC 8439', () => {
  it('§A.2 test vector #1: zero key, zero nonce, counter 0', () => {
    const keystream = rawBytes(chacha20Rng(Buffer.alloc(32), Buffer.alloc(12), 0), 64);
    expect(keystream.toString('hex')).toBe(
      hex(`76 b8 e0 ad a0 f1 3d 90 40 5d 6a e5 53 86 bd 28 bd d2 19 b8 a0 8d ed 1a a8 36 ef cc 8b 77 0d c7
           da 41 59 7c 51 57 48 8d 77 24 e0 3f b8 d8 4a 37 6a 43 b8 f4 15 18 a1 1c c3 87 b6 69 b2 ee 65 86`).toString(
        'hex',
      ),
    );
  });

  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i)); // 00:01:…:1f

  it('§2.3.2 block function: key 00..1f, nonce 000000090000004a00000000, counter 1', () => {
    const block = rawBytes(chacha20Rng(key, hex('000000090000004a00000000'), 1), 64);
    expect(block.toString('hex')).toBe(
      hex(`10 f1 e7 e4 d1 3b 59 15 50 0f dd 1f a3 20 71 c4 c7 d1 f4 c7 33 c0 68 03 04 22 aa 9a c3 d4 6c 4e
           d2 82 64 46 07 9f aa 09 14 c2 d7 05 d9 8b 02 a2 b5 12 9c d1 de 16 4e b9 cb d0 83 e8 a2 50 3c 4e`).toString(
        'hex',
      ),
    );
  });

  it('§2.4.2 encryption: key 00..1f, nonce 000000000000004a00000000, counter 1, "Ladies and Gentlemen…"', () => {
    const plaintext = Buffer.from(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const ciphertext = hex(`
      6e 2e 35 9a 25 68 f9 80 41 ba 07 28 dd 0d 69 81 e9 7e 7a ec 1d 43 60 c2 0a 27 af cc fd 9f ae 0b
      f9 1b 65 c5 52 47 33 ab 8f 59 3d ab cd 62 b3 57 16 39 d6 24 e6 51 52 ab 8f 53 0c 35 9f 08 61 d8
      07 ca 0d bf 50 0d 6a 61 56 a3 8e 08 8a 22 b6 5e 52 bc 51 4d 16 cc f8 06 81 8c e9 1a b7 79 37 36
      5a f9 0b bf 74 a3 5b e6 b4 0b 8e ed f2 78 5e 42 87 4d`);
    expect(plaintext.length).toBe(114);
    const keystream = rawBytes(chacha20Rng(key, hex('000000000000004a00000000'), 1), 116).subarray(0, 114);
    expect(xor(plaintext, keystream).toString('hex')).toBe(ciphertext.toString('hex'));
  });

  it('rejects keys and nonces of the wrong length', () => {
    expect(() => chacha20Rng(Buffer.alloc(16), Buffer.alloc(12))).toThrow(/32-byte key/);
    expect(() => chacha20Rng(Buffer.alloc(32), Buffer.alloc(8))).toThrow(/12-byte nonce/);
    expect(() => chacha20Rng(Buffer.alloc(32), Buffer.alloc(12), 2 ** 32)).toThrow(/uint32/);
    expect(() => aes128CtrRng(Buffer.alloc(32), Buffer.alloc(16))).toThrow(/16-byte key/);
  });
});
