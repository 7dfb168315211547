import { refuseFormat2Mechanics } from '../engine/classic.js';
import { namedGameIdentity, type NamedGameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import type { RngName } from '../rng/index.js';
import { winBounds } from '../game/win-bounds.js';
import { clipInterval, interval, intervalProblem } from '../stats/confidence.js';
import { distributionTable } from '../stats/distribution.js';
import type { DistributionRow } from '../stats/distribution.js';
import { ratio } from '../stats/ratio.js';
import { runChunks } from './run-chunks.js';
import type { ChunkPoint, RunOptions } from './run-chunks.js';
import { roundSd } from './sim-stats.js';
import type { SimStats } from './sim-stats.js';

export interface SimulateOptions {
  /** The compiled game (validated on this thread; workers receive it as plain data). */
  readonly game: Game;
  readonly spins: number;
  readonly seed: string;
  readonly rng: RngName;
  /** Worker threads; 0 plays on the calling thread. */
  readonly threads: number;
  readonly onProgress?: (roundsDone: number) => void;
  readonly signal?: AbortSignal;
  /** The clock, for timings only (figures never depend on it). */
  readonly now?: () => number;
}

/** What `slotsim simulate` reports; the JSON keys of `--json` are the spec's. */
export interface SimulationReport {
  readonly game: NamedGameIdentity;
  readonly spins: number;
  readonly seed: string;
  readonly rng: RngName;
  readonly threads: number;
  readonly stake: number;
  readonly rtp: number;
  readonly components: {
    readonly lines: number;
    readonly scatter: number;
    readonly freeSpins: number;
    readonly bonus: number;
  };
  readonly hitFrequency: number;
  readonly sd: number;
  /**
   * RTP ± z·sd/√n, clipped to the RTP's possible range (0 to the largest round win ÷ stake). With
   * too few rounds to mean anything (`confidenceNote`), they are still computed but not shown.
   */
  readonly confidence: { readonly '95': [number, number]; readonly '99': [number, number] };
  /** Why the intervals mean nothing (`intervalProblem`: too few rounds, no spread seen), or null. */
  readonly confidenceNote: string | null;
  readonly freeSpins: { readonly triggers: number; readonly spins: number; readonly averageLength: number };
  readonly bonus: { readonly triggers: number };
  /** Largest round win seen, in credits. */
  readonly maxWinObserved: number;
  /** The same as a multiple of the stake. */
  readonly maxWinObservedX: number;
  readonly cap: { readonly maxWin: number | null; readonly hits: number };
  readonly distribution: readonly DistributionRow[];
  /** Credits won and staked, exactly (decimal strings: they can pass 2^53). */
  readonly totals: { readonly won: string; readonly staked: string };
  readonly elapsedSeconds: number;
  readonly spinsPerSecond: number;
  /** Rounds and win per chunk in play order, for convergence charts (not in `--json`). */
  readonly chunks: readonly ChunkPoint[];
}

export function summarise(
  options: Pick<SimulateOptions, 'game' | 'seed' | 'rng' | 'threads'>,
  stats: SimStats,
  chunks: readonly ChunkPoint[],
  elapsedSeconds: number,
): SimulationReport {
  const game = options.game;
  const stake = BigInt(game.betCredits);
  const staked = stats.rounds * stake;
  const rtp = ratio(stats.total, staked);
  const sd = roundSd(stats, game.betCredits);
  const n = Number(stats.rounds);
  const triggers = Number(stats.freeSpinsTriggers);
  const range: [number, number] = [0, winBounds(game).round / game.betCredits];
  const clipped = (level: 95 | 99): [number, number] => clipInterval(interval(rtp, sd, n, level), range);
  return {
    game: namedGameIdentity(game),
    spins: n,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    stake: game.betCredits,
    rtp,
    components: {
      lines: ratio(stats.lines, staked),
      scatter: ratio(stats.scatter, staked),
      freeSpins: ratio(stats.freeSpins, staked),
      bonus: ratio(stats.bonus, staked),
    },
    hitFrequency: ratio(stats.hits, stats.rounds),
    sd,
    confidence: { '95': clipped(95), '99': clipped(99) },
    confidenceNote: intervalProblem(n, sd),
    freeSpins: {
      triggers,
      spins: Number(stats.freeSpinsPlayed),
      averageLength: triggers > 0 ? Number(stats.freeSpinsPlayed) / triggers : 0,
    },
    bonus: { triggers: Number(stats.bonusTriggers) },
    maxWinObserved: stats.maxWin,
    maxWinObservedX: stats.maxWin / game.betCredits,
    cap: { maxWin: game.maxWin, hits: Number(stats.capHits) },
    distribution: distributionTable(stats.histogram, game.betCredits),
    totals: { won: stats.total.toString(), staked: staked.toString() },
    elapsedSeconds,
    spinsPerSecond: elapsedSeconds > 0 ? n / elapsedSeconds : 0,
    chunks,
  };
}

/** Monte Carlo over the worker pool: the figures depend on game, spins, seed and rng only. */
export function simulate(options: SimulateOptions): Promise<SimulationReport> {
  return simulateChunks(options, {});
}

/** `simulate`, with the chunk runner's optional per-round detail (see `detail-simulate.ts`). */
export async function simulateChunks(
  options: SimulateOptions,
  extra: Pick<RunOptions, 'detailRounds' | 'onChunk' | 'done' | 'select'>,
): Promise<SimulationReport> {
  // Checked here, on the calling thread: an error thrown inside a worker would lose its code.
  refuseFormat2Mechanics(options.game, 'the simulator');
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { stats, chunks, threads } = await runChunks({
    game: options.game,
    rounds: options.spins,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    ...extra,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return summarise({ ...options, threads }, stats, chunks, (now() - started) / 1000);
}
