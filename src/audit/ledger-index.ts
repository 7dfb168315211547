import type { Finding } from './finding.js';
import {
  decodeLedgerEntry,
  decodeLedgerSeal,
  isSealLine,
  type LedgerSeal,
  directionOf,
  isGameTransaction,
  LEDGER_ENTRY_TYPES,
  type LedgerEntryType,
} from './ledger-format.js';
import { forEachLine } from './line-reader.js';

/** What a log record says a ledger reference must be. */
export interface ExpectedTransaction {
  readonly ref: string;
  readonly type: LedgerEntryType;
  readonly player: string;
  readonly amount: number;
  /** rollback: the debit it returns. */
  readonly of?: string;
}

/** A deposit or withdrawal: money between a player and the outside, which no round explains. */
export interface LedgerMovement {
  /** Line of the ledger. */
  readonly line: number;
  readonly seq: number;
  readonly type: 'deposit' | 'withdrawal';
  readonly ref: string;
  readonly player: string;
  readonly amount: number;
  /** The player's balance after it. */
  readonly balance: number;
  readonly at: string;
}

/** A player's balance after a movement, as a log record gives it. */
export interface LoggedBalance {
  readonly value: number;
  /** The log field it comes from (`balance.before`, `balance.after`). */
  readonly field: string;
  /** How it follows from that field, for the message. */
  readonly how: string;
}

/** Where in the log the reference was named. */
export interface LogPlace {
  readonly line: number;
  readonly roundId: string | null;
  readonly field: string;
}

export interface LedgerSummary {
  readonly path: string;
  readonly entries: number;
  readonly players: number;
  readonly deposits: { readonly count: number; readonly amount: number };
  readonly withdrawals: { readonly count: number; readonly amount: number };
  readonly gameTransactions: number;
  /** Every deposit and withdrawal, in ledger order. */
  readonly movements: readonly LedgerMovement[];
  /** Entries that left a player's balance below zero. */
  readonly negativeBalances: number;
  /** The ledger's seal (its last line when the log was closed) and its line, or null. */
  readonly seal: (LedgerSeal & { readonly line: number }) | null;
}

/** A ledger entry as `recall` shows it. */
export interface LedgerTraceEntry {
  readonly line: number;
  readonly ref: string;
  readonly type: LedgerEntryType;
  readonly player: string;
  readonly amount: number;
  readonly balance: number;
}

/**
 * The ledger's references, for `verify --ledger`: one slot per entry in typed arrays (the only
 * per-transaction memory verify keeps), matched against the log's references as the log streams
 * by; afterwards every game transaction no record named is reported.
 */
export class LedgerIndex {
  readonly path: string;
  private readonly slots = new Map<string, number>();
  private readonly players: string[] = [];
  private readonly playerIds = new Map<string, number>();
  private size = 0;
  private types = new Uint8Array(1024);
  private uses = new Uint8Array(1024);
  private amounts = new Float64Array(1024);
  private lines = new Float64Array(1024);
  /** The player's balance after each entry, as the ledger states it. */
  private balances = new Float64Array(1024);
  private owners = new Uint32Array(1024);
  private ofs = new Map<number, string>();
  private deposits = { count: 0, amount: 0 };
  private withdrawals = { count: 0, amount: 0 };
  private games = 0;
  private readonly movements: LedgerMovement[] = [];
  private negatives = 0;
  /** Entries read (a repeated reference included): what the log's end record counts. */
  entries = 0;
  private sealed: (LedgerSeal & { readonly line: number }) | null = null;
  /** Each player's last ledger line (any entry): a round in flight at a crash is a player's last. */
  private readonly lastLineOf = new Map<string, number>();

  private constructor(path: string) {
    this.path = path;
  }

