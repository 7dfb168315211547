import type { Game } from '../engine/model.js';
import { createRng } from '../rng/index.js';
import type { RngName } from '../rng/index.js';
import { finishChunk, newAccumulator } from './chunk-stats.js';
import type { ChunkStats } from './chunk-stats.js';
import { runDetailChunk } from './detail-chunk.js';
import { compileFast } from './fast-game.js';
import type { FastGame } from './fast-game.js';
import { simulateRounds } from './fast-round.js';

/** One chunk of a simulation, as sent to a worker. */
export interface ChunkTask {
  /** Identifies the run's game; the worker compiles the fast game once per key. */
  readonly key: string;
  /**
   * The compiled game (plain data, structured-cloned into the worker): the worker never reads or
   * validates a game file, so it loads neither the file nor the schema library.
   */
  readonly game: Game;
  readonly rng: RngName;
  readonly seed: string;
  readonly index: number;
  readonly rounds: number;
  /** Optional (certify only): play this many of the chunk's first rounds with detail (`detail-chunk.ts`). */
  readonly detailRounds?: number;
}

let cached: { key: string; fast: FastGame } | null = null;

function fastGameFor(task: ChunkTask): FastGame {
  if (cached?.key !== task.key) cached = { key: task.key, fast: compileFast(task.game) };
  return cached.fast;
}

/** Plays one chunk on its own stream, derived from (seed, chunk index). */
export function runChunk(task: ChunkTask): ChunkStats {
  const fast = fastGameFor(task);
  if (task.detailRounds !== undefined) {
    return runDetailChunk(
      fast,
      createRng(task.rng, task.seed, task.index),
      task.index,
      task.rounds,
      task.detailRounds,
    );
  }
  const acc = newAccumulator();
  simulateRounds(fast, createRng(task.rng, task.seed, task.index), task.rounds, acc);
  return finishChunk(acc, task.index);
}

export default runChunk;
