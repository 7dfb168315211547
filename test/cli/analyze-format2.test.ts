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

describe('analyze --all-modes: every mode, then the modes side by side and the spread of their RTPs', () => {
  it('text: each mode analysed, one table row per mode, the spread 697/736 − 697/1472 = 47.3505 points', async () => {
    const run = await runMain(['analyze', file, '--all-modes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Mode base\n/);
    expect(run.stdout).toMatch(/\nMode double, mode double \(2 credits a round\)\n/);
    expect(run.stdout).toMatch(/│ base\s+│ 1 credit\s+│ a paid spin\s+│ 94\.7011% = 697\/736\s+│/);
    expect(run.stdout).toMatch(/│ double\s+│ 2 credits\s+│ a paid spin\s+│ 47\.3505% = 697\/1472\s+│/);
    // 247 of 1,472 weighted combinations win in either mode: 16.7799%, 1 in 5.96.
    expect(run.stdout.match(/16\.7799% \(1 in 5\.96\) = 247\/1472/g)?.length).toBe(2);
    expect(run.stdout).toContain(
      'RTP across the modes: lowest 47.3505% (double), highest 94.7011% (base); 47.3505 percentage points apart.',
    );
  });

  it("--json: one document with each mode's analysis, the table rows and the spread", async () => {
    const run = await runMain(['analyze', file, '--all-modes', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      format: string;
      modes: { mode: string; figures: { rtp: { exact: { numerator: string; denominator: string } } } }[];
      table: { mode: string; cost: number; rtp: { precision: string } }[];
      rtpSpread: { lowest: { mode: string }; highest: { mode: string }; difference: number };
    };
    expect(doc.format).toBe('slotsim-analyze-modes/1');
    const rtps = doc.modes.map((m) => [
      m.mode,
      m.figures.rtp.exact.numerator,
      m.figures.rtp.exact.denominator,
    ]);
    expect(rtps).toEqual([
      ['base', '697', '736'],
      ['double', '697', '1472'],
    ]);
    expect(doc.table.map((r) => [r.mode, r.cost, r.rtp.precision])).toEqual([
      ['base', 1, 'exact'],
      ['double', 2, 'exact'],
    ]);
    expect([doc.rtpSpread.lowest.mode, doc.rtpSpread.highest.mode]).toEqual(['double', 'base']);
    expect(doc.rtpSpread.difference).toBeCloseTo(697 / 1472, 15);
  });

  it('--all-modes with --mode, or with --partial, is bad input (exit 2)', async () => {
    const withMode = await runMain(['analyze', file, '--all-modes', '--mode', 'double']);
    expect(withMode.code).toBe(2);
    expect(withMode.stderr).toMatch(/--all-modes cannot be combined with --mode/);
    const sharded = await runMain(['analyze', file, '--all-modes', '--shard', '0/2', '--partial', 'x.json']);
    expect(sharded.code).toBe(2);
    expect(sharded.stderr).toMatch(/--all-modes cannot be combined with --shard/);
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
