/**
 * The per-line state machine of `verify`: for each line of the log, in order and in constant
 * memory (the previous hash, the next sequence number, each player's last balance), it checks the
 * chain, what the record is of, the replay and the money, and reports every discrepancy as a
 * finding. It never throws on bad data.
 */
import type { RoundOutcome } from '../engine/outcome.js';
import { isHashText, type ChainHasher } from './chain-hasher.js';
import { decodeRecord, type DecodeResult } from './decode-record.js';
import type { Finding, FindingKind } from './finding.js';
import {
  AUDIT_FORMAT,
  HASH_SUFFIX_LENGTH,
  HASH_SUFFIX_START,
  MAX_LINE_BYTES,
  RECORD_TYPES,
  type RecordType,
} from './format.js';
import type { GameVariants } from './game-variants.js';
import type { LedgerIndex } from './ledger-index.js';
import type { RawLine } from './line-reader.js';
import { MoneyCheck, type MoneyProblem } from './money-check.js';
import type { EndRecord, GameIdentity, HeaderRecord, RoundRecord, VoidRecord } from './record.js';
import { describe, replayRecord, type DrawReplay, type ReplayProblem } from './replay-record.js';
import { ROUND_LINE_START, RoundLineScanner } from './round-line-scanner.js';
import { RtpTally } from './rtp-tally.js';

/** The round `recall` asked for, as found in the log. */
export interface WatchedRound {
  readonly line: number;
  /** Null when the line holds the round id but is not a well-formed round (see `findings`). */
  readonly record: RoundRecord | VoidRecord | null;
  /** The engine's outcome from the recorded draws (null for a void record or a failed replay). */
  readonly replayed: RoundOutcome | null;
  /** Every finding on the round's line. */
  readonly findings: Finding[];
}

export interface LogVerifierContext {
  readonly hasher: ChainHasher;
  readonly games: GameVariants;
  readonly ledger: LedgerIndex | null;
  /** The variant the auditor expects (`--variant`); undefined to take the log's. */
  readonly variant: string | null | undefined;
  readonly emit: (finding: Finding) => void;
  readonly watchRound: string | undefined;
}

const SUFFIX_START = Buffer.from(HASH_SUFFIX_START);
const QUOTE = 0x22;
const BRACE = 0x7d;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}

/** The 64 hex digits of a line's final hash member, or null when the line does not end with one. */
function hashSuffix(bytes: Buffer): string | null {
  const n = bytes.length;
  if (n < HASH_SUFFIX_LENGTH + 2 || bytes[n - 1] !== BRACE || bytes[n - 2] !== QUOTE) return null;
  const start = n - HASH_SUFFIX_LENGTH;
  if (bytes.compare(SUFFIX_START, 0, SUFFIX_START.length, start, start + SUFFIX_START.length) !== 0)
    return null;
  return bytes.toString('latin1', start + SUFFIX_START.length, n - 2);
}

export class LogVerifier {
  private readonly ctx: LogVerifierContext;
  readonly money = new MoneyCheck();
  readonly rtp = new RtpTally();
  header: HeaderRecord | null = null;
  /** The identity every record must carry: the header's, or the first record's without one. */
  private reference: GameIdentity | null = null;
  private referenceSlotsim: string | null = null;
  private referenceRng: string | null = null;
  private expectedSeq: number | null = 0;
  private prevHash: string | null = null;
  private endLine = 0;
  rounds = 0;
  voids = 0;
  replayed = 0;
  notReplayed = 0;
  watched: WatchedRound | null = null;
  private watchLine = 0;
  private readonly watchFindings: Finding[] = [];
  /** The replay the scanner did for the current line. */
  private fastReplay: DrawReplay | null = null;
  private readonly scanner: RoundLineScanner;
  /** Reports a finding (bound: the ledger index reports through it too). */
  private readonly emitFinding = (finding: Finding): void => {
    if (finding.source === 'log' && finding.line === this.watchLine) this.watchFindings.push(finding);
    this.ctx.emit(finding);
  };

