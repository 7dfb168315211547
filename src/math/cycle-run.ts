import { availableParallelism } from 'node:os';
import { poolThreads } from '../sim/plan.js';
import { runOrdered } from '../sim/run-ordered.js';
import { randomUUID } from 'node:crypto';
import type { Game, ReelSet } from '../engine/model.js';
import { isSlotsimError, SlotsimError } from '../errors.js';
import type { CyclePart } from './cycle-enumerate.js';
import { planCycle } from './cycle-plan.js';
import { createCyclePool } from './cycle-pool.js';
import { compileCycle } from './cycle-tables.js';
import type { CycleRole } from './cycle-tables.js';
import { releaseCycleTables, runCycleTask } from './cycle-worker.js';
import type { CycleWorkerTask } from './cycle-worker.js';
import { cycleSize, stopCombinations } from './reel-stats.js';

/** A spin of the base cycle whose win passes the max-win cap, with its parts (credits). */
export interface OverCapSpin {
  readonly pay: number;
  readonly scatter: number;
  readonly weight: bigint;
}

/** What a spin's class means for the rest of the round. */
export interface SpinClass {
  /** Base: free spins awarded (cut to maxSpins; 0 = none). Free: spins a retrigger adds (before the cut). */
  readonly spins: number;
  /** Base cycle: whether the bonus triggered. */
  readonly bonus: boolean;
}

/** The exact joint distribution of a cycle's spin win and class, merged from every task. */
export interface CycleHistogram {
  readonly role: CycleRole;
  /** Weighted stop combinations (the product of the draw bounds). */
  readonly cycle: bigint;
  /** Stop combinations visited (the product of the strip lengths). */
  readonly combinations: number;
  readonly classes: readonly SpinClass[];
  /** `byClass[k]`: spin win in credits (line or ways + scatter, no multiplier, no cap) → weight. */
  readonly byClass: readonly ReadonlyMap<number, bigint>[];
  /** Base cycle with a cap: every spin whose win passes it. */
  readonly overCap: readonly OverCapSpin[];
  /** Line or ways win alone (credits, no scatter, no cap) → weight. */
  readonly pays: ReadonlyMap<number, bigint>;
}

export interface CycleEnumeration {
  readonly base: CycleHistogram;
  /** The free spins' reel set, enumerated too (null without free spins). */
  readonly free: CycleHistogram | null;
  /** 0 = enumerated on the calling thread. */
  readonly threads: number;
  readonly elapsedSeconds: number;
}

export interface EnumerateOptions {
  /** Worker threads; 0 enumerates on the calling thread. */
  readonly threads: number;
  readonly signal?: AbortSignal;
  /** Stop combinations done so far, of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Parts already enumerated (a checkpoint, or the partials of a sharded run: `src/shard`), in task
   * order from the first task: merged first, exactly as if just enumerated, and not run again.
   */
  readonly done?: Iterable<CyclePart>;
  /** Called with every part, in task order (a checkpoint records them). */
  readonly onPart?: (part: CyclePart, task: number) => void;
}

function setOf(game: Game, role: CycleRole): ReelSet {
  return role === 'base' ? game.baseReelSet : game.freeSpins!.reelSet;
}

function emptyHistogram(
  game: Game,
  role: CycleRole,
): CycleHistogram & { byClass: Map<number, bigint>[]; overCap: OverCapSpin[]; pays: Map<number, bigint> } {
  const tables = compileCycle(game, role);
  const bonus = tables.bonusKind !== 'none';
  const classes: SpinClass[] = [];
  for (const spins of tables.classSpins) {
    if (bonus) classes.push({ spins, bonus: false }, { spins, bonus: true });
    else classes.push({ spins, bonus: false });
  }
  return {
    role,
    cycle: cycleSize(setOf(game, role)),
    combinations: stopCombinations(setOf(game, role)),
    classes,
    byClass: classes.map(() => new Map<number, bigint>()),
    overCap: [],
    pays: new Map(),
  };
}

