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
export { parseGame, loadGame, readGameFile, listVariants } from './game/index.js';
export { simulate } from './sim/simulate.js';
export type { SimulateOptions, SimulationReport } from './sim/simulate.js';
export { SlotsimError, isSlotsimError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { VERSION } from './version.js';
