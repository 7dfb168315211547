import { SlotsimError } from '../errors.js';

/**
 * The wallet a round service moves money through. Every operation is idempotent by its
 * transaction reference: repeating a reference with the same request returns the first result
 * (with `replayed: true`) and moves no money, so a call that timed out can always be retried.
 *
 * A business refusal (insufficient funds, a reference reused for another request) is a result;
 * a failure of the wallet itself (unreachable, I/O) rejects the promise, and the caller retries —
 * unless it is a `WalletUnavailableError`: the wallet cannot work any more, and the caller stops.
 */

export interface TransferRequest {
  /** Transaction reference: the idempotency key, unique per movement. */
  readonly ref: string;
  readonly player: string;
  /** Credits, a positive whole number. */
  readonly amount: number;
}

export interface RollbackRequest {
  readonly ref: string;
  readonly player: string;
  /** The reference of the debit to return. */
  readonly of: string;
}

export type RefusalReason =
  /** The balance is below the debit. */
  | 'insufficient-funds'
  /** The reference was already used for a different request. */
  | 'reference-conflict'
  /** A debit whose reference was rolled back before it arrived. */
  | 'rolled-back'
  /** The debit was already returned under another rollback reference. */
  | 'already-rolled-back'
  /** Not a positive whole number of credits, or a balance past 2^53. */
  | 'invalid-amount';

export type WalletResult =
  | {
      readonly status: 'ok';
      readonly ref: string;
      /** Credits moved (a rollback of an unknown debit moves 0). */
      readonly amount: number;
      /** The player's balance right after this movement. */
      readonly balance: number;
      /** True when this is a repeat of an earlier request with the same reference. */
      readonly replayed: boolean;
    }
  | { readonly status: 'refused'; readonly reason: RefusalReason; readonly message: string };

export interface Wallet {
  debit(request: TransferRequest): Promise<WalletResult>;
  credit(request: TransferRequest): Promise<WalletResult>;
  /** Returns a debit; of an unknown debit, closes its reference so a late debit is refused. */
  rollback(request: RollbackRequest): Promise<WalletResult>;
  balance(player: string): Promise<number>;
}

/**
 * A wallet that can no longer work at all — its store failed (a disk full, a file that cannot be
 * written): retrying cannot help, so the caller stops instead of voiding round after round. The
 * message carries the path and the operating system's reason.
 */
export class WalletUnavailableError extends SlotsimError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BAD_FILE', message, options);
    this.name = 'WalletUnavailableError';
  }
}

export function isWalletUnavailable(error: unknown): error is WalletUnavailableError {
  return error instanceof WalletUnavailableError;
}
