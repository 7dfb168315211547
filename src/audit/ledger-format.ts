/**
 * The wallet ledger file (JSONL): one immutable entry per money movement, appended, never edited.
 * Balances are derived from it; each entry also states the player's balance after it, so a reader
 * can check the running sums. The ledger wallet writes it and `verify --ledger` reads it.
 *
 *     {"amount":20,"at":"…","balance":980,"player":"player-1","ref":"…/debit","seq":2,"type":"debit"}
 *
 * `deposit` and `withdrawal` move money between the player and the outside (they are not game
 * transactions); `debit` takes a stake, `credit` pays a win and `rollback` returns the debit named
 * by `of` (amount 0 when there was no such debit: the reference is then closed to late debits).
 */
import { canonicalJson } from './canonical-json.js';

export const LEDGER_ENTRY_TYPES = ['deposit', 'withdrawal', 'debit', 'credit', 'rollback'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export interface LedgerEntry {
  /** 1, 2, … in file order. */
  readonly seq: number;
  /** The transaction reference (idempotency key); unique in the ledger. */
  readonly ref: string;
  readonly type: LedgerEntryType;
  readonly player: string;
  /** Credits moved, ≥ 0. */
  readonly amount: number;
  /** The player's balance after this entry. */
  readonly balance: number;
  readonly at: string;
  /** rollback only: the reference of the debit it returns. */
  readonly of?: string;
}

/** +1 when the entry adds to the player's balance, −1 when it takes from it. */
export function directionOf(type: LedgerEntryType): 1 | -1 {
  switch (type) {
    case 'deposit':
    case 'credit':
    case 'rollback':
      return 1;
    case 'withdrawal':
    case 'debit':
      return -1;
    default: {
      const unknown: never = type;
      throw new Error(`unknown ledger entry type ${String(unknown)}`);
    }
  }
}

/** Whether an entry is a game transaction (which some round must explain). */
export function isGameTransaction(type: LedgerEntryType): boolean {
  return type === 'debit' || type === 'credit' || type === 'rollback';
}

export function formatLedgerEntry(entry: LedgerEntry): string {
  return canonicalJson(entry);
}

export interface LedgerProblem {
  readonly field: string;
  readonly recorded: unknown;
  readonly expected: string;
}

const KEYS = new Set(['amount', 'at', 'balance', 'of', 'player', 'ref', 'seq', 'type']);

/** Defensive decoding of one parsed ledger line; never throws. */
export function decodeLedgerEntry(
  value: unknown,
): { ok: true; entry: LedgerEntry } | { ok: false; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: '', recorded: value, expected: 'a JSON object' }] };
  }
  const e = value as Record<string, unknown>;
  for (const key in e)
    if (!KEYS.has(key)) problems.push({ field: key, recorded: e[key], expected: 'no such field' });
  const int = (key: string, min: number): void => {
    const v = e[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      problems.push({ field: key, recorded: v, expected: `a whole number ≥ ${min}` });
  };
  const text = (key: string): void => {
    const v = e[key];
    if (typeof v !== 'string' || v.length === 0 || v.length > 256)
      problems.push({ field: key, recorded: v, expected: 'a non-empty string' });
  };
  int('seq', 1);
  text('ref');
  if (typeof e.type !== 'string' || !(LEDGER_ENTRY_TYPES as readonly string[]).includes(e.type)) {
    problems.push({ field: 'type', recorded: e.type, expected: `one of ${LEDGER_ENTRY_TYPES.join(', ')}` });
  }
  text('player');
  int('amount', 0);
  int('balance', Number.MIN_SAFE_INTEGER);
  text('at');
  if (e.type === 'rollback') text('of');
  else if ('of' in e)
    problems.push({
      field: 'of',
      recorded: e.of,
      expected: 'no such field (only a rollback names the debit it returns)',
    });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entry: e as unknown as LedgerEntry };
}

/**
 * The last line of a closed ledger: it names the end record of the audit log its movements belong
 * to, and how many entries came before it. Written after the log's end record (which counts the
 * ledger's entries in turn), so neither file can lose its last lines unnoticed while the other is
 * whole. Not a money movement.
 *
 *     {"at":"…","entries":41,"log":{"end":44,"hash":"…","logId":"…"},"seq":42,"type":"seal"}
 */
export interface LedgerSeal {
  readonly seq: number;
  readonly type: 'seal';
  readonly at: string;
  /** Entries before the seal (its own seq − 1). */
  readonly entries: number;
  /** The log's end record: its log id, sequence number and hash. */
  readonly log: { readonly logId: string; readonly end: number; readonly hash: string };
}

const SEAL_KEYS = new Set(['at', 'entries', 'log', 'seq', 'type']);
const SEAL_LOG_KEYS = new Set(['end', 'hash', 'logId']);

export function formatLedgerSeal(seal: LedgerSeal): string {
  return canonicalJson(seal);
}

/** Whether a parsed ledger line claims to be a seal (then decoded by `decodeLedgerSeal`). */
export function isSealLine(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'seal';
}

/** Defensive decoding of a parsed seal line; never throws. */
export function decodeLedgerSeal(
  value: unknown,
): { ok: true; seal: LedgerSeal } | { ok: false; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const e = value as Record<string, unknown>;
  for (const key in e)
    if (!SEAL_KEYS.has(key)) problems.push({ field: key, recorded: e[key], expected: 'no such field' });
  const whole = (v: unknown, field: string, min: number): void => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      problems.push({ field, recorded: v, expected: `a whole number ≥ ${min}` });
  };
  whole(e.seq, 'seq', 1);
  whole(e.entries, 'entries', 0);
  if (typeof e.at !== 'string' || e.at.length === 0)
    problems.push({ field: 'at', recorded: e.at, expected: 'a timestamp' });
  const log = e.log;
  if (typeof log !== 'object' || log === null || Array.isArray(log)) {
    problems.push({ field: 'log', recorded: log, expected: 'the log end record { logId, end, hash }' });
  } else {
    const l = log as Record<string, unknown>;
    for (const key in l)
      if (!SEAL_LOG_KEYS.has(key))
        problems.push({ field: `log.${key}`, recorded: l[key], expected: 'no such field' });
    if (typeof l.logId !== 'string' || l.logId.length === 0)
      problems.push({ field: 'log.logId', recorded: l.logId, expected: 'a log id' });
    whole(l.end, 'log.end', 1);
    if (typeof l.hash !== 'string' || !/^[0-9a-f]{64}$/.test(l.hash))
      problems.push({ field: 'log.hash', recorded: l.hash, expected: 'a hash: 64 lowercase hex digits' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, seal: e as unknown as LedgerSeal };
}
