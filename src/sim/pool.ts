import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/**
 * The worker pool. Under vitest this module is TypeScript, so the worker is too and needs tsx;
 * the compiled package runs the compiled worker. The extension is taken from this module's own.
 */
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const workerFile = new URL(`./worker${extension}`, import.meta.url).href;

export function defaultThreads(): number {
  return availableParallelism();
}

/** A pool of `threads` workers, each started with `workerData` (see `ChunkWorkerData`). */
export function createPool(threads: number, workerData: unknown): Piscina {
  return new Piscina({
    filename: workerFile,
    workerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
  });
}
