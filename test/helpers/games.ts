import { parseGame } from '../../src/game/index.js';
import type { Game } from '../../src/engine/model.js';

/** Compiles an inline game for a test (the loader's own rules apply). */
export function compile(raw: object, variant: string | null = null): Game {
  return parseGame(JSON.stringify(raw), { file: 'test.json', variant });
}

/** The complete small game of the format spec ("Three Bells"). */
export const threeBells = {
  format: 'slotsim/1',
  id: 'three-bells',
  name: 'Three Bells',
  version: '1.0.0',
  grid: { reels: 3, rows: 1 },
  bet: { credits: 1, lineBet: 1 },
  symbols: { BELL: {}, CHERRY: {}, BAR: {}, BLANK: {}, WILD: { wild: true, multiplier: 2 } },
  groups: { ANY: ['BELL', 'BAR'] },
  paylines: [[0, 0, 0]],
  pays: [
    { symbol: 'WILD', pays: { '3': 200 } },
    { symbol: 'BELL', pays: { '3': 20 } },
    { symbol: 'BAR', pays: { '3': 5 } },
    { symbol: 'CHERRY', pays: { '1': 1, '2': 3, '3': 8 } },
    { pattern: ['ANY', 'ANY', 'ANY'], pay: 1 },
  ],
  reelSets: {
    base: [
      ['BELL', 'BLANK', 'BAR', 'BLANK', 'CHERRY', 'BLANK', 'WILD', 'BLANK'],
      {
        strip: ['BELL', 'BLANK', 'BAR', 'BLANK', 'CHERRY', 'BLANK', 'WILD', 'BLANK'],
        weights: [2, 4, 3, 4, 1, 4, 1, 4],
      },
      ['BELL', 'BLANK', 'BAR', 'BLANK', 'CHERRY', 'BLANK', 'WILD', 'BLANK'],
    ],
  },
  base: { reelSet: 'base' },
};

/**
 * A 5-reel, 1-row, one-line game for line rules: the strip of every reel lists each symbol once,
 * so a test picks the symbol on reel r by drawing its index.
 */
export function oneRowGame(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const strip = ['A', 'K', 'SEVEN', 'WILD', 'W3', 'SCAT', 'BLANK', 'BAR'];
  return {
    format: 'slotsim/1',
    id: 'one-row',
    name: 'One Row',
    version: '1',
    grid: { reels: 5, rows: 1 },
    bet: { credits: 1 },
    symbols: {
      A: {},
      K: {},
      SEVEN: {},
      WILD: { wild: true },
      W3: { wild: true, multiplier: 3, except: ['BAR'] },
      SCAT: { scatter: true },
      BLANK: {},
      BAR: {},
    },
    groups: { HIGH: ['A', 'K'] },
    paylines: [[0, 0, 0, 0, 0]],
    pays: [
      { symbol: 'WILD', pays: { '3': 50, '5': 1000 } },
      { symbol: 'SEVEN', pays: { '3': 20, '4': 100, '5': 500 } },
      { symbol: 'A', pays: { '3': 10, '4': 40 } },
      { symbol: 'K', pays: { '3': 10 } },
      { symbol: 'BAR', pays: { '3': 7 } },
      { pattern: ['HIGH', 'HIGH', 'HIGH'], pay: 4 },
    ],
    scatter: { symbol: 'SCAT', pays: { '2': 2, '3': 5 } },
    reelSets: { base: [strip, strip, strip, strip, strip] },
    ...overrides,
  };
}

/** Index of each symbol on the `oneRowGame` strips. */
export const ONE_ROW = { A: 0, K: 1, SEVEN: 2, WILD: 3, W3: 4, SCAT: 5, BLANK: 6, BAR: 7 } as const;
