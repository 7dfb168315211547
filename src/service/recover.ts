/**
 * `slotsim recover`: settles what a crash (or a wallet that failed) left unsettled between an audit
 * log and its ledger, records it in the log and closes both files.
 *
 * It works only on what a crash leaves: a log whose chain is intact up to its last complete line
 * (a torn last line of either file is cut off and recorded), with no end record, and a ledger whose
 * only movements no record names are those of at most one round per player, that player's last. On
 * anything else it refuses and points to `slotsim verify`: it settles a crashed log, not a damaged
 * one. For each round left unsettled it writes the ledger movement needed (through the ledger
 * wallet, idempotent by the round's references) and then a `recovery` record:
 *
 * - a round whose record was lost with only its debit in the ledger: the stake is returned (refunded);
 * - a lost round whose debit and credit (or rollback) are both in the ledger: settled as it stands;
 * - a round logged with its credit pending: the win is paid;
 * - a void round with its rollback pending: the stake is returned when the ledger holds the debit,
 *   and the reference closed with a rollback of 0 (nothing owed) when it does not.
 *
 * Then the end record (counting the ledger's entries, naming what was cut) and the ledger's seal.
 * Run again after a crash of its own, it finds its movements in the ledger and records them as found.
 */
import { truncate } from 'node:fs/promises';
import { AuditChain } from '../audit/audit-chain.js';
import { ChainHasher } from '../audit/chain-hasher.js';
import { DurableAppender } from '../audit/durable-appender.js';
import { AUDIT_FORMAT, HASH_SUFFIX_LENGTH, RECORD_TYPES, type RecordType } from '../audit/format.js';
import { decodeLedgerEntry, directionOf, isSealLine, type LedgerEntryType } from '../audit/ledger-format.js';
import { roundOfRef } from '../audit/ledger-index.js';
import { forEachLine } from '../audit/line-reader.js';
import type { RecoveryInput } from '../audit/record-builder.js';
import type { HeaderRecord, RecoveryRecord, RecoveryTx, TornTail } from '../audit/record.js';
import type { SigningKey } from '../audit/signing.js';
import { SlotsimError } from '../errors.js';
import { LedgerWallet } from './ledger-wallet.js';
import { tornTail } from './torn-tail.js';
import type { WalletResult } from './wallet.js';

type WalletOk = Extract<WalletResult, { status: 'ok' }>;
import { roundRefs } from './round-service.js';

export interface RecoverOptions {
  readonly log: string;
  readonly ledger: string;
  readonly hmacKey: Uint8Array | null;
  /** Required for a signed log: the end record is signed. */
  readonly signing: SigningKey | null;
  readonly fsync?: boolean;
  readonly clock?: () => Date;
}

export interface RecoveredRound {
  readonly roundId: string;
  readonly player: string;
  readonly action: RecoveryRecord['action'];
  readonly logged: RecoveryRecord['logged'];
  /** The movement recover wrote itself, or null. */
  readonly moved: { readonly type: LedgerEntryType; readonly ref: string; readonly amount: number } | null;
}

export interface RecoverReport {
  readonly log: string;
  readonly ledger: string;
  /** "recovered": rounds settled and both files closed; "ledger-sealed": only the ledger's seal was missing; "closed": nothing to do. */
  readonly status: 'recovered' | 'ledger-sealed' | 'closed';
  readonly torn: { readonly log: TornTail | null; readonly ledger: TornTail | null };
  readonly rounds: readonly RecoveredRound[];
  /** The end record's hash (the chain head to keep), or null when the log was already closed. */
  readonly head: string | null;
}

interface LedgerMove {
  readonly ref: string;
  readonly type: LedgerEntryType;
  readonly player: string;
  readonly amount: number;
  readonly balance: number;
  readonly line: number;
}

interface Pending {
  readonly roundId: string;
  readonly player: string;
  readonly kind: 'credit' | 'rollback';
  readonly ref: string;
  readonly amount: number;
  readonly debitRef: string;
}

function refuse(path: string, why: string): never {
  throw new SlotsimError(
    'BAD_FILE',
    `${path}: ${why}; recover settles what a crash leaves, not a damaged file (run slotsim verify)`,
  );
}

function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}

