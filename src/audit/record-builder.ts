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

/** What the round service knows of a round; `seq` and `prev` come from the chain. */
export interface RoundInput {
  readonly roundId: string;
  readonly session: string;
  readonly player: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly game: GameIdentity;
  readonly slotsim: string;
  readonly rng: string;
  readonly draws: readonly Draw[];
  readonly outcome: RoundOutcome;
  readonly balance: Balances;
  readonly debit: DebitTx;
  readonly credit: CreditTx | null;
}

export function buildRoundRecord(input: RoundInput, seq: number, prev: string): RoundRecord {
  return {
    type: 'round',
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
    stake: input.outcome.stake,
    draws: drawPairs(input.draws),
    outcome: input.outcome,
    balance: input.balance,
    tx: { debit: input.debit, credit: input.credit },
  };
}

export interface VoidInput {
  readonly roundId: string;
  readonly session: string;
  readonly player: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly game: GameIdentity;
  readonly slotsim: string;
  readonly rng: string;
  readonly stake: number;
  readonly draws: readonly Draw[];
  readonly reason: string;
  readonly balance: { readonly before: number | null; readonly after: number | null };
  readonly debit: DebitTx & { readonly status: VoidDebitStatus };
  readonly rollback: DebitTx & { readonly status: RollbackStatus };
}

export function buildVoidRecord(input: VoidInput, seq: number, prev: string): VoidRecord {
  return {
    type: 'void',
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
    stake: input.stake,
    draws: drawPairs(input.draws),
    reason: input.reason,
    balance: input.balance,
    tx: { debit: input.debit, rollback: input.rollback },
  };
}

export function buildEndRecord(seq: number, prev: string, endedAt: string, rounds: number): EndRecord {
  return { type: 'end', seq, prev, endedAt, rounds };
}
