/**
 * Exact analysis of slotsim games: per-reel distributions, full-cycle enumeration, PAR tables.
 *
 * - `analyzeGame(game, options?)` — synchronous, data only: RTP and its parts, triggers, expected
 *   free spins, PAR tables; the round's sd and hit frequency when the cycles are small enough to
 *   enumerate inline or an enumeration is passed in.
 * - `fullCycle(game, { threads, signal? })` — enumerates every stop combination on the worker pool.
 * - `exactAnalysis(game, options)` — `analyzeGame` with the full cycle enumerated on the pool when asked
 *   or when the game has a max-win cap: what analyze, certify and check all use.
 * - `analyze(game, options)` — that, plus a simulation for capped figures that could not be computed.
 * - `roundDistribution(game, enumeration, options)` — the whole round's exact win distribution (the
 *   capped figures, certify's exact column), within a budget of multiply-adds.
 * - `classifyWindow` / `classifySpin` — a spin's paying combinations as `Combination.key`s.
 */
export type * from './analysis-types.js';
export { analyzeGame, INLINE_LIMIT } from './analyze-game.js';
export type { AnalyzeGameOptions } from './analyze-game.js';
export {
  analyze,
  exactAnalysis,
  fullCycle,
  withCapSimulation,
  CAP_SIMULATION,
  FULL_CYCLE_LIMIT,
} from './analyze.js';
export type { AnalyzeOptions, ExactAnalysisOptions, FullCycle, FullCycleOptions } from './analyze.js';
export { roundDistribution, ROUND_DISTRIBUTION_BUDGET } from './round-distribution.js';
export type { RoundDistribution, RoundDistributionOptions, TooLarge } from './round-distribution.js';
export { exactDistributionRows } from './round-table.js';
export type { ExactBucketRow } from './round-table.js';
export { prizeDistribution } from './prize-distribution.js';
export { tableLimit } from './analyze-game.js';
export { enumerateCycles, enumerateInline, enumerationSize } from './cycle-run.js';
export type {
  CycleEnumeration,
  CycleHistogram,
  SpinClass,
  OverCapSpin,
  EnumerateOptions,
} from './cycle-run.js';
export { classifyWindow, classifySpin } from './classify.js';
export { prizeMoments, bonusTriggerHits } from './bonus.js';
export type { PrizeMoments } from './bonus.js';
export { freeSpinsChain } from './free-spins-chain.js';
export type { ChainResult, RetriggerClass } from './free-spins-chain.js';
export { frac, toNumber, toText, toJson, equals } from './fraction.js';
export type { Fraction, FractionJson } from './fraction.js';
export { volatilityIndex, rtpRanges, RANGE_ROUNDS } from './volatility.js';
