/** The production path: the round service and the wallet it moves money through. */
export { RoundService, roundRefs } from './round-service.js';
export type {
  PendingTransaction,
  RoundRefusal,
  RoundRequest,
  RoundResult,
  RoundServiceOptions,
  Session,
} from './round-service.js';
export type { RefusalReason, RollbackRequest, TransferRequest, Wallet, WalletResult } from './wallet.js';
export { LedgerWallet, type LedgerWalletOptions } from './ledger-wallet.js';
export { KeyedMutex } from './keyed-mutex.js';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export {
  runPlay,
  assertNewFiles,
  defaultLedgerPath,
  roundsOfPlayer,
  type PlayReport,
  type PlayRunOptions,
} from './play-run.js';
