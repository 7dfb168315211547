import type { RecoveryRecord, RoundRecord, VoidRecord } from './record.js';

export interface MoneyProblem {
  readonly kind: 'money' | 'unsettled';
  readonly field: string;
  readonly recorded: unknown;
  readonly expected: unknown;
  readonly message: string;
}

/**
 * Per-player money arithmetic over the log, in constant memory per player: each round's balance
 * after is its balance before − stake + the win credited, its transactions carry the stake and the
 * win, and its balance before is the player's balance after their previous round.
 */
export class MoneyCheck {
  private readonly last = new Map<string, number>();
  /** Voided rounds whose rollback is pending but whose debit the ledger shows never happened. */
  nothingOwed = 0;

  get players(): number {
    return this.last.size;
  }

  /** A record of the player could not be read: their next balance before is not checked. */
  forget(player: string): void {
    this.last.delete(player);
  }

  /** `settled(ref)`: whether a pending credit has since reached the ledger. */
  round(record: RoundRecord, settled: (ref: string) => boolean): MoneyProblem[] {
    const problems: MoneyProblem[] = [];
    const { balance, tx, stake, player } = record;
    if (tx.debit.amount !== stake) {
      problems.push({
        kind: 'money',
        field: 'tx.debit.amount',
        recorded: tx.debit.amount,
        expected: stake,
        message: 'the debit is not the stake',
      });
    }
    const total: unknown = record.outcome.total;
    if (typeof total === 'number' && Number.isSafeInteger(total)) {
      if (total > 0 && tx.credit === null) {
        problems.push({
          kind: 'money',
          field: 'tx.credit',
          recorded: null,
          expected: { amount: total },
          message: `the round won ${total} but records no credit`,
        });
      } else if (tx.credit !== null && tx.credit.amount !== total) {
        problems.push({
          kind: 'money',
          field: 'tx.credit.amount',
          recorded: tx.credit.amount,
          expected: total,
          message: "the credit is not the round's win",
        });
      }
    }
    const credited = tx.credit !== null && tx.credit.status === 'paid' ? tx.credit.amount : 0;
    const after = balance.before - tx.debit.amount + credited;
    if (balance.after !== after) {
      problems.push({
        kind: 'money',
        field: 'balance.after',
        recorded: balance.after,
        expected: after,
        message: `balance after ≠ balance before ${balance.before} − stake ${tx.debit.amount} + credited ${credited}`,
      });
    }
    if (tx.credit !== null && tx.credit.status === 'pending' && !settled(tx.credit.ref)) {
      problems.push({
        kind: 'unsettled',
        field: 'tx.credit.status',
        recorded: 'pending',
        expected: 'paid',
        message: `credit ${tx.credit.ref} of ${tx.credit.amount} was never confirmed by the wallet: owed to ${player}`,
      });
    }
    this.continuity(player, balance.before, balance.after, problems);
    return problems;
  }

  /**
   * A voided round: its rollback returns the debit (or nothing, when no debit arrived), so once the
   * rollback is done the balance is what it was. While it is pending the stake is owed when the
   * debit happened — the wallet confirmed it, or the ledger holds it — and nothing is owed when the
   * ledger shows it never did; without a ledger, it may be owed.
   */
  void(record: VoidRecord, ledger: { has(ref: string): boolean } | null): MoneyProblem[] {
    const problems: MoneyProblem[] = [];
    const { balance, tx, stake, player } = record;
    const { debit, rollback } = tx;
    if (debit.amount !== stake) {
      problems.push({
        kind: 'money',
        field: 'tx.debit.amount',
        recorded: debit.amount,
        expected: stake,
        message: 'the debit is not the stake',
      });
    }
    const known = balance.before !== null && balance.after !== null;
    if (rollback.status === 'done') {
      if (debit.status === 'done' && rollback.amount !== debit.amount) {
        problems.push({
          kind: 'money',
          field: 'tx.rollback.amount',
          recorded: rollback.amount,
          expected: debit.amount,
          message: 'the rollback does not return the debit',
        });
      } else if (rollback.amount !== 0 && rollback.amount !== debit.amount) {
        problems.push({
          kind: 'money',
          field: 'tx.rollback.amount',
          recorded: rollback.amount,
          expected: debit.amount,
          message: 'the rollback returns neither the debit nor nothing',
        });
      }
      if (known && balance.after !== balance.before) {
        problems.push({
          kind: 'money',
          field: 'balance.after',
          recorded: balance.after,
          expected: balance.before,
          message: 'a voided round must leave the balance as it was',
        });
      }
    } else {
      if (debit.status === 'done' && known && balance.after !== balance.before - debit.amount) {
        problems.push({
          kind: 'money',
          field: 'balance.after',
          recorded: balance.after,
          expected: balance.before - debit.amount,
          message: 'balance after ≠ balance before − the debit not yet returned',
        });
      }
      if (ledger !== null && ledger.has(rollback.ref)) {
        // Settled since: the rollback reached the ledger.
      } else if (debit.status === 'failed' && ledger !== null && !ledger.has(debit.ref)) {
        this.nothingOwed++;
      } else {
        const why =
          debit.status === 'done'
            ? `the wallet confirmed debit ${debit.ref}: the stake of ${debit.amount} is owed to ${player}`
            : ledger !== null
              ? `the ledger holds debit ${debit.ref}: the stake of ${debit.amount} is owed to ${player}`
              : `whether debit ${debit.ref} happened is unknown: the stake of ${debit.amount} may be owed to ${player} (verify --ledger tells)`;
        problems.push({
          kind: 'unsettled',
          field: 'tx.rollback.status',
          recorded: 'pending',
          expected: 'done',
          message: `rollback ${rollback.ref} was never confirmed by the wallet; ${why}`,
        });
      }
    }
    if (balance.before === null || balance.after === null) {
      // The wallet could not tell: the next round starts a new run of balances for this player.
      if (balance.before !== null) this.continuity(player, balance.before, null, problems);
      else this.last.delete(player);
    } else {
      this.continuity(player, balance.before, balance.after, problems);
    }
    return problems;
  }

  /** A round `slotsim recover` settled: its balance before follows the player's last. */
  recovery(record: RecoveryRecord): MoneyProblem[] {
    const problems: MoneyProblem[] = [];
    this.continuity(record.player, record.balance.before, record.balance.after, problems);
    return problems;
  }

  private continuity(player: string, before: number, after: number | null, problems: MoneyProblem[]): void {
    const last = this.last.get(player);
    if (last !== undefined && before !== last) {
      problems.push({
        kind: 'money',
        field: 'balance.before',
        recorded: before,
        expected: last,
        message: `${player}'s balance before is not their balance after their previous round`,
      });
    }
    if (before < 0)
      problems.push({
        kind: 'money',
        field: 'balance.before',
        recorded: before,
        expected: '≥ 0',
        message: 'a negative balance',
      });
    if (after !== null && after < 0)
      problems.push({
        kind: 'money',
        field: 'balance.after',
        recorded: after,
        expected: '≥ 0',
        message: 'a negative balance',
      });
    if (after === null) this.last.delete(player);
    else this.last.set(player, after);
  }
}
