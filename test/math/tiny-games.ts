/**
 * Small games with every feature, small enough for `exhaustive()` to play every possible round
 * through the engine (a few hundred thousand paths).
 */

/** Lines, a weighted reel, a pattern, wild multipliers, scatter pays, free spins with retriggers and
 * a 3-spin cap, a line-triggered bonus. */
export function tinyLines(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'slotsim/1',
    id: 'tiny-lines',
    name: 'Tiny Lines',
    version: '1',
    grid: { reels: 3, rows: 2 },
    bet: { credits: 3 },
    symbols: { A: {}, K: {}, WILD: { wild: true, multiplier: 2 }, SCAT: { scatter: true }, BLANK: {} },
    paylines: [
      [0, 0, 0],
      [1, 1, 1],
      [0, 1, 0],
    ],
    pays: [
      { symbol: 'WILD', pays: { '3': 20 } },
      { symbol: 'A', pays: { '2': 2, '3': 10 } },
      { symbol: 'K', pays: { '3': 5 } },
      { pattern: ['A', 'K', 'A'], pay: 3 },
    ],
    scatter: { symbol: 'SCAT', pays: { '2': 1, '3': 5 } },
    reelSets: {
      base: [
        ['A', 'SCAT', 'K', 'WILD'],
        ['K', 'A', 'SCAT'],
        { strip: ['A', 'K', 'SCAT'], weights: [2, 1, 1] },
      ],
      free: [
        ['A', 'SCAT'],
        ['SCAT', 'A', 'WILD'],
        ['K', 'BLANK', 'SCAT'],
      ],
    },
    freeSpins: {
      trigger: { symbol: 'SCAT', awards: { '2': 1, '3': 2 } },
      retrigger: { '2': 1, '3': 2 },
      reelSet: 'free',
      multiplier: 2,
      maxSpins: 3,
    },
    bonus: { trigger: { line: { symbol: 'K', count: 2 } }, prize: { pick: { '0': 1, '5': 2, '10': 1 } } },
    ...extra,
  };
}

/** Ways, free spins on the paid spin's reel set without retriggers, an "anywhere" bonus with a repeat tree. */
export function tinyWays(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'slotsim/1',
    id: 'tiny-ways',
    name: 'Tiny Ways',
    version: '1',
    grid: { reels: 3, rows: 2 },
    bet: { credits: 4, lineBet: 1 },
    evaluation: 'ways',
    symbols: {
      A: {},
      K: {},
      WILD: { wild: true, multiplier: 2 },
      BON: { scatter: true },
      SCAT: { scatter: true },
    },
    pays: [
      { symbol: 'A', pays: { '2': 1, '3': 4 } },
      { symbol: 'K', pays: { '3': 3 } },
      { symbol: 'WILD', pays: { '2': 5 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '3': 2 } },
    reelSets: {
      base: [
        ['A', 'SCAT', 'K'],
        { strip: ['K', 'WILD', 'SCAT', 'BON'], weights: [1, 1, 2, 1] },
        ['A', 'BON', 'SCAT'],
      ],
    },
    freeSpins: { trigger: { symbol: 'SCAT', awards: { '2': 1, '3': 2 } }, retrigger: {}, multiplier: 3 },
    bonus: {
      trigger: { anywhere: { symbol: 'BON', count: 2 } },
      prize: { repeat: { '1': 1, '2': 1 }, each: { pick: { '0': 1, '4': 1 } } },
      paysPer: 'bet',
    },
    ...extra,
  };
}
