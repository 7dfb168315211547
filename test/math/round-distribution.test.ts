import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGame } from '../../src/game/index.js';
import {
  analyzeGame,
  enumerateCycles,
  enumerateInline,
  exactDistributionRows,
  prizeDistribution,
  roundDistribution,
} from '../../src/math/index.js';
import type { Analysis, RoundDistribution } from '../../src/math/index.js';
import { add, div, mul, sub, toNumber } from '../../src/math/fraction.js';
import type { Fraction } from '../../src/math/fraction.js';
import { WorkBudget } from '../../src/math/work-budget.js';
import { simulate } from '../../src/sim/simulate.js';
import { Z } from '../../src/stats/confidence.js';
import { compile, threeBells } from '../helpers/games.js';
import { exhaustive, exhaustiveDistribution, forEachPath } from './exhaustive.js';
import { drawPrize } from '../../src/engine/bonus.js';
import { tinyLines, tinyWays } from './tiny-games.js';

const q = (f: Fraction): number => toNumber(f);

/** Doubles from exact inputs: every figure within 1e-12 (relative) of the exact one. */
function close(value: number, truth: Fraction): void {
  expect(Math.abs(value - q(truth))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(q(truth))));
}

function distributionOf(a: Analysis): RoundDistribution {
  const d = a.round?.distribution;
  if (d === null || d === undefined) throw new Error(`no distribution: ${a.round?.reason ?? 'not asked'}`);
  return d;
}

/** Small capped games with every feature: each cap cuts something different (30, 15 and 9 credits on a 3-credit stake). */
const CAPPED = [
  ['lines, cap 10×', tinyLines({ maxWin: 10 })],
  ['lines, cap 5×', tinyLines({ maxWin: 5 })],
  ['lines, cap 3×', tinyLines({ maxWin: 3 })],
  ['ways, cap 4×', tinyWays({ maxWin: 4 })],
  ['ways, cap 2×', tinyWays({ maxWin: 2 })],
] as const;

describe('the capped RTP, exactly: every possible round played by the engine (brute force over every draw path)', () => {
  for (const [name, raw] of CAPPED) {
    it(`${name}: RTP, parts, triggers, free spins, hit frequency, sd and cap hits`, () => {
      const game = compile(raw);
      const a = analyzeGame(game);
      const e = exhaustive(game);
      expect(a.exact).toBe(true);
      expect(a.notExact).toEqual([]);
      expect(a.maxWin.canBind).toBe(true);
      expect(a.rtp.precision).toBe('exact-double');
      close(a.rtp.value, e.rtp);
      close(a.components.lines.value, e.lines);
      close(a.components.scatter.value, e.scatter);
      close(a.components.freeSpins.value, e.freeSpins);
      close(a.components.bonus.value, e.bonus);
      close(a.pFreeSpinsTrigger.value, e.pFreeSpinsTrigger);
      close(a.pBonusTrigger.value, e.pBonusTrigger);
      close(a.expectedFreeSpinsPerTrigger!.value, div(e.freeSpinsPerRound, e.pFreeSpinsTrigger));
      close(a.hitFrequency!.value, e.hitFrequency);
      close(a.sd!.value ** 2, sub(e.meanSquare, mul(e.rtp, e.rtp)));
      close(a.maxWin.capHit!.value, e.capHit);
      // The cap cuts: the capped RTP is below the uncapped game's.
      expect(a.rtp.value).toBeLessThan(a.uncapped!.rtp.value);
      // The trigger rates are exact fractions where no class starts both features.
      if (a.pBonusTrigger.precision === 'exact') expect(a.pBonusTrigger.exact).toEqual(e.pBonusTrigger);
    });
  }

  it('the whole-round distribution equals every round’s, credit by credit (lines, cap 5×)', () => {
    const game = compile(tinyLines({ maxWin: 5 }));
    const d = distributionOf(analyzeGame(game));
    const truth = exhaustiveDistribution(game);
    expect(d.limit).toBe(15);
    for (let x = 0; x < d.limit; x++) {
      const p = truth.get(x);
      if (p === undefined) expect(d.below[x]).toBe(0);
      else close(d.below[x]!, p);
    }
    close(d.atLimit, truth.get(15)!);
    expect([...truth.keys()].every((x) => x <= 15)).toBe(true);
  });
});

