import { randomUUID } from 'node:crypto';
import type { Game } from '../engine/model.js';
import { VERSION } from '../version.js';
import { AuditChain } from './audit-chain.js';
import { DurableAppender } from './durable-appender.js';
import { gameIdentity } from '../game/identity.js';
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

  private constructor(chain: AuditChain, file: DurableAppender, clock: () => Date) {
    this.chain = chain;
    this.file = file;
    this.clock = clock;
  }

  static async create(options: AuditLogOptions): Promise<AuditLogWriter> {
    const chain = new AuditChain(options.hmacKey ?? null);
    const clock = options.clock ?? (() => new Date());
    const file = await DurableAppender.open(options.path, { fsync: options.fsync ?? true, exclusive: true });
    const header = chain.header({
      logId: options.logId ?? randomUUID(),
      createdAt: clock().toISOString(),
      slotsim: VERSION,
      game: gameIdentity(options.game),
      rng: options.rng,
    });
    await file.append(header.line);
    return new AuditLogWriter(chain, file, clock);
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
    await this.file.append(record.line);
    return record.seq;
  }

  async appendVoid(input: VoidInput): Promise<number> {
    const record = this.chain.void(input);
    await this.file.append(record.line);
    return record.seq;
  }

  /** Writes the end record and closes the file. Call once, after the last round completed. */
  async close(): Promise<void> {
    await this.file.append(this.chain.end(this.clock().toISOString()).line);
    await this.file.close();
  }

  /**
   * Closes the file without an end record: the log stays open for `slotsim recover`, which settles
   * what is still owed and seals it. Never throws (a log that failed is left as it is).
   */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}
