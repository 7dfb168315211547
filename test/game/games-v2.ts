/**
 * Valid `slotsim/2` game files for the loader's tests: small games, each using a group of the
 * format-2 keys. Each builder returns a fresh copy (break it with `changed` from games.ts).
 */
import type { Json } from './games.js';

/**
 * A 5×3 tumbling lines game: range keys, a wild with a drawn multiplier, a ladder list and a
 * linear free-spin ladder, drawn free-spin awards and retriggers, "sum" wild multipliers.
 */
export function tumblingLines(): Json {
  const strip = ['A', 'K', 'Q', 'WILD', 'A', 'K', 'SCAT', 'Q', 'K', 'A'];
  return {
    $schema: '../../configs/schema/slotsim-game-2.schema.json',
    format: 'slotsim/2',
    id: 'tumble-test',
    name: 'Tumble Test',
    version: '1',
    grid: { reels: 5, rows: 3 },
    bet: { credits: 20 },
    symbols: {
      A: {},
      K: {},
      Q: {},
      WILD: {
        wild: true,
        multiplier: [
          { value: 2, weight: 3 },
          { value: 5, weight: 1 },
        ],
      },
      SCAT: { scatter: true },
    },
    wildMultipliers: 'sum',
    paylines: [
      [0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
      [0, 1, 2, 1, 0],
    ],
    pays: [
      { symbol: 'A', pays: { '3': 10, '4-5': 40 } },
      { symbol: 'K', pays: { '3+': 5 } },
      { symbol: 'Q', pays: { '3': 2, '4': 4, '5': 10 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '3': 2, '4+': 10 } },
    reelSets: { base: [0, 1, 2, 3, 4].map(() => [...strip]) },
    freeSpins: {
      trigger: { symbol: 'SCAT', awards: { '3': { '9': 1, '10': 9, '11': 45 }, '4+': 15 } },
      retrigger: { '3+': { '5': 3, '3': 1 } },
      maxSpins: 100,
    },
    cascade: {
      refill: 'strip',
      maxCascades: 20,
      ladder: [1, 2, 3, 5],
      freeLadder: { start: 2, step: 2, max: 10 },
      scatterCount: 'final',
    },
    maxWin: 5000,
    rtp: { target: 0.96, tolerance: 0.01 },
  };
}

/** A 5×5 cluster game: a multiplier symbol, cascades with "redraw" and `keep`, `ladderScope` "feature". */
export function clusterGame(): Json {
  const strip = ['R', 'G', 'B', 'R', 'G', 'WILD', 'B', 'X', 'R', 'G', 'B', 'SCAT'];
  return {
    format: 'slotsim/2',
    id: 'cluster-test',
    name: 'Cluster Test',
    version: '1',
    grid: { reels: 5, rows: 5 },
    bet: { credits: 20, lineBet: 2 },
    evaluation: 'cluster',
    symbols: {
      R: {},
      G: {},
      B: {},
      WILD: { wild: true },
      X: {
        multiplierSymbol: [
          { value: 2, weight: 400 },
          { value: 10, weight: 50 },
          { value: 100, weight: 1 },
        ],
      },
      SCAT: { scatter: true },
    },
    pays: [
      { symbol: 'R', pays: { '5-7': 1, '8-10': 3, '11+': 20 } },
      { symbol: 'G', pays: { '5+': 1 } },
      { symbol: 'B', pays: { '5': 0.5, '6+': 2 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '4+': 3 } },
    reelSets: { base: [0, 1, 2, 3, 4].map(() => [...strip]) },
    freeSpins: { trigger: { symbol: 'SCAT', awards: { '4+': 10 } }, retrigger: {}, multiplierMeter: true },
    cascade: {
      refill: 'redraw',
      maxCascades: 50,
      ladder: { start: 1, step: 1, max: 5 },
      ladderScope: 'feature',
      keep: ['WILD'],
      scatterCount: 'each',
    },
  };
}

/**
 * A 6×5 pay-anywhere game with multiplier symbols, a free-spin meter, an ante mode and a feature
 * buy, and a variant that replaces the modes.
 */
export function anywhereGame(): Json {
  const strip = ['H', 'L', 'H', 'L', 'SCAT', 'L', 'M', 'H', 'L', 'L'];
  return {
    format: 'slotsim/2',
    id: 'anywhere-test',
    name: 'Anywhere Test',
    version: '1',
    grid: { reels: 6, rows: 5 },
    bet: { credits: 20, lineBet: 1 },
    evaluation: 'anywhere',
    symbols: {
      H: {},
      L: {},
      M: { multiplierSymbol: [{ value: 2, weight: 1 }] },
      SCAT: { scatter: true },
    },
    pays: [
      { symbol: 'H', pays: { '8-9': 10, '10-11': 25, '12+': 50 } },
      { symbol: 'L', pays: { '8-9': 2, '10+': 5 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '4': 3, '5': 5, '6+': 100 } },
    reelSets: {
      base: [0, 1, 2, 3, 4, 5].map(() => [...strip]),
      ante: [0, 1, 2, 3, 4, 5].map(() => [...strip, 'SCAT']),
    },
    freeSpins: {
      trigger: { symbol: 'SCAT', awards: { '4+': 10 } },
      retrigger: { '3+': 5 },
      multiplierMeter: true,
    },
    cascade: { refill: 'strip', maxCascades: 30 },
    maxWin: 20000,
    rtp: { target: 0.96, tolerance: 0.005 },
    modes: {
      ante: { cost: 25, replace: { reelSets: { base: [0, 1, 2, 3, 4, 5].map(() => [...strip, 'SCAT']) } } },
      buy: {
        cost: 2000,
        start: { freeSpins: { '10': 80, '15': 15, '20': 5 } },
        rtp: { target: 0.962, tolerance: 0.005 },
      },
    },
    variants: {
      '94': {
        rtp: { target: 0.94, tolerance: 0.005 },
        modes: {
          buy: {
            cost: 2000,
            start: { freeSpins: { '10': 1 } },
            replace: { rtp: { target: 0.94, tolerance: 0.01 } },
          },
        },
      },
    },
  };
}

/** A 6-reel ways game with heights 2–7 per reel and a wild whose multiplier is drawn. */
export function megawaysGame(): Json {
  const strip = ['A', 'B', 'C', 'D', 'WILD', 'A', 'B', 'C', 'SCAT', 'D', 'A', 'B'];
  const heights = [
    { rows: 2, weight: 1 },
    { rows: 3, weight: 2 },
    { rows: 4, weight: 3 },
    { rows: 5, weight: 3 },
    { rows: 6, weight: 2 },
    { rows: 7, weight: 1 },
  ];
  return {
    format: 'slotsim/2',
    id: 'heights-test',
    name: 'Heights Test',
    version: '1',
    grid: { reels: 6, rows: 7, heights: [0, 1, 2, 3, 4, 5].map(() => heights.map((h) => ({ ...h }))) },
    bet: { credits: 20, lineBet: 4 },
    evaluation: 'ways',
    symbols: {
      A: {},
      B: {},
      C: {},
      D: {},
      WILD: {
        wild: true,
        multiplier: [
          { value: 1, weight: 10 },
          { value: 2, weight: 3 },
          { value: 3, weight: 1 },
        ],
      },
      SCAT: { scatter: true },
    },
    pays: [
      { symbol: 'A', pays: { '3': 0.5, '4': 1, '5-6': 4 } },
      { symbol: 'B', pays: { '3+': 0.25 } },
      { symbol: 'C', pays: { '4+': 1 } },
      { symbol: 'D', pays: { '6': 10 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '4+': 2 } },
    reelSets: { base: [0, 1, 2, 3, 4, 5].map(() => [...strip]) },
    freeSpins: { trigger: { symbol: 'SCAT', awards: { '4': 12, '5+': 20 } }, multiplier: 2 },
  };
}

/** A 5×3 lines game with hold-and-win: four jackpots, a full-grid tier, a coin buy. */
export function holdAndWinGame(): Json {
  const strip = ['A', 'K', 'COIN', 'Q', 'WILD', 'A', 'COIN', 'K', 'Q', 'A'];
  return {
    format: 'slotsim/2',
    id: 'coins-test',
    name: 'Coins Test',
    version: '1',
    grid: { reels: 5, rows: 3 },
    bet: { credits: 10 },
    symbols: { A: {}, K: {}, Q: {}, WILD: { wild: true, multiplier: 2 }, COIN: { coin: true } },
    paylines: [
      [0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
      [0, 1, 2, 1, 0],
      [2, 1, 0, 1, 2],
    ],
    pays: [
      { symbol: 'A', pays: { '3': 5, '4': 20, '5': 100 } },
      { symbol: 'K', pays: { '3': 2, '4': 10, '5': 50 } },
      { symbol: 'Q', pays: { '3': 1, '4': 5, '5': 25 } },
    ],
    reelSets: { base: [0, 1, 2, 3, 4].map(() => [...strip]) },
    holdAndWin: {
      trigger: { symbol: 'COIN', count: 6 },
      respins: 3,
      maxRespins: 100,
      land: { coin: 31, blank: 969 },
      values: [
        { value: 1, weight: 700 },
        { value: 2.5, weight: 200 },
        { value: 5, weight: 70 },
        { jackpot: 'MINI', weight: 20 },
        { jackpot: 'MINOR', weight: 6 },
        { jackpot: 'MAJOR', weight: 3 },
        { jackpot: 'GRAND', weight: 1 },
      ],
      jackpots: { MINI: 20, MINOR: 50, MAJOR: 100, GRAND: 1000 },
      fullGrid: 'GRAND',
      paysPer: 'bet',
    },
    modes: { coins: { cost: 1500, start: { holdAndWin: { '6': 2268, '7': 324, '8': 27, '9': 1 } } } },
  };
}

/** A 5×3 lines game with an expanding wild and sticky wilds in its free spins. */
export function stickyExpandGame(): Json {
  const strip = ['A', 'K', 'Q', 'EW', 'A', 'K', 'SCAT', 'Q'];
  return {
    format: 'slotsim/2',
    id: 'sticky-test',
    name: 'Sticky Test',
    version: '1',
    grid: { reels: 5, rows: 3 },
    bet: { credits: 10 },
    symbols: {
      A: {},
      K: {},
      Q: {},
      EW: { wild: true, expand: true, multiplier: 2 },
      SCAT: { scatter: true },
    },
    paylines: [
      [0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
      [0, 1, 2, 1, 0],
      [2, 1, 0, 1, 2],
      [0, 0, 1, 2, 2],
      [2, 2, 1, 0, 0],
      [1, 0, 0, 0, 1],
      [1, 2, 2, 2, 1],
      [0, 1, 0, 1, 0],
    ],
    pays: [
      { symbol: 'A', pays: { '3': 5, '4': 20, '5': 100 } },
      { symbol: 'K', pays: { '3': 2, '4': 10, '5': 50 } },
      { symbol: 'Q', pays: { '3': 1, '4': 5, '5': 25 } },
      { symbol: 'EW', pays: { '5': 500 } },
    ],
    scatter: { symbol: 'SCAT', pays: { '3': 2 } },
    reelSets: {
      base: [0, 1, 2, 3, 4].map(() => [...strip]),
      free: [0, 1, 2, 3, 4].map(() => [...strip, 'A', 'K']),
    },
    freeSpins: { trigger: { symbol: 'SCAT', awards: { '3': 10 } }, reelSet: 'free', stickyWilds: true },
  };
}

/** Every format-2 test game, by name. */
export const V2_GAMES: readonly (readonly [string, () => Json])[] = [
  ['tumbling lines', tumblingLines],
  ['cluster', clusterGame],
  ['anywhere', anywhereGame],
  ['heights', megawaysGame],
  ['hold and win', holdAndWinGame],
  ['sticky expanding', stickyExpandGame],
];
