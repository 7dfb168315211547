import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertifyReport } from '../../src/certify/report-types.js';
import type { CertifyVariantsJson } from '../../src/report/certify-variants.js';
import { runCli } from './run-cli.js';

const FILES = ['distribution.csv', 'par.csv', 'report.html', 'report.json', 'report.md'];

/** report.json without what differs between two runs of the same figures: date, timings, threads. */
function figures(report: CertifyReport): unknown {
  const { timings: _timings, identification, ...rest } = report;
  const { date: _date, threads: _threads, ...id } = identification;
  return { ...rest, identification: id };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('slotsim certify --all-variants (the built bin)', () => {
  it('writes the summary and a sub-folder per variant; each equals certify --variant V with the seed (seed 5)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-certify-all-'));
    const out = join(dir, 'all');
    // More rounds than Cochran's rule asks of the 3-coin level (skewness 78: more than 152,036), so verdict 1 is made.
    const common = ['--spins', '160k', '--seed', '5', '--threads', '1'];
    const all = runCli(['certify', 'configs/crimson-sevens.json', '--all-variants', ...common, '--out', out]);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/Certifying Crimson Sevens 1\.0\.0: 160,000 rounds/);
    expect(all.stderr).toMatch(/Certifying Crimson Sevens 1\.0\.0 \(variant 3-coin\): 160,000 rounds/);
    expect(all.stdout).toMatch(/^as written \(as-written\/\): PASS\n {2}1\. PASS /);
    expect(all.stdout).toMatch(/\nvariant 3-coin \(variant-3-coin\/\): PASS\n/);
    expect(all.stdout).toContain(`Report ID ${sha256(join(out, 'report.json'))} (SHA-256 of report.json)`);
    expect(readdirSync(out).sort()).toEqual([
      'as-written',
      'report.html',
      'report.json',
      'report.md',
      'variant-3-coin',
    ]);
    for (const folder of ['as-written', 'variant-3-coin'])
      expect(readdirSync(join(out, folder)).sort()).toEqual(FILES);
    const summary = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertifyVariantsJson;
    expect(summary.overall).toBe('PASS');
    expect(summary.variants!.map((v) => v.reportId)).toEqual([
      sha256(join(out, 'as-written', 'report.json')),
      sha256(join(out, 'variant-3-coin', 'report.json')),
    ]);

    const single = join(dir, 'single');
    expect(
      runCli(['certify', 'configs/crimson-sevens.json', '--variant', '3-coin', ...common, '--out', single])
        .code,
    ).toBe(0);
    const fromAll = JSON.parse(
      readFileSync(join(out, 'variant-3-coin', 'report.json'), 'utf8'),
    ) as CertifyReport;
    const alone = JSON.parse(readFileSync(join(single, 'report.json'), 'utf8')) as CertifyReport;
    expect(figures(fromAll)).toEqual(figures(alone));
    expect(readFileSync(join(out, 'variant-3-coin', 'par.csv'), 'utf8')).toBe(
      readFileSync(join(single, 'par.csv'), 'utf8'),
    );
  });

  it('--json prints the summary report.json; the default folder is <game>-<version>-all-variants-<UTC timestamp>', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'slotsim-certify-all-cwd-'));
    const result = spawnSync(
      process.execPath,
      [
        resolve('bin/slotsim.js'),
        'certify',
        resolve('configs/crimson-sevens.json'),
        '--all-variants',
        '--spins',
        '10k',
        '--seed',
        '1',
        '--json',
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const folders = readdirSync(join(cwd, 'reports'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^crimson-sevens-1\.0\.0-all-variants-\d{8}T\d{6}Z$/);
    expect(result.stdout).toBe(readFileSync(join(cwd, 'reports', folders[0]!, 'report.json'), 'utf8'));
    expect((JSON.parse(result.stdout) as CertifyVariantsJson).format).toBe('slotsim-certify-variants/1');
  });

  it('--variant with --all-variants is refused before anything runs (exit 2)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-all-')), 'x');
    const { code, stderr } = runCli([
      'certify',
      'configs/crimson-sevens.json',
      '--all-variants',
      '--variant',
      '3-coin',
      '--spins',
      '10k',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--variant and --all-variants cannot be combined/);
    expect(existsSync(out)).toBe(false);
  });
});
