import { SlotsimError } from '../errors.js';

export interface InterruptOptions {
  /**
   * A signal that arrives while the work runs on this thread is only handled when the work ends;
   * with this set, such a late signal still interrupts: the work's result is dropped (nothing is
   * written) and the run exits 130, never 0. For commands whose work does not wind itself down on
   * the signal (`play` does, and reports what it did).
   */
  readonly dropLateResult?: boolean;
}

/**
 * Runs `work` with an AbortSignal that fires on Ctrl-C (SIGINT), SIGTERM or SIGHUP (the terminal
 * went away: an SSH connection dropped), so long work can stop its workers, `play` can close its
 * log, and the CLI can exit 130 with nothing half-written.
 */
export async function withInterrupt<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: InterruptOptions = {},
): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    controller.abort();
  };
  // After a hangup the terminal is gone: writing to it fails (EIO). That must not end the process
  // before the work is wound down, so such write errors are dropped from then on.
  const quiet = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EIO' && error.code !== 'EPIPE') throw error;
  };
  const onHangup = (): void => {
    process.stdout.on('error', quiet);
    process.stderr.on('error', quiet);
    controller.abort();
  };
  // Kept for repeated signals too: a second Ctrl-C while files are being closed must not kill
  // the process half-way through; the first one already asked everything to stop.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onHangup);
  try {
    const result = await work(controller.signal);
    if (options.dropLateResult === true && controller.signal.aborted) {
      throw new SlotsimError('INTERRUPTED', 'interrupted');
    }
    return result;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onHangup);
  }
}
