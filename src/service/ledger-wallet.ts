import { existsSync } from 'node:fs';
import { DurableAppender, ioReason } from '../audit/durable-appender.js';
import {
  decodeLedgerEntry,
  decodeLedgerSeal,
  directionOf,
  formatLedgerEntry,
  formatLedgerSeal,
  isSealLine,
  type LedgerSeal,
  type LedgerEntry,
  type LedgerEntryType,
} from '../audit/ledger-format.js';
import { forEachLine } from '../audit/line-reader.js';
import { SlotsimError } from '../errors.js';
import {
  WalletUnavailableError,
  type RefusalReason,
  type RollbackRequest,
  type TransferRequest,
  type Wallet,
  type WalletResult,
} from './wallet.js';

/** Where the ledger's lines go: a `DurableAppender` on the ledger file, unless a test gives another. */
export interface LedgerStore {
  /** Resolves once the line is durable; rejects when it cannot be written. */
  append(line: string): Promise<void>;
  close(): Promise<void>;
}

export interface LedgerWalletOptions {
  /** fdatasync each entry (batch) before the operation resolves (default true). */
  readonly fsync?: boolean;
  /** "create": the file must not exist; "open": continue an existing ledger (or start one). */
  readonly mode?: 'create' | 'open';
  readonly clock?: () => Date;
  /** Write the entries here instead of appending to `path` (which is still read first in "open" mode). */
  readonly store?: LedgerStore;
}

/** What a reference was used for, and the result it got (or will get once durable). */
interface Committed {
  readonly type: LedgerEntryType;
  readonly player: string;
  readonly amount: number;
  /** For a rollback: the debit it returns. */
  readonly of: string | undefined;
  readonly balance: number;
  /** Resolves when the entry is on disk; rejects if the write failed. */
  readonly durable: Promise<void>;
}

type Ok = Extract<WalletResult, { status: 'ok' }>;

/** The `durable` of every entry already on disk. */
const WRITTEN: Promise<void> = Promise.resolve();

function refused(reason: RefusalReason, message: string): WalletResult {
  return { status: 'refused', reason, message };
}

/**
 * The embedded wallet: an append-only JSONL ledger of immutable entries (see ledger-format.ts),
 * balances derived from it and never edited. Each operation checks and reserves synchronously —
 * JavaScript runs it to the end before any other operation starts — and then waits for its entry
 * to be durable, so concurrent debits on one balance can neither overdraw it nor spend twice.
 * Every reference is kept in memory for idempotency (one small entry per movement).
 *
 * A failed write leaves the wallet unusable (every later operation rejects): memory and file may
 * disagree, and only a restart from the file is safe.
 */
export class LedgerWallet implements Wallet {
  readonly path: string;
  private readonly file: LedgerStore;
  private readonly clock: () => Date;
  private readonly balances = new Map<string, number>();
  private readonly refs = new Map<string, Committed>();
  /** Debit reference → the rollback reference that returned (or closed) it. */
  private readonly rolledBack = new Map<string, string>();
  private seq: number;
  private broken: unknown = null;

  private constructor(path: string, file: LedgerStore, clock: () => Date, seq: number) {
    this.path = path;
    this.file = file;
    this.clock = clock;
    this.seq = seq;
  }

  /** Opens (or creates) a ledger; an existing one is read back and its running balances checked. */
  static async open(path: string, options: LedgerWalletOptions = {}): Promise<LedgerWallet> {
    const mode = options.mode ?? 'open';
    const entries: LedgerEntry[] = [];
    if (mode === 'open' && existsSync(path)) await readLedger(path, entries);
    const file =
      options.store ??
      (await DurableAppender.open(path, {
        fsync: options.fsync ?? true,
        exclusive: mode === 'create',
      }));
    const wallet = new LedgerWallet(path, file, options.clock ?? (() => new Date()), entries.length);
    for (const e of entries) wallet.apply(e, WRITTEN);
    return wallet;
  }

  /** Entries in the ledger (written or being written). */
  get entries(): number {
    return this.seq;
  }

