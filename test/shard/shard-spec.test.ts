import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { inShard, parseShard, resolveShard, shareOf } from '../../src/shard/shard-spec.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isSlotsimError(error) && error.code === 'BAD_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected a BAD_INPUT refusal');
}

describe('which share of a run a shard does', () => {
  it('shard I of N takes every N-th chunk from I: the shards of 10 chunks in 4 cover each once', () => {
    const shards = [0, 1, 2, 3].map((index) =>
      Array.from({ length: 10 }, (_, i) => i).filter((i) => inShard({ index, count: 4 }, i)),
    );
    expect(shards).toEqual([
      [0, 4, 8],
      [1, 5, 9],
      [2, 6],
      [3, 7],
    ]);
    expect([0, 1, 2, 3].map((index) => shareOf({ index, count: 4 }, 10))).toEqual([3, 3, 2, 2]);
    // More shards than chunks: the last ones have nothing to do.
    expect(shareOf({ index: 5, count: 8 }, 3)).toBe(0);
    expect(shareOf({ index: 0, count: 1 }, 0)).toBe(0);
  });

  it('--shard I/N counts from 0 and refuses what cannot be', () => {
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    expect(refusal(() => parseShard('4/4'))).toMatch(/shard 4 of 4 \(expected an index from 0 to 3\)/);
    expect(refusal(() => parseShard('1/0'))).toMatch(/0 shards/);
    expect(refusal(() => parseShard('a/4'))).toMatch(/expected I\/N/);
    expect(refusal(() => parseShard('-1/4'))).toMatch(/expected I\/N/);
  });
});

describe('the shard named by the engine', () => {
  it('Slurm: the array task counted from SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT', () => {
    const env = { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '8', SLURM_ARRAY_TASK_MIN: '0' };
    expect(resolveShard({}, env)).toMatchObject({ index: 7, count: 8 });
    // --array=1-8: task 1 is shard 0.
    expect(
      resolveShard({}, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '8', SLURM_ARRAY_TASK_MIN: '1' }),
    ).toMatchObject({ index: 0, count: 8 });
    // A lost shard re-run alone (sbatch --array=5): with --shards the task id is the index.
    expect(
      resolveShard(
        { shards: '8' },
        { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '1', SLURM_ARRAY_TASK_MIN: '5' },
      ),
    ).toMatchObject({ index: 5, count: 8 });
    expect(
      refusal(() =>
        resolveShard(
          {},
          { SLURM_ARRAY_TASK_ID: '6', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '2' },
        ),
      ),
    ).toMatch(/contiguous array/);
    expect(refusal(() => resolveShard({}, { SLURM_ARRAY_TASK_ID: '2' }))).toMatch(
      /SLURM_ARRAY_TASK_COUNT is not/,
    );
  });

  it('Kubernetes and AWS Batch: the index from the environment, the count from --shards', () => {
    expect(resolveShard({ shards: '16' }, { JOB_COMPLETION_INDEX: '15' })).toMatchObject({
      index: 15,
      count: 16,
    });
    expect(resolveShard({ shards: '3' }, { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toMatchObject({
      index: 0,
      count: 3,
    });
    expect(refusal(() => resolveShard({}, { JOB_COMPLETION_INDEX: '2' }))).toMatch(
      /give the shard count with --shards N/,
    );
    expect(refusal(() => resolveShard({ shards: '2' }, { JOB_COMPLETION_INDEX: '2' }))).toMatch(
      /expected an index from 0 to 1/,
    );
    expect(refusal(() => resolveShard({ shards: '2' }, { JOB_COMPLETION_INDEX: 'x' }))).toMatch(
      /not a shard index/,
    );
  });

  it('--shard wins over the environment; --shards alone needs an index; nothing at all is the whole run', () => {
    expect(resolveShard({ shard: '1/2' }, { JOB_COMPLETION_INDEX: '0' })).toMatchObject({
      index: 1,
      count: 2,
    });
    expect(refusal(() => resolveShard({ shard: '1/2', shards: '2' }, {}))).toMatch(/cannot be combined/);
    expect(refusal(() => resolveShard({ shards: '4' }, {}))).toMatch(/nothing names this shard/);
    expect(resolveShard({}, {})).toMatchObject({ index: 0, count: 1 });
  });
});
