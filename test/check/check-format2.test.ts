import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGame } from '../../src/check/check-game.js';
import type { CheckOptions } from '../../src/check/check-game.js';
import { CASE_Z } from '../../src/check/check-level.js';
import { parseGame } from '../../src/game/index.js';
import { planFormat2, rtpOnlyPlans } from '../../src/math/format2/plan-format2.js';
import { caseName } from '../../src/report/check-rows.js';
import { runMain } from '../cli/in-process.js';
import { threeBells } from '../helpers/games.js';

/**
 * Three Bells as format 2 with "sum" wild multipliers: it pays exactly as the classic game, whose
 * RTP is 697/736 = 0.947011 and sd of a round 7.39399. Its 512 spins are within the exact
 * analysis's budget; a budget of 1 sends it to the simulation.
 */
const sumBells = { ...threeBells, format: 'slotsim/2', wildMultipliers: 'sum' };
const text = JSON.stringify(sumBells);
const game = parseGame(text, { file: 'sum-bells.json' });
const EXACT = 697 / 736;
const SD = 7.39399;

const options: CheckOptions = {
  simulate: null,
  seed: 'slotsim-check',
  rng: 'aes-128-ctr',
  threads: 2,
  capSpins: 1_000_000,
  budget: 1,
};

const check = (target: number, tolerance: number, extra: Partial<CheckOptions> = {}) =>
  checkGame(
    { file: 'sum-bells.json', game, text, target: { target, tolerance, source: 'command line' } },
    { ...options, ...extra },
  );

describe('check of a game using a format-2 mechanic: gated on the simulated interval at 10⁻⁴', () => {
  // 1,000,000 rounds: the interval is ± 3.8906 × 7.39399 / 1000 = ± 0.02877 around the estimate,
  // and the estimate itself lies within ± 0.0288 of 697/736 but in 1 run of 10,000.
  const half = (CASE_Z * SD) / Math.sqrt(1_000_000);

  it('PASS when the interval lies inside the band: 697/736 ± 0.06 (seed slotsim-check)', async () => {
    const r = await check(EXACT, 0.06);
    expect(r.verdicts.map((v) => v.status)).toEqual(['PASS']);
    expect(r.passed).toBe(true);
    expect(r.rtp).toEqual({ value: r.simulation!.rtp, precision: 'simulated', fraction: null });
    expect(r.notExact.join(' ')).toMatch(/512 combinations pass the budget of 1/);
    expect(r.simulation).toMatchObject({ spins: 1_000_000, why: 'no exact RTP' });
    expect(Math.abs(r.simulation!.rtp - EXACT)).toBeLessThan(half);
    expect(r.verdicts[0]!.figures.level).toBe(1e-4);
  });

  it('FAIL when it lies wholly outside: 0.80 ± 0.05', async () => {
    const r = await check(0.8, 0.05);
    expect(r.verdicts[0]!.status).toBe('FAIL');
    expect(r.passed).toBe(false);
  });

  it('INCONCLUSIVE (and not passed) when it crosses an edge: the band starts at 697/736', async () => {
    const r = await check(EXACT + 0.05, 0.05);
    expect(r.verdicts[0]!.status).toBe('INCONCLUSIVE');
    expect(r.passed).toBe(false);
    expect(r.verdicts[0]!.figures.roundsToSettle).toBeGreaterThan(1_000_000);
  });

  it('--simulate N: the same gate on N rounds, and no exact RTP to agree with (N/A)', async () => {
    const r = await check(EXACT, 0.06, { simulate: 1_000_000 });
    expect(r.verdicts.map((v) => v.status)).toEqual(['PASS', 'N/A']);
    expect(r.simulation!.why).toBe('requested');
    expect(r.verdicts[1]!.status === 'N/A' && r.verdicts[1]!.reason).toMatch(/no exact RTP to compare with/);
  });
});

describe('check of a format-2 game its exact analysis covers: gated on the exact RTP', () => {
  it('PASS on the exact 697/736 within ± 0.001, nothing simulated; FAIL just outside', async () => {
    const r = await check(EXACT, 0.001, { budget: 2e9 });
    expect(r.rtp).toEqual({ value: EXACT, precision: 'exact', fraction: '697/736' });
    expect(r.simulation).toBeNull();
    expect(r.verdicts.map((v) => v.status)).toEqual(['PASS']);
    const off = await check(EXACT + 0.0011, 0.001, { budget: 2e9 });
    expect(off.verdicts.map((v) => v.status)).toEqual(['FAIL']);
  });

  it('--simulate N: the simulation must agree with the exact RTP (PASS, PASS)', async () => {
    const r = await check(EXACT, 0.01, { budget: 2e9, simulate: 1_000_000 });
    expect(r.verdicts.map((v) => v.status)).toEqual(['PASS', 'PASS']);
  });
});

