import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CommanderError } from 'commander';
import { isSlotsimError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { buildProgram } from './program.js';

/** Exit codes of the CLI contract (shared/spec/cli.md). */
const EXIT: Readonly<Record<ErrorCode, number>> = {
  INVALID_GAME: 2,
  BAD_INPUT: 2,
  BAD_FILE: 2,
  INTERRUPTED: 130,
  INTERNAL: 70,
};

/** Runs the CLI on `argv` and returns the exit code; the only place that maps errors to codes. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every usage error is "unusable input".
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isSlotsimError(error)) {
      process.stderr.write(`slotsim: ${error.message}\n`);
      return EXIT[error.code];
    }
    process.stderr.write(`slotsim: internal error (a bug in slotsim, please report it):\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.INTERNAL;
  }
}

/** Runs the CLI on this process's arguments and sets its exit code (what `bin/slotsim.js` calls). */
export async function runCli(): Promise<void> {
  // A reader that stops early (`slotsim … | head`) closes the pipe: that ends the output, it is not
  // a crash. Exit quietly, with the exit code set so far.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
  process.exitCode = await main(process.argv.slice(2));
}

// Run when this module is the process's entry (`node --import tsx src/cli/main.ts …`); imported
// (by bin/slotsim.js, or by a test that calls `main` in-process) it only defines.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) await runCli();
