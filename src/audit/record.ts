/**
 * The records of an audit log (format `slotsim-audit/1`, see format.ts), as written. A record's
 * `hash` is not part of these types: it is appended to the line by `sealRecord`.
 */
import type { RoundOutcome } from '../engine/outcome.js';
import type { ChainMode } from './format.js';
import type { GameIdentity } from '../game/identity.js';

export type { GameIdentity };

/** The first record: names the format, the game file and how the chain is built. */
export interface HeaderRecord {
  readonly type: 'header';
  readonly format: string;
  readonly seq: 0;
  /** A random id of this log, so records of one log cannot be spliced into another. */
  readonly logId: string;
  readonly createdAt: string;
  readonly slotsim: string;
  readonly game: GameIdentity;
  /** The generator the rounds draw from (the production CSPRNG: "crypto"). */
  readonly rng: string;
  readonly chain: ChainMode;
  /** HMAC chains: a fingerprint of the key (not the key), so a wrong key is named as such. */
  readonly keyId: string | null;
}

/** One draw: `rng.int(bound)` returned `value`. */
export type DrawPair = readonly [bound: number, value: number];

export interface Balances {
  readonly before: number;
  readonly after: number;
}

export interface DebitTx {
  readonly ref: string;
  readonly amount: number;
}

/** "paid": the wallet credited the win; "pending": every retry failed, the win is owed. */
export type CreditStatus = 'paid' | 'pending';

export interface CreditTx {
  readonly ref: string;
  readonly amount: number;
  readonly status: CreditStatus;
}

/** Fields every round and void record has. */
interface RoundCommon {
  readonly seq: number;
  readonly prev: string;
  readonly roundId: string;
  readonly session: string;
  readonly player: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly game: GameIdentity;
  readonly slotsim: string;
  readonly rng: string;
  /** Credits staked. */
  readonly stake: number;
  /** Every random draw of the round, in order. */
  readonly draws: readonly DrawPair[];
}

/** A round played to the end. */
export interface RoundRecord extends RoundCommon {
  readonly type: 'round';
  /** The engine's outcome, exactly as `playRound` returned it. */
  readonly outcome: RoundOutcome;
  /** The player's wallet balance before the debit and after the credit. */
  readonly balance: Balances;
  /** `credit` is null when the round won nothing (no money moves). */
  readonly tx: { readonly debit: DebitTx; readonly credit: CreditTx | null };
}

/** "done": the wallet confirmed it; "failed"/"pending": every retry failed. */
export type VoidDebitStatus = 'done' | 'failed';
export type RollbackStatus = 'done' | 'pending';

/**
 * A round that could not be played after its stake was (or may have been) debited: the engine
 * failed, or the debit's outcome is unknown. The stake is rolled back.
 */
export interface VoidRecord extends RoundCommon {
  readonly type: 'void';
  readonly reason: string;
  /** Null where the wallet could not tell. */
  readonly balance: { readonly before: number | null; readonly after: number | null };
  readonly tx: {
    readonly debit: DebitTx & { readonly status: VoidDebitStatus };
    /** `amount`: what the rollback returned (0 when no debit was found to roll back). */
    readonly rollback: DebitTx & { readonly status: RollbackStatus };
  };
}

/** The last record of a closed log. */
export interface EndRecord {
  readonly type: 'end';
  readonly seq: number;
  readonly prev: string;
  readonly endedAt: string;
  /** Round and void records in the log. */
  readonly rounds: number;
}

export type AuditRecord = HeaderRecord | RoundRecord | VoidRecord | EndRecord;
