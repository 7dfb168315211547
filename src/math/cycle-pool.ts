import { Piscina } from 'piscina';

/**
 * The full-cycle worker pool. Under vitest (and tsx) this module is TypeScript, so the worker is
 * too and needs tsx; the compiled package runs the compiled worker. The extension is taken from
 * this module's own, never hard-coded.
 */
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const workerFile = new URL(`./cycle-worker${extension}`, import.meta.url).href;

export function createCyclePool(threads: number): Piscina {
  return new Piscina({
    filename: workerFile,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
  });
}
