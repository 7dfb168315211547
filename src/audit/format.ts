/**
 * Constants of the audit-log format, version 2 (`slotsim-audit/2`; version 1 logs are still read).
 *
 * A log is JSONL: one record per line, each line ended by "\n". The first record is the header,
 * then one `round` or `void` record per round in the order they completed — with, in a signed log,
 * a `checkpoint` record after every N of them — then, in a log that `slotsim recover` settled, one
 * `recovery` record per round a crash left in flight, and an `end` record when the log is closed.
 * Every record carries `seq` (0 for the header, then 1, 2, …), and every record after the header
 * carries `prev`, the previous record's hash.
 *
 * Version 2 added to version 1: the header's `gameContentSha256` and `signing`, the end record's
 * `ledgerEntries`, `recoveries`, `recovered` and (signed logs) `signature`, and the `checkpoint` and
 * `recovery` records.
 *
 * A line is the canonical JSON (sorted keys, no whitespace) of the record without its hash, with
 * `"hash"` appended as its last member:
 *
 *     <canonical body without the closing "}">,"hash":"<64 hex digits>"}
 *
 * and the hash is SHA-256 (or, in an HMAC chain, HMAC-SHA-256 under the operator's key) of the
 * domain prefix of the record's type followed by the canonical body exactly as written:
 *
 *     hash = H("slotsim/audit/<type>/v1\n" ‖ body)
 */
export const AUDIT_FORMAT = 'slotsim-audit/2';
/** The first version, still verified: no checkpoint or recovery records, an end record of counts only. */
export const AUDIT_FORMAT_V1 = 'slotsim-audit/1';
/** Every version this slotsim verifies. */
export const AUDIT_FORMATS: readonly string[] = [AUDIT_FORMAT_V1, AUDIT_FORMAT];
/** Every format version this slotsim knows starts with this. */
export const AUDIT_FORMAT_PREFIX = 'slotsim-audit/';

export const RECORD_TYPES = ['header', 'round', 'void', 'checkpoint', 'recovery', 'end'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The domain-separation prefix hashed before a record's body. */
export function domainOf(type: RecordType): string {
  return `slotsim/audit/${type}/v1\n`;
}

export const CHAIN_MODES = ['sha256', 'hmac-sha256'] as const;
export type ChainMode = (typeof CHAIN_MODES)[number];

/** `,"hash":"` + 64 hex digits + `"}`: what follows the body (minus its "}") on every line. */
export const HASH_SUFFIX_LENGTH = 9 + 64 + 2;
export const HASH_SUFFIX_START = ',"hash":"';

/**
 * The longest line a log may hold. A round's line is a few kilobytes, but one with thousands of
 * free spins runs to megabytes (~22,000 free spins of a 5×3 game: ~8 MiB); every line up to this
 * is read, streamed in chunks and held once. The round service never writes a longer one: a round
 * whose record would not fit is voided and its stake returned (round-service.ts), so whatever
 * `play` writes, `verify` and `recall` read. The bound keeps verify's memory in check: a line is
 * held as bytes and as text, and its outcome is rebuilt by replay, about 4× the line in all.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
