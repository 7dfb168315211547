import { SlotsimError } from '../errors.js';
import { randomSeed } from '../rng/index.js';
import { defaultThreads } from '../sim/pool.js';

const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, B: 1e9, T: 1e12 };

/**
 * A count as users write it: `10000000`, `10_000_000`, `1e7`, `10M` (k, M, B; also G and T).
 * Must be a positive whole number no larger than 2^53.
 */
export function parseCount(text: string, flag: string): number {
  const match = /^(\d[\d_]*(?:\.\d+)?(?:[eE][+]?\d+)?)([kKMGBT]?)$/.exec(text.trim());
  const value =
    match === null ? Number.NaN : Number(match[1]!.replaceAll('_', '')) * (SUFFIXES[match[2]!] ?? 1);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: "${text}" is not a count; expected a positive whole number such as 10000000, 10_000_000, 1e7 or 10M`,
    );
  }
  return value;
}

/** `--threads`: a whole number from 1 to 256; absent, every core. */
export function parseThreads(text: string | undefined): number {
  if (text === undefined) return defaultThreads();
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--threads: "${text}" is not a thread count; expected a whole number from 1 to 256`,
    );
  }
  return value;
}

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A byte count: a count as above, or with a binary suffix (`64KiB`, `1GiB`; a trailing `B` is optional). */
export function parseByteCount(text: string, flag: string): number {
  const match = /^(\d[\d_]*)(Ki|Mi|Gi|Ti)B?$/.exec(text.trim());
  if (match !== null) return Number(match[1]!.replaceAll('_', '')) * BINARY[match[2]!]!;
  return parseCount(text, flag);
}

/** `--seed`: any non-empty string; absent, a fresh random seed (which the command prints). */
export function parseSeed(text: string | undefined): string {
  if (text === '') throw new SlotsimError('BAD_INPUT', '--seed: expected a non-empty string');
  return text ?? randomSeed();
}
