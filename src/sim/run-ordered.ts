import type { Piscina } from 'piscina';
import { fromWorkerError, SlotsimError } from '../errors.js';

export interface RunOrderedOptions {
  /** At most twice this many tasks are in flight, so memory stays flat whatever the task count. */
  readonly threads: number;
  readonly signal?: AbortSignal | undefined;
  /** What an interrupted run throws (default: an INTERRUPTED SlotsimError). */
  readonly what?: string;
}

/**
 * Runs `tasks` on `pool` and hands every result to `merge` in task order, whatever order the
 * workers finish in — the determinism of simulation and enumeration rests on it. Aborting the
 * signal destroys the pool and throws INTERRUPTED; the pool is destroyed at the end in any case.
 *
 * A task that fails stops the run with the error of the failed task of lowest index (the tasks
 * still running are waited for first), so the error — and the exit code — never depend on which
 * worker finished first. A SlotsimError thrown in a worker (`toWorkerError`) is rebuilt with its code.
 */
// R names what the (untyped) pool's worker returns, so `merge` is checked against it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export async function runOrdered<R>(
  pool: Piscina,
  tasks: readonly unknown[],
  options: RunOrderedOptions,
  merge: (result: R) => void,
): Promise<void> {
  const interrupted = (cause?: unknown): SlotsimError =>
    new SlotsimError('INTERRUPTED', `${options.what ?? 'run'} interrupted`, { cause });
  const abort = (): void => void pool.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const done = new Map<number, R>();
    let next = 0;
    let submitted = 0;
    const inFlight = new Set<Promise<void>>();
    let failure: { index: number; error: unknown } | null = null;
    const fail = async (): Promise<never> => {
      await Promise.all(inFlight);
      throw (failure as { error: unknown }).error;
    };
    const submit = (index: number): void => {
      const promise = (pool.run(tasks[index]) as Promise<R>).then(
        (result) => {
          inFlight.delete(promise);
          done.set(index, result);
          for (let ready = done.get(next); ready !== undefined; ready = done.get(next)) {
            done.delete(next);
            merge(ready);
            next++;
          }
        },
        (error: unknown) => {
          inFlight.delete(promise);
          if (failure === null || index < failure.index) failure = { index, error: fromWorkerError(error) };
        },
      );
      inFlight.add(promise);
    };
    while (submitted < tasks.length || inFlight.size > 0) {
      if (options.signal?.aborted) throw interrupted();
      if (failure !== null) await fail();
      while (submitted < tasks.length && inFlight.size < options.threads * 2) submit(submitted++);
      await Promise.race(inFlight);
    }
    if (failure !== null) await fail();
  } catch (error) {
    if (options.signal?.aborted) throw interrupted(error);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool.destroy();
  }
}
