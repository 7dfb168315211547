/**
 * The per-line state machine of `verify`: for each line of the log, in order and in constant
 * memory (the previous hash, the next sequence number, each player's last balance), it checks the
 * chain, what the record is of, the replay and the money, and reports every discrepancy as a
 * finding. It never throws on bad data.
 */
import type { Game } from '../engine/model.js';
import type { AnyRoundOutcome } from '../engine/outcome.js';
import { isHashText, type ChainHasher } from './chain-hasher.js';
import { decodeRecord, type DecodeResult } from './decode-record.js';
import type { Finding, FindingKind } from './finding.js';
import {
  AUDIT_FORMAT,
  AUDIT_FORMAT_V1,
  AUDIT_FORMATS,
  HASH_SUFFIX_LENGTH,
  HASH_SUFFIX_START,
  MAX_LINE_BYTES,
  RECORD_TYPES,
  type RecordType,
} from './format.js';
import type { GameVariants } from './game-variants.js';
import type { LedgerIndex } from './ledger-index.js';
import { modeOf } from './logged-game.js';
import type { RawLine } from './line-reader.js';
import { MoneyCheck, type MoneyProblem } from './money-check.js';
import { recoveryProblems, type PendingMovement } from './recovery-check.js';
import { ledgerEndFindings } from './ledger-end-check.js';
import type {
  CheckpointRecord,
  EndRecord,
  GameIdentity,
  HeaderRecord,
  RecoveryRecord,
  RoundRecord,
  VoidRecord,
} from './record.js';
import { signatureValid, type PublicSigningKey } from './signing.js';
import { describe, replayRecord, type DrawReplay, type ReplayProblem } from './replay-record.js';
import { ROUND_LINE_START, RoundLineScanner } from './round-line-scanner.js';
import { RtpTally } from './rtp-tally.js';

/** The round `recall` asked for, as found in the log. */
export interface WatchedRound {
  readonly line: number;
  /** Null when the line holds the round id but is not a well-formed round (see `findings`). */
  readonly record: RoundRecord | VoidRecord | null;
  /** The engine's outcome from the recorded draws (null for a void record or a failed replay). */
  readonly replayed: AnyRoundOutcome | null;
  /** The compiled game (variant and mode) the round was replayed on; null when it was not. */
  readonly game: Game | null;
  /** Every finding on the round's line. */
  readonly findings: Finding[];
  /** What `slotsim recover` did for the round, when it settled it (or the only record of a lost round). */
  readonly recovery: RecoveryRecord | null;
}

/** The signed checkpoints of a log, as verify found them. */
export interface SigningSummary {
  /** The signing key's fingerprint the header names. */
  readonly keyId: string;
  readonly every: number;
  readonly checkpoints: number;
  /** Whether the signatures were checked (a matching --public-key was given). */
  readonly checked: boolean;
  /** The last signed record (a checkpoint or the end record): everything up to it is vouched for. */
  readonly lastSigned: { readonly seq: number; readonly line: number } | null;
}

export interface LogVerifierContext {
  readonly hasher: ChainHasher;
  readonly games: GameVariants;
  readonly ledger: LedgerIndex | null;
  /** The variant the auditor expects (`--variant`); undefined to take the log's. */
  readonly variant: string | null | undefined;
  /** The bet mode the auditor expects (`--mode`); undefined to take the log's. */
  readonly mode?: string | undefined;
  readonly emit: (finding: Finding) => void;
  readonly watchRound: string | undefined;
  /** The operator's public key (`--public-key`): checkpoints and the end record must be signed by it. */
  readonly publicKey: PublicSigningKey | null;
}

/** A credit or rollback a record left pending: owed unless settled later (the ledger, or recover). */
interface Unsettled extends PendingMovement {
  /** Null when nothing is owed all the same (the ledger shows the debit never happened, or the credit since paid). */
  readonly finding: Finding | null;
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
  /** The end record (with its hash), once read. */
  end: (EndRecord & { readonly hash: string; readonly line: number }) | null = null;
  /** The hash of the last record read with a well-formed hash: the chain head. */
  head: string | null = null;
  /** Format version of the header: 1, 2, or null before (or without) a header. */
  private version: 1 | 2 | null = null;
  private signedRounds = 0;
  private signatureGapReported = false;
  checkpoints = 0;
  lastSigned: { seq: number; line: number } | null = null;
  recoveries = 0;
  private firstRecoveryLine = 0;
  /** Pending credits and rollbacks by reference, reported at the end unless settled by then. */
  private readonly unsettled = new Map<string, Unsettled>();
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
        this.watched = {
          line: n,
          record: null,
          replayed: null,
          game: null,
          findings: this.watchFindings,
          recovery: null,
        };
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
      case 'checkpoint':
        this.onCheckpoint(record, n);
        break;
      case 'recovery':
        this.onRecovery(record, n);
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