describe('check of a format-2 game whose RTP cannot be exact: nothing is enumerated for nothing', () => {
  it('ember-falls: its free spins share a ladder, so its 6.3 × 10⁸ paid spins are not enumerated either (200k rounds)', async () => {
    const file = 'configs/ember-falls.json';
    const emberText = readFileSync(file, 'utf8');
    const ember = parseGame(emberText, { file });
    const planned = planFormat2(ember, 2e9);
    expect(planned.base?.enumerate).toBe(true);
    expect(planned.free?.enumerate).toBe(false);
    const only = rtpOnlyPlans(planned).base;
    expect(only?.enumerate).toBe(false);
    expect(only !== null && !only.enumerate && only.reason).toMatch(
      /only the RTP was asked for.*ladderScope/,
    );
    const r = await checkGame(
      {
        file,
        game: ember,
        text: emberText,
        target: { target: 0.95, tolerance: 0.05, source: 'command line' },
      },
      { ...options, budget: 2e9, simulate: 200_000 },
    );
    expect(r.rtp.precision).toBe('simulated');
    expect(r.notExact.join(' ')).toMatch(/ladderScope/);
    // The paid spins (minutes of enumeration here) were skipped, and the reason says why.
    expect(r.notExact.join(' ')).toMatch(/paid spins \(reel set "base"\) are not enumerated: only the RTP/);
  });
});

describe('check --mode and --all-modes', () => {
  /** Modes with their own targets: "double" stakes 2 credits, so its RTP is half the base game's. */
  const file = join(mkdtempSync(join(tmpdir(), 'slotsim-modes-')), 'modes.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...sumBells,
      // 200,000 rounds: ± 3.8906 × 7.39399 / √200,000 = ± 0.0643 (± 0.0322 at cost 2).
      rtp: { target: EXACT, tolerance: 0.15 },
      modes: {
        double: { cost: 2, rtp: { target: EXACT / 2, tolerance: 0.075 } },
        wrong: { cost: 2, rtp: { target: EXACT, tolerance: 0.06 } },
      },
    }),
  );

  it('gates each mode on its own target: base and double pass, wrong (half the RTP it claims) fails', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'slotsim-junit-')), 'check.xml');
    const run = await runMain(
      ['check', file, '--all-modes', '--simulate', '200k', '--json', '--junit', junit, '--threads', '2'],
      { GITHUB_STEP_SUMMARY: '' },
    );
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      results: { mode: string; passed: boolean; rtp: { precision: string } }[];
      falseAlarm: { tests: number };
    };
    expect(doc.results.map((r) => [r.mode, r.passed])).toEqual([
      ['base', true],
      ['double', true],
      ['wrong', false],
    ]);
    // Within the default budget every mode's RTP is exact: 697/736 and 697/1472.
    expect(doc.results.map((r) => r.rtp.precision)).toEqual(['exact', 'exact', 'exact']);
    expect(doc.falseAlarm.tests).toBe(3);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('name="three-bells 1.0.0 (mode double)"');
    expect(xml).toContain('name="three-bells 1.0.0"');
  });

  it('--mode checks that mode of every game, named in the case', async () => {
    const run = await runMain(['check', file, '--mode', 'double', '--simulate', '200k', '--threads', '2'], {
      GITHUB_STEP_SUMMARY: '',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/three-bells 1\.0\.0 \(mode double\):/);
    expect(run.stdout).toMatch(/—, mode double/);
  });

  it('names the mode in a case', () => {
    const g = parseGame(readFileSync(file, 'utf8'), { file, mode: 'double' });
    expect(
      caseName({
        file,
        game: { id: g.id, name: g.name, version: g.version, variant: null, sha256: '' },
        mode: g.mode,
        target: { target: 0.5, tolerance: 0.1, source: 'declared' },
        rtp: { value: 0.5, precision: 'simulated', fraction: null },
        notExact: [],
        simulation: null,
        verdicts: [],
        passed: true,
        elapsedSeconds: 0,
      }),
    ).toBe('three-bells 1.0.0 (mode double)');
  });
});
