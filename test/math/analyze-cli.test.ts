import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the CLI from source (tsx), as `slotsim analyze …`. */
function slotsim(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('slotsim analyze', () => {
  it('--json prints exactly one JSON document with the contract keys (fractions of the stake)', () => {
    const r = slotsim('configs/three-bells.json', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & {
      game: Record<string, unknown>;
      components: Record<string, number>;
      figures: { rtp: { exact: { numerator: string; denominator: string } } };
    };
    expect(Object.keys(doc.game)).toEqual(expect.arrayContaining(['id', 'version', 'variant', 'sha256']));
    expect(doc.game.id).toBe('three-bells');
    expect(doc.rtp).toBeCloseTo(697 / 736, 14);
    expect(doc.figures.rtp.exact).toEqual({ numerator: '697', denominator: '736' });
    // The December 2026 additions: `holdAndWin` beside the four parts (exactly 0 in a game without
    // it), and the mode with its cost.
    expect(Object.keys(doc.components).sort()).toEqual([
      'bonus',
      'freeSpins',
      'holdAndWin',
      'lines',
      'scatter',
    ]);
    expect(doc.components.holdAndWin).toBe(0);
    expect(doc.mode).toBe('base');
    expect(doc.cost).toBe(1);
    expect(doc.pFreeSpinsTrigger).toBe(0);
    expect(doc.pBonusTrigger).toBe(0);
    expect(doc).toHaveProperty('expectedFreeSpinsPerTrigger', null);
    expect(doc.exact).toBe(true);
    expect(doc).not.toHaveProperty('fullCycle');
  });

  it('--full-cycle adds fullCycle { cycle, hitFrequency, sd } of the paid spin', () => {
    const r = slotsim('configs/three-bells.json', '--full-cycle', '--json', '--threads', '2');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { fullCycle: { cycle: number; hitFrequency: number; sd: number } };
    expect(doc.fullCycle.cycle).toBe(1472);
    expect(doc.fullCycle.hitFrequency).toBeCloseTo(247 / 1472, 14);
    expect(doc.fullCycle.sd).toBeCloseTo(7.39399, 5);
  });

  it('prints tables on stdout and notes on stderr', () => {
    const r = slotsim('configs/starfall-20.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RTP');
    expect(r.stdout).toContain('Free-spin triggers');
    expect(r.stderr).toContain('--full-cycle');
  });

  it('exits 2 with one clear message on a bad file or variant', () => {
    const missing = slotsim('configs/no-such-game.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^slotsim: /);
    expect(missing.stderr).not.toContain('    at ');
    const variant = slotsim('configs/three-bells.json', '--variant', 'nope');
    expect(variant.code).toBe(2);
  });
});
