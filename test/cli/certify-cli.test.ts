import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertifyReport } from '../../src/certify/report-types.js';
import { runCli } from './run-cli.js';

const FILES = ['distribution.csv', 'par.csv', 'report.html', 'report.json', 'report.md'];

/** report.json without what legitimately differs between two runs: the date, the timings, the threads. */
function figures(report: CertifyReport): unknown {
  const { timings: _timings, identification, ...rest } = report;
  const { date: _date, threads: _threads, command, ...id } = identification;
  return { ...rest, identification: { ...id, command: command.replace(/ --threads \d+/, '') } };
}

describe('slotsim certify (the built bin, end to end)', () => {
  it('writes the five files with the identification, and its command reproduces report.json (seed 41)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-certify-'));
    const out = join(dir, 'first');
    const { code, stdout, stderr } = runCli([
      'certify',
      'configs/three-bells.json',
      '--spins',
      '200k',
      '--seed',
      '41',
      '--threads',
      '2',
      '--out',
      out,
    ]);
    expect(stderr).toMatch(/Certifying Three Bells 1\.0\.0: 200,000 rounds/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Overall: PASS\. Report written to /);
    expect(readdirSync(out).sort()).toEqual(FILES);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertifyReport;
    const sha = /"sha256": "([0-9a-f]{64})"/.exec(readFileSync(join(out, 'report.json'), 'utf8'))![1];
    expect(report.identification).toMatchObject({
      game: {
        id: 'three-bells',
        version: '1.0.0',
        variant: null,
        sha256: sha,
        file: 'configs/three-bells.json',
      },
      slotsimVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      rng: 'aes-128-ctr',
      seed: '41',
      rounds: 200_000,
      detailRounds: 200_000,
      threads: 2,
    });
    expect(Date.parse(report.identification.date)).toBeGreaterThan(Date.parse('2024-01-01'));
    expect(report.identification.command).toBe(
      'slotsim certify configs/three-bells.json --spins 200000 --seed 41 --rng aes-128-ctr --threads 2 --detail-spins 200000',
    );
    expect(report.verdicts.map((v) => v.status)).toEqual(['PASS', 'N/A', 'PASS', 'PASS', 'PASS', 'N/A']);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).toContain(sha);
    // The command is printed one <span> per shell word (so it wraps only between words).
    const shown = /<pre class="command"><code>(.*?)<\/code><\/pre>/s.exec(html)![1]!;
    expect(shown.replaceAll(/<[^>]+>/g, '')).toBe(report.identification.command);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    for (const text of [sha, report.identification.command, 'aes-128-ctr', '| seed | 41 |'])
      expect(md).toContain(text);

    // Re-run the recorded command through a real shell, `slotsim` on the PATH, --threads changed.
    const bin = join(dir, 'bin');
    spawnSync('mkdir', [bin]);
    writeFileSync(
      join(bin, 'slotsim'),
      `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/slotsim.js')}" "$@"\n`,
    );
    chmodSync(join(bin, 'slotsim'), 0o755);
    const again = join(dir, 'again');
    const rerun = spawnSync(
      'sh',
      ['-c', `${report.identification.command.replace('--threads 2', '--threads 1')} --out ${again}`],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      },
    );
    expect(rerun.status).toBe(0);
    const second = JSON.parse(readFileSync(join(again, 'report.json'), 'utf8')) as CertifyReport;
    expect(figures(second)).toEqual(figures(report));
  });

  it('--json prints report.json on stdout; a random seed is written into the command', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-')), 'r');
    const { code, stdout } = runCli([
      'certify',
      'configs/crimson-sevens.json',
      '--variant',
      '3-coin',
      '--spins',
      '50k',
      '--out',
      out,
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CertifyReport;
    expect(stdout).toBe(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.identification.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(report.identification.command).toContain(
      `--variant 3-coin --spins 50000 --seed ${report.identification.seed} `,
    );
    expect(report.verdicts[1]).toMatchObject({ id: 'rtp-target', status: 'PASS' });
  });

  it('the default folder is reports/<game>-<version>[-<variant>]-<UTC timestamp>/', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slotsim-certify-cwd-'));
    const result = spawnSync(
      process.execPath,
      [
        resolve('bin/slotsim.js'),
        'certify',
        resolve('configs/lotus-lagoon.json'),
        '--variant',
        '94',
        '--spins',
        '20k',
        '--seed',
        '1',
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const folders = readdirSync(join(cwd, 'reports'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^lotus-lagoon-1\.0\.0-94-\d{8}T\d{6}Z$/);
    expect(readdirSync(join(cwd, 'reports', folders[0]!)).sort()).toEqual(FILES);
  });

  it('--spins 1 writes the report, exits 0 and says INCONCLUSIVE, never PASS; --rng-certificate is quoted and kept in the command', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-')), 'one');
    const certificate = 'GLI-19 #123 (dieharder -a: all PASSED)';
    const { code, stdout } = runCli([
      'certify',
      'configs/three-bells.json',
      '--spins',
      '1',
      '--seed',
      '1',
      '--rng-certificate',
      certificate,
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Overall: INCONCLUSIVE\. Report written to /);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertifyReport;
    expect(report.overall).toBe('INCONCLUSIVE');
    expect(report.identification.rngCertificate).toBe(certificate);
    expect(report.identification.command).toContain(`--rng-certificate '${certificate}'`);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(certificate);
  });

  it('refuses a statistically weak generator before running (exit 2)', () => {
    const { code, stderr } = runCli([
      'certify',
      'configs/three-bells.json',
      '--rng',
      'xorwow',
      '--spins',
      '10k',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--rng xorwow: a statistically weak generator .* use one of: aes-128-ctr, chacha20/,
    );
  });

  it('refuses a non-empty --out folder before running (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-certify-'));
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const { code, stderr } = runCli(['certify', 'configs/three-bells.json', '--spins', '10k', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/already exists and is not empty/);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('Ctrl-C exits 130 and leaves no report folder, not even a partial one', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'slotsim-certify-int-'));
    const out = join(parent, 'report');
    const child = spawn(
      process.execPath,
      ['bin/slotsim.js', 'certify', 'configs/three-bells.json', '--spins', '5B', '--seed', '1', '--out', out],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (stderr.includes('Certifying')) {
          clearInterval(poll);
          setTimeout(done, 700);
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
