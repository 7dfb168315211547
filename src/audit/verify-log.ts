import { open, stat } from 'node:fs/promises';
import type { Game } from '../engine/model.js';
import { fileErrorReason, SlotsimError } from '../errors.js';
import { ChainHasher } from './chain-hasher.js';
import { FINDING_KINDS, type Finding, type FindingKind } from './finding.js';
import { AUDIT_FORMAT, AUDIT_FORMAT_PREFIX, AUDIT_FORMATS, RECORD_TYPES, type ChainMode } from './format.js';
import { gameContentSha256 } from './game-content.js';
import type { PublicSigningKey } from './signing.js';
import { GameVariants, type GameFileInput } from './game-variants.js';
import { LedgerIndex, type LedgerSummary, type LedgerTraceEntry } from './ledger-index.js';
import { forEachLine } from './line-reader.js';
import { modeOf } from './logged-game.js';
import { LogVerifier, type SigningSummary, type WatchedRound } from './log-verifier.js';
import type { EndRecord, GameIdentity } from './record.js';
import type { ExactRtp, RtpFigures } from './rtp-tally.js';

export interface VerifyOptions {
  /** The audit log. */
  readonly log: string;
  /** The game file the rounds must replay on. */
  readonly game: GameFileInput;
  /** The wallet ledger to reconcile with the log. */
  readonly ledger?: string | null | undefined;
  /** The HMAC key of an HMAC-chained log. */
  readonly hmacKey?: Uint8Array | null | undefined;
  /** The variant the log must be of; undefined takes the log's own (which replay always uses). */
  readonly variant?: string | null | undefined;
  /** The bet mode the log must be of; undefined takes the log's own (which replay always uses). */
  readonly mode?: string | undefined;
  /** The game's RTP from exact analysis, for the summary's interval check (null when unknown). */
  readonly exactRtp?: ((game: Game) => ExactRtp | null) | undefined;
  /** Called for every finding, in the order found (log lines first, then ledger leftovers). */
  readonly onFinding?: ((finding: Finding) => void) | undefined;
  readonly onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** `recall`: keep this round's record, replay and findings. */
  readonly watchRound?: string | undefined;
  /** The operator's Ed25519 public key: checkpoints and the end record must carry its signatures. */
  readonly publicKey?: PublicSigningKey | null | undefined;
}

/**
 * How the game file given compares with the one the log was written for: the same bytes, the same
 * canonical content in other bytes (a reformatted or CRLF copy: every round replays alike), or
 * another game. Null without a header.
 */
export type GameMatch = 'same-bytes' | 'same-content' | 'different' | null;

export interface VerifyReport {
  readonly log: {
    readonly path: string;
    readonly bytes: number;
    readonly lines: number;
    /** From the header (null without a readable one). */
    readonly format: string | null;
    readonly logId: string | null;
    readonly createdAt: string | null;
    readonly slotsim: string | null;
    readonly rng: string | null;
    /** The log's own chain kind, from its header (null without one). */
    readonly chain: ChainMode | null;
    /** The HMAC key's fingerprint the header names (null: a plain SHA-256 chain). */
    readonly keyId: string | null;
    /** Signed checkpoints, when the header names a signing key. */
    readonly signing: SigningSummary | null;
    /** Whether the log ends with its end record. */
    readonly sealed: boolean;
    /** The hash of the last record: keep it (or compare it with the one play printed) to detect a later cut. */
    readonly head: string | null;
    /** The end record's counts and, when recover closed the log, what it found. */
    readonly end: EndRecord | null;
    /** Recovery records (rounds `slotsim recover` settled). */
    readonly recoveries: number;
  };
  /** The game file verified against, and the game the log says it is of. */
  readonly game: {
    readonly file: string;
    readonly sha256: string;
    /** SHA-256 of the file's canonical content (game-content.ts). */
    readonly contentSha256: string | null;
    readonly logged: GameIdentity | null;
    /** The content hash the log's header records (version 2). */
    readonly loggedContentSha256: string | null;
    readonly match: GameMatch;
  };
  readonly ledger: LedgerSummary | null;
  readonly rounds: {
    /** Round and void records (and unreadable lines between them). */
    readonly total: number;
    readonly voided: number;
    readonly replayed: number;
    readonly notReplayed: number;
    /** Voided rounds with a pending rollback whose debit the ledger shows never happened: nothing owed. */
    readonly nothingOwed: number;
  };
  readonly players: number;
  readonly rtp: RtpFigures;
  readonly findings: { readonly total: number; readonly byKind: Readonly<Record<FindingKind, number>> };
  /** True when nothing was found. */
  readonly ok: boolean;
  /** `recall`: the round asked for, or null when the log does not hold it. */
  readonly watched: WatchedRound | null;
  /** `recall --ledger`: the round's movements in the ledger (its debit, credit, rollback), found or not. */
  readonly watchedInLedger: readonly LedgerTraceEntry[];
  readonly elapsedSeconds: number;
  readonly roundsPerSecond: number;
}

