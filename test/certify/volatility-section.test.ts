import { describe, expect, it } from 'vitest';
import { volatilitySection } from '../../src/certify/volatility-section.js';
import { loadGame } from '../../src/game/index.js';
import { analyzeGame } from '../../src/math/index.js';
import { simulate } from '../../src/sim/simulate.js';
import { compile, threeBells } from '../helpers/games.js';

describe('the volatility section of the certification report', () => {
  it('three-bells: the exact RTP 697/736 and the spec’s sd 7.39399 give the index and the ranges (seed "v1")', async () => {
    const game = compile(threeBells);
    const simulation = await simulate({ game, spins: 20_000, seed: 'v1', rng: 'aes-128-ctr', threads: 0 });
    const v = volatilitySection(analyzeGame(game), simulation);
    expect(v.source).toBe('exact');
    expect(v.rtp).toBeCloseTo(697 / 736, 12);
    expect(v.sd).toBeCloseTo(7.39399, 5);
    // VI = z × sd with z = 1.6449, 1.9600, 2.5758.
    expect(v.index['90']).toBeCloseTo(1.6448536 * 7.39399, 4);
    expect(v.index['95']).toBeCloseTo(1.959964 * 7.39399, 4);
    expect(v.index['99']).toBeCloseTo(2.5758293 * 7.39399, 4);
    // After 1,000 rounds the 95% range is RTP ± 1.96 × 7.39399 / √1000 = ± 0.45828.
    expect(v.ranges.map((r) => r.rounds)).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8]);
    const [lo, hi] = v.ranges[0]!['95'];
    expect(lo).toBeCloseTo(697 / 736 - 0.45828, 4);
    expect(hi).toBeCloseTo(697 / 736 + 0.45828, 4);
  });

  it('starfall-20 without its cycle enumerated (no exact sd): the simulation’s RTP and sd, and it says so (seed "v2")', async () => {
    const game = loadGame('configs/starfall-20.json');
    const simulation = await simulate({ game, spins: 30_000, seed: 'v2', rng: 'aes-128-ctr', threads: 0 });
    const v = volatilitySection(analyzeGame(game), simulation);
    expect(v.source).toBe('simulated');
    expect(v.rtp).toBe(simulation.rtp);
    expect(v.sd).toBe(simulation.sd);
    expect(v.index['90']).toBeCloseTo(1.6448536 * simulation.sd, 6);
  });
});
