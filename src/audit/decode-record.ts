/**
 * Defensive decoding of one parsed log line (untrusted) into a typed record: every field the
 * verifier relies on is checked for presence and type, and every problem is returned with its
 * path — nothing here throws on bad data. The outcome is only checked to be an object: replay
 * compares it field by field with what the engine produces.
 */
import { isHashText } from './chain-hasher.js';
import { CHAIN_MODES, type ChainMode } from './format.js';
import type { AuditRecord } from './record.js';

export interface FieldProblem {
  readonly field: string;
  readonly recorded: unknown;
  readonly expected: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly record: AuditRecord }
  | { readonly ok: false; readonly type: string | null; readonly problems: readonly FieldProblem[] };

type Json = Record<string, unknown>;

/** A UTC timestamp as records hold them. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
/** The longest id, name or reference a record may hold. */
export const MAX_ID = 256;

/** Every record's line ends with its hash, checked with the chain. */
const HEADER_KEYS = [
  'chain',
  'createdAt',
  'format',
  'game',
  'gameContentSha256',
  'hash',
  'keyId',
  'logId',
  'rng',
  'seq',
  'signing',
  'slotsim',
  'type',
];
const COMMON_KEYS = [
  'balance',
  'draws',
  'endedAt',
  'game',
  'hash',
  'player',
  'prev',
  'rng',
  'roundId',
  'seq',
  'session',
  'slotsim',
  'stake',
  'startedAt',
  'tx',
  'type',
];
const ROUND_KEYS = new Set([...COMMON_KEYS, 'outcome']);
const VOID_KEYS = new Set([...COMMON_KEYS, 'reason']);
const END_KEYS = new Set([
  'endedAt',
  'hash',
  'ledgerEntries',
  'prev',
  'recovered',
  'recoveries',
  'rounds',
  'seq',
  'signature',
  'type',
]);
const CHECKPOINT_KEYS = new Set(['at', 'hash', 'prev', 'rounds', 'seq', 'signature', 'type']);
const RECOVERY_KEYS = new Set([
  'action',
  'at',
  'balance',
  'hash',
  'logged',
  'player',
  'prev',
  'reason',
  'roundId',
  'seq',
  'tx',
  'type',
]);
const SIGNING_KEYS = new Set(['algorithm', 'every', 'keyId']);
const RECOVERED_KEYS = new Set(['at', 'ledger', 'log']);
const TORN_KEYS = new Set(['bytes', 'sha256']);
const RECOVERY_TX_KEYS = new Set(['by', 'amount', 'ref']);
/** A base64 Ed25519 signature: 64 bytes. */
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;
const HEADER_KEY_SET = new Set(HEADER_KEYS);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly problems: FieldProblem[] = [];

  problem(field: string, recorded: unknown, expected: string): void {
    this.problems.push({ field, recorded, expected });
  }

  keys(object: Json, allowed: ReadonlySet<string>, path: string): void {
    for (const key in object) if (!allowed.has(key)) this.problem(path + key, object[key], 'no such field');
  }

  int(object: Json, key: string, path: string, min: number): void {
    const v = object[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
      this.problem(path + key, v, min === 0 ? 'a whole number ≥ 0' : `a whole number ≥ ${min}`);
    }
  }

  intOrNull(object: Json, key: string, path: string): void {
    const v = object[key];
    if (v !== null && (typeof v !== 'number' || !Number.isSafeInteger(v)))
      this.problem(path + key, v, 'a whole number or null');
  }

  text(object: Json, key: string, path: string, maxLength = MAX_ID): void {
    const v = object[key];
    if (typeof v !== 'string' || v.length === 0 || v.length > maxLength) {
      this.problem(path + key, v, `a non-empty string of at most ${maxLength} characters`);
    }
  }

  time(object: Json, key: string, path: string): void {
    const v = object[key];
    if (typeof v !== 'string' || !ISO_TIME.test(v))
      this.problem(path + key, v, 'a UTC timestamp such as 2026-01-31T12:00:00.000Z');
  }

  hash(object: Json, key: string, path: string): void {
    if (!isHashText(object[key])) this.problem(path + key, object[key], 'a hash: 64 lowercase hex digits');
  }

  oneOf(object: Json, key: string, path: string, values: readonly string[]): void {
    const v = object[key];
    if (typeof v !== 'string' || !values.includes(v))
      this.problem(path + key, v, `one of ${values.map((s) => `"${s}"`).join(', ')}`);
  }

  object(object: Json, key: string, path: string): Json | null {
    const v = object[key];
    if (isObject(v)) return v;
    this.problem(path + key, v, 'an object');
    return null;
  }

  game(object: Json, path: string): void {
    const game = this.object(object, 'game', path);
    if (game === null) return;
    const at = `${path}game.`;
    this.keys(game, GAME_KEYS, at);
    this.text(game, 'id', at);
    this.text(game, 'version', at);
    if (game.variant !== null) this.text(game, 'variant', at);
    // A format-2 game's mode; format 1's records have none (the verifier checks which applies).
    if ('mode' in game) this.text(game, 'mode', at);
    this.hash(game, 'sha256', at);
  }

  draws(object: Json): void {
    const draws = object.draws;
    if (!Array.isArray(draws)) {
      this.problem('draws', draws, 'a list of [bound, value] pairs');
      return;
    }
    for (let i = 0; i < draws.length; i++) {
      const d: unknown = draws[i];
      if (!Array.isArray(d) || d.length !== 2 || !Number.isSafeInteger(d[0]) || !Number.isSafeInteger(d[1])) {
        this.problem(`draws[${i}]`, d, 'a [bound, value] pair of whole numbers');
      }
    }
  }

  tx(object: Json, key: string, path: string, statuses: readonly string[] | null): void {
    const tx = this.object(object, key, path);
    if (tx === null) return;
    const at = `${path}${key}.`;
    this.keys(tx, statuses === null ? TX_KEYS : TX_STATUS_KEYS, at);
    this.text(tx, 'ref', at);
    this.int(tx, 'amount', at, 0);
    if (statuses !== null) this.oneOf(tx, 'status', at, statuses);
  }
}

