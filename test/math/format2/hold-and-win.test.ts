import { describe, expect, it } from 'vitest';
import { HoldAndWinPlayer } from '../../../src/engine/hold-and-win.js';
import type { Game, HoldAndWinFeature } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';
import { add, frac, toNumber, ZERO } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';
import { coinCounts } from '../../../src/math/format2/hold-and-win-chain.js';
import {
  holdAndWinDistribution,
  holdAndWinOutcome,
  startCounts,
} from '../../../src/math/format2/hold-and-win-win.js';
import { WorkBudget } from '../../../src/math/work-budget.js';
import { forEachPath } from '../exhaustive.js';

/** A game of `reels × rows` cells with a hold-and-win feature (and a `coins` mode starting in it). */
function coinGame(
  reels: number,
  rows: number,
  feature: Record<string, unknown>,
  start?: Record<string, number>,
): Game {
  const file = {
    format: 'slotsim/2',
    id: 'coins',
    name: 'Coins',
    version: '1',
    grid: { reels, rows },
    bet: { credits: 2 },
    symbols: { A: {}, C: { coin: true } },
    paylines: [Array<number>(reels).fill(0)],
    pays: [{ symbol: 'A', pays: { [String(reels)]: 5 } }],
    reelSets: { base: Array.from({ length: reels }, () => ['A', 'C', 'C']) },
    holdAndWin: {
      trigger: { symbol: 'C', count: 1 },
      respins: 2,
      maxRespins: 10,
      land: { coin: 1, blank: 2 },
      values: [
        { value: 1, weight: 2 },
        { value: 3, weight: 1 },
        { jackpot: 'MINI', weight: 1 },
      ],
      jackpots: { MINI: 5, GRAND: 20 },
      fullGrid: 'GRAND',
      ...feature,
    },
    ...(start === undefined ? {} : { modes: { coins: { cost: 10, start: { holdAndWin: start } } } }),
  };
  return parseGame(JSON.stringify(file), {
    file: 'coins.json',
    mode: start === undefined ? 'base' : 'coins',
  });
}

interface Truth {
  /** P(final count = n), E[win], E[win²], P(full grid), P(a MINI coin), win → P. */
  readonly counts: Fraction[];
  readonly mean: Fraction;
  readonly meanSquare: Fraction;
  readonly mini: Fraction;
  readonly respins: Fraction;
  readonly distribution: Map<number, Fraction>;
}

/** Every draw path of the engine's feature from the coins in `cells` (or the mode's start). */
function bruteForce(game: Game, cells: Uint8Array | null): Truth {
  const feature = game.holdAndWin!;
  const N = game.reels * game.rows;
  const player = new HoldAndWinPlayer(game, feature);
  const miniEntry = feature.values.items.findIndex((v) => v.kind === 'jackpot' && v.tier === 'MINI');
  // Integer sums per path denominator, turned into fractions once.
  interface Sums {
    counts: bigint[];
    mean: bigint;
    meanSquare: bigint;
    mini: bigint;
    respins: bigint;
    distribution: Map<number, bigint>;
  }
  const byDenominator = new Map<bigint, Sums>();
  forEachPath(
    (rng) => {
      const win = cells === null ? player.playStart(rng, null) : player.playTriggered(rng, cells, null);
      return {
        win,
        held: player.held,
        mini: player.coins.includes(miniEntry),
        respins: player.respinsPlayed,
      };
    },
    (r, d) => {
      let s = byDenominator.get(d);
      if (s === undefined) {
        s = {
          counts: new Array<bigint>(N + 1).fill(0n),
          mean: 0n,
          meanSquare: 0n,
          mini: 0n,
          respins: 0n,
          distribution: new Map(),
        };
        byDenominator.set(d, s);
      }
      s.counts[r.held]! += 1n;
      s.mean += BigInt(r.win);
      s.meanSquare += BigInt(r.win * r.win);
      if (r.mini) s.mini += 1n;
      s.respins += BigInt(r.respins);
      s.distribution.set(r.win, (s.distribution.get(r.win) ?? 0n) + 1n);
    },
  );
  const counts = new Array<Fraction>(N + 1).fill(ZERO);
  let mean = ZERO;
  let meanSquare = ZERO;
  let mini = ZERO;
  let respins = ZERO;
  const distribution = new Map<number, Fraction>();
  for (const [d, s] of byDenominator) {
    s.counts.forEach((c, n) => (counts[n] = add(counts[n]!, frac(c, d))));
    mean = add(mean, frac(s.mean, d));
    meanSquare = add(meanSquare, frac(s.meanSquare, d));
    mini = add(mini, frac(s.mini, d));
    respins = add(respins, frac(s.respins, d));
    for (const [win, c] of s.distribution)
      distribution.set(win, add(distribution.get(win) ?? ZERO, frac(c, d)));
  }
  return { counts, mean, meanSquare, mini, respins, distribution };
}

function cellsOf(n: number, ...on: number[]): Uint8Array {
  const cells = new Uint8Array(n);
  for (const c of on) cells[c] = 1;
  return cells;
}

function checkAgainst(game: Game, feature: HoldAndWinFeature, start: number, truth: Truth): void {
  const N = game.reels * game.rows;
  const outcome = holdAndWinOutcome(feature, N, [{ count: start, probability: frac(1) }]);
  expect(outcome.precision).toBe('exact');
  expect(outcome.counts.map((c) => c.exact)).toEqual(truth.counts);
  expect(outcome.mean.exact).toEqual(truth.mean);
  expect(outcome.meanSquare.exact).toEqual(truth.meanSquare);
  expect(outcome.pFullGrid.exact).toEqual(truth.counts[N]);
  expect(outcome.respins.exact).toEqual(truth.respins);
  expect(outcome.jackpots.find((j) => j.tier === 'MINI')!.coin.exact).toEqual(truth.mini);
}

