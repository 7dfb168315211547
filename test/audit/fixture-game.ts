/**
 * A 5×3, 20-line test game with every outcome kind the audit record stores: line wins with wild
 * multipliers, a scatter pay, free spins with retriggers and a multiplier, a weighted prize bonus
 * and a max-win cap; plus a variant with other reels. Used until (and beside) the bundled configs.
 */
const strip = (extra: readonly string[]): string[] => [
  'LO1',
  'LO2',
  'HI1',
  'LO3',
  'WILD',
  'LO1',
  'SCAT',
  'LO2',
  'HI2',
  'LO3',
  'LO1',
  'LO2',
  'LO1',
  'BON',
  'LO2',
  'HI1',
  'LO3',
  'LO1',
  'HI2',
  'LO2',
  'LO1',
  'LO3',
  'LO2',
  'LO3',
  ...extra,
];

export const PAYLINES_20 = [
  [1, 1, 1, 1, 1],
  [0, 0, 0, 0, 0],
  [2, 2, 2, 2, 2],
  [0, 1, 2, 1, 0],
  [2, 1, 0, 1, 2],
  [0, 0, 1, 0, 0],
  [2, 2, 1, 2, 2],
  [1, 2, 2, 2, 1],
  [1, 0, 0, 0, 1],
  [1, 0, 1, 0, 1],
  [1, 2, 1, 2, 1],
  [0, 1, 0, 1, 0],
  [2, 1, 2, 1, 2],
  [1, 1, 0, 1, 1],
  [1, 1, 2, 1, 1],
  [0, 1, 1, 1, 0],
  [2, 1, 1, 1, 2],
  [0, 2, 0, 2, 0],
  [2, 0, 2, 0, 2],
  [0, 2, 2, 2, 0],
];

export const fixtureGame = {
  format: 'slotsim/1',
  id: 'audit-fixture',
  name: 'Audit Fixture',
  version: '1.0.0',
  grid: { reels: 5, rows: 3 },
  bet: { credits: 20, lineBet: 1 },
  symbols: {
    WILD: { wild: true, multiplier: 2 },
    SCAT: { scatter: true },
    BON: { scatter: true },
    HI1: {},
    HI2: {},
    LO1: {},
    LO2: {},
    LO3: {},
  },
  paylines: PAYLINES_20,
  pays: [
    { symbol: 'WILD', pays: { '3': 20, '4': 100, '5': 500 } },
    { symbol: 'HI1', pays: { '3': 10, '4': 40, '5': 150 } },
    { symbol: 'HI2', pays: { '3': 8, '4': 30, '5': 100 } },
    { symbol: 'LO1', pays: { '3': 2, '4': 6, '5': 20 } },
    { symbol: 'LO2', pays: { '3': 2, '4': 5, '5': 15 } },
    { symbol: 'LO3', pays: { '3': 1, '4': 4, '5': 10 } },
  ],
  scatter: { symbol: 'SCAT', pays: { '3': 2, '4': 10, '5': 50 } },
  reelSets: {
    base: [strip(['LO1']), strip(['LO2', 'WILD']), strip([]), strip(['HI1']), strip(['LO3', 'LO2'])],
    free: [strip(['WILD']), strip(['WILD']), strip(['WILD', 'HI1']), strip([]), strip(['HI2'])],
  },
  freeSpins: {
    trigger: { symbol: 'SCAT', awards: { '3': 8, '4': 12, '5': 20 } },
    reelSet: 'free',
    multiplier: 2,
    maxSpins: 60,
  },
  bonus: {
    trigger: { anywhere: { symbol: 'BON', count: 3 } },
    prize: { repeat: { '1': 3, '2': 2, '3': 1 }, each: { pick: { '5': 10, '10': 5, '50': 1 } } },
    paysPer: 'lineBet',
  },
  maxWin: 40,
  variants: {
    tight: {
      reelSets: {
        base: [strip(['LO1', 'LO2']), strip(['LO2']), strip(['LO3']), strip(['HI1']), strip(['LO3', 'LO2'])],
        free: [strip([]), strip(['WILD']), strip([]), strip([]), strip(['HI2'])],
      },
    },
  },
};

export const FIXTURE_TEXT = `${JSON.stringify(fixtureGame, null, 2)}\n`;
