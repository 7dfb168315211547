import { describe, expect, it } from 'vitest';
import { analyze, analyzeGame } from '../../src/math/index.js';
import { mul, sub, toNumber } from '../../src/math/fraction.js';
import { compile, threeBells } from '../helpers/games.js';
import { exhaustive } from './exhaustive.js';
import { tinyLines } from './tiny-games.js';

describe('the max-win cap', () => {
  it('without features, the enumerated cycle gives the capped figures exactly (Three Bells, cap 50×)', () => {
    // WILD WILD WILD pays 200 and BELL with two ×2 wilds 80: both are cut to 50.
    const game = compile({ ...threeBells, maxWin: 50 });
    const a = analyzeGame(game);
    const e = exhaustive(game);
    expect(a.maxWin.canBind).toBe(true);
    expect(a.exact).toBe(true);
    expect(a.rtp.precision).toBe('exact');
    expect(a.rtp.exact).toEqual(e.rtp);
    expect(a.components.lines.exact).toEqual(e.lines);
    expect(a.sd!.exact).toEqual(sub(e.meanSquare, mul(e.rtp, e.rtp))); // the exact variance
    expect(a.uncapped!.rtp.value).toBeCloseTo(697 / 736, 14);
  });

  it('a cap no round can reach changes nothing and says so (Three Bells, cap 1000×)', () => {
    const a = analyzeGame(compile({ ...threeBells, maxWin: 1000 }));
    expect(a.maxWin.canBind).toBe(false);
    expect(a.exact).toBe(true);
    expect(a.rtp.value).toBeCloseTo(697 / 736, 14);
    expect(a.notes.some((n) => n.includes('can never be reached'))).toBe(true);
  });

  it('with features and a state space past the budget it is not exact: the uncapped figures are labelled, never presented as the game’s', () => {
    const capped = compile(tinyLines({ maxWin: 10 }));
    const a = analyzeGame(capped, { roundBudget: 10 });
    expect(a.exact).toBe(false);
    expect(a.notExact).toHaveLength(1);
    expect(a.rtp.precision).toBe('uncapped');
    expect(a.components.freeSpins.precision).toBe('uncapped');
    expect(a.sd?.precision).toBe('uncapped');
    expect(a.volatility).toBeNull();
    // The labelled figures are the uncapped game's, exactly.
    const free = exhaustive(compile(tinyLines()));
    expect(Math.abs(a.uncapped!.rtp.value - toNumber(free.rtp))).toBeLessThan(1e-12);
    // And the cap does cut: the true capped RTP is lower.
    const truth = exhaustive(capped);
    expect(toNumber(truth.rtp)).toBeLessThan(a.uncapped!.rtp.value);
  });

  it('with features the capped figures are exact-double (see round-distribution.test.ts)', () => {
    const a = analyzeGame(compile(tinyLines({ maxWin: 10 })));
    expect(a.exact).toBe(true);
    expect(a.rtp.precision).toBe('exact-double');
    expect(a.volatility).not.toBeNull();
  });

  it('analyze() simulates what the cap touches when the state space is too large (seed cap-test, 300,000 rounds, on this thread)', async () => {
    const raw = tinyLines({ maxWin: 10 });
    const game = compile(raw);
    const truth = toNumber(exhaustive(game).rtp);
    const a = await analyze(game, {
      threads: 0,
      source: { text: JSON.stringify(raw), file: 'test.json' },
      capSimulation: { spins: 300_000, seed: 'cap-test' },
      roundBudget: 10,
    });
    expect(a.exact).toBe(false);
    expect(a.rtp.precision).toBe('simulated');
    expect(a.simulation?.spins).toBe(300_000);
    const [lo, hi] = a.rtp.interval99!;
    expect(lo).toBeLessThan(truth);
    expect(hi).toBeGreaterThan(truth);
    // Figures the cap cannot touch stay exact: the paid spin's line pays (the cap is 30 credits,
    // no paid spin wins that much here).
    expect(a.maxWin.paidSpinBound).toBeLessThan(30);
    expect(a.components.lines.precision).toBe('exact');
    expect(a.volatility).not.toBeNull();
  });
});
