import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rate } from '../../src/math/simulated-analysis.js';
import { threeBells } from '../helpers/games.js';
import { runMain } from './in-process.js';

/** Three Bells as format 2 with "sum" wilds (pays as the classic game: RTP 697/736) and a mode. */
const file = join(mkdtempSync(join(tmpdir(), 'slotsim-analyze2-')), 'sum-bells.json');
writeFileSync(
  file,
  JSON.stringify({
    ...threeBells,
    format: 'slotsim/2',
    wildMultipliers: 'sum',
    modes: { double: { cost: 2 } },
  }),
);

interface FigureJson {
  value: number;
  precision: string;
  exact: unknown;
  interval99?: [number, number];
}

/** Every object with a `precision` member, anywhere in a JSON document. */
function figuresIn(node: unknown, path = '$'): [string, FigureJson][] {
  if (node === null || typeof node !== 'object') return [];
  const own: [string, FigureJson][] = 'precision' in node ? [[path, node as FigureJson]] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => figuresIn(value, `${path}.${key}`))];
}

describe('analyze of a game using a format-2 mechanic: every figure simulated, none called exact', () => {
  it('--json: every figure has precision "simulated", with its 99% interval around it (seed a-sim)', async () => {
    const run = await runMain(['analyze', file, '--json', '--sim-spins', '300k', '--sim-seed', 'a-sim']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown> & {
      components: Record<string, number>;
      simulation: { spins: number; seed: string };
      exact: boolean;
      notExact: string[];
      figures: { rtp: FigureJson };
    };
    const figures = figuresIn(doc);
    // rtp, five parts, three trigger rates (no free spins: no spins per trigger), hit frequency, sd.
    expect(figures.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        '$.figures.rtp',
        '$.figures.components.holdAndWin',
        '$.figures.pHoldAndWinTrigger',
        '$.figures.hitFrequency',
        '$.figures.sd',
      ]),
    );
    expect(figures).toHaveLength(11);
    for (const [path, f] of figures) {
      expect(f.precision, path).toBe('simulated');
      expect(f.exact, path).toBeNull();
    }
    // Every mean and rate but the sd carries its interval, which holds its value.
    for (const [path, f] of figures.filter(([p]) => !p.endsWith('.sd'))) {
      expect(f.interval99, path).toBeDefined();
      expect(f.interval99![0], path).toBeLessThanOrEqual(f.value);
      expect(f.interval99![1], path).toBeGreaterThanOrEqual(f.value);
    }
    expect(doc.exact).toBe(false);
    expect(doc.notExact.join(' ')).toMatch(
      /does not support "wildMultipliers": "sum" yet: every figure is simulated/,
    );
    expect(doc).toMatchObject({ mode: 'base', cost: 1, simulation: { spins: 300_000, seed: 'a-sim' } });
    expect(Object.keys(doc.components).sort()).toEqual([
      'bonus',
      'freeSpins',
      'holdAndWin',
      'lines',
      'scatter',
    ]);
    // The RTP's interval holds the exact RTP of the classic game it pays as (99%: fails 1 seed in 100).
    const [lo, hi] = doc.figures.rtp.interval99!;
    expect(lo).toBeLessThan(697 / 736);
    expect(hi).toBeGreaterThan(697 / 736);
  });

  it('--mode double: per credit staked in the mode, and the text says it is simulated', async () => {
    const run = await runMain(['analyze', file, '--mode', 'double', '--sim-spins', '200k']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ mode\s+│ double/);
    expect(run.stdout).toMatch(/│ RTP\s+│ 4\d\.\d+%\s+│ simulated, 99% /);
    expect(run.stdout).toMatch(/every figure simulated/);
    expect(run.stderr).toMatch(/NOT EXACT: the exact analysis does not support/);
    expect(run.stderr).toMatch(/seed "slotsim-analyze"/);
    expect(run.stdout).not.toMatch(/Paid-spin pays/);
  });
});

describe("a simulated rate's 99% interval (Wilson's score interval)", () => {
  it('is not empty at a rate of 0 or 1, and stays inside [0, 1]', () => {
    // z = 2.5758: at 0 of n the upper end is z² / (n + z²) = 6.6349 / 106.6349 = 0.062221 for n = 100.
    const none = rate(0, 100);
    expect(none.value).toBe(0);
    expect(none.interval99![0]).toBe(0);
    expect(none.interval99![1]).toBeCloseTo(6.634896601 / 106.634896601, 9);
    const all = rate(100, 100);
    expect(all.interval99![0]).toBeCloseTo(1 - 6.634896601 / 106.634896601, 9);
    expect(all.interval99![1]).toBe(1);
  });

  it('agrees with the normal interval p ± z·√(p(1−p)/n) when n is large', () => {
    const r = rate(300_000, 1_000_000);
    const half = 2.5758293035489 * Math.sqrt((0.3 * 0.7) / 1e6);
    // Wilson's centre moves by about z²(1 − 2p) / 2n = 1.3e-6 here.
    expect(r.interval99![0]).toBeCloseTo(0.3 - half, 5);
    expect(r.interval99![1]).toBeCloseTo(0.3 + half, 5);
    expect(r.precision).toBe('simulated');
  });
});