const GAME_KEYS = new Set(['id', 'mode', 'sha256', 'variant', 'version']);
const TX_KEYS = new Set(['amount', 'ref']);
const TX_STATUS_KEYS = new Set(['amount', 'ref', 'status']);
const BALANCE_KEYS = new Set(['after', 'before']);
const ROUND_TX_KEYS = new Set(['credit', 'debit']);
const VOID_TX_KEYS = new Set(['debit', 'rollback']);

function common(c: Checker, r: Json): void {
  c.int(r, 'seq', '', 1);
  c.hash(r, 'prev', '');
  c.text(r, 'roundId', '');
  c.text(r, 'session', '');
  c.text(r, 'player', '');
  c.time(r, 'startedAt', '');
  c.time(r, 'endedAt', '');
  c.game(r, '');
  c.text(r, 'slotsim', '');
  c.text(r, 'rng', '');
  c.int(r, 'stake', '', 1);
  c.draws(r);
}

function decodeRound(c: Checker, r: Json): void {
  c.keys(r, ROUND_KEYS, '');
  common(c, r);
  c.object(r, 'outcome', '');
  const balance = c.object(r, 'balance', '');
  if (balance !== null) {
    c.keys(balance, BALANCE_KEYS, 'balance.');
    c.int(balance, 'before', 'balance.', Number.MIN_SAFE_INTEGER);
    c.int(balance, 'after', 'balance.', Number.MIN_SAFE_INTEGER);
  }
  const tx = c.object(r, 'tx', '');
  if (tx !== null) {
    c.keys(tx, ROUND_TX_KEYS, 'tx.');
    c.tx(tx, 'debit', 'tx.', null);
    if (tx.credit !== null) c.tx(tx, 'credit', 'tx.', ['paid', 'pending']);
  }
}

function decodeVoid(c: Checker, r: Json): void {
  c.keys(r, VOID_KEYS, '');
  common(c, r);
  c.text(r, 'reason', '', 4096);
  const balance = c.object(r, 'balance', '');
  if (balance !== null) {
    c.keys(balance, BALANCE_KEYS, 'balance.');
    c.intOrNull(balance, 'before', 'balance.');
    c.intOrNull(balance, 'after', 'balance.');
  }
  const tx = c.object(r, 'tx', '');
  if (tx !== null) {
    c.keys(tx, VOID_TX_KEYS, 'tx.');
    c.tx(tx, 'debit', 'tx.', ['done', 'failed']);
    c.tx(tx, 'rollback', 'tx.', ['done', 'pending']);
  }
}

function decodeHeader(c: Checker, r: Json): void {
  c.keys(r, HEADER_KEY_SET, '');
  c.text(r, 'format', '');
  if (r.seq !== 0) c.problem('seq', r.seq, '0');
  c.text(r, 'logId', '');
  c.time(r, 'createdAt', '');
  c.text(r, 'slotsim', '');
  c.game(r, '');
  c.text(r, 'rng', '');
  c.oneOf(r, 'chain', '', CHAIN_MODES);
  if (r.chain === ('hmac-sha256' satisfies ChainMode)) c.text(r, 'keyId', '');
  else if (r.keyId !== null) c.problem('keyId', r.keyId, 'null (a plain SHA-256 chain has no key)');
  // Version 2 members (which version requires them is checked by the verifier).
  if ('gameContentSha256' in r && r.gameContentSha256 !== null) c.hash(r, 'gameContentSha256', '');
  if ('signing' in r && r.signing !== null) {
    const signing = c.object(r, 'signing', '');
    if (signing !== null) {
      c.keys(signing, SIGNING_KEYS, 'signing.');
      c.oneOf(signing, 'algorithm', 'signing.', ['ed25519']);
      c.hash(signing, 'keyId', 'signing.');
      c.int(signing, 'every', 'signing.', 1);
    }
  }
}

