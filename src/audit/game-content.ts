import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 (hex) of a game file's canonical content: its parsed JSON with object members sorted and
 * no whitespace. A copy with CRLF line ends, another indentation or its members in another order
 * has other bytes (another `sha256`) but the same content hash; a change of any value changes it.
 * Null when the text is not JSON (the loader reports that).
 */
export function gameContentSha256(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null; // not JSON: the game loader says where and why
  }
  return createHash('sha256')
    .update(`slotsim/game-content/v1\n${canonicalJson(value)}`)
    .digest('hex');
}
