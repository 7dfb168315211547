import { SlotsimError } from '../errors.js';

/**
 * Which share of a run a shard does. Shard I of N does every simulation chunk i with i mod N = I,
 * and every full-cycle task t with t mod N = I: a fixed subset, the same on any machine. Taking
 * every N-th chunk (rather than a contiguous range) spreads certify's detailed rounds — the first
 * chunks, several times slower than the rest — and the short last chunk evenly over the shards.
 */
export interface ShardSpec {
  /** 0 … count − 1. */
  readonly index: number;
  readonly count: number;
}

/** More shards than this is surely a mistake (a run of 10¹¹ rounds has 381,470 chunks). */
export const MAX_SHARDS = 1_000_000;

export function inShard(shard: ShardSpec, index: number): boolean {
  return index % shard.count === shard.index;
}

/** How many of `total` items (chunks or tasks) shard `shard` does. */
export function shareOf(shard: ShardSpec, total: number): number {
  return total > shard.index ? Math.floor((total - 1 - shard.index) / shard.count) + 1 : 0;
}

function whole(text: string): number | null {
  return /^\d{1,7}$/.test(text) ? Number(text) : null;
}

function checked(index: number, count: number, what: string): ShardSpec {
  if (count < 1 || count > MAX_SHARDS) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${what}: ${count} shards (expected 1 to ${MAX_SHARDS.toLocaleString('en-US')})`,
    );
  }
  if (index >= count) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${what}: shard ${index} of ${count} (expected an index from 0 to ${count - 1})`,
    );
  }
  return { index, count };
}

/** `--shard I/N`: shard I (counted from 0) of N. */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? null : whole(match[1]!);
  const count = match === null ? null : whole(match[2]!);
  if (index === null || count === null) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--shard: "${text}" is not a shard; expected I/N, shard I (from 0) of N, such as 0/4`,
    );
  }
  return checked(index, count, '--shard');
}

/** `--shards N`. */
export function parseShardCount(text: string): number {
  const count = whole(text.trim());
  if (count === null || count < 1 || count > MAX_SHARDS) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--shards: "${text}" is not a shard count; expected a whole number from 1 to ${MAX_SHARDS.toLocaleString('en-US')}`,
    );
  }
  return count;
}

/** Where a shard's index came from, for the messages. */
export interface ResolvedShard extends ShardSpec {
  readonly source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function envIndex(env: Env, name: string): number | null {
  const value = env[name];
  if (value === undefined || value === '') return null;
  const n = whole(value.trim());
  if (n === null)
    throw new SlotsimError('BAD_INPUT', `${name}="${value}" is not a shard index (expected a whole number)`);
  return n;
}

/**
 * The shard a command runs as: `--shard I/N` when given; otherwise the engine's environment —
 * Slurm's `SLURM_ARRAY_TASK_ID` (the count from `--shards N`, else `SLURM_ARRAY_TASK_COUNT`, the
 * index then counted from `SLURM_ARRAY_TASK_MIN`), Kubernetes' `JOB_COMPLETION_INDEX` or AWS
 * Batch's `AWS_BATCH_JOB_ARRAY_INDEX` (each with `--shards N`); with none of them, the whole run
 * as shard 0 of 1. Only called for a command that writes a partial (`--partial`).
 */
export function resolveShard(flags: { shard?: string; shards?: string }, env: Env): ResolvedShard {
  if (flags.shard !== undefined) {
    if (flags.shards !== undefined) {
      throw new SlotsimError(
        'BAD_INPUT',
        '--shard I/N and --shards N cannot be combined (--shard already says how many)',
      );
    }
    return { ...parseShard(flags.shard), source: `--shard ${flags.shard}` };
  }
  const shards = flags.shards === undefined ? null : parseShardCount(flags.shards);
  const slurm = envIndex(env, 'SLURM_ARRAY_TASK_ID');
  if (slurm !== null) {
    if (shards !== null) {
      return {
        ...checked(slurm, shards, `SLURM_ARRAY_TASK_ID with --shards ${shards}`),
        source: `SLURM_ARRAY_TASK_ID=${slurm} of --shards ${shards}`,
      };
    }
    const count = envIndex(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === null)
      throw new SlotsimError(
        'BAD_INPUT',
        'SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: give --shards N',
      );
    const min = envIndex(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const index = slurm - min;
    if (index < 0 || index >= count) {
      throw new SlotsimError(
        'BAD_INPUT',
        `SLURM_ARRAY_TASK_ID=${slurm} is not one of ${count} array tasks counted from ${min}: submit a contiguous array (sbatch --array=0-${count - 1}) or give --shards N`,
      );
    }
    return {
      ...checked(index, count, 'SLURM_ARRAY_TASK_ID'),
      source: `SLURM_ARRAY_TASK_ID=${slurm} of SLURM_ARRAY_TASK_COUNT=${count}`,
    };
  }
  for (const name of ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX']) {
    const index = envIndex(env, name);
    if (index === null) continue;
    if (shards === null)
      throw new SlotsimError(
        'BAD_INPUT',
        `${name}=${index} names this shard: give the shard count with --shards N`,
      );
    return {
      ...checked(index, shards, `${name} with --shards ${shards}`),
      source: `${name}=${index} of --shards ${shards}`,
    };
  }
  if (shards !== null) {
    throw new SlotsimError(
      'BAD_INPUT',
      '--shards N: nothing names this shard (no SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX in the environment); give --shard I/N',
    );
  }
  return { index: 0, count: 1, source: 'no shard given: the whole run as shard 0/1' };
}
