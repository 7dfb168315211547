import { availableParallelism } from 'node:os';
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
import { format2Mechanic } from '../engine/classic.js';
import { analyzeFormat2 } from './format2/analyze-format2.js';
import { paidSpinCycle } from './paid-spin.js';
import { rtpRanges, volatilityIndex } from './volatility.js';

/** The documented defaults of the simulation that stands in for figures a binding cap makes inexact. */
export const CAP_SIMULATION = {
  spins: 10_000_000,
  seed: 'slotsim-analyze-cap',
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
   * Format 2: spins (heights × stops combinations, value paths included) the enumeration may visit
   * before the figures that need it are simulated (default `SPIN_BUDGET`, 2 × 10⁹).
   */
  readonly budget?: number;
  /**
   * Format 2: overrides of the simulation standing in for the figures the exact analysis cannot
   * give (defaults: FORMAT2_SIMULATION).
   */
  readonly simulation?: { readonly spins?: number; readonly seed?: string; readonly rng?: RngName };
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
  // A game with a format-2 mechanic: its own analysis (the classic one refuses it).
  if (format2Mechanic(game) !== null) {
    if (options.fullCycle === true) {
      throw new SlotsimError(
        'BAD_INPUT',
        `--full-cycle: analyze enumerates the spins of a game using ${format2Mechanic(game)} by itself (--budget), without --full-cycle (game "${game.id}")`,
      );
    }
    const sim = options.simulation ?? options.capSimulation;
    return analyzeFormat2(game, {
      threads,
      ...(options.budget === undefined ? {} : { budget: options.budget }),
      ...(options.roundBudget === undefined ? {} : { roundBudget: options.roundBudget }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      simulation: {
        ...(sim?.spins === undefined ? {} : { rounds: sim.spins }),
        ...(sim?.seed === undefined ? {} : { seed: sim.seed }),
        ...(sim?.rng === undefined ? {} : { rng: sim.rng }),
      },
    });
  }
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
