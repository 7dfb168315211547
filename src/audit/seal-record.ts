import { canonicalJson } from './canonical-json.js';
import type { ChainHasher } from './chain-hasher.js';
import type { AuditRecord } from './record.js';

/** A record as one log line (without its "\n") and its hash (hex). */
export interface SealedRecord {
  readonly line: string;
  readonly hash: string;
}

/**
 * Serialises a record canonically, hashes it under its type's domain and appends the hash as the
 * line's last member: `<body without "}">,"hash":"<hex>"}`.
 */
export function sealRecord(record: AuditRecord, hasher: ChainHasher): SealedRecord {
  const body = canonicalJson(record);
  const hash = hasher.digestHex(record.type, body);
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}`, hash };
}
