import type { Command } from 'commander';
import { SlotsimError } from '../../errors.js';
import { PRODUCTION_RNG_NAME, rawByteChunks } from '../../rng/index.js';
import { parseByteCount } from '../parse-count.js';

interface RngFlags {
  rng: string;
  seed?: string;
  bytes?: string;
  stream: string;
}

/** Writes to stdout with back-pressure; resolves false once the reader has gone (EPIPE). */
async function writeOut(chunk: Buffer, closed: { value: boolean }): Promise<boolean> {
  if (closed.value) return false;
  if (!process.stdout.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        process.stdout.off('close', done);
        resolve();
      };
      process.stdout.on('drain', done).on('error', done).on('close', done);
    });
  }
  return !closed.value;
}

export function registerRng(program: Command): void {
  program
    .command('rng')
    .description(
      'stream raw generator output (32-bit words, little-endian) to stdout for external test batteries',
    )
    .option(
      '--rng <name>',
      `generator: ${PRODUCTION_RNG_NAME} (the production CSPRNG) or a seeded one`,
      PRODUCTION_RNG_NAME,
    )
    .option('--seed <seed>', 'seed of a seeded generator (required for them)')
    .option('--stream <n>', 'stream index of a seeded generator (simulation chunk index)', '0')
    .option('--bytes <n>', 'how many bytes (1M, 1G, 1GiB, …); default: until the reader stops')
    .addHelpText(
      'after',
      '\nExamples:\n  slotsim rng --bytes 1G | dieharder -g 200 -a\n  slotsim rng --rng aes-128-ctr --seed 42 --bytes 100M > aes.bin && ent aes.bin',
    )
    .action(async (flags: RngFlags) => {
      if (process.stdout.isTTY) {
        throw new SlotsimError(
          'BAD_INPUT',
          'refusing to write binary output to a terminal; pipe it into a program or a file',
        );
      }
      const stream = Number(flags.stream);
      if (!Number.isSafeInteger(stream) || stream < 0) {
        throw new SlotsimError('BAD_INPUT', `--stream: "${flags.stream}" is not a non-negative whole number`);
      }
      const total =
        flags.bytes === undefined ? Number.MAX_SAFE_INTEGER : parseByteCount(flags.bytes, '--bytes');
      // A reader that goes away (`| head -c`) ends the run through main.ts's EPIPE handler.
      const closed = { value: false };
      process.stdout.once('close', () => (closed.value = true));
      for (const chunk of rawByteChunks(flags.rng, flags.seed, total, stream)) {
        if (!(await writeOut(chunk, closed))) break;
      }
    });
}
