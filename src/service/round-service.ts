import { randomUUID } from 'node:crypto';
import type { AuditSink } from '../audit/audit-log-writer.js';
import type { Balances, CreditTx, RollbackStatus, VoidDebitStatus } from '../audit/record.js';
import { gameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import type { RoundOutcome } from '../engine/outcome.js';
import { playRoundV1 } from '../engine/round.js';
import { SlotsimError } from '../errors.js';
import { createProductionRng, RecordingRng, type Rng } from '../rng/index.js';
import { VERSION } from '../version.js';
import { KeyedMutex } from './keyed-mutex.js';
import { DEFAULT_RETRY, sleepMs, withRetries, type RetryPolicy } from './retry.js';
import type { Wallet, WalletResult } from './wallet.js';

export interface RoundServiceOptions {
  readonly game: Game;
  readonly wallet: Wallet;
  readonly audit: AuditSink;
  /**
   * The generator every round draws from; by default the production CSPRNG (not seedable). Tests
   * inject a seeded one for deterministic rounds.
   */
  readonly rng?: Rng;
  readonly clock?: () => Date;
  readonly newRoundId?: () => string;
  /** How wallet calls are retried when the wallet fails (not when it refuses). */
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told of every credit or rollback left pending after its retries, for reconciliation. */
  readonly onPending?: (pending: PendingTransaction) => void;
}

export interface Session {
  readonly id: string;
  readonly player: string;
}

/** A wallet movement every retry failed to confirm: recorded in the audit log, and owed. */
export interface PendingTransaction {
  readonly kind: 'credit' | 'rollback';
  readonly roundId: string;
  readonly session: string;
  readonly player: string;
  readonly ref: string;
  readonly amount: number;
  readonly error: unknown;
}

export interface RoundRequest {
  readonly session: string;
  /** The stake offered, in credits; it must be the game's bet. */
  readonly bet: number;
}

export type RoundRefusal =
  'unknown-session' | 'session-closed' | 'bad-bet' | 'insufficient-funds' | 'wallet-refused';

export type RoundResult =
  | {
      readonly status: 'played';
      readonly roundId: string;
      /** The round's sequence number in the audit log. */
      readonly seq: number;
      readonly outcome: RoundOutcome;
      readonly balance: Balances;
      /** "none" when the round won nothing; "pending" when the credit is owed. */
      readonly credit: 'paid' | 'pending' | 'none';
    }
  | {
      readonly status: 'voided';
      readonly roundId: string;
      readonly seq: number;
      readonly reason: string;
      readonly rollback: RollbackStatus;
    }
  /** Nothing was played and no money moved (nothing is logged). */
  | { readonly status: 'refused'; readonly reason: RoundRefusal; readonly message: string };

/** Transaction references of a round: derived from its id, so a retry reuses them. */
export function roundRefs(roundId: string): { debit: string; credit: string; rollback: string } {
  return { debit: `${roundId}/debit`, credit: `${roundId}/credit`, rollback: `${roundId}/rollback` };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Plays rounds as a game server does: validate the bet and session, debit the stake, play the
 * round on the CSPRNG, credit the win, write the audit record — each wallet call idempotent by a
 * reference derived from the round id and retried on failure. An engine failure after the debit
 * rolls it back (a `void` record); a credit that fails every retry is recorded as pending.
 *
 * Rounds of one player run one after another (a player's balance before is their previous
 * balance after); rounds of different players run concurrently.
 */
export class RoundService {
  readonly game: Game;
  private readonly wallet: Wallet;
  private readonly audit: AuditSink;
  private readonly rng: Rng;
  private readonly clock: () => Date;
  private readonly newRoundId: () => string;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly onPending: (pending: PendingTransaction) => void;
  private readonly sessions = new Map<string, Session & { open: boolean }>();
  private readonly players = new KeyedMutex();

  constructor(options: RoundServiceOptions) {
    this.game = options.game;
    this.wallet = options.wallet;
    this.audit = options.audit;
    this.rng = options.rng ?? createProductionRng();
    this.clock = options.clock ?? (() => new Date());
    this.newRoundId = options.newRoundId ?? randomUUID;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? sleepMs;
    this.onPending = options.onPending ?? (() => undefined);
  }

  openSession(player: string, id: string = randomUUID()): Session {
    if (player.length === 0 || id.length === 0)
      throw new SlotsimError('BAD_INPUT', 'a session needs a player and an id');
    if (this.sessions.has(id)) throw new SlotsimError('BAD_INPUT', `session ${id} already exists`);
    const session = { id, player, open: true };
    this.sessions.set(id, session);
    return { id, player };
  }

  /** Rounds already started finish; new ones are refused. */
  closeSession(id: string): void {
    const session = this.sessions.get(id);
    if (session !== undefined) session.open = false;
  }

  /** Plays one round for a session (see the class comment). Rejects only if the audit log cannot be written. */
  playRound(request: RoundRequest): Promise<RoundResult> {
    const session = this.sessions.get(request.session);
    if (session === undefined)
      return Promise.resolve(refusal('unknown-session', `no session ${request.session}`));
    return this.players.run(session.player, () => this.play(session, request.bet));
  }

  private async play(session: Session & { open: boolean }, bet: number): Promise<RoundResult> {
    if (!session.open) return refusal('session-closed', `session ${session.id} is closed`);
    const stake = this.game.betCredits;
    if (bet !== stake) {
      return refusal(
        'bad-bet',
        `a round of ${this.game.name} stakes ${stake} credits; ${String(bet)} was offered`,
      );
    }
    const roundId = this.newRoundId();
    const refs = roundRefs(roundId);
    const { player } = session;
    const startedAt = this.clock().toISOString();

    const debit = await this.tryWallet(() => this.wallet.debit({ ref: refs.debit, player, amount: stake }));
    const base = {
      roundId,
      session: session.id,
      player,
      startedAt,
      game: gameIdentity(this.game),
      slotsim: VERSION,
      rng: this.rng.algorithm,
      stake,
    };
    if (!debit.ok) {
      return this.voidRound(
        base,
        'failed',
        [],
        `the wallet did not confirm the debit: ${describeError(debit.error)}`,
        null,
      );
    }
    const debited = debit.value;
    if (debited.status === 'refused') {
      return refusal(
        debited.reason === 'insufficient-funds' ? 'insufficient-funds' : 'wallet-refused',
        debited.message,
      );
    }

    const recording = new RecordingRng(this.rng);
    let outcome: RoundOutcome;
    try {
      outcome = playRoundV1(this.game, recording);
    } catch (error) {
      return this.voidRound(
        base,
        'done',
        recording.takeDraws(),
        `the engine failed: ${describeError(error)}`,
        debited.balance + stake,
      );
    }
    const draws = recording.takeDraws();

    let credit: CreditTx | null = null;
    let after = debited.balance;
    if (outcome.total > 0) {
      const paid = await this.tryWallet(() =>
        this.wallet.credit({ ref: refs.credit, player, amount: outcome.total }),
      );
      if (paid.ok && paid.value.status === 'ok') {
        credit = { ref: refs.credit, amount: outcome.total, status: 'paid' };
        after = paid.value.balance;
      } else {
        credit = { ref: refs.credit, amount: outcome.total, status: 'pending' };
        const error = paid.ok
          ? new Error(paid.value.status === 'refused' ? paid.value.message : 'refused')
          : paid.error;
        this.onPending({
          kind: 'credit',
          roundId,
          session: session.id,
          player,
          ref: refs.credit,
          amount: outcome.total,
          error,
        });
      }
    }
    const balance = { before: debited.balance + stake, after };
    const seq = await this.audit.appendRound({
      ...base,
      endedAt: this.clock().toISOString(),
      draws,
      outcome,
      balance,
      debit: { ref: refs.debit, amount: stake },
      credit,
    });
    return {
      status: 'played',
      roundId,
      seq,
      outcome,
      balance,
      credit: credit === null ? 'none' : credit.status,
    };
  }

  /**
   * Rolls back a debit that was made (or may have been) and writes the void record. `before`: the
   * balance before the debit, when the debit was confirmed.
   */
  private async voidRound(
    base: {
      roundId: string;
      session: string;
      player: string;
      startedAt: string;
      game: ReturnType<typeof gameIdentity>;
      slotsim: string;
      rng: string;
      stake: number;
    },
    debitStatus: VoidDebitStatus,
    draws: ReturnType<RecordingRng['takeDraws']>,
    reason: string,
    before: number | null,
  ): Promise<RoundResult> {
    const refs = roundRefs(base.roundId);
    const rolled = await this.tryWallet(() =>
      this.wallet.rollback({ ref: refs.rollback, player: base.player, of: refs.debit }),
    );
    let rollback: { ref: string; amount: number; status: RollbackStatus };
    let balance: { before: number | null; after: number | null };
    if (rolled.ok && rolled.value.status === 'ok') {
      rollback = { ref: refs.rollback, amount: rolled.value.amount, status: 'done' };
      balance = { before: before ?? rolled.value.balance, after: rolled.value.balance };
    } else {
      // Owed: the stake if it was debited (when unconfirmed, whether it was is unknown).
      rollback = { ref: refs.rollback, amount: base.stake, status: 'pending' };
      balance = { before, after: before === null ? null : before - base.stake };
      const error = rolled.ok
        ? new Error(rolled.value.status === 'refused' ? rolled.value.message : 'refused')
        : rolled.error;
      this.onPending({
        kind: 'rollback',
        roundId: base.roundId,
        session: base.session,
        player: base.player,
        ref: refs.rollback,
        amount: base.stake,
        error,
      });
    }
    const seq = await this.audit.appendVoid({
      ...base,
      endedAt: this.clock().toISOString(),
      draws,
      reason,
      balance,
      debit: { ref: refs.debit, amount: base.stake, status: debitStatus },
      rollback,
    });
    return { status: 'voided', roundId: base.roundId, seq, reason, rollback: rollback.status };
  }

  private tryWallet(call: () => Promise<WalletResult>) {
    return withRetries(call, this.retry, this.sleep);
  }
}

function refusal(reason: RoundRefusal, message: string): RoundResult {
  return { status: 'refused', reason, message };
}