function mergePart(
  into: { byClass: Map<number, bigint>[]; overCap: OverCapSpin[]; pays: Map<number, bigint> },
  part: CyclePart,
): void {
  const p = part.pays;
  for (let i = 0; i < p.length; i += 2)
    into.pays.set(p[i]!, (into.pays.get(p[i]!) ?? 0n) + BigInt(p[i + 1]!));
  const h = part.histogram;
  for (let i = 0; i < h.length; i += 3) {
    const map = into.byClass[h[i + 1]!]!;
    const win = h[i]!;
    map.set(win, (map.get(win) ?? 0n) + BigInt(h[i + 2]!));
  }
  const o = part.overCap;
  for (let i = 0; i < o.length; i += 3)
    into.overCap.push({ pay: o[i]!, scatter: o[i + 1]!, weight: BigInt(o[i + 2]!) });
}

interface Prepared {
  readonly tasks: CycleWorkerTask[];
  readonly histograms: Map<CycleRole, ReturnType<typeof emptyHistogram>>;
  readonly total: number;
}

function prepare(game: Game): Prepared {
  const key = randomUUID();
  const cap = game.maxWinCredits ?? -1;
  const roles: CycleRole[] = game.freeSpins === null ? ['base'] : ['base', 'free'];
  const histograms = new Map(roles.map((role) => [role, emptyHistogram(game, role)]));
  const tasks: CycleWorkerTask[] = roles.flatMap((role) =>
    planCycle(setOf(game, role), role, role === 'base' ? cap : -1).map((task) => ({ ...task, key, game })),
  );
  const total = roles.reduce((acc, role) => acc + histograms.get(role)!.combinations, 0);
  return { tasks, histograms, total };
}