export async function recoverLog(options: RecoverOptions): Promise<RecoverReport> {
  const clock = options.clock ?? (() => new Date());
  const fsync = options.fsync ?? true;
  const logTorn = await tornTail(options.log);
  const ledgerTorn = await tornTail(options.ledger);

  // The ledger: every game movement by reference, each player's last line, and its seal.
  const moves = new Map<string, LedgerMove>();
  const lastLineOf = new Map<string, number>();
  let ledgerEntries = 0;
  let ledgerSealed = false;
  await forEachLine(options.ledger, (raw) => {
    if (!raw.terminated) return; // the torn tail, cut below
    let value: unknown;
    try {
      value = JSON.parse(raw.bytes.toString('utf8'));
    } catch {
      refuse(options.ledger, `line ${raw.number} is not JSON`);
    }
    if (isSealLine(value)) {
      ledgerSealed = true;
      return;
    }
    const decoded = decodeLedgerEntry(value);
    if (!decoded.ok) refuse(options.ledger, `line ${raw.number} is not a ledger entry`);
    const e = decoded.entry;
    ledgerEntries++;
    lastLineOf.set(e.player, raw.number);
    if (e.type === 'deposit' || e.type === 'withdrawal') return;
    moves.set(e.ref, {
      ref: e.ref,
      type: e.type,
      player: e.player,
      amount: e.amount,
      balance: e.balance,
      line: raw.number,
    });
  });

  // The log: its chain up to the last complete line, what it leaves pending, which movements it names.
  const hasher = new ChainHasher(options.hmacKey);
  const named = new Set<string>();
  const pending = new Map<string, Pending>();
  let header: HeaderRecord | null = null;
  let lastSeq = -1;
  let lastHash: string | null = null;
  let rounds = 0;
  let recoveries = 0;
  let end: { seq: number; hash: string; ledgerEntries: number | null } | null = null;
  await forEachLine(options.log, (raw) => {
    if (!raw.terminated) return; // the torn tail, cut below
    const n = raw.number;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(raw.bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      refuse(options.log, `line ${n} is not JSON`);
    }
    if (end !== null) refuse(options.log, `line ${n} follows the end record`);
    if (!isRecordType(r.type) || r.seq !== lastSeq + 1 || (n > 1 && r.prev !== lastHash))
      refuse(options.log, `line ${n} does not continue the chain`);
    if (n === 1 && r.chain === 'hmac-sha256' && options.hmacKey === null)
      throw new SlotsimError(
        'BAD_INPUT',
        `${options.log}: the log is HMAC-chained; give its key with --hmac-key-file`,
      );
    const computed = hasher.digestLine(r.type, raw.bytes, raw.bytes.length - HASH_SUFFIX_LENGTH);
    if (typeof r.hash !== 'string' || !hasher.matches(computed, r.hash))
      refuse(
        options.log,
        `line ${n}: the record's hash does not match${n === 1 && options.hmacKey !== null ? ' (is it the key the log was written with?)' : ''}`,
      );
    lastSeq = r.seq;
    lastHash = r.hash;
    const tx = (r.tx ?? {}) as Record<string, { ref: string; amount: number; status?: string } | null>;
    for (const t of Object.values(tx)) if (t !== null && typeof t.ref === 'string') named.add(t.ref);
    switch (r.type) {
      case 'header':
        header = r as unknown as HeaderRecord;
        break;
      case 'round': {
        rounds++;
        const credit = tx.credit;
        if (credit?.status === 'pending')
          pending.set(credit.ref, {
            roundId: r.roundId as string,
            player: r.player as string,
            kind: 'credit',
            ref: credit.ref,
            amount: credit.amount,
            debitRef: tx.debit!.ref,
          });
        break;
      }
      case 'void': {
        rounds++;
        const rollback = tx.rollback!;
        if (rollback.status === 'pending')
          pending.set(rollback.ref, {
            roundId: r.roundId as string,
            player: r.player as string,
            kind: 'rollback',
            ref: rollback.ref,
            amount: tx.debit!.amount,
            debitRef: tx.debit!.ref,
          });
        break;
      }
      case 'recovery':
        recoveries++;
        for (const t of Object.values(tx)) if (t !== null && typeof t.ref === 'string') pending.delete(t.ref);
        break;
      case 'end':
        end = {
          seq: r.seq,
          hash: r.hash,
          ledgerEntries: (r.ledgerEntries as number | null | undefined) ?? null,
        };
        break;
      case 'checkpoint':
        break;
      default:
        break;
    }
  });
  const h = header as HeaderRecord | null;
  if (h === null || lastHash === null) refuse(options.log, 'no header record');
  if (h.format !== AUDIT_FORMAT)
    refuse(options.log, `format ${h.format}: recover writes ${AUDIT_FORMAT} records`);
  if (h.chain === 'hmac-sha256' && options.hmacKey === null)
    throw new SlotsimError(
      'BAD_INPUT',
      `${options.log}: the log is HMAC-chained; give its key with --hmac-key-file`,
    );
  const signingInfo = h.signing ?? null;
  if (signingInfo !== null && (options.signing === null || options.signing.keyId !== signingInfo.keyId))
    throw new SlotsimError(
      'BAD_INPUT',
      `${options.log}: the log is signed by key sha256:${signingInfo.keyId}; give that key with --signing-key to seal it`,
    );

  const closed = end as { seq: number; hash: string; ledgerEntries: number | null } | null;
  if (closed !== null) {
    if (logTorn !== null) refuse(options.log, 'a torn line after the end record');
    if (ledgerSealed)
      return {
        log: options.log,
        ledger: options.ledger,
        status: 'closed',
        torn: { log: null, ledger: null },
        rounds: [],
        head: null,
      };
    if (closed.ledgerEntries !== ledgerEntries)
      refuse(
        options.ledger,
        `the log's end record counts ${closed.ledgerEntries ?? 'no'} ledger entries; the ledger holds ${ledgerEntries}`,
      );
    if (ledgerTorn !== null) await truncate(options.ledger, ledgerTorn.keep);
    const wallet = await LedgerWallet.open(options.ledger, { mode: 'open', fsync });
    await wallet.seal({ logId: h.logId, end: closed.seq, hash: closed.hash });
    return {
      log: options.log,
      ledger: options.ledger,
      status: 'ledger-sealed',
      torn: { log: null, ledger: strip(ledgerTorn) },
      rounds: [],
      head: closed.hash,
    };
  }
  if (ledgerSealed)
    refuse(options.ledger, 'the ledger is sealed but the log has no end record: the log was cut');

  // Movements no record names: at most one round per player, that player's last.
  const lost = new Map<string, LedgerMove[]>();
  for (const move of moves.values()) {
    if (named.has(move.ref)) continue;
    const round = roundOfRef(move.ref);
    if (round === null)
      refuse(options.ledger, `line ${move.line}: ${move.ref} is explained by no record and is no round's`);
    const list = lost.get(round) ?? [];
    list.push(move);
    lost.set(round, list);
  }
  const lostOf = new Map<string, string>();
  for (const [round, list] of lost) {
    const player = list[0]!.player;
    const last = Math.max(...list.map((m) => m.line));
    if (lostOf.has(player) || list.some((m) => m.player !== player) || lastLineOf.get(player) !== last)
      refuse(
        options.ledger,
        `the movements of round ${round} (${player}) are explained by no record and are not what a crash leaves (at most one round per player in flight, after all their other movements)`,
      );
    lostOf.set(player, round);
  }

  // Act: ledger movements first (durable), then the log's records, the end record, the seal.
  if (ledgerTorn !== null) await truncate(options.ledger, ledgerTorn.keep);
  if (logTorn !== null) await truncate(options.log, logTorn.keep);
  const wallet = await LedgerWallet.open(options.ledger, { mode: 'open', fsync });
  const at = (): string => clock().toISOString();
  const inputs: RecoveryInput[] = [];
  const done: RecoveredRound[] = [];
  const found = (m: LedgerMove): RecoveryTx => ({ ref: m.ref, amount: m.amount, by: 'found' });
  const before = (m: LedgerMove): number => m.balance - directionOf(m.type) * m.amount;
  /** A movement recover writes: the wallet must take it (it refuses only what a crash cannot leave). */
  const okOf = async (call: Promise<WalletResult>, what: string): Promise<WalletOk> => {
    const result = await call;
    if (result.status !== 'ok') refuse(options.ledger, `${what}: the wallet refused (${result.message})`);
    return result;
  };
  for (const p of pending.values()) {
    const existing = moves.get(p.ref);
    if (p.kind === 'credit') {
      const made =
        existing === undefined
          ? await okOf(wallet.credit({ ref: p.ref, player: p.player, amount: p.amount }), p.ref)
          : null;
      const after = existing?.balance ?? made!.balance;
      inputs.push({
        at: at(),
        roundId: p.roundId,
        player: p.player,
        action: 'paid',
        logged: 'round',
        tx: {
          debit: null,
          credit: { ref: p.ref, amount: p.amount, by: existing === undefined ? 'recover' : 'found' },
          rollback: null,
        },
        balance: { before: after - p.amount, after },
        reason: 'the credit of a win was never confirmed by the wallet: paid',
      });
      done.push({
        roundId: p.roundId,
        player: p.player,
        action: 'paid',
        logged: 'round',
        moved: made === null ? null : { type: 'credit', ref: p.ref, amount: p.amount },
      });
    } else {
      const made =
        existing === undefined
          ? await okOf(wallet.rollback({ ref: p.ref, player: p.player, of: p.debitRef }), p.ref)
          : null;
      const amount = existing?.amount ?? made!.amount;
      const after = existing?.balance ?? made!.balance;
      const action = amount === 0 ? 'closed' : 'refunded';
      inputs.push({
        at: at(),
        roundId: p.roundId,
        player: p.player,
        action,
        logged: 'void',
        tx: {
          debit: null,
          credit: null,
          rollback: { ref: p.ref, amount, by: existing === undefined ? 'recover' : 'found' },
        },
        balance: { before: after - amount, after },
        reason:
          action === 'closed'
            ? `debit ${p.debitRef} never reached the ledger: its reference is closed, nothing owed`
            : `the rollback of debit ${p.debitRef} was never confirmed by the wallet: the stake is returned`,
      });
      done.push({
        roundId: p.roundId,
        player: p.player,
        action,
        logged: 'void',
        moved: made === null ? null : { type: 'rollback', ref: p.ref, amount },
      });
    }
  }
  for (const [round, list] of lost) {
    const player = list[0]!.player;
    const refs = roundRefs(round);
    const debit = list.find((m) => m.type === 'debit') ?? null;
    const credit = list.find((m) => m.type === 'credit') ?? null;
    let rollback: RecoveryTx | null = null;
    let after = list.reduce((a, b) => (a.line > b.line ? a : b)).balance;
    let moved: RecoveredRound['moved'] = null;
    const foundRollback = list.find((m) => m.type === 'rollback') ?? null;
    if (foundRollback !== null) rollback = found(foundRollback);
    else if (credit === null) {
      const made = await okOf(wallet.rollback({ ref: refs.rollback, player, of: refs.debit }), refs.rollback);
      rollback = { ref: refs.rollback, amount: made.amount, by: 'recover' };
      after = made.balance;
      moved = { type: 'rollback', ref: refs.rollback, amount: made.amount };
    }
    if (debit === null && credit !== null)
      refuse(options.ledger, `round ${round}: a credit without its debit`);
    const action: RecoveryRecord['action'] =
      credit !== null ? 'settled' : rollback !== null && rollback.amount === 0 ? 'closed' : 'refunded';
    const first = list.reduce((a, b) => (a.line < b.line ? a : b));
    inputs.push({
      at: at(),
      roundId: round,
      player,
      action,
      logged: 'none',
      tx: {
        debit: debit === null ? null : found(debit),
        credit: credit === null ? null : found(credit),
        rollback,
      },
      balance: { before: before(first), after },
      reason:
        action === 'settled'
          ? 'the round was in flight when play stopped: its stake was taken and its win paid, its record lost'
          : action === 'closed'
            ? 'the round was in flight when play stopped and took no stake'
            : 'the round was in flight when play stopped: its stake is returned',
    });
    done.push({ roundId: round, player, action, logged: 'none', moved });
  }

  const file = await DurableAppender.open(options.log, { fsync });
  const chain = AuditChain.resume(
    options.hmacKey,
    signingInfo === null ? null : { key: options.signing!, every: signingInfo.every },
    { seq: lastSeq + 1, prev: lastHash, rounds, recoveries },
  );
  for (const input of inputs) await file.append(chain.recovery(input).line);
  const endRecord = chain.end({
    endedAt: at(),
    ledgerEntries: wallet.entries,
    recovered: { at: at(), log: strip(logTorn), ledger: strip(ledgerTorn) },
  });
  await file.append(endRecord.line);
  await file.close();
  await wallet.seal({ logId: h.logId, end: endRecord.seq, hash: endRecord.hash });
  return {
    log: options.log,
    ledger: options.ledger,
    status: 'recovered',
    torn: { log: strip(logTorn), ledger: strip(ledgerTorn) },
    rounds: done,
    head: endRecord.hash,
  };
}

function strip(torn: (TornTail & { keep: number }) | null): TornTail | null {
  return torn === null ? null : { bytes: torn.bytes, sha256: torn.sha256 };
}
