import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertifyReport } from '../../src/certify/report-types.js';
import type { CertifyVariantsJson } from '../../src/report/certify-variants.js';
import { runMain } from '../cli/in-process.js';
import { sumBells } from './sum-bells.js';

const FILES = ['distribution.csv', 'par.csv', 'report.html', 'report.json', 'report.md'];

/** A mode "double" stakes 2 credits a round for the same game: its RTP per credit staked is 697/1472. */
function modesFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-modes-')), 'bells.json');
  const modes = { double: { cost: 2, rtp: { target: 697 / 1472, tolerance: 0.001 } } };
  writeFileSync(file, JSON.stringify({ ...sumBells, rtp: { target: 697 / 736, tolerance: 0.001 }, modes }));
  return file;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** report.json without what differs between two runs of the same figures: date, timings, threads. */
function figures(report: CertifyReport): unknown {
  const { timings: _timings, identification, ...rest } = report;
  const { date: _date, threads: _threads, ...id } = identification;
  return { ...rest, identification: id };
}

describe('slotsim certify --all-modes', () => {
  it('one folder: a summary row per mode (RTP per credit of its cost, exact), each mode as certify --mode M writes it (seed m1)', async () => {
    const file = modesFile();
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-certify-modes-out-'));
    const out = join(dir, 'all');
    const common = ['--spins', '20k', '--seed', 'm1', '--threads', '1'];
    const run = await runMain(['certify', file, '--all-modes', ...common, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Certifying Three Bells 1\.0\.0: 20,000 rounds/);
    expect(run.stderr).toMatch(
      /Certifying Three Bells 1\.0\.0, mode double \(2 credits a round\): 20,000 rounds/,
    );
    expect(run.stdout).toMatch(/^mode base \(mode-base\/\): PASS\n {2}1\. PASS /);
    expect(run.stdout).toMatch(/\nmode double \(mode-double\/\): PASS\n/);
    expect(readdirSync(out).sort()).toEqual([
      'mode-base',
      'mode-double',
      'report.html',
      'report.json',
      'report.md',
    ]);
    for (const folder of ['mode-base', 'mode-double'])
      expect(readdirSync(join(out, folder)).sort()).toEqual(FILES);

    const summary = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertifyVariantsJson;
    expect(summary.format).toBe('slotsim-certify-modes/1');
    expect(summary.variants).toBeUndefined();
    expect(summary.identification.command).toBe(
      `slotsim certify ${file} --all-modes --spins 20000 --seed m1 --rng aes-128-ctr --threads 1 --detail-spins 20000`,
    );
    const modes = summary.modes!;
    expect(modes.map((m) => [m.mode, m.cost, m.folder, m.overall])).toEqual([
      ['base', 1, 'mode-base', 'PASS'],
      ['double', 2, 'mode-double', 'PASS'],
    ]);
    // Per credit of the mode's cost: the same wins over twice the stake.
    expect(modes.map((m) => [m.rtp.exact.fraction, m.rtp.exact.precision])).toEqual([
      ['697/736', 'exact'],
      ['697/1472', 'exact'],
    ]);
    expect(modes[1]!.rtp.simulated).toBeCloseTo(modes[0]!.rtp.simulated / 2, 12);
    // 247 of the 1,472 weighted stop combinations win, in either mode.
    expect(modes.map((m) => m.hitFrequency?.fraction)).toEqual(['247/1472', '247/1472']);
    // The largest round is 200 credits (three wilds): 200× a 1-credit stake, 100× a 2-credit one.
    expect(modes.map((m) => [m.maxExposure.x, m.maxExposure.from])).toEqual([
      [200, 'bound'],
      [100, 'bound'],
    ]);
    expect(modes.map((m) => m.reportId)).toEqual([
      sha256(join(out, 'mode-base', 'report.json')),
      sha256(join(out, 'mode-double', 'report.json')),
    ]);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Certification report: Three Bells 1\.0\.0, every bet mode$/m);
    expect(md).toMatch(
      /^\| base \| 1 credit \| 94\.7011% = 697\/736 \| 16\.78% = 247\/1472 \| 200\.00× cost/m,
    );
    expect(md).toMatch(
      /^\| double \| 2 credits \| 47\.3505% = 697\/1472 \| 16\.78% = 247\/1472 \| 100\.00× cost/m,
    );
    // The spread of RTP across the modes: 697/736 − 697/1472 = 697/1472 = 47.3505 percentage points.
    expect(summary.rtpSpread!.lowest).toEqual({ mode: 'double', rtp: 697 / 1472, precision: 'exact' });
    expect(summary.rtpSpread!.highest).toEqual({ mode: 'base', rtp: 697 / 736, precision: 'exact' });
    expect(summary.rtpSpread!.difference).toBeCloseTo(697 / 1472, 15);
    expect(md).toContain(
      'RTP across the modes: lowest 47.3505% (double), highest 94.7011% (base); 47.3505 percentage points apart.',
    );
    expect(md).toMatch(/^## 3 Mode double \(2 credits a round\)$/m);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Summary of the bet modes');
    expect(html).toContain('47.3505% = 697/1472');
    expect(html).toContain('RTP across the modes: lowest 47.3505% (double)');

    // Each mode's report is the one certify --mode M writes alone, and names that command.
    const single = join(dir, 'single');
    expect((await runMain(['certify', file, '--mode', 'double', ...common, '--out', single])).code).toBe(0);
    const fromAll = JSON.parse(
      readFileSync(join(out, 'mode-double', 'report.json'), 'utf8'),
    ) as CertifyReport;
    const alone = JSON.parse(readFileSync(join(single, 'report.json'), 'utf8')) as CertifyReport;
    expect(figures(fromAll)).toEqual(figures(alone));
    expect(fromAll.identification.command).toMatch(/ --mode double --spins 20000 /);
    expect(fromAll.identification.command).not.toMatch(/--all-modes/);
  });

  it('--mode with --all-modes is refused before anything is written (exit 2)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-modes-out-')), 'x');
    const run = await runMain(['certify', modesFile(), '--all-modes', '--mode', 'double', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--all-modes cannot be combined with --mode/);
    expect(existsSync(out)).toBe(false);
  });
});