function finish(prepared: Prepared, threads: number, started: number): CycleEnumeration {
  for (const h of prepared.histograms.values()) {
    let weight = 0n;
    for (const map of h.byClass) for (const w of map.values()) weight += w;
    if (weight !== h.cycle) {
      throw new SlotsimError(
        'INTERNAL',
        `full cycle of ${h.role}: enumerated weight ${weight} ≠ cycle ${h.cycle}`,
      );
    }
  }
  return {
    base: prepared.histograms.get('base')!,
    free: prepared.histograms.get('free') ?? null,
    threads,
    elapsedSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * Why the cycles of `game` cannot be enumerated (too many line combinations to index, weights too
 * large for exact sums), or null. A valid game may be beyond the enumeration: its analysis then
 * has no enumerated figures, and `--full-cycle` refuses it with this reason.
 */
export function enumerationProblem(game: Game): string | null {
  const roles: CycleRole[] = game.freeSpins === null ? ['base'] : ['base', 'free'];
  for (const role of roles) {
    const set = setOf(game, role);
    if (game.evaluation === 'lines' && game.symbols.length ** set.reels.length > 2 ** 31 - 1) {
      return `${game.symbols.length} symbols on ${set.reels.length} reels are too many line combinations to index (symbols^reels must stay below 2^31)`;
    }
    try {
      planCycle(set, role, -1);
    } catch (error) {
      if (isSlotsimError(error) && error.code === 'BAD_INPUT') return error.message;
      throw error;
    }
  }
  return null;
}

/** Stop combinations of the cycles an enumeration visits (paid spin and free spins). */
export function enumerationSize(game: Game): number {
  return (
    stopCombinations(game.baseReelSet) +
    (game.freeSpins === null ? 0 : stopCombinations(game.freeSpins.reelSet))
  );
}

/** Enumerates the cycles on the calling thread (for small cycles; see `enumerateCycles`). */
export function enumerateInline(game: Game): CycleEnumeration {
  const started = performance.now();
  const prepared = prepare(game);
  try {
    for (const task of prepared.tasks) {
      const part = runCycleTask(task);
      mergePart(prepared.histograms.get(part.role)!, part);
    }
  } finally {
    releaseCycleTables();
  }
  return finish(prepared, 0, started);
}

/**
 * Enumerates every stop combination of the paid spin's reel set — and of the free spins' reel set
 * when the game has free spins — on `threads` workers (0: on this thread), merging the parts in
 * task order into exact bigint histograms.
 */
export async function enumerateCycles(game: Game, options: EnumerateOptions): Promise<CycleEnumeration> {
  const started = performance.now();
  const prepared = prepare(game);
  const { histograms, total } = prepared;
  let done = 0;
  let merged = 0;
  const merge = (part: CyclePart): void => {
    mergePart(histograms.get(part.role)!, part);
    options.onPart?.(part, merged++);
    done += part.combinations;
    options.onProgress?.(done, total);
  };
  // The threads a run of every task would use: an enumeration resumed or merged from shards reports the same.
  const planThreads =
    options.threads === 0 ? 0 : poolThreads(options.threads, prepared.tasks.length, availableParallelism());
  const tasks = prepared.tasks.slice(
    options.done === undefined ? 0 : mergeDoneParts(options.done, prepared.tasks, merge),
  );
  const interrupted = (cause?: unknown): SlotsimError =>
    new SlotsimError(
      'INTERRUPTED',
      'full-cycle enumeration interrupted',
      cause === undefined ? undefined : { cause },
    );

  if (options.threads === 0) {
    try {
      for (const task of tasks) {
        if (options.signal?.aborted) throw interrupted();
        merge(runCycleTask(task));
      }
    } finally {
      releaseCycleTables();
    }
    return finish(prepared, 0, started);
  }
  if (tasks.length > 0) {
    // No more workers than tasks, nor than a few per core.
    const threads = poolThreads(options.threads, tasks.length, availableParallelism());
    await runOrdered<CyclePart>(
      createCyclePool(threads),
      tasks,
      { threads, signal: options.signal, what: 'full-cycle enumeration' },
      merge,
    );
  }
  return finish(prepared, planThreads, started);
}

/** Merges the parts already enumerated (they must be those of the first tasks); returns how many there were. */
function mergeDoneParts(
  done: Iterable<CyclePart>,
  tasks: readonly CycleWorkerTask[],
  merge: (part: CyclePart) => void,
): number {
  let n = 0;
  for (const part of done) {
    const task = tasks[n];
    if (task?.role !== part.role || task.from !== part.from) {
      throw new SlotsimError('INTERNAL', `full-cycle part ${n} handed in out of plan order`);
    }
    merge(part);
    n++;
  }
  return n;
}

/** The tasks an enumeration of `game` is cut into (`planCycle`, paid spin then free spins): a shard's unit. */
export function cycleTaskCount(game: Game): number {
  return prepare(game).tasks.length;
}

export interface CycleShardOptions {
  readonly threads: number;
  readonly signal?: AbortSignal;
  /** The tasks (by index in plan order) this shard runs. */
  readonly select: (task: number) => boolean;
  /** Every part the shard enumerated, in task order, with its task index. */
  readonly onPart: (part: CyclePart, task: number) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A shard's share of an enumeration: the tasks `select` keeps, on the pool, handed to `onPart` in
 * task order. Nothing is merged here: `enumerateCycles` with `done` merges every shard's parts.
 */
export async function enumerateCycleShard(game: Game, options: CycleShardOptions): Promise<void> {
  const prepared = prepare(game);
  const indexes = prepared.tasks.flatMap((_, i) => (options.select(i) ? [i] : []));
  const tasks = indexes.map((i) => prepared.tasks[i]!);
  const total = tasks.reduce((sum, task) => sum + cycleTaskCombinations(game, task), 0);
  let done = 0;
  let n = 0;
  const take = (part: CyclePart): void => {
    options.onPart(part, indexes[n++]!);
    done += part.combinations;
    options.onProgress?.(done, total);
  };
  if (tasks.length === 0) return;
  if (options.threads === 0) {
    try {
      for (const task of tasks) {
        if (options.signal?.aborted)
          throw new SlotsimError('INTERRUPTED', 'full-cycle enumeration interrupted');
        take(runCycleTask(task));
      }
    } finally {
      releaseCycleTables();
    }
    return;
  }
  const threads = poolThreads(options.threads, tasks.length, availableParallelism());
  await runOrdered<CyclePart>(
    createCyclePool(threads),
    tasks,
    { threads, signal: options.signal, what: 'full-cycle enumeration' },
    take,
  );
}

/** Stop combinations one task visits. */
function cycleTaskCombinations(game: Game, task: CycleWorkerTask): number {
  const reels = setOf(game, task.role).reels;
  return (task.to - task.from) * reels.slice(task.split).reduce((p, reel) => p * reel.strip.length, 1);
}
