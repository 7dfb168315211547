import { randomUUID } from 'node:crypto';
import type { AuditSink } from '../audit/audit-log-writer.js';
import type { Balances, CreditTx, RollbackStatus, VoidDebitStatus } from '../audit/record.js';
import type { Game } from '../engine/model.js';
import type { AnyRoundOutcome } from '../engine/outcome.js';
import { playRound } from '../engine/round.js';
import { isSlotsimError, SlotsimError } from '../errors.js';
import { MAX_LINE_BYTES } from '../audit/format.js';
import { loggedGameIdentity, type GameIdentity } from '../audit/logged-game.js';
import { freeSpinsPlayed, outcomeText } from '../audit/round-outcome.js';
import { createProductionRng, RecordingRng, type Rng } from '../rng/index.js';
import { VERSION } from '../version.js';
import { KeyedMutex } from './keyed-mutex.js';
import { DEFAULT_RETRY, sleepMs, withRetries, type RetryPolicy } from './retry.js';
import { isWalletUnavailable, type Wallet, type WalletResult } from './wallet.js';

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
  /** The longest record a round may have (default: what a log line may hold, `MAX_LINE_BYTES`). */
  readonly maxRecordBytes?: number;
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
  /** The stake offered, in credits; it must be the game's bet (a format-2 game: its mode's cost). */
  readonly bet: number;
}

export type RoundRefusal =
  | 'unknown-session'
  | 'session-closed'
  | 'bad-bet'
  | 'insufficient-funds'
  | 'wallet-refused'
  /** The service stopped after a failure it cannot go on from (see `RoundService.stopped`). */
  | 'service-stopped';

export type RoundResult =
  | {
      readonly status: 'played';
      readonly roundId: string;
      /** The round's sequence number in the audit log. */
      readonly seq: number;
      /** Format 1's `RoundOutcome` for a `slotsim/1` game, `RoundOutcomeV2` for a `slotsim/2` game. */
      readonly outcome: AnyRoundOutcome;
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
 * The most a round's record may add beyond its outcome and draws (ids of at most 256 characters,
 * timestamps, balances, references): far more than any record's other members take.
 */
const RECORD_OVERHEAD_BYTES = 16 * 1024;

/** Bytes of the draws as a record writes them: `[[bound,value],…]`. */
function drawsBytes(draws: readonly { bound: number; value: number }[]): number {
  let bytes = 2;
  for (const d of draws) bytes += String(d.bound).length + String(d.value).length + 4;
  return bytes;
}

