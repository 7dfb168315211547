import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGame } from '../../src/game/index.js';
import { simulate } from '../../src/sim/simulate.js';
import type { SimulationReport } from '../../src/sim/simulate.js';

const file = 'configs/three-bells.json';
const text = readFileSync(file, 'utf8');
const game = parseGame(text, { file });

function run(threads: number, spins: number, seed: string): Promise<SimulationReport> {
  return simulate({ game, spins, seed, rng: 'aes-128-ctr', threads });
}

/** Everything but the timings. */
function figures(report: SimulationReport) {
  const { elapsedSeconds: _e, spinsPerSecond: _s, threads: _t, ...rest } = report;
  return rest;
}

describe('simulate', () => {
  it('prints identical figures with 1, 2 and 3 worker threads and on the calling thread (seed 7)', async () => {
    // 5 chunks of 2^18 rounds and a partial one, so threads really interleave.
    const spins = 5 * 2 ** 18 + 12_345;
    const inline = figures(await run(0, spins, '7'));
    for (const threads of [1, 2, 3]) expect(figures(await run(threads, spins, '7'))).toEqual(inline);
    expect(inline.spins).toBe(spins);
    expect(inline.chunks).toHaveLength(6);
  });

  it('different seeds give different rounds (seeds 1 and 2)', async () => {
    const a = await run(0, 100_000, '1');
    const b = await run(0, 100_000, '2');
    expect(a.totals.won).not.toBe(b.totals.won);
  });

  it('agrees with the exact Three Bells RTP 697/736 within 3.29 σ/√N (seed three-bells)', async () => {
    // N = 2,000,000, σ = 7.39399 per round → σ/√N = 0.005228; z = 3.29 (99.9%) → ±0.0172.
    const report = await run(2, 2_000_000, 'three-bells');
    const exact = 697 / 736;
    expect(Math.abs(report.rtp - exact)).toBeLessThan((3.29 * 7.39399) / Math.sqrt(2_000_000));
    // Hit frequency 247/1472 = 0.16780, binomial σ = √(p(1−p)/N) = 0.000264 → ±0.00087.
    expect(Math.abs(report.hitFrequency - 247 / 1472)).toBeLessThan(
      3.29 * Math.sqrt((0.1678 * 0.8322) / 2e6),
    );
    expect(Math.abs(report.sd - 7.39399)).toBeLessThan(0.1);
    expect(report.confidence['99'][0]).toBeLessThan(report.rtp);
    // Shares of the distribution add up to 1 and to the whole RTP.
    expect(report.distribution.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    expect(report.distribution.reduce((s, r) => s + r.rtp, 0)).toBeCloseTo(report.rtp, 12);
  });
});
