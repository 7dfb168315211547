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
