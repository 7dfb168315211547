/**
 * Builds audit records from what a round service knows. Pure: the writer, the round service and
 * the benchmark's fast log generator all use these, so every log has the same shape.
 */
import type { RoundOutcome } from '../engine/outcome.js';
import type { Draw } from '../rng/draw.js';
import { AUDIT_FORMAT } from './format.js';
import type {
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
}

export function buildHeader(input: HeaderInput): HeaderRecord {
  return { type: 'header', format: AUDIT_FORMAT, seq: 0, ...input };
}

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
  readonly outcome: RoundOutcome;
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
    ...commonMembers(input, seq, prev, input.outcome.stake),
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

export function buildEndRecord(seq: number, prev: string, endedAt: string, rounds: number): EndRecord {
  return { type: 'end', seq, prev, endedAt, rounds };
}
