import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { withoutTiming } from './figures.js';

const GAME = 'configs/starfall-20.json';
// 229 chunks of 262,144 rounds: long enough to be stopped after a few were recorded. The checkpoint
// is synced at most every 2 s, so the run must outlast that by far on one thread of a fast, quiet
// machine: ~7.5 s here at 8 M rounds/s, ~4 s at twice that (12 M rounds, as before, could finish
// before the first sync and exit 0).
const ARGS = ['simulate', GAME, '--spins', '60M', '--seed', 'ckpt', '--json'];
const CHUNKS = Math.ceil(60e6 / 262_144);

/** Starts the run, waits until its checkpoint holds at least `records` chunk records, then sends `signal`. */
async function stopped(checkpoint: string, signal: NodeJS.Signals, records: number): Promise<number | null> {
  const child = spawn(
    process.execPath,
    ['bin/slotsim.js', ...ARGS, '--threads', '1', '--checkpoint', checkpoint],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let waited = 0; waited < 60_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = existsSync(checkpoint) ? readFileSync(checkpoint, 'utf8') : '';
    if ((text.match(/"record":"chunk"/g) ?? []).length >= records) break;
  }
  child.kill(signal);
  return exited;
}

function chunkRecords(file: string): number {
  return (readFileSync(file, 'utf8').match(/"record":"chunk"/g) ?? []).length;
}

describe('--checkpoint and --resume (seed "ckpt")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotsim-ckpt-'));
  let uninterrupted: unknown;

  beforeAll(() => {
    const run = runCli([...ARGS, '--threads', '2']);
    expect(run.code).toBe(0);
    uninterrupted = withoutTiming(run.stdout);
  });

  it('after kill -9, the same command with --resume ends with the uninterrupted figures', async () => {
    const file = join(dir, 'killed.ckpt');
    expect(await stopped(file, 'SIGKILL', 3)).toBeNull();
    const kept = chunkRecords(file);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(CHUNKS);
    const resumed = runCli([...ARGS, '--threads', '2', '--checkpoint', file, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(
      new RegExp(`Resuming from ${file}: ${kept} chunks already done \\(seed ckpt\\)`),
    );
    expect(withoutTiming(resumed.stdout)).toEqual(uninterrupted);
    expect(chunkRecords(file)).toBe(CHUNKS);
  });

  it("after Ctrl-C (exit 130, the finished chunks written at once), --resume without --seed takes the checkpoint's seed", async () => {
    const file = join(dir, 'interrupted.ckpt');
    expect(await stopped(file, 'SIGINT', 1)).toBe(130);
    const withoutSeed = ARGS.filter((a, i) => a !== '--seed' && ARGS[i - 1] !== '--seed');
    const resumed = runCli([...withoutSeed, '--threads', '2', '--checkpoint', file, '--resume']);
    expect(resumed.code).toBe(0);
    expect(withoutTiming(resumed.stdout)).toEqual(uninterrupted);
  });

  it('a torn last line (a power cut in the middle of a write) is cut off and its chunk played again', () => {
    const file = join(dir, 'torn.ckpt');
    const first = runCli([
      'simulate',
      GAME,
      '--spins',
      '1M',
      '--seed',
      'ckpt',
      '--json',
      '--checkpoint',
      file,
    ]);
    expect(first.code).toBe(0);
    appendFileSync(file, '{"record":"chunk","key":4,"data":{"stats":{"ind');
    const resumed = runCli([
      'simulate',
      GAME,
      '--spins',
      '1M',
      '--seed',
      'ckpt',
      '--json',
      '--checkpoint',
      file,
      '--resume',
    ]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(
      /torn\.ckpt:6: the file ends in the middle of this line .*: the checkpoint is cut there/,
    );
    expect(withoutTiming(resumed.stdout)).toEqual(withoutTiming(first.stdout));
  });

  it('refuses a checkpoint of another run, an existing one without --resume, and --resume alone (exit 2)', () => {
    const file = join(dir, 'other.ckpt');
    expect(runCli(['simulate', GAME, '--spins', '300k', '--seed', 'a', '--checkpoint', file]).code).toBe(0);
    const cases: [string[], RegExp][] = [
      [
        ['--seed', 'b', '--checkpoint', file, '--resume'],
        /is a checkpoint of another run \(seed "a" ≠ "b"\)/,
      ],
      [
        ['--seed', 'a', '--spins', '400k', '--checkpoint', file, '--resume'],
        /rounds 300000 ≠ 400000; chunks 2 ≠ 2|rounds 300000 ≠ 400000/,
      ],
      [['--seed', 'a', '--checkpoint', file], /already exists: add --resume/],
      [['--seed', 'a', '--resume'], /--resume needs --checkpoint FILE/],
    ];
    for (const [flags, message] of cases) {
      const run = runCli(['simulate', GAME, '--spins', '300k', ...flags]);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    }
    const partial = runCli(['merge', file]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('a slotsim-checkpoint/1 file, not a partial');
  });

  it('certify resumes from its checkpoint (full cycle and detailed chunks) to the same report (goldvein-mine)', () => {
    const file = join(dir, 'certify.ckpt');
    const args = [
      'certify',
      'configs/goldvein-mine.json',
      '--spins',
      '600k',
      '--detail-spins',
      '300k',
      '--seed',
      'ckpt',
      '--threads',
      '2',
    ];
    expect(runCli([...args, '--checkpoint', file, '--out', join(dir, 'first')]).code).toBe(0);
    const again = runCli([...args, '--checkpoint', file, '--resume', '--out', join(dir, 'again')]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Resuming from .*: 6 full-cycle tasks and 3 chunks already done/);
    const report = (folder: string): unknown =>
      withoutTiming(readFileSync(join(dir, folder, 'report.json'), 'utf8'));
    expect(report('again')).toEqual(report('first'));
  });
});