describe('each component’s sd per round, against every possible round', () => {
  const cases = [
    ['lines, no cap', tinyLines()],
    ['ways, no cap', tinyWays()],
    ['lines, cap 5×', tinyLines({ maxWin: 5 })],
    ['ways, cap 2×', tinyWays({ maxWin: 2 })],
    ['lines, cap 10×', tinyLines({ maxWin: 10 })],
  ] as const;
  for (const [name, raw] of cases) {
    it(name, () => {
      const game = compile(raw);
      const a = analyzeGame(game);
      const e = exhaustive(game);
      const s = a.componentSd!;
      const variance = (square: Fraction, mean: Fraction): Fraction => sub(square, mul(mean, mean));
      close(s.lines! ** 2, variance(e.squares.lines, e.lines));
      close(s.scatter! ** 2, variance(e.squares.scatter, e.scatter));
      close(s.paidSpin! ** 2, variance(e.squares.paidSpin, add(e.lines, e.scatter)));
      close(s.freeSpins! ** 2, variance(e.squares.freeSpins, e.freeSpins));
      close(s.bonus! ** 2, variance(e.squares.bonus, e.bonus));
      // Free spins per trigger: E[N² | trigger] − E[N | trigger]².
      const perTrigger = div(e.freeSpinsPerRound, e.pFreeSpinsTrigger);
      close(
        s.spinsPerTrigger! ** 2,
        sub(div(e.squares.spins, e.pFreeSpinsTrigger), mul(perTrigger, perTrigger)),
      );
    });
  }
});

describe('the whole-round distribution without a cap', () => {
  it('equals every round’s credit by credit, retriggers and bonus included (lines)', () => {
    const game = compile(tinyLines());
    const d = roundDistribution(game, enumerateInline(game), { limit: 1000, capped: false, budget: 1e8 });
    if ('tooLarge' in d) throw new Error(d.tooLarge);
    const truth = exhaustiveDistribution(game);
    let mass = 0;
    for (const [x, p] of truth) {
      if (x < 1000) close(d.below[x]!, p);
      else mass += q(p);
    }
    expect(Math.abs(d.atLimit - mass)).toBeLessThan(1e-15);
    close(d.mean / game.betCredits, exhaustive(game).rtp);
  });

  it('lumps everything at or past the limit (ways, limit 12 credits) and buckets it with the exact RTP', () => {
    const game = compile(tinyWays());
    const d = roundDistribution(game, enumerateInline(game), { limit: 12, capped: false, budget: 1e8 });
    if ('tooLarge' in d) throw new Error(d.tooLarge);
    const truth = exhaustiveDistribution(game);
    let past = 0;
    for (const [x, p] of truth) if (x >= 12) past += q(p);
    expect(Math.abs(d.atLimit - past)).toBeLessThan(1e-15);
    const rtp = q(exhaustive(game).rtp);
    const rows = exactDistributionRows(d, game.betCredits, rtp);
    // The buckets' shares add up to 1 and their returns to the RTP.
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 14);
    expect(rows.reduce((s, r) => s + r.rtp, 0)).toBeCloseTo(rtp, 14);
  });

  it('says the state space is too large instead of running past its budget', () => {
    const game = compile(tinyLines({ maxWin: 10 }));
    const d = roundDistribution(game, enumerateInline(game), { limit: 30, capped: true, budget: 10 });
    expect('tooLarge' in d && d.tooLarge).toMatch(/free-spin states .* take more than/);
    const a = analyzeGame(game, { roundBudget: 10 });
    expect(a.exact).toBe(false);
    expect(a.rtp.precision).toBe('uncapped');
    expect(a.notExact.join(' ')).toMatch(/can bind.*not computed: the free-spin states/);
    expect(a.round?.distribution).toBeNull();
  });
});

