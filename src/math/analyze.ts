import { availableParallelism } from 'node:os';
import { format2Mechanic, format2Mechanics } from '../engine/classic.js';
import type { Game } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { DEFAULT_SIM_RNG } from '../rng/index.js';
import type { RngName } from '../rng/index.js';
import { simulate } from '../sim/simulate.js';
import type { SimulationReport } from '../sim/simulate.js';
import type { Analysis, Figure, PaidSpinCycle } from './analysis-types.js';
import { analyzeGameCancellable } from './analyze-cancellable.js';
import { enumerateCycles, enumerationProblem, enumerationSize } from './cycle-run.js';
import type { CycleEnumeration, EnumerateOptions } from './cycle-run.js';
import { INLINE_LIMIT } from './analyze-game.js';
import { paidSpinCycle } from './paid-spin.js';
import { simulatedAnalysis } from './simulated-analysis.js';
import { rtpRanges, volatilityIndex } from './volatility.js';

/** The documented defaults of the simulation that stands in for figures a binding cap makes inexact. */
export const CAP_SIMULATION = {
  spins: 10_000_000,
  seed: 'slotsim-analyze-cap',
  rng: DEFAULT_SIM_RNG,
} as const;

/**
 * The documented defaults of the simulation that gives every figure of a game the exact analysis
 * does not cover yet (a format-2 mechanic: issue 11). `--sim-spins` and `--sim-seed` change them.
 */
export const ANALYZE_SIMULATION = {
  spins: 10_000_000,
  seed: 'slotsim-analyze',
  rng: DEFAULT_SIM_RNG,
} as const;

