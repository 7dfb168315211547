/**
 * slotsim as a library: the pure engine and its RNG interface (what a game server runs), the game
 * loader, the simulator, and the exact analysis.
 */
export * from './engine/index.js';
export type { Rng, RngName, Draw } from './rng/index.js';
export {
  createRng,
  createProductionRng,
  RecordingRng,
  ReplayRng,
  RNG_NAMES,
  DEFAULT_SIM_RNG,
  randomSeed,
} from './rng/index.js';
export { parseGame, loadGame, readGameFile, listVariants, listModes } from './game/index.js';
export { simulate } from './sim/simulate.js';
export type { SimulateOptions, SimulationReport } from './sim/simulate.js';
export { SlotsimError, isSlotsimError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { VERSION } from './version.js';

// Exact analysis and the PAR sheet.
export { analyze, analyzeGame, fullCycle, classifySpin, classifyWindow } from './math/index.js';
export type { Analysis, AnalyzeOptions, FullCycle } from './math/index.js';

// The certification report and the CI gate.
export { certify } from './certify/certify.js';
export type { CertifyOptions } from './certify/certify.js';
export type { CertifyReport } from './certify/report-types.js';
export { checkGame } from './check/check-game.js';
export { resolveTarget } from './check/resolve-target.js';
export type { CheckResult, CheckReport } from './check/check-types.js';

// The production path: round service, ledger wallet, audit log and its verifier.
export { RoundService, LedgerWallet, runPlay } from './service/index.js';
export type { Wallet, RoundResult, RoundServiceOptions } from './service/index.js';
export { AuditLogWriter, verifyAuditLog, canonicalJson, FINDING_KINDS } from './audit/index.js';
export type { VerifyOptions, VerifyReport, Finding } from './audit/index.js';
