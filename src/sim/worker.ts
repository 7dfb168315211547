import { workerData } from 'node:worker_threads';
import type { Game } from '../engine/model.js';
import { toWorkerError } from '../errors.js';
import { createRng } from '../rng/index.js';
import type { RngName } from '../rng/index.js';
import { finishChunk, newAccumulator, resetAccumulator } from './chunk-stats.js';
import type { ChunkAccumulator, ChunkStats } from './chunk-stats.js';
import { runDetailChunk } from './detail-chunk.js';
import { runFlowDetailChunk } from './flow-detail.js';
import { simulateRoundsExactly } from './fast-round.js';
import { simulateFlowRoundsExactly } from './flow-round.js';
import { compileSim } from './sim-game.js';
import type { SimGame } from './sim-game.js';

/**
 * What every worker of a simulation's pool starts with (Piscina passes its `workerData` option on
 * as the thread's `workerData`, read here without loading Piscina itself): the compiled game,
 * as plain data. Sent once per worker, not with every chunk; the worker never reads or validates a
 * game file, so it loads neither the file nor the schema library.
 */
export interface ChunkWorkerData {
  readonly game: Game;
}

/** One chunk of a simulation, as sent to a worker. */
export interface ChunkTask {
  readonly rng: RngName;
  readonly seed: string;
  readonly index: number;
  readonly rounds: number;
  /** Optional (certify only): play this many of the chunk's first rounds with detail (`detail-chunk.ts`). */
  readonly detailRounds?: number;
}

/** An accumulator for `sim`: the format-2 path keeps exact sums of squares too. */
export function accumulatorFor(sim: SimGame): ChunkAccumulator {
  return newAccumulator(sim.kind === 'flow');
}

/** Plays one chunk of `sim` on its own stream, derived from (seed, chunk index). */
export function runChunkOn(
  sim: SimGame,
  task: ChunkTask,
  acc: ChunkAccumulator = accumulatorFor(sim),
): ChunkStats {
  const rng = createRng(task.rng, task.seed, task.index);
  if (task.detailRounds !== undefined) {
    return sim.kind === 'classic'
      ? runDetailChunk(sim.fast, rng, task.index, task.rounds, task.detailRounds)
      : runFlowDetailChunk(sim.flow, rng, task.index, task.rounds, task.detailRounds);
  }
  if (sim.kind === 'classic') simulateRoundsExactly(sim.fast, rng, task.rounds, acc);
  else simulateFlowRoundsExactly(sim.flow, rng, task.rounds, acc);
  return finishChunk(acc, task.index);
}

/** This worker's game, compiled on its first chunk, and the accumulator its chunks reuse. */
let mine: { sim: SimGame; acc: ChunkAccumulator } | null = null;

/**
 * The pool's entry point: one chunk of the game this worker was started with. Errors leave with
 * their code (`toWorkerError`).
 */
export default function runChunk(task: ChunkTask): ChunkStats {
  try {
    if (mine === null) {
      const sim = compileSim((workerData as ChunkWorkerData).game);
      mine = { sim, acc: accumulatorFor(sim) };
    }
    resetAccumulator(mine.acc);
    return runChunkOn(mine.sim, task, mine.acc);
  } catch (error) {
    throw toWorkerError(error);
  }
}
