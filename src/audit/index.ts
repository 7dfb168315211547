/** Audit records, the hash chain, the log writer, and `verify`'s streaming verifier. */
export {
  AUDIT_FORMAT,
  CHAIN_MODES,
  RECORD_TYPES,
  domainOf,
  type ChainMode,
  type RecordType,
} from './format.js';
export type {
  AuditRecord,
  Balances,
  CreditStatus,
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
export { canonicalJson } from './canonical-json.js';
export { ChainHasher, keyIdOf, hashEquals, MIN_HMAC_KEY_BYTES } from './chain-hasher.js';
export { sealRecord, type SealedRecord } from './seal-record.js';
export {
  buildEndRecord,
  buildHeader,
  buildRoundRecord,
  buildVoidRecord,
  drawPairs,
  type HeaderInput,
  type RoundInput,
  type VoidInput,
} from './record-builder.js';
export { loggedGameIdentity, modeOf } from './logged-game.js';
export { AuditChain, type ChainedRecord } from './audit-chain.js';
export { AuditLogWriter, type AuditLogOptions, type AuditSink } from './audit-log-writer.js';
export { DurableAppender, type AppenderOptions } from './durable-appender.js';
export { decodeRecord, type DecodeResult, type FieldProblem } from './decode-record.js';
export {
  FINDING_KINDS,
  categoryOf,
  describeFindingKind,
  type Finding,
  type FindingCategory,
  type FindingKind,
} from './finding.js';
export {
  LEDGER_ENTRY_TYPES,
  decodeLedgerEntry,
  directionOf,
  formatLedgerEntry,
  isGameTransaction,
  type LedgerEntry,
  type LedgerEntryType,
} from './ledger-format.js';
export type { LedgerSummary } from './ledger-index.js';
export { GameVariants, type GameFileInput } from './game-variants.js';
export {
  replayDraws,
  replayRecord,
  type DrawReplay,
  type ReplayResult,
  type ReplayProblem,
} from './replay-record.js';
export type { ExactRtp, RtpFigures } from './rtp-tally.js';
export type { WatchedRound } from './log-verifier.js';
export { verifyAuditLog, type VerifyOptions, type VerifyReport } from './verify-log.js';
export { readHmacKeyFile } from './hmac-key-file.js';