  /**
   * After the last line: a log must end with its end record, and the ledger (when given) with a
   * seal that names it; what was left pending is reported; the ledger's leftovers are reported.
   */
  finish(lastLine: number): void {
    const ledger = this.ctx.ledger;
    const seal = ledger?.summary().seal ?? null;
    if (!this.sealed) {
      const why =
        seal !== null
          ? `the ledger's seal (ledger line ${seal.line}) names end record ${seal.log.end} of this log: the log was cut after line ${lastLine} — not what a crash leaves`
          : ledger !== null
            ? 'the log has no end record and the ledger no seal: what a crash leaves (slotsim recover settles it and seals both) — or both files cut at the same round, which the two files alone cannot tell from a crash (compare the chain head with the one play printed)'
            : 'the log has no end record: it was not closed (a crash: slotsim recover settles it; a log still being written; or records cut off its end)';
      this.emit('truncated', lastLine + 1, null, null, undefined, { type: 'end' }, why);
    } else if (ledger !== null && this.version === 2 && this.end !== null) {
      for (const f of ledgerEndFindings(ledger, this.end, this.header?.logId ?? null)) this.emitFinding(f);
    }
    for (const [ref, u] of this.unsettled) {
      if (u.finding !== null) this.emitFinding(u.finding);
      // Left pending by its record and settled by no recovery record, but in the ledger: the wallet
      // did it after all (its answer was lost). It is checked now, so it is explained.
      if (ledger !== null && ledger.has(ref)) {
        const debitArrived = u.debit === undefined || ledger.has(u.debit.ref);
        ledger.match(
          {
            ref,
            type: u.kind,
            player: u.player,
            amount: u.kind === 'rollback' && !debitArrived ? 0 : u.amount,
            ...(u.debit === undefined ? {} : { of: u.debit.ref }),
          },
          { line: u.line, roundId: u.roundId, field: `tx.${u.kind}` },
          this.emitFinding,
        );
      }
    }
    ledger?.finish(this.emitFinding, !this.sealed);
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
    if (this.prevHash !== null) this.head = this.prevHash;
  }

  private onHeader(header: HeaderRecord, n: number): void {
    if (n !== 1) return; // reported by checkChain
    this.header = header;
    if (!AUDIT_FORMATS.includes(header.format)) {
      this.emit('structure', n, null, 'format', header.format, AUDIT_FORMAT, `not a ${AUDIT_FORMAT} header`);
    }
    this.version = header.format === AUDIT_FORMAT_V1 ? 1 : 2;
    if (this.version === 2 && (header.gameContentSha256 === undefined || header.signing === undefined)) {
      this.emit(
        'bad-record',
        n,
        null,
        header.signing === undefined ? 'signing' : 'gameContentSha256',
        undefined,
        'present (null or a value)',
        `a ${AUDIT_FORMAT} header states gameContentSha256 and signing`,
      );
    }
    if (this.version === 1 && (header.gameContentSha256 !== undefined || header.signing !== undefined)) {
      this.emit(
        'structure',
        n,
        null,
        'format',
        header.format,
        AUDIT_FORMAT,
        `a ${AUDIT_FORMAT_V1} header with members of a later version`,
      );
    }
    const key = this.ctx.publicKey;
    const signing = header.signing ?? null;
    if (key !== null && signing === null) {
      this.emit(
        'key',
        n,
        null,
        'signing',
        null,
        { algorithm: 'ed25519', keyId: key.keyId },
        'the log is not signed but a public key was given: anyone could have rebuilt this chain',
      );
    } else if (key !== null && signing !== null && signing.keyId !== key.keyId) {
      this.emit(
        'key',
        n,
        null,
        'signing.keyId',
        signing.keyId,
        key.keyId,
        'the log is signed by another key than the public key given (or its header was altered)',
      );
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
    this.setReference(header.game, header.slotsim, header.rng, n, null, header.gameContentSha256 ?? null);
  }

  /** Checks the log's identity against the game file, once, and makes it what records must carry. */
  private setReference(
    game: GameIdentity,
    slotsim: string,
    rng: string,
    n: number,
    roundId: string | null,
    contentSha256: string | null = null,
  ): void {
    this.reference = game;
    this.referenceSlotsim = slotsim;
    this.referenceRng = rng;
    const { games, variant } = this.ctx;
    // A copy with other bytes but the same canonical content (CRLF, indentation, key order) is the
    // same game: its rounds replay alike. That is a note in the summary (`game.match`), not a finding.
    const sameContent = contentSha256 !== null && contentSha256 === games.contentSha256;
    if (game.sha256 !== games.file.sha256 && !sameContent) {
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
    } else {
      this.checkMode(game, n, roundId);
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
    const mode = this.ctx.mode;
    if (mode !== undefined && modeOf(game) !== mode) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.mode',
        game.mode,
        mode,
        `the log is of mode ${JSON.stringify(modeOf(game))}, not ${JSON.stringify(mode)}`,
      );
    }
  }

