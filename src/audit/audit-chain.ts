import { ChainHasher } from './chain-hasher.js';
import {
  buildCheckpoint,
  buildEndRecord,
  buildHeader,
  buildRecoveryRecord,
  buildRoundRecord,
  buildVoidRecord,
} from './record-builder.js';
import type { EndInput, HeaderInput, RecoveryInput, RoundInput, VoidInput } from './record-builder.js';
import type { AuditRecord } from './record.js';
import { sealRecord, type SealedRecord } from './seal-record.js';
import { signRecord, type SigningKey } from './signing.js';

/** A sealed line and the sequence number it was given. */
export interface ChainedRecord extends SealedRecord {
  readonly seq: number;
}

/** Signed checkpoints: the key, and after how many round and void records one is due. */
export interface ChainSigning {
  readonly key: SigningKey;
  readonly every: number;
}

/** Where an existing chain stands, to go on from it (`slotsim recover`). */
export interface ChainPosition {
  /** The next record's sequence number. */
  readonly seq: number;
  /** The last record's hash. */
  readonly prev: string;
  /** Round and void records so far. */
  readonly rounds: number;
  /** Recovery records so far. */
  readonly recoveries: number;
}

/**
 * The state of one log's hash chain: the next sequence number and the previous record's hash.
 * Pure (no I/O): `AuditLogWriter` writes what it returns, and so does the benchmark's fast log
 * generator. Records are numbered and linked in the order they are sealed. With a signing key,
 * `checkpointDue` turns true after every `every` round and void records and the end record is
 * signed.
 */
export class AuditChain {
  private readonly hasher: ChainHasher;
  private readonly signing: ChainSigning | null;
  private seq = 0;
  private prev: string | null = null;
  private roundCount = 0;
  private recoveryCount = 0;
  private sinceCheckpoint = 0;
  private ended = false;

  constructor(hmacKey: Uint8Array | null, signing: ChainSigning | null = null) {
    this.hasher = new ChainHasher(hmacKey);
    this.signing = signing;
  }

  /** A chain that goes on after the last record of an existing log. */
  static resume(hmacKey: Uint8Array | null, signing: ChainSigning | null, at: ChainPosition): AuditChain {
    const chain = new AuditChain(hmacKey, signing);
    chain.seq = at.seq;
    chain.prev = at.prev;
    chain.roundCount = at.rounds;
    chain.recoveryCount = at.recoveries;
    return chain;
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

  /** Whether a signed checkpoint is due (after `every` round and void records since the last). */
  get checkpointDue(): boolean {
    return this.signing !== null && this.sinceCheckpoint >= this.signing.every;
  }

  header(input: Omit<HeaderInput, 'chain' | 'keyId' | 'signing'>): ChainedRecord {
    if (this.prev !== null) throw new Error('the header is the first record of a log');
    const signing =
      this.signing === null
        ? null
        : { algorithm: 'ed25519' as const, keyId: this.signing.key.keyId, every: this.signing.every };
    return this.link(buildHeader({ ...input, chain: this.hasher.mode, keyId: this.hasher.keyId, signing }));
  }

  round(input: RoundInput): ChainedRecord {
    const prev = this.requireOpen();
    this.roundCount++;
    this.sinceCheckpoint++;
    return this.link(buildRoundRecord(input, this.seq, prev));
  }

  void(input: VoidInput): ChainedRecord {
    const prev = this.requireOpen();
    this.roundCount++;
    this.sinceCheckpoint++;
    return this.link(buildVoidRecord(input, this.seq, prev));
  }

  /** A signed checkpoint of the chain head (a signing key is required). */
  checkpoint(at: string): ChainedRecord {
    const prev = this.requireOpen();
    if (this.signing === null) throw new Error('a checkpoint needs a signing key');
    const body = buildCheckpoint(this.seq, prev, at, this.roundCount);
    this.sinceCheckpoint = 0;
    return this.link({ ...body, signature: signRecord(body, this.signing.key) });
  }

  recovery(input: RecoveryInput): ChainedRecord {
    const prev = this.requireOpen();
    this.recoveryCount++;
    return this.link(buildRecoveryRecord(input, this.seq, prev));
  }

  end(input: EndInput): ChainedRecord {
    const prev = this.requireOpen();
    this.ended = true;
    const body = buildEndRecord(this.seq, prev, this.roundCount, this.recoveryCount, input);
    return this.link(
      this.signing === null ? body : { ...body, signature: signRecord(body, this.signing.key) },
    );
  }

  private requireOpen(): string {
    if (this.prev === null) throw new Error('a log starts with its header');
    if (this.ended) throw new Error('the log is closed');
    return this.prev;
  }

  private link(record: AuditRecord): ChainedRecord {
    const sealed = sealRecord(record, this.hasher);
    const chained = { ...sealed, seq: this.seq };
    this.prev = sealed.hash;
    this.seq++;
    return chained;
  }
}