function signature(c: Checker, r: Json): void {
  if (typeof r.signature !== 'string' || !SIGNATURE.test(r.signature))
    c.problem('signature', r.signature, 'a base64 Ed25519 signature (88 characters)');
}

/** `tornTail` members: null, or { bytes, sha256 }. */
function torn(c: Checker, o: Json, key: string, path: string): void {
  const v = o[key];
  if (v === null) return;
  const t = c.object(o, key, path);
  if (t === null) return;
  c.keys(t, TORN_KEYS, `${path}${key}.`);
  c.int(t, 'bytes', `${path}${key}.`, 1);
  c.hash(t, 'sha256', `${path}${key}.`);
}

function decodeEnd(c: Checker, r: Json): void {
  c.keys(r, END_KEYS, '');
  c.int(r, 'seq', '', 1);
  c.hash(r, 'prev', '');
  c.time(r, 'endedAt', '');
  c.int(r, 'rounds', '', 0);
  // Version 2 members (which version requires them is checked by the verifier).
  if ('ledgerEntries' in r && r.ledgerEntries !== null) c.int(r, 'ledgerEntries', '', 0);
  if ('recoveries' in r) c.int(r, 'recoveries', '', 0);
  if ('recovered' in r && r.recovered !== null) {
    const rec = c.object(r, 'recovered', '');
    if (rec !== null) {
      c.keys(rec, RECOVERED_KEYS, 'recovered.');
      c.time(rec, 'at', 'recovered.');
      torn(c, rec, 'log', 'recovered.');
      torn(c, rec, 'ledger', 'recovered.');
    }
  }
  if ('signature' in r) signature(c, r);
}

function decodeCheckpoint(c: Checker, r: Json): void {
  c.keys(r, CHECKPOINT_KEYS, '');
  c.int(r, 'seq', '', 1);
  c.hash(r, 'prev', '');
  c.time(r, 'at', '');
  c.int(r, 'rounds', '', 0);
  signature(c, r);
}

function recoveryTx(c: Checker, tx: Json, key: string): void {
  if (tx[key] === null) return;
  const t = c.object(tx, key, 'tx.');
  if (t === null) return;
  c.keys(t, RECOVERY_TX_KEYS, `tx.${key}.`);
  c.text(t, 'ref', `tx.${key}.`);
  c.int(t, 'amount', `tx.${key}.`, 0);
  c.oneOf(t, 'by', `tx.${key}.`, ['found', 'recover']);
}

function decodeRecovery(c: Checker, r: Json): void {
  c.keys(r, RECOVERY_KEYS, '');
  c.int(r, 'seq', '', 1);
  c.hash(r, 'prev', '');
  c.time(r, 'at', '');
  c.text(r, 'roundId', '');
  c.text(r, 'player', '');
  c.oneOf(r, 'action', '', ['refunded', 'paid', 'closed', 'settled']);
  c.oneOf(r, 'logged', '', ['none', 'round', 'void']);
  c.text(r, 'reason', '', 4096);
  const balance = c.object(r, 'balance', '');
  if (balance !== null) {
    c.keys(balance, BALANCE_KEYS, 'balance.');
    c.int(balance, 'before', 'balance.', Number.MIN_SAFE_INTEGER);
    c.int(balance, 'after', 'balance.', Number.MIN_SAFE_INTEGER);
  }
  const tx = c.object(r, 'tx', '');
  if (tx !== null) {
    c.keys(tx, RECOVERY_TX_SET, 'tx.');
    for (const key of ['debit', 'credit', 'rollback']) {
      if (!(key in tx)) c.problem(`tx.${key}`, undefined, 'a movement or null');
      else recoveryTx(c, tx, key);
    }
  }
}

const RECOVERY_TX_SET = new Set(['credit', 'debit', 'rollback']);

/** Decodes a parsed line. */
export function decodeRecord(value: unknown): DecodeResult {
  if (!isObject(value))
    return { ok: false, type: null, problems: [{ field: '', recorded: value, expected: 'a JSON object' }] };
  const c = new Checker();
  const type = value.type;
  switch (type) {
    case 'round':
      decodeRound(c, value);
      break;
    case 'void':
      decodeVoid(c, value);
      break;
    case 'header':
      decodeHeader(c, value);
      break;
    case 'end':
      decodeEnd(c, value);
      break;
    case 'checkpoint':
      decodeCheckpoint(c, value);
      break;
    case 'recovery':
      decodeRecovery(c, value);
      break;
    default:
      return {
        ok: false,
        type: null,
        problems: [
          {
            field: 'type',
            recorded: type,
            expected: 'one of "header", "round", "void", "checkpoint", "recovery", "end"',
          },
        ],
      };
  }
  if (c.problems.length > 0) return { ok: false, type, problems: c.problems };
  return { ok: true, record: value as unknown as AuditRecord };
}