  /**
   * The log's mode against the game file: a format-2 game's log names the mode its rounds were
   * played in, one the file defines; a format-1 game's log names none.
   */
  private checkMode(game: GameIdentity, n: number, roundId: string | null): void {
    const { games } = this.ctx;
    const format = games.base.format;
    if (format === 1 && game.mode !== undefined) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.mode',
        game.mode,
        undefined,
        `the log names a mode, but ${games.file.path} is a format-1 game, whose records name none`,
      );
    } else if (format === 2 && game.mode === undefined) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.mode',
        undefined,
        games.modes(game.variant),
        `the log names no mode: it was not written for ${games.file.path}, a format-2 game, whose records name the mode played`,
      );
    } else if (!games.has(game.variant, modeOf(game))) {
      this.emit(
        'identity',
        n,
        roundId,
        'game.mode',
        game.mode,
        games.modes(game.variant),
        `the game file has no mode ${JSON.stringify(modeOf(game))}${game.variant === null ? '' : ` in variant ${JSON.stringify(game.variant)}`}: its rounds cannot be replayed`,
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
    if (game.mode !== ref.mode) {
      this.emit(
        'identity',
        n,
        id,
        'game.mode',
        game.mode,
        ref.mode,
        "the round names another mode than the log's header",
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

  /** A round or void record: counted towards the next signature, and not after a recovery. */
  private roundRecordSeen(n: number, roundId: string): void {
    if (this.firstRecoveryLine > 0) {
      this.emit(
        'structure',
        n,
        roundId,
        'type',
        'round',
        undefined,
        `a round after the recovery records (line ${this.firstRecoveryLine}): recover settles a log whose rounds have ended`,
      );
    }
    const signing = this.header?.signing ?? null;
    if (signing === null) return;
    this.signedRounds++;
    if (this.signedRounds > signing.every && !this.signatureGapReported) {
      this.signatureGapReported = true;
      this.emit(
        'signature',
        n,
        roundId,
        null,
        undefined,
        { type: 'checkpoint' },
        `more than ${signing.every} rounds since the last signature (${this.lastSigned === null ? 'the header' : `line ${this.lastSigned.line}`}): a checkpoint is missing`,
      );
    }
  }

  /** A signed record's signature, checked when the key given is the log's. */
  private checkSignature(record: CheckpointRecord | EndRecord, n: number): void {
    const signing = this.header?.signing ?? null;
    const key = this.ctx.publicKey;
    if (signing === null) return;
    if (record.signature === undefined) {
      this.emit(
        'signature',
        n,
        null,
        'signature',
        undefined,
        'a signature',
        `a signed log's ${record.type} record carries no signature`,
      );
      return;
    }
    if (key !== null && key.keyId === signing.keyId && !signatureValid(record, key)) {
      this.emit(
        'signature',
        n,
        null,
        'signature',
        record.signature,
        undefined,
        `the ${record.type} record's signature is not the key's: the log was altered and its chain rebuilt, or the record forged`,
      );
    }
    this.lastSigned = { seq: record.seq, line: n };
    this.signedRounds = 0;
    this.signatureGapReported = false;
  }

  private onCheckpoint(record: CheckpointRecord, n: number): void {
    if (this.header?.signing == null) {
      this.emit(
        'structure',
        n,
        null,
        'type',
        'checkpoint',
        undefined,
        'a checkpoint in a log whose header names no signing key',
      );
      return;
    }
    this.checkpoints++;
    if (record.rounds !== this.rounds) {
      this.emit(
        'structure',
        n,
        null,
        'rounds',
        record.rounds,
        this.rounds,
        `the checkpoint counts ${record.rounds} rounds; the log holds ${this.rounds} before it`,
      );
    }
    this.checkSignature(record, n);
  }

  private onRecovery(record: RecoveryRecord, n: number): void {
    this.recoveries++;
    if (this.firstRecoveryLine === 0) this.firstRecoveryLine = n;
    if (this.version === 1)
      this.emit(
        'structure',
        n,
        record.roundId,
        'type',
        'recovery',
        undefined,
        `a recovery record in a ${AUDIT_FORMAT_V1} log`,
      );
    if (this.watchLine === n || (this.watched !== null && this.watched.record?.roundId === record.roundId)) {
      if (this.watched === null)
        this.watched = {
          line: n,
          record: null,
          replayed: null,
          game: null,
          findings: this.watchFindings,
          recovery: record,
        };
      else this.watched = { ...this.watched, recovery: record };
    }
    const { debit, credit, rollback } = record.tx;
    const { before, after } = record.balance;
    this.report(
      recoveryProblems(record, (ref) => this.unsettled.get(ref)),
      n,
      record.roundId,
    );
    for (const ref of [credit?.ref, rollback?.ref]) if (ref !== undefined) this.unsettled.delete(ref);
    this.report(this.money.recovery(record), n, record.roundId);

    const ledger = this.ctx.ledger;
    if (ledger === null) return;
    const place = (field: string) => ({ line: n, roundId: record.roundId, field });
    const last = credit ?? rollback;
    if (debit !== null)
      ledger.match(
        { ref: debit.ref, type: 'debit', player: record.player, amount: debit.amount },
        place('tx.debit'),
        this.emitFinding,
        false,
        { value: before - debit.amount, field: 'balance.before', how: 'balance before − the debit' },
      );
    if (credit !== null)
      ledger.match(
        { ref: credit.ref, type: 'credit', player: record.player, amount: credit.amount },
        place('tx.credit'),
        this.emitFinding,
        false,
        last === credit ? { value: after, field: 'balance.after', how: 'balance after' } : undefined,
      );
    if (rollback !== null)
      ledger.match(
        {
          ref: rollback.ref,
          type: 'rollback',
          player: record.player,
          amount: rollback.amount,
          of: `${record.roundId}/debit`,
        },
        place('tx.rollback'),
        this.emitFinding,
        false,
        last === rollback ? { value: after, field: 'balance.after', how: 'balance after' } : undefined,
      );
  }

  private onRound(record: RoundRecord, n: number): void {
    this.rounds++;
    this.roundRecordSeen(n, record.roundId);
    this.checkIdentity(record, n);
    const watching = n === this.watchLine;

    const { games } = this.ctx;
    const variant = record.game.variant;
    const mode = modeOf(record.game);
    let replayed: AnyRoundOutcome | null = null;
    let game: Game | null = null;
    if (games.has(variant, mode)) {
      const pre = this.fastReplay;
      this.fastReplay = null;
      game = games.get(variant, mode);
      const result = replayRecord(
        game,
        record,
        pre !== null && pre.outcome === record.outcome ? pre : undefined,
      );
      this.replayed++;
      replayed = result.outcome;
      this.report(result.problems, n, record.roundId);
    } else {
      this.notReplayed++;
      if (!games.has(variant)) {
        if (variant !== this.reference?.variant)
          this.emit(
            'identity',
            n,
            record.roundId,
            'game.variant',
            variant,
            games.names,
            `the game file has no variant ${JSON.stringify(variant)}: the round cannot be replayed`,
          );
      } else if (record.game.mode !== this.reference?.mode) {
        this.emit(
          'identity',
          n,
          record.roundId,
          'game.mode',
          record.game.mode,
          games.modes(variant),
          `the game file has no mode ${JSON.stringify(mode)}${variant === null ? '' : ` in variant ${JSON.stringify(variant)}`}: the round cannot be replayed`,
        );
      }
    }
    if (watching)
      this.watched = { line: n, record, replayed, game, findings: this.watchFindings, recovery: null };

    const ledger = this.ctx.ledger;
    const settled = (ref: string): boolean => ledger !== null && ledger.has(ref);
    this.report(this.money.round(record, settled), n, record.roundId, record);
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
      // A pending credit is matched later: by the recovery record that pays it, or at the end.
      if (credit !== null && credit.status === 'paid') {
        ledger.match(
          { ref: credit.ref, type: 'credit', player: record.player, amount: credit.amount },
          place('tx.credit'),
          emit,
          false,
          { value: after, field: 'balance.after', how: 'balance after' },
        );
      }
    }
    const total: unknown = record.outcome.total;
    if (typeof total === 'number' && Number.isFinite(total)) this.rtp.add(record.stake, total);
  }

  private onVoid(record: VoidRecord, n: number): void {
    this.rounds++;
    this.voids++;
    this.roundRecordSeen(n, record.roundId);
    this.checkIdentity(record, n);
    if (n === this.watchLine)
      this.watched = {
        line: n,
        record,
        replayed: null,
        game: null,
        findings: this.watchFindings,
        recovery: null,
      };
    const ledger = this.ctx.ledger;
    this.report(this.money.void(record, ledger), n, record.roundId, record);
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
      // A pending rollback is matched later: by the recovery record that does it, or at the end.
      if (rollback.status === 'done')
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
          false,
          after !== null ? { value: after, field: 'balance.after', how: 'balance after' } : undefined,
        );
    }
  }

  private onEnd(record: EndRecord, n: number): void {
    if (this.sealed) return; // a second end record: reported by checkChain
    this.end = { ...record, hash: this.head ?? '', line: n };
    if (this.version === 2) {
      for (const field of ['ledgerEntries', 'recoveries', 'recovered'] as const) {
        if (record[field] === undefined)
          this.emit(
            'bad-record',
            n,
            null,
            field,
            undefined,
            'present',
            `a ${AUDIT_FORMAT} end record states ${field}`,
          );
      }
      if (record.recoveries !== undefined && record.recoveries !== this.recoveries)
        this.emit(
          'structure',
          n,
          null,
          'recoveries',
          record.recoveries,
          this.recoveries,
          `the end record counts ${record.recoveries} recovery records; the log holds ${this.recoveries}`,
        );
    } else if (
      this.version === 1 &&
      (record.ledgerEntries !== undefined ||
        record.recoveries !== undefined ||
        record.signature !== undefined ||
        record.recovered !== undefined)
    ) {
      this.emit(
        'structure',
        n,
        null,
        null,
        undefined,
        undefined,
        `a ${AUDIT_FORMAT_V1} end record with members of a later version`,
      );
    }
    this.checkSignature(record, n);
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

  /** A pending credit or rollback, owed or not: a later recovery record may settle it. */
  private notePending(record: RoundRecord | VoidRecord, line: number): void {
    if (record.type === 'round') {
      const credit = record.tx.credit;
      if (credit !== null && credit.status === 'pending')
        this.unsettled.set(credit.ref, {
          finding: null,
          roundId: record.roundId,
          player: record.player,
          line,
          kind: 'credit',
          amount: credit.amount,
        });
    } else if (record.tx.rollback.status === 'pending') {
      const { debit, rollback } = record.tx;
      this.unsettled.set(rollback.ref, {
        finding: null,
        roundId: record.roundId,
        player: record.player,
        line,
        kind: 'rollback',
        amount: debit.amount,
        debit: { ref: debit.ref, done: debit.status === 'done' },
      });
    }
  }

  private report(
    problems: readonly (ReplayProblem | MoneyProblem)[],
    n: number,
    roundId: string,
    record?: RoundRecord | VoidRecord,
  ): void {
    if (record !== undefined) this.notePending(record, n);
    for (const p of problems) {
      if (p.kind === 'unsettled' && record !== undefined) {
        // Owed unless a later recovery record settles it: reported at the end, at this line.
        const finding: Finding = {
          kind: p.kind,
          source: 'log',
          line: n,
          roundId,
          field: p.field,
          recorded: p.recorded,
          expected: p.expected,
          message: p.message,
        };
        if (n === this.watchLine) this.watchFindings.push(finding);
        if (record.type === 'round' && record.tx.credit !== null) {
          this.unsettled.set(record.tx.credit.ref, {
            finding,
            roundId,
            player: record.player,
            line: n,
            kind: 'credit',
            amount: record.tx.credit.amount,
          });
        } else if (record.type === 'void') {
          const { debit, rollback } = record.tx;
          this.unsettled.set(rollback.ref, {
            finding,
            roundId,
            player: record.player,
            line: n,
            kind: 'rollback',
            amount: debit.amount,
            debit: { ref: debit.ref, done: debit.status === 'done' },
          });
        }
        continue;
      }
      this.emit(p.kind, n, roundId, p.field, p.recorded, p.expected, p.message);
    }
  }
}
