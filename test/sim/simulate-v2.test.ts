import { describe, expect, it } from 'vitest';
import { format2Mechanic } from '../../src/engine/classic.js';
import { parseGame } from '../../src/game/index.js';
import { simulate } from '../../src/sim/simulate.js';
import type { SimulationReport } from '../../src/sim/simulate.js';
import { threeBells } from '../helpers/games.js';

/**
 * Three Bells as format 2 with `"wildMultipliers": "sum"`: a format-2 mechanic, so it simulates on
 * the round flow — but its one wild pays ×2, and two of them 2 + 2 = 4 = 2 × 2, so it pays exactly
 * as the classic game, whose exact RTP is 697/736. A mode "double" stakes 2 credits on the same reels.
 */
const text = JSON.stringify({
  ...threeBells,
  format: 'slotsim/2',
  wildMultipliers: 'sum',
  modes: { double: { cost: 2 } },
});
const game = parseGame(text, { file: 'sum-bells.json' });

function run(threads: number, spins: number, seed: string, mode = 'base'): Promise<SimulationReport> {
  const g = mode === 'base' ? game : parseGame(text, { file: 'sum-bells.json', mode });
  return simulate({ game: g, spins, seed, rng: 'aes-128-ctr', threads });
}

/** Everything but the timings. */
function figures(report: SimulationReport) {
  const { elapsedSeconds: _e, spinsPerSecond: _s, threads: _t, ...rest } = report;
  return rest;
}

describe('simulate, a game using a format-2 mechanic (the round flow)', () => {
  it('plays on the flow path', () => {
    expect(format2Mechanic(game)).toBe('"wildMultipliers": "sum"');
  });

  it('prints identical figures with 1 and 2 worker threads and on the calling thread (seed 8)', async () => {
    // 2 chunks of 2^18 rounds and a partial one, so threads really interleave.
    const spins = 2 * 2 ** 18 + 4_321;
    const inline = figures(await run(0, spins, '8'));
    for (const threads of [1, 2]) expect(figures(await run(threads, spins, '8'))).toEqual(inline);
    expect(inline.chunks).toHaveLength(3);
    // The squares of the parts are kept on this path: each part has an sd.
    expect(inline.componentSd).not.toBeNull();
  });

  it('agrees with the exact Three Bells RTP 697/736 within 3.29 σ/√N (seed sum-bells)', async () => {
    // N = 1,000,000, σ = 7.39399 per round → σ/√N = 0.007394; z = 3.29 (99.9%) → ±0.0243.
    const report = await run(2, 1_000_000, 'sum-bells');
    expect(Math.abs(report.rtp - 697 / 736)).toBeLessThan((3.29 * 7.39399) / Math.sqrt(1_000_000));
    // Every win is the paid spin's line win: its sd is the round's.
    expect(report.componentSd!.lines).toBeCloseTo(report.sd, 12);
    expect(report.componentSd!.freeSpins).toBe(0);
  });

  it("a mode's figures are per credit staked in it: the same rounds at cost 2 return exactly half (seed double)", async () => {
    const base = await run(0, 300_000, 'double');
    const double = await run(0, 300_000, 'double', 'double');
    expect(double).toMatchObject({ mode: 'double', cost: 2, stake: 2 });
    expect(base).toMatchObject({ mode: 'base', cost: 1, stake: 1 });
    // The same draws, the same wins (the base mode on the classic fast path, "double" on the flow).
    expect(double.totals.won).toBe(base.totals.won);
    expect(BigInt(double.totals.staked)).toBe(2n * BigInt(base.totals.staked));
    expect(double.rtp).toBeCloseTo(base.rtp / 2, 14);
    expect(double.sd).toBeCloseTo(base.sd / 2, 12);
    expect(double.maxWinObservedX).toBe(base.maxWinObservedX / 2);
    // The distribution is in multiples of the mode's stake: a win of 2 credits is ≤1× at cost 2.
    const share = (r: SimulationReport, bucket: string) =>
      r.distribution.find((d) => d.bucket === bucket)!.count;
    expect(share(double, '<=1')).toBe(share(base, '<=1') + share(base, '<=2'));
  });
});