  constructor(ctx: LogVerifierContext) {
    this.ctx = ctx;
    this.scanner = new RoundLineScanner(ctx.games);
  }

  get sealed(): boolean {
    return this.endLine > 0;
  }

  private emit(
    kind: FindingKind,
    line: number,
    roundId: string | null,
    field: string | null,
    recorded: unknown,
    expected: unknown,
    message: string,
  ): void {
    this.emitFinding({ kind, source: 'log', line, roundId, field, recorded, expected, message });
  }

  line(raw: RawLine): void {
    const n = raw.number;
    if (!raw.terminated) {
      this.emit(
        'truncated',
        n,
        null,
        null,
        undefined,
        undefined,
        'the log ends in the middle of this line: the last record was cut short',
      );
    }
    if (raw.tooLong) {
      this.emit(
        'unreadable-line',
        n,
        null,
        null,
        undefined,
        undefined,
        `a line longer than ${MAX_LINE_BYTES} bytes is not a record`,
      );
      this.unknownRecord();
      return;
    }
    if (raw.bytes.length === 0) {
      if (raw.terminated) this.emit('unreadable-line', n, null, null, '', undefined, 'an empty line');
      this.unknownRecord();
      return;
    }
    const text = raw.bytes.toString('utf8');
    // A line that may be a round record is hashed first: the scanner then compares its hash member
    // with the digest (one string comparison) and checkChain does not hash it again.
    const roundDigest =
      text.startsWith(ROUND_LINE_START) && raw.bytes.length > HASH_SUFFIX_LENGTH
        ? this.ctx.hasher.digestLine('round', raw.bytes, raw.bytes.length - HASH_SUFFIX_LENGTH)
        : null;
    const scanned = roundDigest === null ? null : this.scanner.scan(text, roundDigest);
    this.fastReplay = scanned?.replay ?? null;
    let value: unknown = scanned?.record;
    if (scanned === null) {
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (raw.terminated) {
          const why = error instanceof Error ? error.message : String(error);
          this.emit('unreadable-line', n, null, null, undefined, undefined, `not a JSON record (${why})`);
        }
        this.unknownRecord();
        return;
      }
    }
    if (!isObject(value)) {
      this.emit('unreadable-line', n, null, null, value, undefined, 'not a JSON object');
      this.unknownRecord();
      return;
    }
    const roundId = typeof value.roundId === 'string' ? value.roundId : null;
    if (roundId !== null && roundId === this.ctx.watchRound && this.watchLine === 0) this.watchLine = n;
    this.checkChain(raw.bytes, value, n, roundId, scanned !== null, roundDigest);