  /** Money from outside (funding a player); not a game transaction. */
  deposit(request: TransferRequest): Promise<WalletResult> {
    return this.transfer('deposit', request);
  }

  /** Money paid out to the outside; refused beyond the balance. */
  withdraw(request: TransferRequest): Promise<WalletResult> {
    return this.transfer('withdrawal', request);
  }

  debit(request: TransferRequest): Promise<WalletResult> {
    return this.transfer('debit', request);
  }

  credit(request: TransferRequest): Promise<WalletResult> {
    return this.transfer('credit', request);
  }

  rollback(request: RollbackRequest): Promise<WalletResult> {
    const broken = this.brokenError();
    if (broken !== null) return Promise.reject(broken);
    const { ref, player, of } = request;
    const existing = this.refs.get(ref);
    if (existing !== undefined) return this.repeat(ref, existing, 'rollback', player, null, of);
    const debit = this.refs.get(of);
    if (debit !== undefined && (debit.type !== 'debit' || debit.player !== player)) {
      return Promise.resolve(refused('reference-conflict', `${of} is not a debit of ${player}`));
    }
    const earlier = this.rolledBack.get(of);
    if (earlier !== undefined) {
      return Promise.resolve(refused('already-rolled-back', `${of} was already rolled back by ${earlier}`));
    }
    const amount = debit?.amount ?? 0;
    return this.commit('rollback', ref, player, amount, of);
  }

  balance(player: string): Promise<number> {
    return Promise.resolve(this.balances.get(player) ?? 0);
  }

  /** Waits for every entry to be written and closes the file. */
  close(): Promise<void> {
    return this.file.close();
  }

  /**
   * Closes the ledger for good with its seal (ledger-format.ts), naming the audit log's end record,
   * then closes the file. No movement is taken after it.
   */
  async seal(log: LedgerSeal['log']): Promise<void> {
    const broken = this.brokenError();
    if (broken !== null) throw broken;
    const entries = this.seq;
    this.seq++;
    this.broken = new Error('the ledger is sealed');
    const seal: LedgerSeal = { seq: this.seq, type: 'seal', at: this.clock().toISOString(), entries, log };
    await this.file.append(formatLedgerSeal(seal));
    await this.file.close();
  }