describe('hold and win: the coin-count chain', () => {
  it('hand-computed: 2 cells, 1 coin, 1 respin, p = 1/2 — a landing fills the grid, else the feature ends', () => {
    const game = coinGame(2, 1, { respins: 1, land: { coin: 1, blank: 1 } });
    const counts = coinCounts(game.holdAndWin!, 2, 1);
    expect(counts.exact).toEqual([ZERO, frac(1, 2), frac(1, 2)]);
    expect(counts.respinsExact).toEqual(frac(1));
    // Values: 1 × 2 credits (1/2), 3 × 2 (1/4), MINI 5 × 2 (1/4): E[V] = 1 + 1.5 + 2.5 = 5 credits;
    // a full grid adds GRAND (40). E[W] = 1/2·5 + 1/2·(10 + 40) = 27.5.
    const outcome = holdAndWinOutcome(game.holdAndWin!, 2, [{ count: 1, probability: frac(1) }]);
    expect(outcome.mean.exact).toEqual(frac(55, 2));
  });

  it('equals every draw path of the engine: 2×2 grid from one coin, respins 2, maxRespins 10', () => {
    const game = coinGame(2, 2, {});
    checkAgainst(game, game.holdAndWin!, 1, bruteForce(game, cellsOf(4, 2)));
  });

  it('equals the engine when maxRespins ends the feature (3 cells, 1 respin allowed past the trigger)', () => {
    const game = coinGame(3, 1, { respins: 3, maxRespins: 2, land: { coin: 1, blank: 3 } });
    checkAgainst(game, game.holdAndWin!, 1, bruteForce(game, cellsOf(3, 0)));
  });

  it('a full grid at the trigger pays fullGrid with no respin', () => {
    const game = coinGame(2, 1, {});
    const truth = bruteForce(game, cellsOf(2, 0, 1));
    checkAgainst(game, game.holdAndWin!, 2, truth);
    expect(truth.respins).toEqual(ZERO);
  });

  it('only the count matters: every placement of 2 coins on 2×2 gives the same law', () => {
    const game = coinGame(2, 2, {});
    const placements = [
      [0, 1],
      [0, 3],
      [1, 2],
      [2, 3],
    ];
    const truths = placements.map((on) => bruteForce(game, cellsOf(4, ...on)));
    for (const truth of truths) checkAgainst(game, game.holdAndWin!, 2, truth);
  });

  it("a mode's start places its coins one draw at a time: the law of the count alone (every path of the start draws)", () => {
    const game = coinGame(2, 2, { maxRespins: 3 }, { '1': 2, '2': 1, '4': 1 });
    const truth = bruteForce(game, null);
    const start = game.start;
    if (start?.kind !== 'holdAndWin') throw new Error('no start');
    const starts = startCounts(start.coins, 4);
    const outcome = holdAndWinOutcome(game.holdAndWin!, 4, starts);
    expect(outcome.counts.map((c) => c.exact)).toEqual(truth.counts);
    expect(outcome.mean.exact).toEqual(truth.mean);
    expect(outcome.meanSquare.exact).toEqual(truth.meanSquare);
    expect(outcome.jackpots.find((j) => j.tier === 'MINI')!.coin.exact).toEqual(truth.mini);
  });

  it('the whole win distribution (doubles) is the engine’s, within 1e-12, and lumps at the limit', () => {
    const game = coinGame(2, 2, {});
    const truth = bruteForce(game, cellsOf(4, 0));
    const outcome = holdAndWinOutcome(game.holdAndWin!, 4, [{ count: 1, probability: frac(1) }]);
    const full = holdAndWinDistribution(game.holdAndWin!, outcome, 10_000, new WorkBudget(1e9))!;
    expect([...full.keys()].sort((a, b) => a - b)).toEqual(
      [...truth.distribution.keys()].sort((a, b) => a - b),
    );
    for (const [win, p] of truth.distribution) expect(full.get(win)!).toBeCloseTo(toNumber(p), 12);
    // Lumped at 20 credits: P(≥ 20) in one entry.
    const lumped = holdAndWinDistribution(game.holdAndWin!, outcome, 20, new WorkBudget(1e9))!;
    let tail = 0;
    for (const [win, p] of truth.distribution) if (win >= 20) tail += toNumber(p);
    expect(lumped.get(20)!).toBeCloseTo(tail, 12);
    expect(Math.max(...lumped.keys())).toBe(20);
  });

  it('the chain in doubles agrees with the exact one (15 cells, 1 in 25 lands, 3 respins, up to 100)', () => {
    const game = coinGame(5, 3, { respins: 3, maxRespins: 100, land: { coin: 1, blank: 24 } });
    for (const start of [1, 6, 10, 14]) {
      const exact = coinCounts(game.holdAndWin!, 15, start, { exact: true });
      const double = coinCounts(game.holdAndWin!, 15, start, { exact: false });
      let total = ZERO;
      for (let n = 0; n <= 15; n++) {
        total = add(total, exact.exact![n]!);
        expect(Math.abs(double.probability[n]! - toNumber(exact.exact![n]!))).toBeLessThan(1e-14);
      }
      expect(total).toEqual(frac(1));
      expect(double.respins).toBeCloseTo(exact.respins, 12);
    }
  });
});
