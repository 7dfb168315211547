import { format2Mechanics } from '../engine/classic.js';
import { namedGameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import { exactAnalysis, FULL_CYCLE_LIMIT } from '../math/analyze.js';
import type { ExactAnalysisOptions } from '../math/analyze.js';
import type { DetailSimulateOptions } from '../sim/detail-simulate.js';
import type { Analysis } from '../math/index.js';
import { simulatedAnalysis } from '../math/simulated-analysis.js';
import type { RngName } from '../rng/index.js';
import { simulateWithDetail } from '../sim/detail-simulate.js';
import { VERSION } from '../version.js';
import { buildCertifyReport } from './build-report.js';
import type { CertifyReport } from './report-types.js';

/** The default simulation of a certification run. */
export const CERTIFY_DEFAULTS = {
  spins: 100_000_000,
  /** Rounds played with per-round detail for the combination, reel-stop and serial tests. */
  detailSpins: 10_000_000,
  /** Cycles up to this many stop combinations are enumerated for the exact sd and distribution. */
  fullCycleLimit: FULL_CYCLE_LIMIT,
} as const;

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

/**
 * A certification run: the exact analysis, a simulation (its first `detailSpins` rounds with
 * per-round detail), the statistical tests and verdicts — all as data (`CertifyReport`). A game
 * using a format-2 mechanic has no exact analysis yet (issue 11): its figures are this run's
 * simulated ones, labelled so, and the verdicts that need exact figures are N/A with the reason.
 */
export async function certify(options: CertifyOptions): Promise<CertifyReport> {
  const { game } = options;
  const mechanics = format2Mechanics(game);
  const started = performance.now();
  const exact = mechanics.length === 0 ? await certifyAnalysis(options) : null;
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
  const analysis: Analysis = exact ?? simulatedAnalysis(game, report, mechanics.join(', '));
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
