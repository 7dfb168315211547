/**
 * The records of an audit log (format `slotsim-audit/2`, see format.ts), as written. A record's
 * `hash` is not part of these types: it is appended to the line by `sealRecord`.
 */
import type { AnyRoundOutcome } from '../engine/outcome.js';
import type { ChainMode } from './format.js';
import type { GameIdentity } from './logged-game.js';

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
  /**
   * SHA-256 of the game file's canonical content (its JSON with sorted keys and no whitespace): the
   * same for a reformatted or CRLF copy of the file, whose bytes (`game.sha256`) differ. Version 2;
   * null when the writer was not given the file's text.
   */
  readonly gameContentSha256?: string | null;
  /** Signed checkpoints (version 2): the Ed25519 key's fingerprint and how often they come. */
  readonly signing?: SigningInfo | null;
}

export interface SigningInfo {
  readonly algorithm: 'ed25519';
  /** SHA-256 (hex) of the public key's DER (SubjectPublicKeyInfo): what `openssl pkey -pubin -outform DER | sha256sum` prints. */
  readonly keyId: string;
  /** A checkpoint follows at most this many round and void records after the last signature. */
  readonly every: number;
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
  /** Credits staked: the game's bet (format 1), the mode's cost (format 2). */
  readonly stake: number;
  /** Every random draw of the round, in order. */
  readonly draws: readonly DrawPair[];
}

/** A round played to the end. */
export interface RoundRecord extends RoundCommon {
  readonly type: 'round';
  /**
   * The engine's outcome, exactly as `playRound` returned it: format 1's `RoundOutcome` for a
   * `slotsim/1` game, the format-2 record (`RoundOutcomeV2`, README "The round record") for a
   * `slotsim/2` game.
   */
  readonly outcome: AnyRoundOutcome;
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

/**
 * A signed checkpoint: the operator's Ed25519 signature over this record (without its `signature`
 * and `hash`), whose `prev` is the chain head — so it vouches for every record before it.
 */
export interface CheckpointRecord {
  readonly type: 'checkpoint';
  readonly seq: number;
  readonly prev: string;
  readonly at: string;
  /** Round and void records before it. */
  readonly rounds: number;
  /** Base64 Ed25519 signature (see signing.ts). */
  readonly signature: string;
}

/** What `slotsim recover` did for a round a crash (or a failed wallet) left unsettled. */
export type RecoveryAction =
  /** The stake was returned: a rollback recover wrote, or one the crash left in the ledger. */
  | 'refunded'
  /** A win the wallet never confirmed was paid. */
  | 'paid'
  /** The debit never reached the ledger: its reference was closed with a rollback of 0; nothing owed. */
  | 'closed'
  /** The round's money had all moved (its record was lost): nothing to move, now explained. */
  | 'settled';

export interface RecoveryTx {
  readonly ref: string;
  readonly amount: number;
  /** 'found': already in the ledger when recover ran (written by play, or by an earlier recover); 'recover': written by this recovery. */
  readonly by: 'found' | 'recover';
}

/**
 * One round `slotsim recover` settled. `tx` names the ledger movements of the round that no earlier
 * record of the log names (a round lost in a crash: its debit too), so that every movement is named
 * once; `balance` is the player's balance before and after them.
 */
export interface RecoveryRecord {
  readonly type: 'recovery';
  readonly seq: number;
  readonly prev: string;
  readonly at: string;
  readonly roundId: string;
  readonly player: string;
  readonly action: RecoveryAction;
  /** What the log held of the round when recover ran. */
  readonly logged: 'none' | 'round' | 'void';
  readonly tx: {
    readonly debit: RecoveryTx | null;
    readonly credit: RecoveryTx | null;
    readonly rollback: RecoveryTx | null;
  };
  readonly balance: Balances;
  readonly reason: string;
}

/** What recover found cut off at the end of a file (a write torn by the crash) and removed. */
export interface TornTail {
  readonly bytes: number;
  readonly sha256: string;
}

/** The last record of a closed log. */
export interface EndRecord {
  readonly type: 'end';
  readonly seq: number;
  readonly prev: string;
  readonly endedAt: string;
  /** Round and void records in the log. */
  readonly rounds: number;
  /** Version 2: entries in the ledger when the log was closed (null: the wallet is not a ledger file). */
  readonly ledgerEntries?: number | null;
  /** Version 2: recovery records in the log. */
  readonly recoveries?: number;
  /** Version 2: when `slotsim recover` closed the log, what it found; null when play closed it. */
  readonly recovered?: {
    readonly at: string;
    readonly log: TornTail | null;
    readonly ledger: TornTail | null;
  } | null;
  /** Signed logs: the signature over this record, as in a checkpoint. */
  readonly signature?: string;
}

export type AuditRecord =
  HeaderRecord | RoundRecord | VoidRecord | CheckpointRecord | RecoveryRecord | EndRecord;
