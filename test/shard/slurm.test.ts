import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { withoutTiming } from './figures.js';
import { slurmUnavailable, startSlurm } from './slurm-cluster.js';
import type { SlurmCluster } from './slurm-cluster.js';

/**
 * Sharded runs on a real Slurm cluster: Debian's slurm-wlm and munge, a single-node cluster started
 * for this file (`slurm-cluster.ts`), the deploy/slurm scripts exactly as the README shows them, and
 * the built bin/slotsim.js. `.ci/run` installs the packages when they are missing and sets
 * SLOTSIM_REQUIRE_SLURM=1, so in CI this runs or fails; elsewhere it is skipped, saying why, when
 * Slurm is not installed.
 */
const unavailable = slurmUnavailable();
const required = process.env.SLOTSIM_REQUIRE_SLURM === '1';
if (unavailable !== null && !required) {
  process.stderr.write(`slurm.test.ts skipped: ${unavailable}\n`);
}

const SLOTSIM = `${process.execPath} ${resolve('bin/slotsim.js')}`;
const SUBMIT = resolve('deploy/slurm/submit.sh');

describe.skipIf(unavailable !== null && !required)(
  'a real Slurm cluster (4-shard array jobs, dependent merge)',
  () => {
    let cluster: SlurmCluster | null = null;

    beforeAll(async () => {
      if (unavailable !== null)
        throw new Error(`SLOTSIM_REQUIRE_SLURM=1, but Slurm cannot run here: ${unavailable}`);
      cluster = await startSlurm();
    }, 60_000);

    afterAll(async () => {
      await cluster?.stop();
    }, 60_000);

    const env = (): NodeJS.ProcessEnv => ({ ...cluster!.env, SLOTSIM, MERGE_OPTIONS: '--json --threads 2' });

    function submit(dir: string, args: readonly string[]): { shards: string; merge: string } {
      const out = cluster!.run(SUBMIT, ['4', dir, '--', ...args], env());
      const match = /shards: job (\d+) .*merge: job (\d+)/.exec(out);
      if (match === null) throw new Error(`submit.sh printed: ${out}`);
      return { shards: match[1]!, merge: match[2]! };
    }

    /** Waits until a job (every task of an array) has left the queue; returns the states `scontrol` shows. */
    async function finished(job: string, timeoutMs = 120_000): Promise<string[]> {
      for (let waited = 0; ; waited += 200) {
        const queued = spawnSync('squeue', ['-h', '-j', job], {
          encoding: 'utf8',
          env: { ...process.env, ...cluster!.env },
        });
        if (queued.status === 0 && queued.stdout.trim() === '') break;
        if (waited > timeoutMs)
          throw new Error(
            `job ${job} still queued after ${timeoutMs / 1000} s:\n${queued.stdout}\n${cluster!.logs()}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
      const shown = cluster!.run('scontrol', ['show', 'job', job]);
      return [...shown.matchAll(/JobState=(\w+)/g)].map((m) => m[1]!);
    }

    function oneProcess(args: readonly string[]): unknown {
      const run = runCli([...args, '--threads', '2', '--json']);
      expect(run.code).toBe(0);
      return withoutTiming(run.stdout);
    }

    it('simulate and analyze --full-cycle: 4 array tasks each, merged after them, equal the one-process results bit for bit', async () => {
      const simulate = ['simulate', 'configs/starfall-20.json', '--spins', '2M', '--seed', 'slurm-1'];
      const analyze = ['analyze', 'configs/starfall-20.json', '--full-cycle'];
      const dirs = [mkdtempSync(join(tmpdir(), 'slotsim-sim-')), mkdtempSync(join(tmpdir(), 'slotsim-ana-'))];
      const jobs = [submit(dirs[0]!, simulate), submit(dirs[1]!, analyze)];
      const expected = [oneProcess(simulate), oneProcess(analyze)];
      for (const [i, job] of jobs.entries()) {
        expect(await finished(job.shards)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
        expect(await finished(job.merge)).toEqual(['COMPLETED']);
        const log = readFileSync(join(dirs[i]!, 'logs', 'shard-3.log'), 'utf8');
        expect(log).toContain('Shard 3/4 (SLURM_ARRAY_TASK_ID=3 of --shards 4)');
        expect(withoutTiming(readFileSync(join(dirs[i]!, 'merged.out'), 'utf8'))).toEqual(expected[i]);
      }
    }, 180_000);

    it('a shard cancelled mid-run leaves no partial; the merge names it; its re-run on Slurm merges to the same figures', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'slotsim-kill-'));
      const simulate = ['simulate', 'configs/starfall-20.json', '--spins', '24M', '--seed', 'slurm-2'];
      const job = submit(dir, simulate);
      // Cancel array task 2 (SIGTERM, then SIGKILL) as soon as it runs.
      for (let waited = 0; ; waited += 50) {
        const states = cluster!.run('squeue', ['-h', '-r', '-j', job.shards, '-o', '%i %T']);
        if (states.includes(`${job.shards}_2 RUNNING`)) break;
        if (waited > 120_000) throw new Error(`shard 2 never ran:\n${states}\n${cluster!.logs()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      cluster!.run('scancel', [`${job.shards}_2`]);
      const states = await finished(job.shards);
      expect(states.filter((s) => s === 'COMPLETED')).toHaveLength(3);
      expect(states).toContain('CANCELLED');
      // The merge job's dependency can never be met: Slurm keeps it pending; cancel it.
      cluster!.run('scancel', [job.merge]);
      await finished(job.merge);
      expect(existsSync(join(dir, 'parts', 'shard-2.partial'))).toBe(false);
      expect(existsSync(join(dir, 'merged.out'))).toBe(false);

      const parts = [0, 1, 3].map((i) => join(dir, 'parts', `shard-${i}.partial`));
      const missing = runCli(['merge', ...parts]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('1 of 4 shards missing (2)');
      expect(missing.stderr).toContain(
        `slotsim simulate configs/starfall-20.json --spins 24000000 --seed slurm-2 --rng aes-128-ctr --shard 2/4 --partial ${join(dir, 'parts', 'shard-2.partial')}`,
      );

      // The re-run, as submit.sh says: the array task alone, then the merge.
      const rerun = cluster!
        .run(
          'sbatch',
          [
            '--parsable',
            '--array=2',
            `--output=${join(dir, 'logs', 'rerun-%a.log')}`,
            resolve('deploy/slurm/shard.sbatch'),
            '4',
            dir,
            ...simulate,
          ],
          env(),
        )
        .trim();
      expect(await finished(rerun)).toEqual(['COMPLETED']);
      expect(readFileSync(join(dir, 'logs', 'rerun-2.log'), 'utf8')).toContain(
        'Shard 2/4 (SLURM_ARRAY_TASK_ID=2 of --shards 4)',
      );
      const merge = cluster!
        .run(
          'sbatch',
          [
            '--parsable',
            `--output=${join(dir, 'logs', 'merge.log')}`,
            resolve('deploy/slurm/merge.sbatch'),
            dir,
          ],
          env(),
        )
        .trim();
      expect(await finished(merge)).toEqual(['COMPLETED']);
      expect(withoutTiming(readFileSync(join(dir, 'merged.out'), 'utf8'))).toEqual(oneProcess(simulate));
    }, 180_000);
  },
);
