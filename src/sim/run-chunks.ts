import type { Game } from '../engine/model.js';
import type { RngName } from '../rng/index.js';
import { SlotsimError } from '../errors.js';
import type { ChunkStats } from './chunk-stats.js';
import { availableParallelism } from 'node:os';
import { planChunks, poolThreads } from './plan.js';
import { createPool } from './pool.js';
import { runOrdered } from './run-ordered.js';
import { addChunk, emptySimStats } from './sim-stats.js';
import type { SimStats } from './sim-stats.js';
import { compileSim } from './sim-game.js';
import { runChunkOn } from './worker.js';
import type { ChunkTask, ChunkWorkerData } from './worker.js';

export interface RunOptions {
  readonly game: Game;
  readonly rounds: number;
  readonly seed: string;
  readonly rng: RngName;
  /** Worker threads; 0 plays every chunk on the calling thread (same figures, no pool). */
  readonly threads: number;
  readonly onProgress?: (roundsDone: number) => void;
  readonly signal?: AbortSignal;
  /** Optional (certify only): play the first `detailRounds` rounds with per-round detail. */
  readonly detailRounds?: number;
  /** Called with every chunk's statistics, in chunk order. */
  readonly onChunk?: (chunk: ChunkStats) => void;
  /**
   * Chunks already played (a checkpoint, or the partials of a sharded run: `src/shard`), in chunk
   * order from the first chunk `select` keeps: merged first, exactly as if just played, and not
   * played again.
   */
  readonly done?: Iterable<ChunkStats>;
  /** Play (and merge) only the chunks this keeps: a shard's share (`src/shard`). Default: all. */
  readonly select?: (index: number) => boolean;
}

export interface ChunkPoint {
  readonly rounds: number;
  /** Credits won in the chunk, exactly. */
  readonly total: bigint;
}

export interface RunResult {
  readonly stats: SimStats;
  /** The worker threads the run used (`poolThreads`: never more than its chunks); 0 on the calling thread. */
  readonly threads: number;
  /** Rounds and total win of every chunk, in chunk order (for convergence charts). */
  readonly chunks: readonly ChunkPoint[];
}

/**
 * Plays every chunk of the plan, on a pool of `threads` workers, and merges the chunk statistics
 * in chunk order. At most two tasks per thread are in flight, so memory stays flat however many
 * rounds are asked for.
 */
export async function runChunks(options: RunOptions): Promise<RunResult> {
  const stats = emptySimStats();
  const points: ChunkPoint[] = [];
  let done = 0;
  const merge = (chunk: ChunkStats): void => {
    addChunk(stats, chunk);
    options.onChunk?.(chunk);
    points.push({ rounds: chunk.rounds, total: chunk.total });
    done += chunk.rounds;
    options.onProgress?.(done);
  };
  let start = 0;
  const planned: ChunkTask[] = planChunks(options.rounds).map((chunk) => {
    const detailRounds = Math.min(Math.max((options.detailRounds ?? 0) - start, 0), chunk.rounds);
    start += chunk.rounds;
    return {
      rng: options.rng,
      seed: options.seed,
      index: chunk.index,
      rounds: chunk.rounds,
      ...(detailRounds > 0 ? { detailRounds } : {}),
    };
  });
  // The threads a one-machine run of the whole plan would use: a sharded or resumed run reports the same.
  const threads = poolThreads(options.threads, planned.length, availableParallelism());
  const select = options.select;
  let tasks = select === undefined ? planned : planned.filter((task) => select(task.index));
  if (options.done !== undefined) tasks = tasks.slice(mergeDone(options.done, tasks, merge));
  if (tasks.length === 0) return { stats, threads, chunks: points };
  if (threads === 0) {
    const sim = compileSim(options.game);
    for (const task of tasks) {
      if (options.signal?.aborted) throw new SlotsimError('INTERRUPTED', 'simulation interrupted');
      merge(runChunkOn(sim, task));
    }
    return { stats, threads, chunks: points };
  }

  const poolSize = poolThreads(options.threads, tasks.length, availableParallelism());
  await runOrdered<ChunkStats>(
    createPool(poolSize, { game: options.game } satisfies ChunkWorkerData),
    tasks,
    { threads: poolSize, signal: options.signal, what: 'simulation' },
    merge,
  );
  return { stats, threads, chunks: points };
}

/** Merges the chunks already played (they must be the first of `tasks`); returns how many there were. */
function mergeDone(
  done: Iterable<ChunkStats>,
  tasks: readonly ChunkTask[],
  merge: (chunk: ChunkStats) => void,
): number {
  let n = 0;
  for (const chunk of done) {
    const task = tasks[n];
    if (task?.index !== chunk.index || task.rounds !== chunk.rounds) {
      throw new SlotsimError(
        'INTERNAL',
        `chunk ${chunk.index} handed in out of plan order (expected ${task?.index ?? 'none'})`,
      );
    }
    merge(chunk);
    n++;
  }
  return n;
}
