/**
 * Runs the spin enumeration of a format-2 game: plans the tasks of a role's reel set, plays them
 * on the calling thread or on the worker pool, and merges their parts in task order into the
 * role's exact distribution.
 */
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Game } from '../../engine/model.js';
import { SlotsimError } from '../../errors.js';
import { poolThreads } from '../../sim/plan.js';
import { runOrdered } from '../../sim/run-ordered.js';
import { mergeSpinParts } from './spin-distribution.js';
import type { SpinDistribution, ValueTreatment } from './spin-distribution.js';
import { roleReelSet, SpinEnumerator } from './spin-enumerator.js';
import type { SpinPart, SpinRole } from './spin-enumerator.js';
import { planSpins } from './spin-plan.js';
import { createSpinPool } from './spin-pool.js';
import { spinSpace } from './spin-space.js';
import type { SpinSpace } from './spin-space.js';
import { runSpinTask } from './spin-worker.js';
import type { SpinWorkerTask } from './spin-worker.js';

export interface SpinRunOptions {
  /** Worker threads; 0 enumerates on the calling thread. */
  readonly threads: number;
  readonly signal?: AbortSignal;
  /** Combinations done so far, of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Leaves (spins played) a task may play per combination it holds, before it gives up. */
  readonly leavesPerCombination: number;
  /** …and at least this many (default 100,000). */
  readonly minLeaves?: number;
  /** Base role with a max-win cap: spins winning more are listed with their parts. */
  readonly cap: number | null;
}

/** The space of a role's spins. */
export function roleSpace(game: Game, role: SpinRole): SpinSpace {
  return spinSpace(game, roleReelSet(game, role));
}

function tasksOf(
  game: Game,
  role: SpinRole,
  options: SpinRunOptions,
): { space: SpinSpace; tasks: SpinWorkerTask[] } {
  const space = roleSpace(game, role);
  const key = randomUUID();
  const cap = role === 'base' && options.cap !== null ? options.cap : -1;
  const tasks = planSpins(space, role, cap, options.leavesPerCombination, options.minLeaves ?? 100_000).map(
    (t) => ({ ...t, key, game }),
  );
  return { space, tasks };
}

/** Why an enumeration stopped before its end. */
export interface SpinsExceeded {
  readonly exceeded: string;
}

function exceededText(leaves: number): SpinsExceeded {
  return {
    exceeded: `its value draws branch into more spins than the budget allows (a task passed ${leaves.toLocaleString('en-US')} spins)`,
  };
}

/**
 * Enumerates every spin of a role (one reel set) of `game` — the game as written, or with some
 * value tables replaced by their two-point tables (`values` says which) — and stops when a task
 * passes its spins (the value draws branch more than planned), saying so.
 */
export async function enumerateSpins(
  game: Game,
  role: SpinRole,
  values: ValueTreatment,
  options: SpinRunOptions,
): Promise<SpinDistribution | SpinsExceeded> {
  const played = game;
  const { space, tasks } = tasksOf(played, role, options);
  const total = space.combinations;
  const parts: SpinPart[] = [];
  let done = 0;
  let exceeded: SpinPart | null = null;
  const stop = new AbortController();
  const forward = (): void => stop.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  const merge = (part: SpinPart): void => {
    if (part.exceeded) {
      exceeded ??= part;
      stop.abort();
      return;
    }
    parts.push(part);
    done += part.combinations;
    options.onProgress?.(done, total);
  };
  try {
    if (options.threads === 0) {
      const enumerator = new SpinEnumerator(played, role);
      for (const task of tasks) {
        if (options.signal?.aborted) throw new SlotsimError('INTERRUPTED', 'spin enumeration interrupted');
        merge(enumerator.run(task));
        if (exceeded !== null) break;
      }
    } else {
      const threads = poolThreads(options.threads, tasks.length, availableParallelism());
      await runOrdered<SpinPart>(
        createSpinPool(threads),
        tasks,
        { threads, signal: stop.signal, what: 'spin enumeration' },
        merge,
      );
    }
  } catch (error) {
    if (exceeded === null || options.signal?.aborted) throw error;
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
  if (exceeded !== null) return exceededText((exceeded as SpinPart).leaves);
  return mergeSpinParts(played, space, role, parts, values);
}

/** The same on the calling thread, synchronously (small games, tests). */
export function enumerateSpinsInline(
  game: Game,
  role: SpinRole,
  values: ValueTreatment,
  options: Omit<SpinRunOptions, 'threads' | 'signal' | 'onProgress'>,
): SpinDistribution | SpinsExceeded {
  const played = game;
  const { space, tasks } = tasksOf(played, role, { ...options, threads: 0 });
  const enumerator = new SpinEnumerator(played, role);
  const parts: SpinPart[] = [];
  for (const task of tasks) {
    const part = runSpinTask(task, enumerator);
    if (part.exceeded) return exceededText(part.leaves);
    parts.push(part);
  }
  return mergeSpinParts(played, space, role, parts, values);
}