    // A scanned line is a record the decoder would accept (round-line-scanner.ts).
    const decoded: DecodeResult =
      scanned === null ? decodeRecord(value) : { ok: true, record: scanned.record };
    if (!decoded.ok) {
      for (const p of decoded.problems) {
        this.emit(
          'bad-record',
          n,
          roundId,
          p.field === '' ? null : p.field,
          p.recorded,
          p.expected,
          `${p.field === '' ? 'the record' : p.field}: expected ${p.expected}, found ${describe(p.recorded)}`,
        );
      }
      if (n === this.watchLine)
        this.watched = { line: n, record: null, replayed: null, findings: this.watchFindings };
      if (decoded.type === 'round' || decoded.type === 'void') {
        this.rounds++;
        if (typeof value.player === 'string') this.money.forget(value.player);
      }
      return;
    }
    const record = decoded.record;
    switch (record.type) {
      case 'header':
        this.onHeader(record, n);
        break;
      case 'round':
        this.onRound(record, n);
        break;
      case 'void':
        this.onVoid(record, n);
        break;
      case 'end':
        this.onEnd(record, n);
        break;
      default: {
        const unknown: never = record;
        throw new Error(`unknown record ${String(unknown)}`);
      }
    }
  }

  /** After the last line: a log must end with its end record; the ledger's leftovers are reported. */
  finish(lastLine: number): void {
    if (!this.sealed) {
      this.emit(
        'truncated',
        lastLine + 1,
        null,
        null,
        undefined,
        { type: 'end' },
        'the log has no end record: it was not closed (a crash, a log still being written, or records cut off its end)',
      );
    }
    this.ctx.ledger?.finish(this.emitFinding);
  }

  /** A line that could not be read: the chain continues, unchecked, past it. */
  private unknownRecord(): void {
    if (this.expectedSeq !== null) this.expectedSeq++;
    this.prevHash = null;
    if (this.expectedSeq !== null && this.expectedSeq > 1 && !this.sealed) this.rounds++;
  }

  private checkChain(
    bytes: Buffer,
    value: Record<string, unknown>,
    n: number,
    roundId: string | null,
    scanned: boolean,
    roundDigest: string | null,
  ): void {
    const type = value.type;
    if (n === 1 && type !== 'header') {
      this.emit(
        'structure',
        n,
        roundId,
        'type',
        type,
        'header',
        'the log does not start with its header record',
      );
    } else if (n > 1 && type === 'header') {
      this.emit('structure', n, roundId, 'type', type, undefined, 'a header record inside the log');
    }
    if (this.sealed) {
      this.emit(
        'structure',
        n,
        roundId,
        null,
        undefined,
        undefined,
        `a record after the end record (line ${this.endLine})`,
      );
    }

    const seq = value.seq;
    if (typeof seq === 'number' && Number.isSafeInteger(seq)) {
      const expected = this.expectedSeq;
      if (expected !== null && seq !== expected) {
        const why =
          seq > expected
            ? `record${seq - expected > 1 ? `s ${expected}…${seq - 1} are` : ` ${expected} is`} missing`
            : 'a record repeated or out of order';
        this.emit(
          'sequence',
          n,
          roundId,
          'seq',
          seq,
          expected,
          `sequence number ${seq} where ${expected} was expected: ${why}`,
        );
      }
      this.expectedSeq = seq + 1;
    } else if (this.expectedSeq !== null) {
      this.expectedSeq++;
    }

    if (
      type !== 'header' &&
      this.prevHash !== null &&
      (scanned || isHashText(value.prev)) &&
      // Both are public values read from the log: a plain comparison leaks nothing.
      value.prev !== this.prevHash
    ) {
      this.emit(
        'link',
        n,
        roundId,
        'prev',
        value.prev,
        this.prevHash,
        `prev is not the hash of line ${n - 1}: a record was removed, inserted or moved here, or line ${n - 1} was altered and re-hashed`,
      );
    }

    if (isRecordType(type)) {
      // A scanned line ends with its hash member (round-line-scanner.ts): that is value.hash.
      const recorded = scanned ? (value.hash as string) : hashSuffix(bytes);
      if (recorded === null) {
        this.emit(
          'hash',
          n,
          roundId,
          'hash',
          value.hash,
          undefined,
          'the line does not end with its hash member ,"hash":"<64 hex digits>"}',
        );
      } else {
        const computed =
          type === 'round' && roundDigest !== null
            ? roundDigest
            : this.ctx.hasher.digestLine(type, bytes, bytes.length - HASH_SUFFIX_LENGTH);
        if (!this.ctx.hasher.matches(computed, recorded)) {
          this.emit(
            'hash',
            n,
            roundId,
            'hash',
            value.hash,
            computed,
            "the record's hash does not match its content: the record was altered",
          );
        }
      }
    }
    this.prevHash = scanned || isHashText(value.hash) ? (value.hash as string) : null;
  }

  private onHeader(header: HeaderRecord, n: number): void {
    if (n !== 1) return; // reported by checkChain
    this.header = header;
    if (header.format !== AUDIT_FORMAT) {
      this.emit('structure', n, null, 'format', header.format, AUDIT_FORMAT, `not a ${AUDIT_FORMAT} header`);
    }
    const hasher = this.ctx.hasher;
    if (header.chain !== hasher.mode) {
      this.emit(
        'key',
        n,
        null,
        'chain',
        header.chain,
        hasher.mode,
        'the log is not HMAC-chained but a key was given: anyone could have rebuilt this chain',
      );
    } else if (hasher.keyId !== null && header.keyId !== hasher.keyId) {
      this.emit(
        'key',
        n,
        null,
        'keyId',
        header.keyId,
        hasher.keyId,
        'the key given is not the key this log was written with (or the header was altered)',
      );
    }
    this.setReference(header.game, header.slotsim, header.rng, n, null);
  }

  /** Checks the log's identity against the game file, once, and makes it what records must carry. */
  private setReference(
    game: GameIdentity,
    slotsim: string,
    rng: string,
    n: number,
    roundId: string | null,
  ): void {
    this.reference = game;
    this.referenceSlotsim = slotsim;
    this.referenceRng = rng;
    const { games, variant } = this.ctx;
    if (game.sha256 !== games.file.sha256) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.sha256',
        game.sha256,
        games.file.sha256,
        `the log was written for another game file than ${games.file.path}`,
      );
    }
    if (game.id !== games.base.id)
      this.emit('identity', n, roundId, 'game.id', game.id, games.base.id, 'the log is of another game');
    if (game.version !== games.base.version)
      this.emit(
        'identity',
        n,
        roundId,
        'game.version',
        game.version,
        games.base.version,
        'the log is of another version of the game',
      );
    if (!games.has(game.variant)) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.variant',
        game.variant,
        games.names,
        `the game file has no variant ${JSON.stringify(game.variant)}: its rounds cannot be replayed`,
      );
    }
    if (variant !== undefined && game.variant !== variant) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.variant',
        game.variant,
        variant,
        `the log is of variant ${JSON.stringify(game.variant)}, not ${JSON.stringify(variant)}`,
      );
    }
  }

  /** A round or void record must be of the same game, slotsim and generator as the log. */
  private checkIdentity(record: RoundRecord | VoidRecord, n: number): void {
    if (this.reference === null) {
      this.setReference(record.game, record.slotsim, record.rng, n, record.roundId);
      return;
    }
    const ref = this.reference;
    const game = record.game;
    const id = record.roundId;
    if (game.sha256 !== ref.sha256)
      this.emit(
        'identity',
        n,
        id,
        'game.sha256',
        game.sha256,
        ref.sha256,
        "the round names another game file than the log's header",
      );
    if (game.id !== ref.id)
      this.emit(
        'identity',
        n,
        id,
        'game.id',
        game.id,
        ref.id,
        "the round names another game than the log's header",
      );
    if (game.version !== ref.version)
      this.emit(
        'identity',
        n,
        id,
        'game.version',
        game.version,
        ref.version,
        "the round names another game version than the log's header",
      );
    if (game.variant !== ref.variant) {
      this.emit(
        'identity',
        n,
        id,
        'game.variant',
        game.variant,
        ref.variant,
        "the round names another variant than the log's header",
      );
    }
    if (record.slotsim !== this.referenceSlotsim)
      this.emit(
        'identity',
        n,
        id,
        'slotsim',
        record.slotsim,
        this.referenceSlotsim,
        "the round names another slotsim version than the log's header",
      );
    if (record.rng !== this.referenceRng)
      this.emit(
        'identity',
        n,
        id,
        'rng',
        record.rng,
        this.referenceRng,
        "the round names another generator than the log's header",
      );
  }

  private onRound(record: RoundRecord, n: number): void {
    this.rounds++;
    this.checkIdentity(record, n);
    const watching = n === this.watchLine;

    const { games } = this.ctx;
    const variant = record.game.variant;
    let replayed: RoundOutcome | null = null;
    if (games.has(variant)) {
      const pre = this.fastReplay;
      this.fastReplay = null;
      const result = replayRecord(
        games.get(variant),
        record,
        pre !== null && pre.outcome === record.outcome ? pre : undefined,
      );
      this.replayed++;
      replayed = result.outcome;
      this.report(result.problems, n, record.roundId);
    } else {
      this.notReplayed++;
      if (variant !== this.reference?.variant) {
        this.emit(
          'identity',
          n,
          record.roundId,
          'game.variant',
          variant,
          games.names,
          `the game file has no variant ${JSON.stringify(variant)}: the round cannot be replayed`,
        );
      }
    }
    if (watching) this.watched = { line: n, record, replayed, findings: this.watchFindings };

    const ledger = this.ctx.ledger;
    const settled = (ref: string): boolean => ledger !== null && ledger.has(ref);
    this.report(this.money.round(record, settled), n, record.roundId);
    if (ledger !== null) {
      const { debit, credit } = record.tx;
      const emit = this.emitFinding;
      const place = (field: string) => ({ line: n, roundId: record.roundId, field });
      const { before, after } = record.balance;
      ledger.match(
        { ref: debit.ref, type: 'debit', player: record.player, amount: debit.amount },
        place('tx.debit'),
        emit,
        false,
        { value: before - debit.amount, field: 'balance.before', how: 'balance before − the debit' },
      );
      if (credit !== null) {
        ledger.match(
          { ref: credit.ref, type: 'credit', player: record.player, amount: credit.amount },
          place('tx.credit'),
          emit,
          credit.status === 'pending',
          // A pending credit that reached the ledger later has a balance the log cannot know.
          credit.status === 'paid'
            ? { value: after, field: 'balance.after', how: 'balance after' }
            : undefined,
        );
      }
    }
    const total: unknown = record.outcome.total;
    if (typeof total === 'number' && Number.isFinite(total)) this.rtp.add(record.stake, total);
  }

  private onVoid(record: VoidRecord, n: number): void {
    this.rounds++;
    this.voids++;
    this.checkIdentity(record, n);
    if (n === this.watchLine)
      this.watched = { line: n, record, replayed: null, findings: this.watchFindings };
    const ledger = this.ctx.ledger;
    this.report(this.money.void(record, ledger), n, record.roundId);
    if (ledger !== null) {
      const { debit, rollback } = record.tx;
      const emit = this.emitFinding;
      const place = (field: string) => ({ line: n, roundId: record.roundId, field });
      // An unconfirmed debit may never have arrived; one the rollback returned did.
      const debitOptional = debit.status === 'failed' && !(rollback.status === 'done' && rollback.amount > 0);
      const { before, after } = record.balance;
      ledger.match(
        { ref: debit.ref, type: 'debit', player: record.player, amount: debit.amount },
        place('tx.debit'),
        emit,
        debitOptional,
        debit.status === 'done' && before !== null
          ? { value: before - debit.amount, field: 'balance.before', how: 'balance before − the debit' }
          : undefined,
      );
      ledger.match(
        {
          ref: rollback.ref,
          type: 'rollback',
          player: record.player,
          amount: rollback.amount,
          of: debit.ref,
        },
        place('tx.rollback'),
        emit,
        rollback.status === 'pending',
        rollback.status === 'done' && after !== null
          ? { value: after, field: 'balance.after', how: 'balance after' }
          : undefined,
      );
    }
  }

  private onEnd(record: EndRecord, n: number): void {
    if (this.sealed) return; // a second end record: reported by checkChain
    if (record.rounds !== this.rounds) {
      this.emit(
        'structure',
        n,
        null,
        'rounds',
        record.rounds,
        this.rounds,
        `the end record counts ${record.rounds} rounds; the log holds ${this.rounds}`,
      );
    }
    this.endLine = n;
  }

  private report(problems: readonly (ReplayProblem | MoneyProblem)[], n: number, roundId: string): void {
    for (const p of problems) this.emit(p.kind, n, roundId, p.field, p.recorded, p.expected, p.message);
  }
}
