import { format2Mechanics } from '../engine/classic.js';
import { namedGameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import { exactAnalysis, FULL_CYCLE_LIMIT } from '../math/analyze.js';
import type { ExactAnalysisOptions } from '../math/analyze.js';
import type { DetailSimulateOptions } from '../sim/detail-simulate.js';
import type { Analysis } from '../math/index.js';
import { simulatedAnalysis } from '../math/simulated-analysis.js';
import { analyzeFormat2 } from '../math/format2/analyze-format2.js';
import type { RngName } from '../rng/index.js';
import { simulateWithDetail } from '../sim/detail-simulate.js';
import { VERSION } from '../version.js';
import { buildCertifyReport } from './build-report.js';
import { withExactFigures } from './format2-figures.js';
import type { CertifyReport } from './report-types.js';

/** The default simulation of a certification run. */
export const CERTIFY_DEFAULTS = {
  spins: 100_000_000,
  /** Rounds played with per-round detail for the combination, reel-stop and serial tests. */
  detailSpins: 10_000_000,
  /** Cycles up to this many stop combinations are enumerated for the exact sd and distribution. */
  fullCycleLimit: FULL_CYCLE_LIMIT,
} as const;

/**
 * Rounds of the format-2 analysis's own stand-in simulation when certify runs it: none of its
 * simulated figures is used (certify's own simulation gives them), so it is kept token-sized.
 */
const FORMAT2_TOKEN_ROUNDS = 1_000;

export type CertifyPhase = 'full-cycle' | 'simulation';

export interface CertifyOptions {
  readonly game: Game;
  readonly file: string;
  readonly spins: number;
  readonly seed: string;
  readonly rng: RngName;
  readonly threads: number;
  readonly detailSpins: number;
  /** The command line that reproduces the run (see `certifyCommand`). */
  readonly command: string;
  /** The production RNG's certificate reference and battery results (`--rng-certificate`), or null. */
  readonly rngCertificate?: string | null;
  readonly date: Date;
  readonly fullCycleLimit?: number;
  /** Format 2: spins the exact analysis may enumerate (default `SPIN_BUDGET`, 2 × 10⁹). */
  readonly budget?: number;
  readonly signal?: AbortSignal;
  /** Progress: the phase, work done and its total (stop combinations, then rounds). */
  readonly onProgress?: (phase: CertifyPhase, done: number, total: number) => void;
  /** A resumed or sharded run's work already done, and what records it (`src/shard`). */
  readonly hooks?: {
    readonly cycles?: ExactAnalysisOptions['cycles'];
    readonly chunks?: DetailSimulateOptions['chunkHooks'];
  };
}

/** The exact analysis, with the full cycle enumerated (on the pool) when it is not too large. */
function certifyAnalysis(options: CertifyOptions): Promise<Analysis> {
  return exactAnalysis(options.game, {
    threads: options.threads,
    enumerate: 'up-to-limit',
    fullCycleLimit: options.fullCycleLimit ?? CERTIFY_DEFAULTS.fullCycleLimit,
    wholeRound: true,
    ...(options.hooks?.cycles === undefined ? {} : { cycles: options.hooks.cycles }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (done, total) => options.onProgress?.('full-cycle', done, total),
  });
}

/** A format-2 game's exact analysis within its budget (`analyzeFormat2`), on the pool. */
function format2Analysis(options: CertifyOptions): Promise<Analysis> {
  return analyzeFormat2(options.game, {
    threads: options.threads,
    ...(options.budget === undefined ? {} : { budget: options.budget }),
    simulation: { rounds: FORMAT2_TOKEN_ROUNDS, seed: options.seed, rng: options.rng },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (done, total) => options.onProgress?.('full-cycle', done, total),
  });
}

/**
 * A certification run: the exact analysis, a simulation (its first `detailSpins` rounds with
 * per-round detail), the statistical tests and verdicts — all as data (`CertifyReport`). A game
 * using a format-2 mechanic gets its tables (reel sets, observed combinations, distribution) from
 * this run's simulation, and every headline figure the format-2 exact analysis gives (the RTP and
 * its parts, sd, hit frequency, trigger rates) from that analysis, each with its label; the
 * verdicts use the exact RTP when there is one, and are N/A with the reason when they need exact
 * figures that are missing (`withExactFigures`).
 */
export async function certify(options: CertifyOptions): Promise<CertifyReport> {
  const { game } = options;
  const mechanics = format2Mechanics(game);
  const started = performance.now();
  const exact = mechanics.length === 0 ? await certifyAnalysis(options) : null;
  const format2 = mechanics.length === 0 ? null : await format2Analysis(options);
  const analysisSeconds = (performance.now() - started) / 1000;
  const { report, detail, histogram } = await simulateWithDetail({
    game,
    spins: options.spins,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    detailRounds: Math.min(options.detailSpins, options.spins),
    ...(options.hooks?.chunks === undefined ? {} : { chunkHooks: options.hooks.chunks }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (done) => options.onProgress?.('simulation', done, options.spins),
  });
  const analysis: Analysis =
    exact ?? withExactFigures(simulatedAnalysis(game, report, mechanics.join(', ')), format2!);
  return buildCertifyReport({
    game,
    analysis,
    simulation: report,
    detail,
    histogram,
    analysisSeconds,
    identification: {
      game: { ...namedGameIdentity(game), file: options.file },
      mode: game.mode,
      cost: game.cost,
      slotsimVersion: VERSION,
      rng: options.rng,
      seed: options.seed,
      rounds: options.spins,
      detailRounds: detail.rounds,
      threads: options.threads,
      date: options.date.toISOString(),
      command: options.command,
      rngCertificate: options.rngCertificate ?? null,
    },
  });
}
