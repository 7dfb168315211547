import { describe, expect, it } from 'vitest';
import { bonusTriggered, drawPrize } from '../../src/engine/bonus.js';
import { analyzeGame, bonusTriggerHits, freeSpinsChain, prizeMoments } from '../../src/math/index.js';
import type { Analysis } from '../../src/math/index.js';
import { add, div, frac, mul, sub, toNumber, ZERO } from '../../src/math/fraction.js';
import type { Fraction } from '../../src/math/fraction.js';
import { compile } from '../helpers/games.js';
import { forEachWindow } from './brute.js';
import { exhaustive, forEachPath } from './exhaustive.js';
import type { Exhaustive } from './exhaustive.js';
import { tinyLines, tinyWays } from './tiny-games.js';

const q = (f: Fraction): number => toNumber(f);

describe('the free-spin chain (hand-computed)', () => {
  // One class: a spin retriggers 1 spin with probability ½; every spin wins exactly 1 credit.
  const half = [
    { adds: 0, p: 0.5, e1: 0.5, e2: 0.5, zero: 0 },
    { adds: 1, p: 0.5, e1: 0.5, e2: 0.5, zero: 0 },
  ];

  it('cuts retriggers at maxSpins: 1 awarded, cap 3 → N = 1, 2, 3 w.p. ½, ¼, ¼', () => {
    const r = freeSpinsChain(1, 3, half);
    expect(r.spins).toBeCloseTo(1 + 0.5 + 0.25, 14);
    // W ≡ 1, so F = N: E[F] = 1.75, E[F²] = ½·1 + ¼·4 + ¼·9 = 3.75.
    expect(r.win).toBeCloseTo(1.75, 14);
    expect(r.winSquare).toBeCloseTo(3.75, 14);
    expect(r.pZero).toBe(0);
  });

  it('2 awarded, cap 3: N = 2 + P(a retrigger in the first two spins) = 2.75', () => {
    expect(freeSpinsChain(2, 3, half).spins).toBeCloseTo(2.75, 14);
  });

  it('a retrigger of 2 at 2 allotted of 3 is cut to 1', () => {
    const two = [
      { adds: 0, p: 0.5, e1: 0, e2: 0, zero: 0.5 },
      { adds: 2, p: 0.5, e1: 0, e2: 0, zero: 0.5 },
    ];
    // From 2 allotted: any retrigger in the first two spins makes 3 → E[N] = 2.75 as above.
    expect(freeSpinsChain(2, 3, two).spins).toBeCloseTo(2.75, 14);
    // Nothing ever wins: P(F = 0) = 1.
    expect(freeSpinsChain(2, 3, two).pZero).toBeCloseTo(1, 14);
  });

  it('without a cap in reach matches the uncapped formula a / (1 − E[A])', () => {
    const classes = [
      { adds: 0, p: 0.9, e1: 0, e2: 0, zero: 0 },
      { adds: 3, p: 0.1, e1: 0, e2: 0, zero: 0 },
    ];
    // E[A] = 0.3 → 10 / 0.7; the cap at 1000 is reached with negligible probability.
    expect(freeSpinsChain(10, 1000, classes).spins).toBeCloseTo(10 / 0.7, 9);
  });
});

describe('bonus prize trees', () => {
  it("gives the spec example's E = E[repeat]·E[repeat]·E[pick] exactly", () => {
    const game = compile({
      ...tinyLines(),
      bet: { credits: 3, lineBet: 1 },
      bonus: {
        trigger: { line: { symbol: 'K', count: 2 } },
        prize: {
          repeat: { '2': 1, '3': 1, '4': 1 },
          each: { repeat: { '2': 1, '3': 1 }, each: { pick: { '5': 50, '10': 100, '25': 120, '100': 52 } } },
        },
        paysPer: 'lineBet',
      },
    });
    const m = prizeMoments(game.bonus!.prize);
    // E[repeat] = 3, E[repeat] = 5/2, E[pick] = (5·50 + 10·100 + 25·120 + 100·52) / 322 = 9450/322.
    expect(m.mean).toEqual(mul(mul(frac(3), frac(5, 2)), frac(9450, 322)));
    expect(m.max).toBe(4 * 3 * 100);
  });

  it('has the exact second moment and P(0) of a tree with zero prizes (every draw path enumerated)', () => {
    const game = compile(tinyWays());
    const tree = game.bonus!.prize;
    let mean = ZERO;
    let square = ZERO;
    let zero = ZERO;
    forEachPath(
      (rng) => drawPrize(tree, rng, null),
      (prize, d) => {
        mean = add(mean, frac(prize, d));
        square = add(square, frac(prize * prize, d));
        if (prize === 0) zero = add(zero, frac(1, d));
      },
    );
    const m = prizeMoments(tree);
    expect(m.mean).toEqual(mean);
    expect(m.meanSquare).toEqual(square);
    expect(m.pZero).toEqual(zero);
  });

  it('counts line and anywhere triggers like the engine, stop combination by stop combination', () => {
    for (const game of [compile(tinyLines()), compile(tinyWays())]) {
      let hits = 0n;
      forEachWindow(game, game.baseReelSet, (window, weight) => {
        if (bonusTriggered(game, window)) hits += weight;
      });
      expect(bonusTriggerHits(game, game.baseReelSet, game.bonus!.trigger)).toBe(hits);
    }
  });
});

/** Every exact figure equals the exhaustive one exactly; double-precision figures to 1e-12. */
function expectMatches(a: Analysis, e: Exhaustive): void {
  const close = (value: number, truth: Fraction): void => {
    expect(Math.abs(value - q(truth))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(q(truth))));
  };
  const same = (
    figure: { exact: Fraction | null; value: number; precision: string },
    truth: Fraction,
  ): void => {
    if (figure.precision === 'exact') expect(figure.exact).toEqual(truth);
    else close(figure.value, truth);
  };
  same(a.rtp, e.rtp);
  same(a.components.lines, e.lines);
  same(a.components.scatter, e.scatter);
  same(a.components.freeSpins, e.freeSpins);
  same(a.components.bonus, e.bonus);
  same(a.pFreeSpinsTrigger, e.pFreeSpinsTrigger);
  same(a.pBonusTrigger, e.pBonusTrigger);
  same(a.expectedFreeSpinsPerTrigger!, div(e.freeSpinsPerRound, e.pFreeSpinsTrigger));
  same(a.hitFrequency!, e.hitFrequency);
  const variance = sub(e.meanSquare, mul(e.rtp, e.rtp));
  close(a.sd!.value ** 2, variance);
}

describe('whole rounds against every possible round played by the engine', () => {
  it('lines: retriggers under a 3-spin cap, multiplier ×2, line-triggered bonus, weighted reel', () => {
    const game = compile(tinyLines());
    const a = analyzeGame(game);
    const e = exhaustive(game);
    expect(a.exact).toBe(true);
    expect(a.rtp.precision).toBe('exact-double'); // retriggers: the chain runs in doubles
    expect(a.components.lines.precision).toBe('exact');
    expectMatches(a, e);
  });

  it('ways: free spins without retriggers are exact fractions; anywhere bonus with a repeat tree', () => {
    const game = compile(tinyWays());
    const a = analyzeGame(game);
    const e = exhaustive(game);
    expect(a.rtp.precision).toBe('exact');
    expect(a.rtp.exact).toEqual(e.rtp);
    expect(a.expectedFreeSpinsPerTrigger!.precision).toBe('exact');
    expectMatches(a, e);
  });
});
