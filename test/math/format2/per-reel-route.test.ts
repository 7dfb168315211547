/**
 * The per-reel route of `analyze` against the enumeration route on one game small enough for both:
 * with a budget of 1 nothing is enumerated and every mean comes from the reels; with the default
 * budget every spin is enumerated. The exact fractions must be equal to the last digit. Plus the
 * exact free-spin chain against its double-precision twin and a hand case.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/math/analysis-types.js';
import type { Game } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';
import { frac, toNumber } from '../../../src/math/fraction.js';
import { analyzeFormat2 } from '../../../src/math/format2/analyze-format2.js';
import { exactSpinsPlayed } from '../../../src/math/format2/spins-played-exact.js';
import { freeSpinsChain } from '../../../src/math/free-spins-chain.js';

const FREE_SPINS = {
  trigger: { symbol: 'S', awards: { '2': 2, '3+': { '3': 1, '4': 1 } } },
  retrigger: { '2+': 1 },
  reelSet: 'free',
  multiplier: 2,
  maxSpins: 6,
};

/** 3 reels of 1–2 rows, a wild drawing ×1/×2/×5, a scatter that pays and triggers and retriggers. */
function smallGame(extra: Record<string, unknown> = {}): Game {
  return parseGame(
    JSON.stringify({
      format: 'slotsim/2',
      id: 'small-ways',
      name: 'Small ways',
      version: '1',
      grid: {
        reels: 3,
        rows: 2,
        heights: [
          [
            { rows: 1, weight: 1 },
            { rows: 2, weight: 2 },
          ],
          [
            { rows: 1, weight: 3 },
            { rows: 2, weight: 1 },
          ],
          [{ rows: 2, weight: 1 }],
        ],
      },
      bet: { credits: 10, lineBet: 1 },
      evaluation: 'ways',
      symbols: {
        A: {},
        B: {},
        W: {
          wild: true,
          multiplier: [
            { value: 1, weight: 3 },
            { value: 2, weight: 2 },
            { value: 5, weight: 1 },
          ],
        },
        S: { scatter: true },
      },
      pays: [
        { symbol: 'A', pays: { '2': 2, '3': 6 } },
        { symbol: 'B', pays: { '3': 4 } },
      ],
      scatter: { symbol: 'S', pays: { '2+': 5 } },
      freeSpins: FREE_SPINS,
      reelSets: {
        base: [
          ['A', 'B', 'S', 'A'],
          ['W', 'A', 'B', 'S', 'B'],
          ['A', 'S', 'B', 'W', 'B'],
        ],
        free: [
          ['A', 'S', 'B'],
          ['W', 'A', 'S', 'W'],
          ['B', 'S', 'A', 'W'],
        ],
      },
      ...extra,
    }),
    { file: 'small.json' },
  );
}

function fractionOf(f: Figure | null | undefined): string {
  if (f === null || f === undefined || f.exact === null) throw new Error('no fraction');
  return `${f.exact.n}/${f.exact.d}`;
}

