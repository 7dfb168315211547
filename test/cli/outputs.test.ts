/**
 * Output paths are checked before the work starts (exit 2, the path and the OS's reason), never
 * after minutes of work (exit 70 and a stack trace). Every run below asks for far more rounds than
 * a test could play: it can only end quickly if the path is refused first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFolderName } from '../../src/certify/report-folder.js';
import { runMain } from './in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'slotsim-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BELLS = 'configs/three-bells.json';
const LOTUS = 'configs/lotus-lagoon.json';
const file = join(dir, 'a-file.txt');
writeFileSync(file, 'not a folder\n');
const folder = join(dir, 'a-folder');
mkdirSync(folder);
const full = join(dir, 'full');
mkdirSync(full);
writeFileSync(join(full, 'old.txt'), 'keep me\n');
// Root may write anywhere but here: sysfs refuses new files to everyone.
const UNWRITABLE = '/sys/slotsim-test/out';

async function refused(args: readonly string[], message: RegExp, env: Record<string, string> = {}) {
  const run = await runMain(args, env);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.stderr).not.toMatch(/Simulating|Certifying/);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
}

describe('simulate --out', () => {
  it('that is a file', async () => {
    await refused(
      ['simulate', BELLS, '--spins', '10B', '--out', file],
      /--out: cannot write to .*a-file\.txt \(a file, not a folder\)/,
    );
  });

  it('under a file', async () => {
    await refused(
      ['simulate', BELLS, '--spins', '10B', '--out', join(file, 'sub')],
      /--out: cannot write to .*a-file\.txt\/sub \(a file is in the way: a folder on the path is a file\)/,
    );
  });

  it('that cannot be created', async () => {
    await refused(
      ['simulate', BELLS, '--spins', '10B', '--out', UNWRITABLE],
      /--out: cannot write to \/sys\/slotsim-test\/out \(/,
    );
  });

  it('that is new is created, written at the end, and removed again if the run fails', async () => {
    const out = join(dir, 'new', 'sim');
    const ok = await runMain([
      'simulate',
      BELLS,
      '--spins',
      '1000',
      '--seed',
      '1',
      '--threads',
      '1',
      '--out',
      out,
    ]);
    expect(ok.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['distribution.csv', 'summary.csv']);
    const failing = join(dir, 'never', 'sim');
    const bad = await runMain(['simulate', BELLS, '--spins', '1000', '--seed', '', '--out', failing]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('certify --out', () => {
  it('that is a file, not empty, or cannot be created', async () => {
    await refused(
      ['certify', BELLS, '--spins', '10B', '--out', file],
      /--out: cannot write to .*a-file\.txt \(a file, not a folder\)/,
    );
    await refused(
      ['certify', BELLS, '--spins', '10B', '--out', full],
      /--out: .*full already exists and is not empty/,
    );
    await refused(
      ['certify', BELLS, '--spins', '10B', '--out', UNWRITABLE],
      /--out: cannot write to \/sys\/slotsim-test\/out/,
    );
  });
});

describe('check --junit and GITHUB_STEP_SUMMARY', () => {
  it('--junit that is a folder, or under a file', async () => {
    await refused(
      ['check', LOTUS, '--simulate', '10B', '--junit', folder],
      /--junit: cannot write to .*a-folder \(a folder, not a file\)/,
    );
    await refused(
      ['check', LOTUS, '--simulate', '10B', '--junit', join(file, 'check.xml')],
      /--junit: cannot write to .*check\.xml \(.*a-file\.txt is a file\)/,
    );
  });

  it('a step summary that is a folder', async () => {
    await refused(
      ['check', LOTUS, '--simulate', '10B'],
      /GITHUB_STEP_SUMMARY: cannot write to .*a-folder \(a folder, not a file\)/,
      {
        GITHUB_STEP_SUMMARY: folder,
      },
    );
  });
});

describe('the default report folder of certify', () => {
  it('gets a suffix when the folder of this second is taken (two runs in one second)', async () => {
    // Take the folders of the next few seconds, as a run started a moment earlier would.
    const cwd = join(dir, 'cwd');
    const game = { id: 'three-bells', version: '1.0.0', variant: null };
    const now = Date.now();
    const taken = [0, 1, 2, 3, 4, 5].map((s) => reportFolderName(game, new Date(now + s * 1000)));
    for (const name of taken) mkdirSync(join(cwd, 'reports', name), { recursive: true });
    const args = [
      'certify',
      resolve(BELLS),
      '--spins',
      '2000',
      '--detail-spins',
      '1000',
      '--seed',
      '1',
      '--threads',
      '1',
    ];
    const runs = await Promise.all([0, 1].map(() => runBin(args, cwd)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const written = readdirSync(join(cwd, 'reports')).filter((name) => !taken.includes(name));
    expect(written).toHaveLength(2);
    for (const name of written) {
      expect(taken.some((t) => name.startsWith(`${t}-`))).toBe(true);
      expect(readdirSync(join(cwd, 'reports', name))).toContain('report.json');
    }
  });
});

/** The built CLI as a process in `cwd` (the default report folder is relative to it). */
function runBin(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('bin/slotsim.js'), ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done({ code, stderr }));
  });
}
