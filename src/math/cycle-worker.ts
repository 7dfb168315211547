import type { Game } from '../engine/model.js';
import { toWorkerError } from '../errors.js';
import { enumerateCycle, releaseDenseHistogram } from './cycle-enumerate.js';
import type { CyclePart, CycleTask } from './cycle-enumerate.js';
import { compileCycle } from './cycle-tables.js';
import type { CycleRole, CycleTables } from './cycle-tables.js';

/** One task of a full-cycle enumeration, as sent to a worker. */
export interface CycleWorkerTask extends CycleTask {
  /** Identifies the game of this enumeration; the worker compiles it once per key. */
  readonly key: string;
  /** The compiled game (plain data, structured-cloned into the worker). */
  readonly game: Game;
}

/** A role's compiled tables; its pay form keeps its caches (the line-pay table) from task to task. */
const compiled = new Map<string, CycleTables>();
let currentKey: string | null = null;

function tablesFor(task: CycleWorkerTask): CycleTables {
  if (currentKey !== task.key) {
    compiled.clear();
    currentKey = task.key;
  }
  const role: CycleRole = task.role;
  let entry = compiled.get(role);
  if (entry === undefined) {
    entry = compileCycle(task.game, role);
    compiled.set(role, entry);
  }
  return entry;
}

/** Forgets the compiled tables and scratch memory (after an enumeration on the calling thread). */
export function releaseCycleTables(): void {
  compiled.clear();
  currentKey = null;
  releaseDenseHistogram();
}

/** Enumerates one task's part of a cycle (on a worker thread, or inline). */
export function runCycleTask(task: CycleWorkerTask): CyclePart {
  return enumerateCycle(tablesFor(task), task);
}

/** The pool's entry point: `runCycleTask`, whose errors leave with their code (`toWorkerError`). */
export default function runCycleTaskInWorker(task: CycleWorkerTask): CyclePart {
  try {
    return runCycleTask(task);
  } catch (error) {
    throw toWorkerError(error);
  }
}
