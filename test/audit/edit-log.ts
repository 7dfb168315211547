/** Editing audit-log lines the way a tamperer would: naively, re-hashing one record, or re-chaining all after it. */
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { ChainHasher } from '../../src/audit/chain-hasher.js';
import type { RecordType } from '../../src/audit/format.js';

export type Json = Record<string, unknown>;

export function parse(line: string): Json {
  return JSON.parse(line) as Json;
}

/** A record as a line: canonical body and the given hash appended (as the writer lays it out). */
export function lineOf(record: Json, hash: string): string {
  const { hash: _old, ...body } = record;
  const text = canonicalJson(body);
  return `${text.slice(0, -1)},"hash":"${hash}"}`;
}

/** The hash a record would have under `hasher` (what a tamperer computes). */
export function hashOf(record: Json, hasher: ChainHasher): string {
  const { hash: _old, ...body } = record;
  return hasher.digestHex(record.type as RecordType, canonicalJson(body));
}

export type EditMode =
  /** Change the record and leave its hash as it was. */
  | 'naive'
  /** Change the record and give it a fresh hash (the next record's link breaks). */
  | 'rehash'
  /** Change the record, re-hash it and re-link every record after it: only an HMAC stops this. */
  | 'rechain';

/**
 * Applies `edit` to line `index` (0-based) and returns the new lines. `key`: what the tamperer
 * hashes with (null: plain SHA-256, all a tamperer without the HMAC key can do).
 */
export function editLine(
  lines: readonly string[],
  index: number,
  edit: (record: Json) => void,
  mode: EditMode,
  key: Uint8Array | null = null,
): string[] {
  const out = [...lines];
  const hasher = new ChainHasher(key);
  const record = parse(out[index]!);
  edit(record);
  if (mode === 'naive') {
    // The hash as it was (unless the edit is of the hash itself).
    out[index] = lineOf(record, record.hash as string);
    return out;
  }
  let hash = hashOf(record, hasher);
  out[index] = lineOf(record, hash);
  if (mode === 'rehash') return out;
  for (let i = index + 1; i < out.length; i++) {
    const next = parse(out[i]!);
    next.prev = hash;
    hash = hashOf(next, hasher);
    out[i] = lineOf(next, hash);
  }
  return out;
}

/** Re-links every record from `from` on (after lines were moved, inserted or deleted). */
export function rechainFrom(lines: readonly string[], from: number, key: Uint8Array | null = null): string[] {
  const out = [...lines];
  const hasher = new ChainHasher(key);
  let hash = from === 0 ? null : (parse(out[from - 1]!).hash as string);
  for (let i = from; i < out.length; i++) {
    const record = parse(out[i]!);
    if (hash !== null && record.type !== 'header') record.prev = hash;
    hash = hashOf(record, hasher);
    out[i] = lineOf(record, hash);
  }
  return out;
}

/** Follows a path like `outcome.paid.window[1][2]` to its parent object and final key. */
export function at(record: Json, path: string): { parent: Json | unknown[]; key: string | number } {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let node: unknown = record;
  for (const part of parts.slice(0, -1)) node = (node as Record<string, unknown>)[part];
  const last = parts.at(-1)!;
  return { parent: node as Json, key: /^\d+$/.test(last) ? Number(last) : last };
}

export function get(record: Json, path: string): unknown {
  const { parent, key } = at(record, path);
  return (parent as Record<string | number, unknown>)[key];
}

export function set(record: Json, path: string, value: unknown): void {
  const { parent, key } = at(record, path);
  (parent as Record<string | number, unknown>)[key] = value;
}
