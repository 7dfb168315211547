import { workerData } from 'node:worker_threads';
import type { Game } from '../engine/model.js';
import { toWorkerError } from '../errors.js';
import { createRng } from '../rng/index.js';
import type { RngName } from '../rng/index.js';
import { finishChunk, newAccumulator, resetAccumulator } from './chunk-stats.js';
import type { ChunkAccumulator, ChunkStats } from './chunk-stats.js';
import { runDetailChunk } from './detail-chunk.js';
import { compileFast } from './fast-game.js';
import type { FastGame } from './fast-game.js';
import { simulateRoundsExactly } from './fast-round.js';

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

/** Plays one chunk of `fast` on its own stream, derived from (seed, chunk index). */
export function runChunkOn(
  fast: FastGame,
  task: ChunkTask,
  acc: ChunkAccumulator = newAccumulator(),
): ChunkStats {
  if (task.detailRounds !== undefined) {
    return runDetailChunk(
      fast,
      createRng(task.rng, task.seed, task.index),
      task.index,
      task.rounds,
      task.detailRounds,
    );
  }
  simulateRoundsExactly(fast, createRng(task.rng, task.seed, task.index), task.rounds, acc);
  return finishChunk(acc, task.index);
}

/** This worker's game, compiled on its first chunk, and the accumulator its chunks reuse. */
let mine: { fast: FastGame; acc: ChunkAccumulator } | null = null;

/**
 * The pool's entry point: one chunk of the game this worker was started with. Errors leave with
 * their code (`toWorkerError`).
 */
export default function runChunk(task: ChunkTask): ChunkStats {
  try {
    mine ??= { fast: compileFast((workerData as ChunkWorkerData).game), acc: newAccumulator() };
    resetAccumulator(mine.acc);
    return runChunkOn(mine.fast, task, mine.acc);
  } catch (error) {
    throw toWorkerError(error);
  }
}