  private transfer(
    type: Exclude<LedgerEntryType, 'rollback'>,
    request: TransferRequest,
  ): Promise<WalletResult> {
    const broken = this.brokenError();
    if (broken !== null) return Promise.reject(broken);
    const { ref, player, amount } = request;
    const existing = this.refs.get(ref);
    if (existing !== undefined) return this.repeat(ref, existing, type, player, amount, undefined);
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      return Promise.resolve(
        refused('invalid-amount', `${type} ${ref}: ${amount} is not a positive whole number of credits`),
      );
    }
    if (type === 'debit' && this.rolledBack.has(ref)) {
      return Promise.resolve(
        refused(
          'rolled-back',
          `debit ${ref} was rolled back (by ${this.rolledBack.get(ref)!}) before it arrived`,
        ),
      );
    }
    const balance = this.balances.get(player) ?? 0;
    const direction = directionOf(type);
    if (direction < 0 && balance < amount) {
      return Promise.resolve(
        refused('insufficient-funds', `${type} ${ref}: ${player} has ${balance}, needs ${amount}`),
      );
    }
    if (!Number.isSafeInteger(balance + direction * amount)) {
      return Promise.resolve(refused('invalid-amount', `${type} ${ref}: the balance would pass 2^53`));
    }
    return this.commit(type, ref, player, amount, undefined);
  }

  /** Reserves synchronously, then waits for durability. */
  private async commit(
    type: LedgerEntryType,
    ref: string,
    player: string,
    amount: number,
    of: string | undefined,
  ): Promise<WalletResult> {
    const balance = (this.balances.get(player) ?? 0) + directionOf(type) * amount;
    this.seq++;
    const entry: LedgerEntry = {
      seq: this.seq,
      ref,
      type,
      player,
      amount,
      balance,
      at: this.clock().toISOString(),
      ...(of === undefined ? {} : { of }),
    };
    const durable = this.file.append(formatLedgerEntry(entry));
    this.apply(entry, durable);
    try {
      await durable;
    } catch (error) {
      this.broken ??= error;
      throw this.brokenError()!;
    }
    // Written: later repeats need not wait, and the entry's promise need not be kept.
    const committed = this.refs.get(ref);
    if (committed !== undefined) this.refs.set(ref, { ...committed, durable: WRITTEN });
    return ok(ref, amount, balance, false);
  }

  private apply(entry: LedgerEntry, durable: Promise<void>): void {
    this.balances.set(entry.player, entry.balance);
    this.refs.set(entry.ref, {
      type: entry.type,
      player: entry.player,
      amount: entry.amount,
      of: entry.of,
      balance: entry.balance,
      durable,
    });
    if (entry.type === 'rollback' && entry.of !== undefined) this.rolledBack.set(entry.of, entry.ref);
  }

  private async repeat(
    ref: string,
    first: Committed,
    type: LedgerEntryType,
    player: string,
    amount: number | null,
    of: string | undefined,
  ): Promise<WalletResult> {
    if (
      first.type !== type ||
      first.player !== player ||
      (amount !== null && first.amount !== amount) ||
      first.of !== of
    ) {
      return refused(
        'reference-conflict',
        `${ref} was already used for a ${first.type} of ${first.amount} for ${first.player}`,
      );
    }
    try {
      await first.durable;
    } catch (error) {
      this.broken ??= error;
      throw this.brokenError()!;
    }
    return ok(ref, first.amount, first.balance, true);
  }

  /** Once a write failed, every operation fails the same way: the wallet cannot work any more. */
  private brokenError(): WalletUnavailableError | null {
    if (this.broken === null) return null;
    return new WalletUnavailableError(
      `${this.path}: the ledger cannot be written (${ioReason(this.broken)}); the wallet takes no more movements`,
      { cause: this.broken },
    );
  }
}

function ok(ref: string, amount: number, balance: number, replayed: boolean): Ok {
  return { status: 'ok', ref, amount, balance, replayed };
}

/** Reads an existing ledger, refusing one that is damaged: a wallet must not start on bad books. */
async function readLedger(path: string, into: LedgerEntry[]): Promise<void> {
  const balances = new Map<string, number>();
  const refs = new Set<string>();
  const fail = (line: number, what: string): never => {
    throw new SlotsimError(
      'BAD_FILE',
      `${path}, line ${line}: ${what}; the wallet does not open a damaged ledger (run slotsim verify --ledger)`,
    );
  };
  await forEachLine(path, (raw) => {
    if (raw.tooLong || !raw.terminated)
      fail(raw.number, raw.tooLong ? 'a line too long to be an entry' : 'the last entry was cut short');
    let value: unknown;
    try {
      value = JSON.parse(raw.bytes.toString('utf8'));
    } catch {
      fail(raw.number, 'not JSON');
    }
    if (isSealLine(value)) {
      const seal = decodeLedgerSeal(value);
      fail(
        raw.number,
        seal.ok
          ? `the ledger is sealed (closed with audit log ${seal.seal.log.logId}); start a new ledger`
          : `a seal that cannot be read (${seal.problems[0]!.field})`,
      );
    }
    const decoded = decodeLedgerEntry(value);
    if (!decoded.ok)
      return fail(raw.number, `${decoded.problems[0]!.field}: expected ${decoded.problems[0]!.expected}`);
    const e = decoded.entry;
    if (e.seq !== into.length + 1) fail(raw.number, `entry ${e.seq} where ${into.length + 1} was expected`);
    if (refs.has(e.ref)) fail(raw.number, `reference ${e.ref} used twice`);
    const balance = (balances.get(e.player) ?? 0) + directionOf(e.type) * e.amount;
    if (e.balance !== balance)
      fail(raw.number, `balance ${e.balance} does not follow from the entries before it (${balance})`);
    refs.add(e.ref);
    balances.set(e.player, balance);
    into.push(e);
  });
}
