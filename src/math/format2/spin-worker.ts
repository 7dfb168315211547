import type { Game } from '../../engine/model.js';
import { toWorkerError } from '../../errors.js';
import { SpinEnumerator } from './spin-enumerator.js';
import type { SpinPart, SpinTask } from './spin-enumerator.js';

/** One task of a format-2 spin enumeration, as sent to a worker. */
export interface SpinWorkerTask extends SpinTask {
  /** Identifies the game of this enumeration; the worker builds its enumerator once per key and role. */
  readonly key: string;
  /** The compiled game (plain data, structured-cloned into the worker). */
  readonly game: Game;
}

const enumerators = new Map<string, SpinEnumerator>();
let currentKey: string | null = null;

function enumeratorFor(task: SpinWorkerTask): SpinEnumerator {
  if (currentKey !== task.key) {
    enumerators.clear();
    currentKey = task.key;
  }
  let e = enumerators.get(task.role);
  if (e === undefined) {
    e = new SpinEnumerator(task.game, task.role);
    enumerators.set(task.role, e);
  }
  return e;
}

/** Plays one task (with the given enumerator, or the worker's own for the task's game). */
export function runSpinTask(task: SpinWorkerTask, enumerator?: SpinEnumerator): SpinPart {
  return (enumerator ?? enumeratorFor(task)).run(task);
}

/** The pool's entry point: `runSpinTask`, whose errors leave with their code (`toWorkerError`). */
export default function runSpinTaskInWorker(task: SpinWorkerTask): SpinPart {
  try {
    return runSpinTask(task);
  } catch (error) {
    throw toWorkerError(error);
  }
}