describe('bonus prize distributions', () => {
  it('a repeat tree equals every draw path of the engine', () => {
    const tree = compile(
      tinyWays({
        bonus: {
          trigger: { anywhere: { symbol: 'BON', count: 2 } },
          prize: { repeat: { '0': 1, '1': 2, '3': 1 }, each: { pick: { '0': 1, '4': 2, '7': 1 } } },
          paysPer: 'bet',
        },
      }),
    ).bonus!.prize;
    const truth = new Map<number, number>();
    forEachPath(
      (rng) => drawPrize(tree, rng, null),
      (prize, d) => truth.set(prize, (truth.get(prize) ?? 0) + 1 / Number(d)),
    );
    const dist = prizeDistribution(tree, Number.POSITIVE_INFINITY, new WorkBudget(1e6))!;
    expect([...dist.keys()].sort((a, b) => a - b)).toEqual([...truth.keys()].sort((a, b) => a - b));
    for (const [x, p] of truth) expect(dist.get(x)).toBeCloseTo(p, 15);
  });
});

describe('thunder-anvil: the exact capped figures against a fixed-seed simulation', () => {
  it('RTP, triggers and cap hits lie in the simulation’s 99.9% intervals (seed capped-anvil, 1,000,000 rounds)', async () => {
    const file = 'configs/thunder-anvil.json';
    const game = parseGame(readFileSync(file, 'utf8'), { file });
    const enumeration = await enumerateCycles(game, { threads: 2 });
    const a = analyzeGame(game, { enumeration });
    expect(a.exact).toBe(true);
    expect(a.rtp.precision).toBe('exact-double');
    expect(a.maxWin.canBind).toBe(true);
    const N = 1_000_000;
    const report = await simulate({ game, spins: N, seed: 'capped-anvil', rng: 'aes-128-ctr', threads: 2 });
    // A mean of N independent rounds with sd σ (the exact capped sd) lies within z·σ/√N of the
    // true RTP with probability 99.9% (z = 3.29); a count of N Bernoulli(p) within z·√(p(1 − p)/N).
    const z = Z[99.9];
    expect(Math.abs(report.rtp - a.rtp.value)).toBeLessThan((z * a.sd!.value) / Math.sqrt(N));
    const bernoulli = (observed: number, p: number): void => {
      expect(Math.abs(observed / N - p)).toBeLessThan(z * Math.sqrt((p * (1 - p)) / N));
    };
    bernoulli(report.freeSpins.triggers, a.pFreeSpinsTrigger.value);
    bernoulli(report.bonus.triggers, a.pBonusTrigger.value);
    bernoulli(report.cap.hits, a.maxWin.capHit!.value);
    bernoulli(Math.round(report.hitFrequency * N), a.hitFrequency!.value);
    // The exact figure sits below the uncapped game's by what the cap cuts (about 0.009).
    expect(a.uncapped!.rtp.value - a.rtp.value).toBeGreaterThan(0.005);
  });
});

describe('one max-win bound', () => {
  it('honours disabled retriggers: the award, not maxSpins, times the largest free spin', () => {
    // tinyWays: retriggers off, awards 1 or 2, maxSpins 1000 (the default).
    const game = compile(tinyWays());
    const a = analyzeGame(game);
    const m = a.maxWin;
    expect(m.freeSpinsBound).toBe(2);
    // The prize tree pays at most 2 × 4 units of 4 credits (paysPer bet).
    const prizeMax = a.bonus!.maxPrize * game.betCredits;
    expect(prizeMax).toBe(32);
    expect(m.roundBound).toBeLessThanOrEqual(m.paidSpinBound + prizeMax + 2 * m.freeSpinBound);
    expect(m.roundBound).toBeGreaterThanOrEqual(m.paidSpinBound);
    expect(m.roundBoundFrom).toBe('enumeration');
  });

  it('three-bells: the largest paid-spin win is the enumerated one, WILD WILD WILD = 200, 1 in 1472', () => {
    const a = analyzeGame(compile(threeBells));
    expect(a.maxWin.largestPaidSpin).toMatchObject({ credits: 200, hits: 1n, oneIn: 1472 });
    expect(a.maxWin.roundBound).toBe(200);
  });
});
