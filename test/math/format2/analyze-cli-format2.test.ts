import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COIN_GAME } from './coin-game.js';

const dir = mkdtempSync(join(tmpdir(), 'slotsim-f2-analyze-'));
const file = join(dir, 'coin-harbor.json');
writeFileSync(file, JSON.stringify(COIN_GAME, null, 2));

/** Runs the CLI from source (tsx), as `slotsim analyze …`. */
function slotsim(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Doc {
  mode: string;
  cost: number;
  rtp: number;
  exact: boolean;
  components: Record<string, number>;
  figures: {
    rtp: { precision: string; exact: { numerator: string; denominator: string } | null };
    components: Record<string, { precision: string }>;
  };
  format2: { simulated: string[]; holdAndWin: { jackpots: { tier: string }[] }; spins: { base: unknown } };
}

describe('slotsim analyze on a format-2 game', () => {
  it('--mode coins --json: the mode, its cost, the hold-and-win component and every figure labelled', () => {
    const r = slotsim(file, '--mode', 'coins', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.mode).toBe('coins');
    expect(doc.cost).toBe(300);
    expect(Object.keys(doc.components).sort()).toEqual([
      'bonus',
      'freeSpins',
      'holdAndWin',
      'lines',
      'scatter',
    ]);
    expect(doc.components.holdAndWin).toBeCloseTo(doc.rtp, 14);
    expect(doc.components.lines).toBe(0);
    expect(['exact', 'exact-double']).toContain(doc.figures.rtp.precision);
    expect(doc.figures.components.holdAndWin!.precision).toBe(doc.figures.rtp.precision);
    expect(doc.exact).toBe(true);
    expect(doc.format2.simulated).toEqual([]);
    expect(doc.format2.holdAndWin.jackpots.map((j) => j.tier)).toEqual(['MINI', 'MAJOR', 'GRAND']);
    expect(doc.format2.spins.base).toBeNull();
  });

  it('the paid spin enumerated; with --budget 1 the figures that need it are simulated and named', () => {
    const exact = JSON.parse(slotsim(file, '--json').stdout) as Doc;
    expect(exact.figures.components.lines!.precision).toBe('exact');
    const r = slotsim(file, '--budget', '1', '--sim-spins', '20k', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.exact).toBe(false);
    expect(doc.figures.rtp.precision).toBe('simulated');
    expect(doc.format2.simulated).toEqual(
      expect.arrayContaining(['rtp', 'components.lines', 'components.holdAndWin']),
    );
  });

  it('tables on stdout, NOT EXACT and notes on stderr; a bad mode or budget exits 2', () => {
    const r = slotsim(file, '--budget', '1', '--sim-spins', '20k');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hold and win');
    expect(r.stderr).toContain('NOT EXACT: the paid spins (reel set "base") are not enumerated');
    const mode = slotsim(file, '--mode', 'nope');
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('nope');
    const budget = slotsim(file, '--budget', 'lots');
    expect(budget.code).toBe(2);
  });
});
