import { availableParallelism } from 'node:os';
import { CHUNK_ROUNDS, poolThreads, THREADS_PER_CORE } from '../sim/plan.js';

/**
 * The worker threads a run of `tasks` tasks starts for `--threads` (`poolThreads`), with a note on
 * stderr when that is fewer than the flag asked for. `flag` is the flag's text (undefined: the
 * default, every core, which needs no note).
 */
export function usedThreads(
  flag: string | undefined,
  requested: number,
  tasks: number,
  unit: string,
): number {
  const cores = availableParallelism();
  const used = poolThreads(requested, tasks, cores);
  if (flag !== undefined && used < requested) {
    const why =
      used === tasks
        ? `the run has ${tasks.toLocaleString('en-US')} ${unit}${tasks === 1 ? '' : 's'}, one per thread at most`
        : `at most ${THREADS_PER_CORE} a core on ${cores} core${cores === 1 ? '' : 's'}`;
    process.stderr.write(
      `slotsim: note: --threads ${requested}: using ${used} worker thread${used === 1 ? '' : 's'} (${why}); the figures are the same\n`,
    );
  }
  return used;
}

/** The chunks of a simulation of `rounds` rounds (as `planChunks` cuts them). */
export function chunkCount(rounds: number): number {
  return Math.ceil(rounds / CHUNK_ROUNDS);
}
