import type { MoneyProblem } from './money-check.js';
import type { RecoveryRecord } from './record.js';

/** A credit or rollback a round or void record left pending, which a recovery record may settle. */
export interface PendingMovement {
  readonly roundId: string;
  readonly player: string;
  /** The line of the record that left it pending. */
  readonly line: number;
  readonly kind: 'credit' | 'rollback';
  /** The credit's amount; for a rollback, the debit it returns. */
  readonly amount: number;
  /** A rollback: the debit it returns, and whether the wallet confirmed that debit. */
  readonly debit?: { readonly ref: string; readonly done: boolean };
}

/**
 * What is wrong with a recovery record on its own and against what the log left pending: its
 * balance after must be its balance before moved by the movements it names, and its action must
 * settle what it says — a pending credit of the round paid in full, a pending rollback done with
 * the debit's amount (0 when closed), a lost round's stake returned, or a lost round whose money
 * had all moved.
 */
export function recoveryProblems(
  record: RecoveryRecord,
  pendingOf: (ref: string) => PendingMovement | undefined,
): MoneyProblem[] {
  const problems: MoneyProblem[] = [];
  const { debit, credit, rollback } = record.tx;
  const { before, after } = record.balance;
  const moved = -(debit?.amount ?? 0) + (credit?.amount ?? 0) + (rollback?.amount ?? 0);
  if (after !== before + moved) {
    problems.push({
      kind: 'money',
      field: 'balance.after',
      recorded: after,
      expected: before + moved,
      message: `balance after ≠ balance before ${before} − debit + credit + rollback (${moved >= 0 ? '+' : ''}${moved})`,
    });
  }
  const settles = (u: PendingMovement | undefined, ref: string | undefined): PendingMovement | undefined =>
    u !== undefined && u.roundId === record.roundId && ref !== undefined ? u : undefined;
  switch (record.action) {
    case 'paid': {
      const u = settles(credit === null ? undefined : pendingOf(credit.ref), credit?.ref);
      if (credit === null || u === undefined || u.kind !== 'credit' || credit.amount !== u.amount)
        problems.push({
          kind: 'money',
          field: 'tx.credit',
          recorded: credit,
          expected:
            u === undefined ? 'a pending credit of this round' : { ref: credit?.ref, amount: u.amount },
          message: 'recover paid a credit that no earlier record of the log left pending, or another amount',
        });
      break;
    }
    case 'refunded':
    case 'closed': {
      if (rollback === null) {
        problems.push({
          kind: 'money',
          field: 'tx.rollback',
          recorded: null,
          expected: 'a rollback',
          message: `a ${record.action} round names no rollback`,
        });
        break;
      }
      if (record.logged === 'none') {
        const expected = record.action === 'closed' ? 0 : (debit?.amount ?? null);
        if (rollback.amount !== expected)
          problems.push({
            kind: 'money',
            field: 'tx.rollback.amount',
            recorded: rollback.amount,
            expected,
            message: 'the rollback does not return the debit of the round',
          });
        break;
      }
      const u = settles(pendingOf(rollback.ref), rollback.ref);
      const expected = record.action === 'closed' ? 0 : u?.debit === undefined ? null : u.amount;
      if (u === undefined || u.kind !== 'rollback' || rollback.amount !== expected)
        problems.push({
          kind: 'money',
          field: 'tx.rollback',
          recorded: rollback,
          expected:
            u === undefined ? 'a pending rollback of this round' : { ref: rollback.ref, amount: expected },
          message: 'recover returned a stake that no earlier record left pending, or another amount',
        });
      break;
    }
    case 'settled':
      if (record.logged !== 'none' || debit === null)
        problems.push({
          kind: 'money',
          field: 'action',
          recorded: record.action,
          expected: 'a round lost with its debit',
          message: 'only a round whose record was lost, debit and all, is settled as it stands',
        });
      break;
    default: {
      const unknown: never = record.action;
      throw new Error(`unknown recovery action ${String(unknown)}`);
    }
  }
  return problems;
}
