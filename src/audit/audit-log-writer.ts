import { randomUUID } from 'node:crypto';
import type { Game } from '../engine/model.js';
import { VERSION } from '../version.js';
import { AuditChain, type ChainSigning } from './audit-chain.js';
import { gameContentSha256 } from './game-content.js';
import { DurableAppender } from './durable-appender.js';
import { loggedGameIdentity } from './logged-game.js';
import type { RoundInput, VoidInput } from './record-builder.js';

/** Where a round service writes its records (an `AuditLogWriter`, or a test double). */
export interface AuditSink {
  /** Seals and writes a round record; resolves with its sequence number once it is durable. */
  appendRound(input: RoundInput): Promise<number>;
  appendVoid(input: VoidInput): Promise<number>;
}

export interface AuditLogOptions {
  /** The log file; it must not exist. */
  readonly path: string;
  readonly game: Game;
  /** The generator's name as recorded in the header (the production CSPRNG: "crypto"). */
  readonly rng: string;
  /** With a key the chain is HMAC-SHA-256 under it; without, plain SHA-256. */
  readonly hmacKey?: Uint8Array | null;
  /** fdatasync each record (batch) before it counts as written (default true). */
  readonly fsync?: boolean;
  readonly clock?: () => Date;
  readonly logId?: string;
  /** The game file's text, for the header's `gameContentSha256` (null without it). */
  readonly gameText?: string;
  /** Sign a checkpoint of the chain head every `every` rounds and the end record with this key. */
  readonly signing?: ChainSigning | null;
}

/** What the end record states that only the caller knows. */
export interface CloseOptions {
  /** Entries in the ledger the rounds moved money through (null: not a ledger file). */
  readonly ledgerEntries?: number | null;
}

/**
 * Writes an audit log: the header on `create`, one record per round, the end record on `close`.
 * Each append resolves only once its line is written through (see `DurableAppender`), so a crash
 * loses at most the rounds still in flight. Records are chained in the order they are appended.
 */
export class AuditLogWriter implements AuditSink {
  private readonly chain: AuditChain;
  private readonly file: DurableAppender;
  private readonly clock: () => Date;

  readonly logId: string;

  private constructor(chain: AuditChain, file: DurableAppender, clock: () => Date, logId: string) {
    this.chain = chain;
    this.file = file;
    this.clock = clock;
    this.logId = logId;
  }

  static async create(options: AuditLogOptions): Promise<AuditLogWriter> {
    const chain = new AuditChain(options.hmacKey ?? null, options.signing ?? null);
    const clock = options.clock ?? (() => new Date());
    const file = await DurableAppender.open(options.path, { fsync: options.fsync ?? true, exclusive: true });
    const logId = options.logId ?? randomUUID();
    const header = chain.header({
      logId,
      createdAt: clock().toISOString(),
      slotsim: VERSION,
      game: loggedGameIdentity(options.game),
      rng: options.rng,
      gameContentSha256: options.gameText === undefined ? null : gameContentSha256(options.gameText),
    });
    await file.append(header.line);
    return new AuditLogWriter(chain, file, clock, logId);
  }

  get path(): string {
    return this.file.path;
  }

  /** Round and void records appended so far. */
  get rounds(): number {
    return this.chain.rounds;
  }

  async appendRound(input: RoundInput): Promise<number> {
    const record = this.chain.round(input);
    await Promise.all([this.file.append(record.line), this.checkpointIfDue()]);
    return record.seq;
  }

  async appendVoid(input: VoidInput): Promise<number> {
    const record = this.chain.void(input);
    await Promise.all([this.file.append(record.line), this.checkpointIfDue()]);
    return record.seq;
  }

  /** A signed checkpoint right after the record that made one due (same batch of writes). */
  private checkpointIfDue(): Promise<void> {
    return this.chain.checkpointDue
      ? this.file.append(this.chain.checkpoint(this.clock().toISOString()).line)
      : Promise.resolve();
  }

  /**
   * Writes the end record and closes the file. Call once, after the last round completed. Returns
   * what names the end record (for the ledger's seal and the operator's receipt).
   */
  async close(options: CloseOptions = {}): Promise<{ logId: string; end: number; hash: string }> {
    const end = this.chain.end({
      endedAt: this.clock().toISOString(),
      ledgerEntries: options.ledgerEntries ?? null,
      recovered: null,
    });
    await this.file.append(end.line);
    await this.file.close();
    return { logId: this.logId, end: end.seq, hash: end.hash };
  }

  /**
   * Closes the file without an end record: the log stays open for `slotsim recover`, which settles
   * what is still owed and seals it. Never throws (a log that failed is left as it is).
   */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}