describe('analyze: the per-reel route against the enumeration route', () => {
  it('no cap, no retrigger: every mean the per-reel route gives equals the enumeration’s, fraction for fraction', async () => {
    const game = smallGame({ freeSpins: { ...FREE_SPINS, retrigger: {} } });
    const full = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 1000 } });
    const reels = await analyzeFormat2(game, { threads: 0, budget: 1, simulation: { rounds: 1000 } });
    expect(full.format2?.perReel).toBeNull();
    expect(reels.format2?.perReel?.base?.byMeans).toBe(true);
    expect(reels.format2?.perReel?.beforeCap).toBe(false);
    for (const pick of [
      (a: typeof full) => a.rtp,
      (a: typeof full) => a.components.lines,
      (a: typeof full) => a.components.scatter,
      (a: typeof full) => a.components.freeSpins,
      (a: typeof full) => a.pFreeSpinsTrigger,
    ])
      expect(fractionOf(pick(reels))).toBe(fractionOf(pick(full)));
    expect(fractionOf(reels.expectedFreeSpinsPerTrigger)).toBe(fractionOf(full.expectedFreeSpinsPerTrigger));
    // Values by their means: the RTP is an exact expectation; the trigger does not depend on values.
    expect(reels.rtp.precision).toBe('exact-expectation');
    expect(reels.pFreeSpinsTrigger.precision).toBe('exact');
    // Per-combination PAR rows: the same fractions.
    const rows = (a: typeof full): string[] =>
      a.format2!.wins.base.map((w) => `${w.key} ${fractionOf(w.perSpin)} ${fractionOf(w.rtp)}`);
    expect(rows(reels)).toEqual(rows(full));
    // The distribution's figures are not the per-reel form's: simulated.
    expect(reels.hitFrequency?.precision).toBe('simulated');
    expect(reels.sd?.precision).toBe('simulated');
  });

  it('retriggers: the enumeration’s chain in doubles, the per-reel route’s in fractions — equal to 1e-12', async () => {
    const game = smallGame();
    const full = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 1000 } });
    const reels = await analyzeFormat2(game, { threads: 0, budget: 1, simulation: { rounds: 1000 } });
    expect(full.rtp.precision).toBe('exact-double');
    expect(reels.rtp.precision).toBe('exact-expectation');
    expect(reels.expectedFreeSpinsPerTrigger?.precision).toBe('exact');
    for (const pick of [
      (a: typeof full) => a.rtp,
      (a: typeof full) => a.components.freeSpins,
      (a: typeof full) => a.expectedFreeSpinsPerTrigger!,
    ])
      expect(Math.abs(pick(reels).value / pick(full).value - 1)).toBeLessThan(1e-12);
    expect(fractionOf(reels.components.lines)).toBe(fractionOf(full.components.lines));
  });

  it('a cap that can bind: the per-reel means are given before the cap, the game’s own simulated', async () => {
    const noRetrigger = { freeSpins: { ...FREE_SPINS, retrigger: {} } };
    const game = smallGame({ maxWin: 5, ...noRetrigger });
    const reels = await analyzeFormat2(game, { threads: 0, budget: 1, simulation: { rounds: 1000 } });
    expect(reels.format2?.perReel?.beforeCap).toBe(true);
    expect(reels.rtp.precision).toBe('simulated');
    expect(reels.uncapped?.rtp.precision).toBe('uncapped');
    // The uncapped game's RTP is the capless game's exactly.
    const capless = await analyzeFormat2(smallGame(noRetrigger), {
      threads: 0,
      simulation: { rounds: 1000 },
    });
    expect(fractionOf(reels.uncapped?.rtp)).toBe(fractionOf(capless.rtp));
    expect(fractionOf(reels.uncapped?.pFreeSpinsTrigger)).toBe(fractionOf(capless.pFreeSpinsTrigger));
  });
});

describe('E[free spins played] in exact fractions', () => {
  it('by hand: 1 spin awarded, each spin adds 1 with probability 1/2, at most 2 spins → 3/2', () => {
    // Spin 1 is always played; spin 2 only if spin 1 retriggered (1/2); the cap stops there.
    const classes = [
      { adds: 0, p: frac(1, 2) },
      { adds: 1, p: frac(1, 2) },
    ];
    expect(exactSpinsPlayed(1, 2, classes)).toEqual(frac(3, 2));
    expect(exactSpinsPlayed(1, 1, classes)).toEqual(frac(1));
  });

  it('equals the double-precision chain to 1e-12 (relative) with several classes and the cap cutting', () => {
    const classes = [
      { adds: 0, p: frac(5, 7) },
      { adds: 3, p: frac(3, 14) },
      { adds: 5, p: frac(1, 14) },
    ];
    for (const [awarded, max] of [
      [10, 100],
      [20, 30],
      [3, 7],
    ] as const) {
      const exactValue = toNumber(exactSpinsPlayed(awarded, max, classes));
      const doubles = freeSpinsChain(
        awarded,
        max,
        classes.map((c) => ({ adds: c.adds, p: toNumber(c.p), e1: 0, e2: 0, zero: 0 })),
      ).spins;
      expect(Math.abs(exactValue - doubles) / doubles).toBeLessThan(1e-12);
    }
  });
});
