import { ChainHasher } from './chain-hasher.js';
import { buildEndRecord, buildHeader, buildRoundRecord, buildVoidRecord } from './record-builder.js';
import type { HeaderInput, RoundInput, VoidInput } from './record-builder.js';
import { sealRecord, type SealedRecord } from './seal-record.js';

/** A sealed line and the sequence number it was given. */
export interface ChainedRecord extends SealedRecord {
  readonly seq: number;
}

/**
 * The state of one log's hash chain: the next sequence number and the previous record's hash.
 * Pure (no I/O): `AuditLogWriter` writes what it returns, and so does the benchmark's fast log
 * generator. Records are numbered and linked in the order they are sealed.
 */
export class AuditChain {
  private readonly hasher: ChainHasher;
  private seq = 0;
  private prev: string | null = null;
  private roundCount = 0;
  private ended = false;

  constructor(hmacKey: Uint8Array | null) {
    this.hasher = new ChainHasher(hmacKey);
  }

  get mode(): ChainHasher['mode'] {
    return this.hasher.mode;
  }

  get keyId(): string | null {
    return this.hasher.keyId;
  }

  /** Round and void records sealed so far. */
  get rounds(): number {
    return this.roundCount;
  }

  header(input: Omit<HeaderInput, 'chain' | 'keyId'>): ChainedRecord {
    if (this.prev !== null) throw new Error('the header is the first record of a log');
    return this.link(
      sealRecord(buildHeader({ ...input, chain: this.hasher.mode, keyId: this.hasher.keyId }), this.hasher),
    );
  }

  round(input: RoundInput): ChainedRecord {
    const prev = this.requireOpen();
    this.roundCount++;
    return this.link(sealRecord(buildRoundRecord(input, this.seq, prev), this.hasher));
  }

  void(input: VoidInput): ChainedRecord {
    const prev = this.requireOpen();
    this.roundCount++;
    return this.link(sealRecord(buildVoidRecord(input, this.seq, prev), this.hasher));
  }

  end(endedAt: string): ChainedRecord {
    const prev = this.requireOpen();
    this.ended = true;
    return this.link(sealRecord(buildEndRecord(this.seq, prev, endedAt, this.roundCount), this.hasher));
  }

  private requireOpen(): string {
    if (this.prev === null) throw new Error('a log starts with its header');
    if (this.ended) throw new Error('the log is closed');
    return this.prev;
  }

  private link(sealed: SealedRecord): ChainedRecord {
    const chained = { ...sealed, seq: this.seq };
    this.prev = sealed.hash;
    this.seq++;
    return chained;
  }
}
