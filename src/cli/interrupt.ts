import { SlotsimError } from '../errors.js';

/**
 * Runs `work` with an AbortSignal that fires on Ctrl-C (SIGINT) or SIGTERM, so long work can stop
 * its workers and the CLI can exit 130 with nothing half-written. A signal that arrives while the
 * work runs on this thread (and so is only handled when it ends) still interrupts: the work's
 * result is dropped, nothing is written, and the run exits 130 — never 0.
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    controller.abort();
  };
  // Kept for repeated signals too: a second Ctrl-C while files are being closed must not kill
  // the process half-way through; the first one already asked everything to stop.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) throw new SlotsimError('INTERRUPTED', 'interrupted');
    return result;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
