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
  /** The bet mode played ("base": the game as written). */
  readonly mode: string;
  /** Credits staked per round: the mode's cost (`bet.credits` for "base"). */
  readonly cost: number;
  /** The same as `cost`: every figure is per credit staked in the mode. */
  readonly stake: number;
  readonly rtp: number;
  readonly components: {
    /** The paid spin's pay wins, of any evaluation kind (lines, ways, cluster or anywhere). */
    readonly lines: number;
    readonly scatter: number;
    readonly freeSpins: number;
    readonly bonus: number;
    readonly holdAndWin: number;
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
  readonly holdAndWin: { readonly triggers: number };
  /**
   * The sd of each part of one round (× stake) and of the free spins a triggered round plays, from
   * exact sums of squares: known on the format-2 path (for a simulated analysis's intervals); null
   * for a classic game, whose exact analysis gives them.
   */
  readonly componentSd: SimulatedComponentSd | null;
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

export interface SimulatedComponentSd {
  readonly lines: number;
  readonly scatter: number;
  readonly freeSpins: number;
  readonly bonus: number;
  readonly holdAndWin: number;
  /** Of the free spins a triggered round plays (per trigger, not × stake). */
  readonly spinsPerTrigger: number;
}

/** The population sd of a part with sum `sum` and sum of squares `squares` over `n` trials. */
function sdOf(sum: bigint, squares: bigint, n: bigint): number {
  if (n === 0n) return 0;
  return Math.sqrt(Math.max(ratio(n * squares - sum * sum, n * n), 0));
}

function componentSd(stats: SimStats, stake: number): SimulatedComponentSd | null {
  const q = stats.squares;
  if (q === null) return null;
  const n = stats.rounds;
  return {
    lines: sdOf(stats.lines, q.lines, n) / stake,
    scatter: sdOf(stats.scatter, q.scatter, n) / stake,
    freeSpins: sdOf(stats.freeSpins, q.freeSpins, n) / stake,
    bonus: sdOf(stats.bonus, q.bonus, n) / stake,
    holdAndWin: sdOf(stats.holdAndWin, q.holdAndWin, n) / stake,
    spinsPerTrigger: sdOf(stats.freeSpinsPlayed, q.freeSpinsPlayed, stats.freeSpinsTriggers),
  };
}

export function summarise(
  options: Pick<SimulateOptions, 'game' | 'seed' | 'rng' | 'threads'>,
  stats: SimStats,
  chunks: readonly ChunkPoint[],
  elapsedSeconds: number,
): SimulationReport {
  const game = options.game;
  // A round stakes its mode's cost: every figure is per credit staked in the mode.
  const cost = game.cost;
  const staked = stats.rounds * BigInt(cost);
  const rtp = ratio(stats.total, staked);
  const sd = roundSd(stats, cost);
  const n = Number(stats.rounds);
  const triggers = Number(stats.freeSpinsTriggers);
  const range: [number, number] = [0, winBounds(game).round / cost];
  const clipped = (level: 95 | 99): [number, number] => clipInterval(interval(rtp, sd, n, level), range);
  return {
    game: namedGameIdentity(game),
    spins: n,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    mode: game.mode,
    cost,
    stake: cost,
    rtp,
    components: {
      lines: ratio(stats.lines, staked),
      scatter: ratio(stats.scatter, staked),
      freeSpins: ratio(stats.freeSpins, staked),
      bonus: ratio(stats.bonus, staked),
      holdAndWin: ratio(stats.holdAndWin, staked),
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
    holdAndWin: { triggers: Number(stats.holdAndWinTriggers) },
    componentSd: componentSd(stats, cost),
    maxWinObserved: stats.maxWin,
    maxWinObservedX: stats.maxWin / cost,
    cap: { maxWin: game.maxWin, hits: Number(stats.capHits) },
    distribution: distributionTable(stats.histogram, cost),
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