  /** Reads the ledger, reporting every unreadable entry, repeated reference and broken running balance. */
  static async load(
    path: string,
    emit: (finding: Finding) => void,
    signal?: AbortSignal,
  ): Promise<LedgerIndex> {
    const index = new LedgerIndex(path);
    const balances = new Map<string, number>();
    let expectedSeq = 1;
    const finding = (
      line: number,
      field: string | null,
      recorded: unknown,
      expected: unknown,
      message: string,
      kind: Finding['kind'] = 'ledger-entry',
    ): void => {
      emit({ kind, source: 'ledger', line, roundId: null, field, recorded, expected, message });
    };
    await forEachLine(
      path,
      (raw) => {
        if (raw.tooLong) {
          finding(raw.number, null, undefined, undefined, 'line too long to be a ledger entry');
          return;
        }
        if (!raw.terminated)
          finding(raw.number, null, undefined, undefined, 'the ledger ends in the middle of this line');
        let value: unknown;
        try {
          value = JSON.parse(raw.bytes.toString('utf8'));
        } catch (error) {
          finding(
            raw.number,
            null,
            undefined,
            undefined,
            `not JSON (${error instanceof Error ? error.message : String(error)})`,
          );
          return;
        }
        if (index.sealed !== null) {
          finding(
            raw.number,
            null,
            undefined,
            undefined,
            `an entry after the ledger's seal (line ${index.sealed.line}): the ledger was closed`,
          );
        }
        if (isSealLine(value)) {
          const seal = decodeLedgerSeal(value);
          if (!seal.ok) {
            for (const p of seal.problems)
              finding(
                raw.number,
                p.field,
                p.recorded,
                p.expected,
                `ledger seal field ${p.field}: expected ${p.expected}`,
              );
            return;
          }
          if (seal.seal.seq !== expectedSeq || seal.seal.entries !== expectedSeq - 1)
            finding(
              raw.number,
              'entries',
              seal.seal.entries,
              expectedSeq - 1,
              `the seal counts ${seal.seal.entries} entries before it; the ledger holds ${expectedSeq - 1}`,
            );
          expectedSeq = seal.seal.seq + 1;
          index.sealed ??= { ...seal.seal, line: raw.number };
          return;
        }
        const decoded = decodeLedgerEntry(value);
        if (!decoded.ok) {
          for (const p of decoded.problems)
            finding(
              raw.number,
              p.field || null,
              p.recorded,
              p.expected,
              `ledger entry field ${p.field || '(line)'}: expected ${p.expected}`,
            );
          return;
        }
        const e = decoded.entry;
        index.entries++;
        index.lastLineOf.set(e.player, raw.number);
        if (e.seq !== expectedSeq)
          finding(
            raw.number,
            'seq',
            e.seq,
            expectedSeq,
            `ledger entry ${e.seq} where ${expectedSeq} was expected: entries missing, inserted or reordered`,
          );
        expectedSeq = e.seq + 1;
        const before = balances.get(e.player) ?? 0;
        const after = before + directionOf(e.type) * e.amount;
        if (e.balance !== after) {
          finding(
            raw.number,
            'balance',
            e.balance,
            after,
            `${e.player}'s balance after ${e.type} ${e.ref} does not follow from the entries before it`,
          );
        }
        balances.set(e.player, e.balance);
        if (e.balance < 0) {
          index.negatives++;
          finding(
            raw.number,
            'balance',
            e.balance,
            '≥ 0',
            `${e.player}'s balance is negative after ${e.type} ${e.ref}: a wallet never lets a balance fall below 0`,
          );
        }
        if (e.type === 'deposit' || e.type === 'withdrawal') {
          index.movements.push({
            line: raw.number,
            seq: e.seq,
            type: e.type,
            ref: e.ref,
            player: e.player,
            amount: e.amount,
            balance: e.balance,
            at: e.at,
          });
        }
        if (index.slots.has(e.ref)) {
          finding(
            raw.number,
            'ref',
            e.ref,
            undefined,
            `reference ${e.ref} appears twice in the ledger (first on line ${index.lines[index.slots.get(e.ref)!]})`,
            'ledger-duplicate',
          );
          return;
        }
        index.add(e.ref, e.type, e.player, e.amount, e.balance, raw.number, e.of);
      },
      { signal },
    );
    return index;
  }

  private add(
    ref: string,
    type: LedgerEntryType,
    player: string,
    amount: number,
    balance: number,
    line: number,
    of: string | undefined,
  ): void {
    if (this.size === this.types.length) this.grow();
    const slot = this.size++;
    this.slots.set(ref, slot);
    this.types[slot] = LEDGER_ENTRY_TYPES.indexOf(type);
    this.amounts[slot] = amount;
    this.balances[slot] = balance;
    this.lines[slot] = line;
    let owner = this.playerIds.get(player);
    if (owner === undefined) {
      owner = this.players.length;
      this.players.push(player);
      this.playerIds.set(player, owner);
    }
    this.owners[slot] = owner;
    if (of !== undefined) this.ofs.set(slot, of);
    if (type === 'deposit') {
      this.deposits.count++;
      this.deposits.amount += amount;
    } else if (type === 'withdrawal') {
      this.withdrawals.count++;
      this.withdrawals.amount += amount;
    } else {
      this.games++;
    }
  }

