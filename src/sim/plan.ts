/**
 * How a simulation is cut into chunks. The plan depends on the number of rounds only — never on
 * the thread count — and each chunk draws from its own stream derived from (seed, chunk index),
 * so the same rounds are played whatever the pool looks like.
 */

/** Rounds per chunk: large enough to amortise a task (≈ 30–50 ms), small enough to balance. */
export const CHUNK_ROUNDS = 1 << 18;

export interface Chunk {
  readonly index: number;
  readonly rounds: number;
}

export function planChunks(rounds: number, chunkRounds: number = CHUNK_ROUNDS): Chunk[] {
  const chunks: Chunk[] = [];
  for (let index = 0, start = 0; start < rounds; index++, start += chunkRounds) {
    chunks.push({ index, rounds: Math.min(chunkRounds, rounds - start) });
  }
  return chunks;
}

/** At most this many worker threads per core: more only add memory and start-up, never speed. */
export const THREADS_PER_CORE = 4;

/**
 * The worker threads a pool of `tasks` tasks really starts for `requested`: no more than its tasks
 * (a thread with no task only starts and stops) nor THREADS_PER_CORE × cores. 0 (the calling
 * thread) stays 0. Figures never depend on it.
 */
export function poolThreads(requested: number, tasks: number, cores: number): number {
  if (requested === 0) return 0;
  return Math.max(1, Math.min(requested, tasks, THREADS_PER_CORE * cores));
}
