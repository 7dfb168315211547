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

describe('analyze of a game using a format-2 mechanic: exact where enumerated, simulated past --budget', () => {
  it("--json within the budget: the RTP is exactly the classic game's 697/736 (sum wilds pay as products on 1×/2× wilds here)", async () => {
    const run = await runMain(['analyze', file, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      exact: boolean;
      figures: { rtp: FigureJson };
      mode: string;
      cost: number;
    };
    expect(doc.exact).toBe(true);
    expect(doc.figures.rtp).toMatchObject({
      precision: 'exact',
      exact: { numerator: '697', denominator: '736' },
    });
    expect(doc).toMatchObject({ mode: 'base', cost: 1 });
  });

  it('--budget 1: the figures that need the enumeration are simulated, with their 99% interval around them (seed a-sim)', async () => {
    const run = await runMain([
      'analyze',
      file,
      '--json',
      '--budget',
      '1',
      '--sim-spins',
      '300k',
      '--sim-seed',
      'a-sim',
    ]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown> & {
      simulation: { spins: number; seed: string };
      exact: boolean;
      notExact: string[];
      figures: { rtp: FigureJson };
      format2: { simulated: string[] };
    };
    const figures = new Map(figuresIn(doc));
    expect(doc.format2.simulated).toEqual(expect.arrayContaining(['rtp', 'hitFrequency', 'sd']));
    for (const name of doc.format2.simulated) {
      const f = figures.get(`$.figures.${name}`)!;
      expect(f.precision, name).toBe('simulated');
      expect(f.exact, name).toBeNull();
      if (name === 'sd') continue;
      expect(f.interval99![0], name).toBeLessThanOrEqual(f.value);
      expect(f.interval99![1], name).toBeGreaterThanOrEqual(f.value);
    }
    expect(doc.exact).toBe(false);
    expect(doc.notExact.join(' ')).toMatch(/512 combinations pass the budget of 1/);
    expect(doc).toMatchObject({ simulation: { spins: 300_000, seed: 'a-sim' } });
    // The RTP's interval holds the exact RTP of the classic game it pays as (99%: fails 1 seed in 100).
    const [lo, hi] = doc.figures.rtp.interval99!;
    expect(lo).toBeLessThan(697 / 736);
    expect(hi).toBeGreaterThan(697 / 736);
  });

  it('--mode double: per credit staked in the mode (697/1472), exact', async () => {
    const run = await runMain(['analyze', file, '--mode', 'double']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ mode\s+│ double: 2 credits a round/);
    expect(run.stdout).toMatch(/│ RTP\s+│ 47\.3505%\s+│ exact 697\/1472/);
    expect(run.stderr).toMatch(/mode double \(2 credits a round\)/);
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