  private grow(): void {
    const n = this.types.length * 2;
    const copy = <T extends Uint8Array | Float64Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.types = copy(this.types, new Uint8Array(n));
    this.uses = copy(this.uses, new Uint8Array(n));
    this.amounts = copy(this.amounts, new Float64Array(n));
    this.balances = copy(this.balances, new Float64Array(n));
    this.lines = copy(this.lines, new Float64Array(n));
    this.owners = copy(this.owners, new Uint32Array(n));
  }

  /** Whether the ledger holds `ref` (without marking it used). */
  has(ref: string): boolean {
    return this.slots.has(ref);
  }

  /**
   * Matches a reference the log names against the ledger: it must be there, once, with the same
   * type, player and amount, and no other record may name it. `optional`: absence is no finding
   * (a debit whose outcome the wallet never confirmed). `balance`: the player's balance right after
   * this movement as the log states it (the ledger's must be the same), when the log states it.
   */
  match(
    tx: ExpectedTransaction,
    at: LogPlace,
    emit: (finding: Finding) => void,
    optional = false,
    balance?: LoggedBalance,
  ): void {
    const slot = this.slots.get(tx.ref);
    const finding = (
      kind: Finding['kind'],
      field: string,
      recorded: unknown,
      expected: unknown,
      message: string,
    ): void => {
      emit({ kind, source: 'log', line: at.line, roundId: at.roundId, field, recorded, expected, message });
    };
    if (slot === undefined) {
      if (!optional)
        finding(
          'ledger-missing',
          `${at.field}.ref`,
          tx.ref,
          undefined,
          `${tx.type} ${tx.ref} is not in the ledger`,
        );
      return;
    }
    const ledgerLine = this.lines[slot]!;
    if (this.uses[slot]! > 0) {
      finding(
        'ledger-duplicate',
        `${at.field}.ref`,
        tx.ref,
        undefined,
        `${tx.ref} (ledger line ${ledgerLine}) is already named by an earlier record`,
      );
      return;
    }
    this.uses[slot] = 1;
    const type = LEDGER_ENTRY_TYPES[this.types[slot]!]!;
    if (type !== tx.type)
      finding(
        'ledger-mismatch',
        `${at.field}.ref`,
        type,
        tx.type,
        `ledger line ${ledgerLine}: ${tx.ref} is a ${type}, the log records a ${tx.type}`,
      );
    const player = this.players[this.owners[slot]!]!;
    if (player !== tx.player)
      finding(
        'ledger-mismatch',
        'player',
        player,
        tx.player,
        `ledger line ${ledgerLine}: ${tx.ref} is ${player}'s, the log records ${tx.player}`,
      );
    const amount = this.amounts[slot]!;
    if (amount !== tx.amount)
      finding(
        'ledger-mismatch',
        `${at.field}.amount`,
        amount,
        tx.amount,
        `ledger line ${ledgerLine}: ${tx.ref} moved ${amount}, the log records ${tx.amount}`,
      );
    const ledgerBalance = this.balances[slot]!;
    if (balance !== undefined && ledgerBalance !== balance.value) {
      finding(
        'ledger-mismatch',
        balance.field,
        ledgerBalance,
        balance.value,
        `ledger line ${ledgerLine}: ${player}'s balance after ${type} ${tx.ref} is ${ledgerBalance}; the log gives ${balance.value} (${balance.how})`,
      );
    }
    if (tx.of !== undefined && this.ofs.get(slot) !== tx.of) {
      finding(
        'ledger-mismatch',
        `${at.field}.ref`,
        this.ofs.get(slot),
        tx.of,
        `ledger line ${ledgerLine}: rollback ${tx.ref} returns ${this.ofs.get(slot) ?? '(nothing)'}, the log's round debited ${tx.of}`,
      );
    }
  }

