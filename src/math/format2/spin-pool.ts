import { Piscina } from 'piscina';

/**
 * The worker pool of the format-2 spin enumeration (as `cycle-pool.ts` for the classic cycle):
 * under vitest (and tsx) this module is TypeScript, so the worker is too and needs tsx; the
 * compiled package runs the compiled worker. The extension is taken from this module's own.
 */
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const workerFile = new URL(`./spin-worker${extension}`, import.meta.url).href;

export function createSpinPool(threads: number): Piscina {
  return new Piscina({
    filename: workerFile,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
  });
}
