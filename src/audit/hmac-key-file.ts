import { readFileSync } from 'node:fs';
import { fileErrorReason, SlotsimError } from '../errors.js';
import { MIN_HMAC_KEY_BYTES } from './chain-hasher.js';

/**
 * Reads an HMAC key file: its bytes are the key, except one final "\n" or "\r\n" (so a key
 * written by `echo` or an editor is the key meant). At least 16 bytes; 32 random bytes are right.
 */
export function readHmacKeyFile(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SlotsimError('BAD_INPUT', `--hmac-key-file: cannot read ${path} (${fileErrorReason(error)})`, {
      cause: error,
    });
  }
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) {
    end--;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
  }
  const key = bytes.subarray(0, end);
  if (key.length < MIN_HMAC_KEY_BYTES) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--hmac-key-file: ${path} holds ${key.length} bytes; a key needs at least ${MIN_HMAC_KEY_BYTES} (e.g. head -c 32 /dev/urandom > ${path})`,
    );
  }
  return key;
}
