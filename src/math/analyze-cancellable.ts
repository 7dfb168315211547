/**
 * `analyzeGame` that Ctrl-C can stop. The exact analysis is synchronous, and a signal handler runs
 * only when the main thread is free: a long analysis (a free-spin chain of 10,000 spins with many
 * retrigger classes) would defer Ctrl-C until it ends. With a signal, the analysis runs on a worker
 * thread, which the signal terminates at once. One worker serves every analysis of a process
 * (`check` runs several); idle, it does not keep the process alive.
 */
import { Piscina } from 'piscina';
import type { Game } from '../engine/model.js';
import { fromWorkerError, SlotsimError } from '../errors.js';
import type { Analysis } from './analysis-types.js';
import { analyzeGame } from './analyze-game.js';
import type { AnalyzeGameOptions } from './analyze-game.js';
import type { AnalyzeTask } from './analyze-worker.js';

// Under vitest this module is TypeScript, so the worker is too and needs tsx (as in `sim/pool.ts`).
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const workerFile = new URL(`./analyze-worker${extension}`, import.meta.url).href;

let pool: Piscina | null = null;

function analysisPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile,
    minThreads: 1,
    maxThreads: 1,
    idleTimeout: 60_000,
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
  });
  return pool;
}

/** `analyzeGame(game, options)`; on a worker thread that `signal` stops, when there is a signal. */
export async function analyzeGameCancellable(
  game: Game,
  options: AnalyzeGameOptions = {},
  signal?: AbortSignal,
): Promise<Analysis> {
  if (signal === undefined) return analyzeGame(game, options);
  const interrupted = (cause?: unknown): SlotsimError =>
    new SlotsimError('INTERRUPTED', 'analysis interrupted', { cause });
  if (signal.aborted) throw interrupted();
  try {
    return (await analysisPool().run({ game, options } satisfies AnalyzeTask, { signal })) as Analysis;
  } catch (error) {
    if (signal.aborted) throw interrupted(error);
    throw fromWorkerError(error);
  }
}
