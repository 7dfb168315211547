import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertifyReport } from '../../src/certify/report-types.js';
import { runMain } from '../cli/in-process.js';
import { sumBells } from './sum-bells.js';

/** Three Bells as format 2 ("sum" wilds) with a declared target: its 512 spins are enumerable. */
function gameFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slotsim-certify-budget-')), 'bells.json');
  writeFileSync(file, JSON.stringify({ ...sumBells, rtp: { target: 697 / 736, tolerance: 0.05 } }));
  return file;
}

describe('certify --budget (format 2)', () => {
  const common = ['--spins', '20k', '--seed', 'b1', '--threads', '1', '--json'];

  it('within the default budget the RTP is exact (697/736) and the command names no --budget', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-budget-out-')), 'r');
    const run = await runMain(['certify', gameFile(), ...common, '--out', out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CertifyReport;
    expect(report.exact.rtp.precision).toBe('exact');
    expect(report.identification.command).not.toMatch(/--budget/);
  });

  it("--budget 1: the 512 spins pass it, so the RTP is this run's simulated one, and the command keeps --budget 1", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slotsim-budget-out-')), 'r');
    const run = await runMain(['certify', gameFile(), ...common, '--budget', '1', '--out', out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CertifyReport;
    expect(report.exact.rtp.precision).toBe('simulated');
    expect(report.identification.command).toMatch(/ --budget 1( |$)/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/--budget 1/);
  });
});
