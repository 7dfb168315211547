/**
 * Builds audit records from what a round service knows. Pure: the writer, the round service and
 * the benchmark's fast log generator all use these, so every log has the same shape.
 */
import type { AnyRoundOutcome } from '../engine/outcome.js';
import type { Draw } from '../rng/draw.js';
import { AUDIT_FORMAT } from './format.js';
import { stakeOf } from './round-outcome.js';
import type {
  CheckpointRecord,
  RecoveryRecord,
  SigningInfo,
  TornTail,
  Balances,
  CreditTx,
  DebitTx,
  DrawPair,
  EndRecord,
  GameIdentity,
  HeaderRecord,
  RollbackStatus,
  RoundRecord,
  VoidDebitStatus,
  VoidRecord,
} from './record.js';

export function drawPairs(draws: readonly Draw[]): DrawPair[] {
  return draws.map((d) => [d.bound, d.value] as const);
}

export interface HeaderInput {
  readonly logId: string;
  readonly createdAt: string;
  readonly slotsim: string;
  readonly game: GameIdentity;
  readonly rng: string;
  readonly chain: HeaderRecord['chain'];
  readonly keyId: string | null;
  readonly gameContentSha256: string | null;
  readonly signing: SigningInfo | null;
}

export function buildHeader(input: HeaderInput): HeaderRecord {
  return { type: 'header', format: AUDIT_FORMAT, seq: 0, ...input };
}

/** A checkpoint before its signature is added (see signing.ts). */
export function buildCheckpoint(
  seq: number,
  prev: string,
  at: string,
  rounds: number,
): Omit<CheckpointRecord, 'signature'> {
  return { type: 'checkpoint', seq, prev, at, rounds };
}

export interface RecoveryInput {
  readonly at: string;
  readonly roundId: string;
  readonly player: string;
  readonly action: RecoveryRecord['action'];
  readonly logged: RecoveryRecord['logged'];
  readonly tx: RecoveryRecord['tx'];
  readonly balance: Balances;
  readonly reason: string;
}

export function buildRecoveryRecord(input: RecoveryInput, seq: number, prev: string): RecoveryRecord {
  return { type: 'recovery', seq, prev, ...input };
}

/** What the end record states beyond its counts of rounds. */
export interface EndInput {
  readonly endedAt: string;
  readonly ledgerEntries: number | null;
  readonly recovered: EndRecord['recovered'];
}

export type { TornTail };

/** What the round service knows of any round, played or void; `seq` and `prev` come from the chain. */
interface RoundFacts {
  readonly roundId: string;
  readonly session: string;
  readonly player: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly game: GameIdentity;
  readonly slotsim: string;
  readonly rng: string;
  readonly draws: readonly Draw[];
}

export interface RoundInput extends RoundFacts {
  readonly outcome: AnyRoundOutcome;
  readonly balance: Balances;
  readonly debit: DebitTx;
  readonly credit: CreditTx | null;
}

export interface VoidInput extends RoundFacts {
  readonly stake: number;
  readonly reason: string;
  readonly balance: { readonly before: number | null; readonly after: number | null };
  readonly debit: DebitTx & { readonly status: VoidDebitStatus };
  readonly rollback: DebitTx & { readonly status: RollbackStatus };
}

/** The members a round and a void record share. */
function commonMembers(input: RoundFacts, seq: number, prev: string, stake: number) {
  return {
    seq,
    prev,
    roundId: input.roundId,
    session: input.session,
    player: input.player,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    game: input.game,
    slotsim: input.slotsim,
    rng: input.rng,
    stake,
    draws: drawPairs(input.draws),
  };
}

export function buildRoundRecord(input: RoundInput, seq: number, prev: string): RoundRecord {
  return {
    type: 'round',
    ...commonMembers(input, seq, prev, stakeOf(input.outcome)),
    outcome: input.outcome,
    balance: input.balance,
    tx: { debit: input.debit, credit: input.credit },
  };
}

export function buildVoidRecord(input: VoidInput, seq: number, prev: string): VoidRecord {
  return {
    type: 'void',
    ...commonMembers(input, seq, prev, input.stake),
    reason: input.reason,
    balance: input.balance,
    tx: { debit: input.debit, rollback: input.rollback },
  };
}

export function buildEndRecord(
  seq: number,
  prev: string,
  rounds: number,
  recoveries: number,
  input: EndInput,
): EndRecord {
  return {
    type: 'end',
    seq,
    prev,
    endedAt: input.endedAt,
    rounds,
    ledgerEntries: input.ledgerEntries,
    recoveries,
    recovered: input.recovered ?? null,
  };
}