/** The first lines of a file (within its first 64 KiB), to tell whether it is an audit log at all. */
async function firstLines(path: string, count: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new SlotsimError('BAD_FILE', `${path}: cannot read the audit log (${fileErrorReason(error)})`, {
      cause: error,
    });
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, buffer.length, 0));
    } catch (error) {
      // A directory opens for reading on Linux; its first read fails (EISDIR).
      throw new SlotsimError('BAD_FILE', `${path}: cannot read the audit log (${fileErrorReason(error)})`, {
        cause: error,
      });
    }
    if (bytesRead === 0) throw new SlotsimError('BAD_FILE', `${path}: the audit log is empty`);
    return buffer.toString('utf8', 0, bytesRead).split('\n').slice(0, count);
  } finally {
    await handle.close();
  }
}

function recordOf(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not a record; the verifier reports such lines one by one
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  return (RECORD_TYPES as readonly unknown[]).includes(record.type) ? record : null;
}

/**
 * Decides from the first lines whether the file is a `slotsim-audit/1` log this slotsim can
 * verify, and which chain it claims. A file none of whose first three lines is a record, or a
 * header of an unknown format version, is unusable input (BAD_FILE); a damaged line of a log is
 * a finding, reported by the pass.
 */
async function sniff(path: string, hasKey: boolean): Promise<void> {
  const lines = await firstLines(path, 3);
  if (!lines.some((line) => recordOf(line) !== null)) {
    throw new SlotsimError(
      'BAD_FILE',
      `${path}: not a slotsim audit log (expected JSON records, the first a header with "format": "${AUDIT_FORMAT}")`,
    );
  }
  const header = recordOf(lines[0]!);
  if (header?.type !== 'header') return;
  const format = header.format;
  if (
    typeof format === 'string' &&
    format.startsWith(AUDIT_FORMAT_PREFIX) &&
    !AUDIT_FORMATS.includes(format)
  ) {
    throw new SlotsimError(
      'BAD_FILE',
      `${path}: audit log format "${format}"; this slotsim verifies ${AUDIT_FORMATS.map((f) => `"${f}"`).join(' and ')}`,
    );
  }
  if (header.chain === 'hmac-sha256' && !hasKey) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${path}: the log is HMAC-chained; give its key with --hmac-key-file`,
    );
  }
}

/**
 * Verifies an audit log in one streaming pass: chain, identity, replay of every round, money and
 * (with a ledger) every transaction reference. Memory stays constant in the log's length (the
 * ledger's references aside). Every discrepancy goes to `onFinding`; the report sums them up.
 * Throws only when an input as a whole is unusable (BAD_FILE, BAD_INPUT, INVALID_GAME).
 */
export async function verifyAuditLog(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const games = new GameVariants(options.game);
  const hasher = new ChainHasher(options.hmacKey ?? null);
  await sniff(options.log, hasher.mode === 'hmac-sha256');
  let totalBytes: number;
  try {
    totalBytes = (await stat(options.log)).size;
  } catch (error) {
    throw new SlotsimError(
      'BAD_FILE',
      `${options.log}: cannot read the audit log (${fileErrorReason(error)})`,
      {
        cause: error,
      },
    );
  }

  const byKind = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  let total = 0;
  const emit = (finding: Finding): void => {
    byKind[finding.kind]++;
    total++;
    options.onFinding?.(finding);
  };

  const ledger = options.ledger == null ? null : await LedgerIndex.load(options.ledger, emit, options.signal);
  const verifier = new LogVerifier({
    hasher,
    games,
    ledger,
    variant: options.variant,
    mode: options.mode,
    emit,
    watchRound: options.watchRound,
    publicKey: options.publicKey ?? null,
  });
  const { lines, bytes } = await forEachLine(options.log, (line) => verifier.line(line), {
    signal: options.signal,
    onProgress:
      options.onProgress === undefined ? undefined : (read) => options.onProgress?.(read, totalBytes),
  });
  verifier.finish(lines);

  const header = verifier.header;
  const logged = header?.game ?? null;
  const contentSha256 = gameContentSha256(options.game.text);
  const loggedContent = header?.gameContentSha256 ?? null;
  const match: GameMatch =
    logged === null
      ? null
      : logged.sha256 === options.game.sha256
        ? 'same-bytes'
        : loggedContent !== null && loggedContent === contentSha256
          ? 'same-content'
          : 'different';
  const signing = header?.signing ?? null;
  const watchedInLedger =
    ledger === null || options.watchRound === undefined
      ? []
      : ['debit', 'credit', 'rollback'].flatMap((kind) => {
          const entry = ledger.lookup(`${options.watchRound!}/${kind}`);
          return entry === null ? [] : [entry];
        });
  const exactGame =
    logged !== null && games.has(logged.variant, modeOf(logged))
      ? games.get(logged.variant, modeOf(logged))
      : games.base;
  const exact = options.exactRtp?.(exactGame) ?? null;
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    log: {
      path: options.log,
      bytes,
      lines,
      format: header?.format ?? null,
      logId: header?.logId ?? null,
      createdAt: header?.createdAt ?? null,
      slotsim: header?.slotsim ?? null,
      rng: header?.rng ?? null,
      chain: header?.chain ?? null,
      keyId: header?.keyId ?? null,
      signing:
        signing === null
          ? null
          : {
              keyId: signing.keyId,
              every: signing.every,
              checkpoints: verifier.checkpoints,
              checked: options.publicKey != null && options.publicKey.keyId === signing.keyId,
              lastSigned: verifier.lastSigned,
            },
      sealed: verifier.sealed,
      head: verifier.head,
      end: verifier.end === null ? null : stripEnd(verifier.end),
      recoveries: verifier.recoveries,
    },
    game: {
      file: options.game.path,
      sha256: options.game.sha256,
      contentSha256,
      logged,
      loggedContentSha256: loggedContent,
      match,
    },
    ledger: ledger?.summary() ?? null,
    rounds: {
      total: verifier.rounds,
      voided: verifier.voids,
      replayed: verifier.replayed,
      notReplayed: verifier.notReplayed,
      nothingOwed: verifier.money.nothingOwed,
    },
    players: verifier.money.players,
    rtp: verifier.rtp.figures(exact),
    findings: { total, byKind },
    ok: total === 0,
    watched: verifier.watched,
    watchedInLedger,
    elapsedSeconds,
    roundsPerSecond: elapsedSeconds > 0 ? verifier.rounds / elapsedSeconds : 0,
  };
}

/** The end record as read, without the verifier's own members. */
function stripEnd(end: EndRecord & { hash: string; line: number }): EndRecord {
  const { hash: _hash, line: _line, ...record } = end;
  return record;
}