/**
 * Plays rounds as a game server does: validate the bet and session, debit the stake, play the
 * round on the CSPRNG, credit the win, write the audit record — each wallet call idempotent by a
 * reference derived from the round id and retried on failure. A credit that fails every retry is
 * recorded as pending.
 *
 * Once the stake is debited, a round ends with a record: if anything fails before the round is
 * settled — the engine throws, or the round is too large for a log line — the debit is rolled back
 * and a `void` record written. Such a failure, a wallet that can no longer work at all
 * (`WalletUnavailableError`: its store failed) and an audit log that cannot be written stop the
 * service: every later round is refused, nothing moved, and `stopped` says why.
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
  private stopError: SlotsimError | null = null;
  private readonly maxRecordBytes: number;

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
    this.maxRecordBytes = options.maxRecordBytes ?? MAX_LINE_BYTES;
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

  /** Why the service stopped (the first failure it could not go on from), or null while it runs. */
  get stopped(): SlotsimError | null {
    return this.stopError;
  }

  private stop(error: SlotsimError): void {
    this.stopError ??= error;
  }

  /** Plays one round for a session (see the class comment). Rejects only if the audit log cannot be written. */
  playRound(request: RoundRequest): Promise<RoundResult> {
    const session = this.sessions.get(request.session);
    if (session === undefined)
      return Promise.resolve(refusal('unknown-session', `no session ${request.session}`));
    return this.players.run(session.player, () => this.play(session, request.bet));
  }

  private async play(session: Session & { open: boolean }, bet: number): Promise<RoundResult> {
    if (this.stopError !== null)
      return refusal('service-stopped', `the round service stopped: ${this.stopError.message}`);
    if (!session.open) return refusal('session-closed', `session ${session.id} is closed`);
    // A round stakes the mode's cost: the game's bet in the base mode (and in every format-1 game).
    const stake = this.game.cost;
    if (bet !== stake) {
      const mode = this.game.mode === 'base' ? '' : ` in mode ${this.game.mode}`;
      return refusal(
        'bad-bet',
        `a round of ${this.game.name}${mode} stakes ${stake} credits; ${String(bet)} was offered`,
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
      game: loggedGameIdentity(this.game),
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
    let outcome: AnyRoundOutcome;
    let draws: ReturnType<RecordingRng['takeDraws']>;
    try {
      outcome = playRound(this.game, recording);
      draws = recording.takeDraws();
      this.checkRecordFits(roundId, outcome, draws);
    } catch (error) {
      // Nothing may leave a debit without a round: the stake goes back, the void record says why,
      // and the service stops (the next round would most likely fail the same way).
      const tooLarge = isSlotsimError(error) && error.code === 'INVALID_GAME';
      const reason = tooLarge ? describeError(error) : `the engine failed: ${describeError(error)}`;
      const taken = recording.takeDraws();
      this.stop(
        tooLarge
          ? error
          : new SlotsimError('INTERNAL', `round ${roundId}: the engine failed (${describeError(error)})`, {
              cause: error,
            }),
      );
      return this.voidRound(
        base,
        'done',
        drawsBytes(taken) + RECORD_OVERHEAD_BYTES > this.maxRecordBytes ? [] : taken,
        reason,
        debited.balance + stake,
      );
    }

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
    const seq = await this.record(() =>
      this.audit.appendRound({
        ...base,
        endedAt: this.clock().toISOString(),
        draws,
        outcome,
        balance,
        debit: { ref: refs.debit, amount: stake },
        credit,
      }),
    );
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
      game: GameIdentity;
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
    const seq = await this.record(() =>
      this.audit.appendVoid({
        ...base,
        endedAt: this.clock().toISOString(),
        draws,
        reason,
        balance,
        debit: { ref: refs.debit, amount: base.stake, status: debitStatus },
        rollback,
      }),
    );
    return { status: 'voided', roundId: base.roundId, seq, reason, rollback: rollback.status };
  }

  /** A wallet call, retried unless the wallet can no longer work at all (which stops the service). */
  private async tryWallet(call: () => Promise<WalletResult>) {
    const tried = await withRetries(call, this.retry, this.sleep, isWalletUnavailable);
    if (!tried.ok && isWalletUnavailable(tried.error)) this.stop(tried.error);
    return tried;
  }

  /** Writes a record; a log that cannot be written stops the service (and the round rejects). */
  private async record(append: () => Promise<number>): Promise<number> {
    try {
      return await append();
    } catch (error) {
      this.stop(
        isSlotsimError(error)
          ? error
          : new SlotsimError('BAD_FILE', `the audit log cannot be written (${describeError(error)})`, {
              cause: error,
            }),
      );
      throw error;
    }
  }

  /**
   * Refuses a round whose record would be longer than a log line may be (format.ts): `verify` could
   * not read it. Only a game that lets a round run to tens of thousands of free spins gets here.
   */
  private checkRecordFits(
    roundId: string,
    outcome: AnyRoundOutcome,
    draws: readonly { bound: number; value: number }[],
  ): void {
    const bytes = Buffer.byteLength(outcomeText(outcome)) + drawsBytes(draws) + RECORD_OVERHEAD_BYTES;
    if (bytes > this.maxRecordBytes) {
      throw new SlotsimError(
        'INVALID_GAME',
        `round ${roundId}: its record would take about ${Math.round(bytes / 2 ** 20)} MiB, more than the ${Math.round(this.maxRecordBytes / 2 ** 20)} MiB a log line may hold (${freeSpinsPlayed(outcome)} free spins, ${draws.length} draws): the game lets a round run too long to be logged; bound its maxSpins`,
      );
    }
  }
}

function refusal(reason: RoundRefusal, message: string): RoundResult {
  return { status: 'refused', reason, message };
}