  /** The entry of a reference, if the ledger holds it (for recall). */
  lookup(ref: string): LedgerTraceEntry | null {
    const slot = this.slots.get(ref);
    if (slot === undefined) return null;
    return {
      line: this.lines[slot]!,
      ref,
      type: LEDGER_ENTRY_TYPES[this.types[slot]!]!,
      player: this.players[this.owners[slot]!]!,
      amount: this.amounts[slot]!,
      balance: this.balances[slot]!,
    };
  }

  /**
   * Reports every game transaction of the ledger that no record named. When the log has no end
   * record (`logOpen`), the movements of a round a crash left in flight are told apart: a crash
   * leaves at most one round per player without its record, and its movements are that player's
   * last in the ledger (a player's rounds run one after another). Those are money owed until
   * `slotsim recover` settles them (`unsettled`); any other is `ledger-unexplained`, and a log that
   * lost such rounds was not merely cut by a crash.
   */
  finish(emit: (finding: Finding) => void, logOpen: boolean): void {
    const unexplained: { ref: string; slot: number; round: string | null }[] = [];
    for (const [ref, slot] of this.slots) {
      if (this.uses[slot] !== 0) continue;
      if (!isGameTransaction(LEDGER_ENTRY_TYPES[this.types[slot]!]!)) continue;
      unexplained.push({ ref, slot, round: roundOfRef(ref) });
    }
    // Per player: the rounds with unexplained movements, and the last line among them.
    const rounds = new Map<string, Set<string | null>>();
    for (const u of unexplained) {
      const player = this.players[this.owners[u.slot]!]!;
      let set = rounds.get(player);
      if (set === undefined) rounds.set(player, (set = new Set()));
      set.add(u.round === null ? `?${u.ref}` : u.round);
    }
    for (const u of unexplained) {
      const type = LEDGER_ENTRY_TYPES[this.types[u.slot]!]!;
      const player = this.players[this.owners[u.slot]!]!;
      const amount = this.amounts[u.slot]!;
      const line = this.lines[u.slot]!;
      const inFlight =
        logOpen &&
        u.round !== null &&
        rounds.get(player)!.size === 1 &&
        this.lastLineOf.get(player)! <= this.lastLineOfRound(u.round);
      emit(
        inFlight
          ? {
              kind: 'unsettled',
              source: 'ledger',
              line,
              roundId: u.round,
              field: 'ref',
              recorded: u.ref,
              expected: undefined,
              message: `${type} ${u.ref} of ${amount} credits (${player}): its round was in flight when the log stopped (a crash); ${type === 'debit' ? 'the stake is owed' : 'it stands'} until slotsim recover settles the round`,
            }
          : {
              kind: 'ledger-unexplained',
              source: 'ledger',
              line,
              roundId: u.round,
              field: 'ref',
              recorded: u.ref,
              expected: undefined,
              message: `${type} ${u.ref} of ${amount} credits (${player}) is explained by no round of the log${logOpen ? ' — and is not what a crash leaves (at most one round per player in flight, after all their other movements)' : ''}`,
            },
      );
    }
  }

  /** The last ledger line of a round's movements (its debit, credit or rollback). */
  private lastLineOfRound(round: string): number {
    let last = 0;
    for (const suffix of ROUND_REF_SUFFIXES) {
      const slot = this.slots.get(`${round}${suffix}`);
      if (slot !== undefined) last = Math.max(last, this.lines[slot]!);
    }
    return last;
  }

  summary(): LedgerSummary {
    return {
      path: this.path,
      entries: this.size,
      players: this.players.length,
      deposits: { ...this.deposits },
      withdrawals: { ...this.withdrawals },
      gameTransactions: this.games,
      movements: this.movements,
      negativeBalances: this.negatives,
      seal: this.sealed,
    };
  }
}

/** How a round's references end (`roundRefs` in the round service): `<round id>/debit` and so on. */
const ROUND_REF_SUFFIXES = ['/debit', '/credit', '/rollback'] as const;

/** The round id a game reference was derived from, or null when it is not of that form. */
export function roundOfRef(ref: string): string | null {
  for (const suffix of ROUND_REF_SUFFIXES)
    if (ref.endsWith(suffix) && ref.length > suffix.length) return ref.slice(0, -suffix.length);
  return null;
}