export interface FullCycleOptions {
  /** Worker threads (0: on the calling thread). */
  readonly threads: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Every stop combination of the paid spin (and of the free spins' reel set) enumerated. */
export interface FullCycle {
  /** The paid spin's own figures (features excluded): exact hit frequency, distribution, sd. */
  readonly paidSpin: PaidSpinCycle;
  /** The raw exact histograms, for `analyzeGame(game, { enumeration })`. */
  readonly enumeration: CycleEnumeration;
}

/** Enumerates the full cycle over the worker pool; figures merged exactly (bigint) in task order. */
export async function fullCycle(game: Game, options: FullCycleOptions): Promise<FullCycle> {
  const enumeration = await enumerateCycles(game, options);
  return { paidSpin: paidSpinCycle(game, enumeration), enumeration };
}

export interface AnalyzeOptions {
  /** Enumerate the full cycle on the pool (else only small cycles are, inline). */
  readonly fullCycle?: boolean;
  /** Worker threads for the full cycle and the cap simulation (default: every core). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The game file's text and name. When the max-win cap can bind, the figures it affects are
   * simulated from them (the simulator compiles the game in its workers); without a source they
   * stay marked `uncapped`.
   */
  readonly source?: { readonly text: string; readonly file: string };
  /** Multiply-adds the capped figures' dynamic programme may cost (default ROUND_DISTRIBUTION_BUDGET). */
  readonly roundBudget?: number;
  /** Overrides of the cap simulation's rounds, seed and generator (defaults: CAP_SIMULATION). */
  readonly capSimulation?: { readonly spins?: number; readonly seed?: string; readonly rng?: RngName };
  /** A resumed or sharded enumeration's parts (`EnumerateOptions`: `done`, `onPart`). */
  readonly cycles?: Pick<EnumerateOptions, 'done' | 'onPart'>;
  /**
   * Overrides of the simulation of a game the exact analysis does not cover yet (defaults:
   * ANALYZE_SIMULATION), and its progress (rounds done of `spins`).
   */
  readonly simulation?: { readonly spins?: number; readonly seed?: string; readonly rng?: RngName };
  readonly onSimulationProgress?: (done: number, total: number) => void;
}

function simulated(value: number, interval99?: readonly [number, number]): Figure {
  return { value, exact: null, precision: 'simulated', ...(interval99 === undefined ? {} : { interval99 }) };
}

/** Replaces every figure the cap made inexact by the simulation's. */
export function withCapSimulation(analysis: Analysis, report: SimulationReport): Analysis {
  const pick = (figure: Figure, value: number, interval99?: readonly [number, number]): Figure =>
    figure.precision === 'uncapped' ? simulated(value, interval99) : figure;
  const n = report.spins;
  const sd =
    analysis.sd === null || analysis.sd.precision === 'uncapped' ? simulated(report.sd) : analysis.sd;
  const rtp = pick(analysis.rtp, report.rtp, report.confidence['99']);
  const c = analysis.components;
  const triggers = report.freeSpins.triggers;
  return {
    ...analysis,
    rtp,
    components: {
      lines: pick(c.lines, report.components.lines),
      scatter: pick(c.scatter, report.components.scatter),
      freeSpins: pick(c.freeSpins, report.components.freeSpins),
      bonus: pick(c.bonus, report.components.bonus),
    },
    pFreeSpinsTrigger: pick(analysis.pFreeSpinsTrigger, triggers / n),
    pBonusTrigger: pick(analysis.pBonusTrigger, report.bonus.triggers / n),
    expectedFreeSpinsPerTrigger:
      analysis.expectedFreeSpinsPerTrigger === null
        ? null
        : pick(analysis.expectedFreeSpinsPerTrigger, triggers > 0 ? report.freeSpins.spins / triggers : 0),
    sd,
    volatility: volatilityIndex(sd.value),
    rtpRanges: rtpRanges(rtp.value, sd.value),
    notes: [
      ...analysis.notes,
      `figures marked "simulated" come from ${n.toLocaleString('en-US')} simulated rounds (seed "${report.seed}", ${report.rng}); RTP 99% interval ${report.confidence['99'].map((x) => x.toFixed(6)).join(' … ')}`,
    ],
    simulation: {
      spins: n,
      seed: report.seed,
      rng: report.rng,
      threads: report.threads,
      elapsedSeconds: report.elapsedSeconds,
    },
  };
}

/** Cycles up to this many stop combinations are enumerated on the pool when a figure needs them. */
export const FULL_CYCLE_LIMIT = 2_000_000_000;

export interface ExactAnalysisOptions {
  /** Worker threads for an enumeration (0: on the calling thread). */
  readonly threads: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * When to enumerate the full cycle on the pool (small cycles are always enumerated inline):
   * `always` (`--full-cycle`), `up-to-limit` (certify: whenever it has at most `fullCycleLimit`
   * stop combinations), or `when-capped` (analyze, check: only for a game with a max-win cap, up
   * to the limit, so that the cap's figures are exact and the same as certify's).
   */
  readonly enumerate: 'always' | 'up-to-limit' | 'when-capped';
  readonly fullCycleLimit?: number;
  /** Also compute the whole round's win distribution (see `AnalyzeGameOptions.wholeRound`). */
  readonly wholeRound?: boolean;
  readonly roundBudget?: number;
  /** A resumed or sharded enumeration's parts (`EnumerateOptions`: `done`, `onPart`). */
  readonly cycles?: Pick<EnumerateOptions, 'done' | 'onPart'>;
}

/**
 * Whether `exactAnalysis` enumerates the full cycle on the pool (rather than inline, or not at all)
 * for `enumerate` and `fullCycleLimit` — decided from the game alone, so a shard knows without
 * analysing whether it has a share of an enumeration to do.
 */
export function enumeratesOnPool(
  game: Game,
  options: Pick<ExactAnalysisOptions, 'enumerate' | 'fullCycleLimit'>,
): boolean {
  if (options.enumerate === 'always') return true;
  const size = enumerationSize(game);
  const inline = size <= INLINE_LIMIT && enumerationProblem(game) === null;
  return (
    !inline &&
    size <= (options.fullCycleLimit ?? FULL_CYCLE_LIMIT) &&
    (options.enumerate === 'up-to-limit' || game.maxWinCredits !== null)
  );
}

/**
 * The exact analysis as every command makes it: `analyzeGame`, with the full cycle enumerated on
 * the pool when `options.enumerate` asks for it. `analyze`, `certify` and `check` all go through
 * here, so a figure two of them show is computed the same way from the same enumeration.
 */
export async function exactAnalysis(game: Game, options: ExactAnalysisOptions): Promise<Analysis> {
  const extra = {
    ...(options.wholeRound === undefined ? {} : { wholeRound: options.wholeRound }),
    ...(options.roundBudget === undefined ? {} : { roundBudget: options.roundBudget }),
  };
  // On a worker thread when there is a signal, so Ctrl-C stops a long analysis at once.
  const quick = await analyzeGameCancellable(
    game,
    options.enumerate === 'always' ? { inlineLimit: 0, ...extra } : extra,
    options.signal,
  );
  if (!enumeratesOnPool(game, options)) return quick;
  const enumeration = await enumerateCycles(game, {
    ...options.cycles,
    threads: options.threads,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return analyzeGameCancellable(game, { enumeration, ...extra }, options.signal);
}

/**
 * The whole analysis: `exactAnalysis` (the full cycle enumerated on the pool when asked, or when
 * the game has a max-win cap), and a simulation standing in for the figures a binding cap leaves
 * inexact — only when the capped figures could not be computed exactly (a cycle or a state space
 * too large).
 */
export async function analyze(game: Game, options: AnalyzeOptions = {}): Promise<Analysis> {
  const threads = options.threads ?? availableParallelism();
  const mechanic = format2Mechanic(game);
  if (mechanic !== null) return simulatedOnly(game, mechanic, threads, options);
  const analysis = await exactAnalysis(game, {
    threads,
    enumerate: options.fullCycle === true ? 'always' : 'when-capped',
    ...(options.cycles === undefined ? {} : { cycles: options.cycles }),
    ...(options.roundBudget === undefined ? {} : { roundBudget: options.roundBudget }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  if (analysis.exact || options.source === undefined) return { ...analysis, mode: game.mode };
  const spec = { ...CAP_SIMULATION, ...options.capSimulation };
  const report = await simulate({
    game,
    spins: spec.spins,
    seed: spec.seed,
    rng: spec.rng,
    threads,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { ...withCapSimulation(analysis, report), mode: game.mode };
}

/**
 * A game using a format-2 mechanic, which the exact analysis does not cover yet (issue 11): every
 * figure from a simulation of ANALYZE_SIMULATION's rounds (or `options.simulation`'s), labelled so.
 */
async function simulatedOnly(
  game: Game,
  mechanic: string,
  threads: number,
  options: AnalyzeOptions,
): Promise<Analysis> {
  if (options.fullCycle === true) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--full-cycle: the full-cycle enumeration does not support ${mechanic} yet (game "${game.id}"); analyze without it simulates every figure`,
    );
  }
  const spec = { ...ANALYZE_SIMULATION, ...options.simulation };
  const report = await simulate({
    game,
    spins: spec.spins,
    seed: spec.seed,
    rng: spec.rng,
    threads,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onSimulationProgress === undefined
      ? {}
      : { onProgress: (done: number) => options.onSimulationProgress?.(done, spec.spins) }),
  });
  return simulatedAnalysis(game, report, format2Mechanics(game).join(', '));
}
