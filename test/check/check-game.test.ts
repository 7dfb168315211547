import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGame } from '../../src/check/check-game.js';
import type { CheckOptions } from '../../src/check/check-game.js';
import { resolveTarget } from '../../src/check/resolve-target.js';
import { verdictLine } from '../../src/certify/verdict.js';
import { parseGame } from '../../src/game/index.js';
import { checkRow } from '../../src/report/check-rows.js';

function open(name: string, variant: string | null = null) {
  const file = `configs/${name}.json`;
  const text = readFileSync(file, 'utf8');
  return { file, text, game: parseGame(text, { file, variant }) };
}

const options: CheckOptions = {
  simulate: null,
  seed: 'slotsim-check',
  rng: 'aes-128-ctr',
  threads: 0,
  capSpins: 200_000,
};

describe('resolveTarget', () => {
  const { game } = open('lotus-lagoon', '94');
  it('takes the declared target, and each flag replaces its part', () => {
    expect(resolveTarget(game, { target: null, tolerance: null })).toEqual({
      target: 0.942,
      tolerance: 0.0005,
      source: 'declared',
    });
    expect(resolveTarget(game, { target: null, tolerance: 0.01 })).toEqual({
      target: 0.942,
      tolerance: 0.01,
      source: 'declared and command line',
    });
    expect(resolveTarget(game, { target: 0.9, tolerance: 0.01 })?.source).toBe('command line');
  });

  it('is null for a game without a target unless both flags are given', () => {
    const { game: bells } = open('three-bells');
    expect(resolveTarget(bells, { target: null, tolerance: null })).toBeNull();
    expect(resolveTarget(bells, { target: 0.95, tolerance: null })).toBeNull();
    expect(resolveTarget(bells, { target: 0.95, tolerance: 0.01 })).toMatchObject({ source: 'command line' });
  });
});

describe('checkGame', () => {
  it('passes a bundled game at its declared target, exactly, without simulating', async () => {
    const input = open('crimson-sevens', '3-coin');
    const result = await checkGame(
      { ...input, target: resolveTarget(input.game, { target: null, tolerance: null })! },
      options,
    );
    expect(result.passed).toBe(true);
    expect(result.simulation).toBeNull();
    expect(result.rtp).toMatchObject({ precision: 'exact', fraction: '122857/131072' });
  });

  it('fails a wrong target with the numbers', async () => {
    const input = open('goldvein-mine');
    const result = await checkGame(
      { ...input, target: { target: 0.96, tolerance: 0.001, source: 'command line' } },
      options,
    );
    expect(result.passed).toBe(false);
    expect(verdictLine(result.verdicts[0]!)).toMatch(
      /exact RTP 95\.1208% is outside 96% ± 0\.1 percentage points .* 0\.8792 percentage points from the target/,
    );
  });

  it('with --simulate, the simulation must also agree with the exact RTP (seed "slotsim-check")', async () => {
    const input = open('three-bells');
    const result = await checkGame(
      { ...input, target: { target: 0.947, tolerance: 0.001, source: 'command line' } },
      { ...options, simulate: 300_000 },
    );
    expect(result.verdicts.map((v) => [v.id, v.status])).toEqual([
      ['rtp-target', 'PASS'],
      ['rtp-exact', 'PASS'],
    ]);
    expect(result.verdicts[1]!.figures.sdSource).toBe('exact');
    expect(result.simulation).toMatchObject({ spins: 300_000, seed: 'slotsim-check', why: 'requested' });
  });

  it('an INCONCLUSIVE verdict fails the gate (one simulated round settles nothing)', async () => {
    const input = open('three-bells');
    const result = await checkGame(
      { ...input, target: { target: 0.947, tolerance: 0.001, source: 'command line' } },
      { ...options, simulate: 1 },
    );
    expect(result.verdicts.map((v) => v.status)).toEqual(['PASS', 'INCONCLUSIVE']);
    expect(result.passed).toBe(false);
    expect(checkRow(result).at(-1)).toBe('INCONCLUSIVE');
  });

  it('a binding cap: the exact capped RTP (exact-double) is checked, no simulation needed', async () => {
    const input = open('thunder-anvil');
    const result = await checkGame(
      { ...input, target: { target: 0.958, tolerance: 0.0005, source: 'command line' } },
      options,
    );
    expect(result.rtp.precision).toBe('exact-double');
    expect(result.rtp.value).toBeCloseTo(0.958147, 6);
    expect(result.notExact).toEqual([]);
    expect(result.simulation).toBeNull();
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts[0]!.status).toBe('PASS');
    expect(result.verdicts[0]!.figures.precision).toBe('exact-double');
    // The table row speaks the report's units: percent of stake, differences in percentage points
    // (0.958147 − 0.958 = +0.0147 points).
    expect(checkRow(result).slice(2, 5)).toEqual([
      '95.8% ± 0.05 percentage points',
      `${(result.rtp.value * 100).toFixed(4)}% (exact-double)`,
      '+0.0147 percentage points',
    ]);
    const outside = await checkGame(
      { ...input, target: { target: 0.957, tolerance: 0.001, source: 'command line' } },
      options,
    );
    expect(outside.passed).toBe(false);
  });
});
