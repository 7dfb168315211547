/** Valid game files for the loader's tests, and helpers to break them one rule at a time. */
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { GameFileError, parseGame, type GameIssue } from '../../src/game/index.js';

// Plain JSON data, mutated freely by tests (each builder returns a fresh copy).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON damaged on purpose has no type
export type Json = any;

export const THREE_BELLS_FILE = 'test/game/fixtures/three-bells.json';

/** The complete example game of the format spec, as the spec writes it. */
export function threeBells(): Json {
  return JSON.parse(readFileSync(THREE_BELLS_FILE, 'utf8'));
}

/**
 * A 5×3 lines game with everything: a wild with a multiplier and an except list, a second wild,
 * a symbol id that looks like an integer ("10", written after the letters), a group, decimal
 * pays, scatter pays, free spins on a weighted reel set, a line-triggered bonus, a max win, an
 * RTP target and two variants.
 */
export function featureGame(): Json {
  const strip = ['A', 'K', 'Q', 'TEN', 'WILD', 'W5', 'SCAT', 'BONUS', 'A', 'K'];
  return {
    $schema: '../../configs/schema/slotsim-game.schema.json',
    format: 'slotsim/1',
    id: 'feature-test',
    name: 'Feature Test',
    version: '2.1',
    description: 'Every feature of the format, for the loader tests.',
    notes: ['line one', 'line two'],
    grid: { reels: 5, rows: 3 },
    bet: { credits: 30 },
    symbols: {
      A: {},
      K: {},
      Q: {},
      TEN: {},
      WILD: { wild: true, multiplier: 2, except: ['K'] },
      W5: { wild: true },
      SCAT: { scatter: true },
      BONUS: {},
    },
    groups: { ROYAL: ['A', 'K'] },
    paylines: [
      [0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
    ],
    pays: [
      { symbol: 'WILD', pays: { '5': 100 } },
      { symbol: 'A', pays: { '3': 1.1, '4': 5, '5': 20 } },
      { symbol: 'K', pays: { '3': 0.5, '5': 10 } },
      { symbol: 'TEN', pays: { '3': 1 } },
      { pattern: ['ROYAL', 'ROYAL', 'ROYAL'], pay: 0.3 },
    ],
    scatter: { symbol: 'SCAT', pays: { '3': 2, '4': 10.5 } },
    reelSets: {
      base: [0, 1, 2, 3, 4].map(() => [...strip]),
      free: [0, 1, 2, 3, 4].map((r) =>
        r === 2 ? { strip: [...strip], weights: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } : [...strip],
      ),
    },
    base: { reelSet: 'base' },
    freeSpins: {
      trigger: { symbol: 'SCAT', awards: { '3': 10, '4': 15 } },
      reelSet: 'free',
      multiplier: 2,
    },
    bonus: {
      trigger: { line: { symbol: 'BONUS', count: 3 } },
      prize: { repeat: { '3': 1, '2': 2 }, each: { pick: { '10': 5, '2.5': 1, '100': 2 } } },
    },
    maxWin: 5000,
    rtp: { target: 0.95, tolerance: 0.01 },
    variants: {
      'high-coin': { bet: { credits: 30, lineBet: 20 }, rtp: { target: 0.96, tolerance: 0.01 } },
      'no-retrigger': {
        freeSpins: { trigger: { symbol: 'SCAT', awards: { '3': 8 } }, retrigger: {}, maxSpins: 50 },
      },
    },
  };
}

/** A 3×3 ways game with a scatter-triggered bonus paid per total bet. */
export function waysGame(): Json {
  const strip = ['A', 'K', 'WILD', 'SCAT', 'K', 'A'];
  return {
    format: 'slotsim/1',
    id: 'ways-test',
    name: 'Ways Test',
    version: '1',
    grid: { reels: 3, rows: 3 },
    bet: { credits: 10, lineBet: 1 },
    evaluation: 'ways',
    symbols: { A: {}, K: {}, WILD: { wild: true, multiplier: 3 }, SCAT: { scatter: true } },
    pays: [
      { symbol: 'A', pays: { '3': 5 } },
      { symbol: 'K', pays: { '2': 1, '3': 2 } },
      { symbol: 'WILD', pays: { '3': 10 } },
    ],
    reelSets: { base: [[...strip], [...strip], [...strip]] },
    bonus: {
      trigger: { anywhere: { symbol: 'SCAT', count: 3 } },
      prize: { pick: { '1': 3, '0.5': 1 } },
      paysPer: 'bet',
    },
  };
}

/** A game file's text, as a test writes it (2-space JSON). */
export function text(game: Json): string {
  return JSON.stringify(game, null, 2);
}

/** The issues the loader reports for a game (object or text); fails the test if it loads. */
export function issuesOf(game: Json, variant: string | null = null): readonly GameIssue[] {
  const error = errorOf(game, variant);
  return error.issues;
}

export function errorOf(game: Json, variant: string | null = null): GameFileError {
  try {
    parseGame(typeof game === 'string' ? game : text(game), { file: 'g.json', variant });
  } catch (error) {
    if (error instanceof GameFileError) return error;
    throw error;
  }
  throw new Error('expected the game to be rejected, and it loaded');
}

/** Expects an issue at exactly `path` whose message holds every fragment. */
export function expectIssue(issues: readonly GameIssue[], path: string, ...fragments: string[]): GameIssue {
  const match = issues.find((i) => i.path === path && fragments.every((f) => i.message.includes(f)));
  expect(
    match,
    `no issue at ${path} with ${JSON.stringify(fragments)}; got:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
  ).toBeDefined();
  return match as GameIssue;
}

/** A copy of `game` changed by `change`. */
export function changed(game: Json, change: (g: Json) => void): Json {
  const copy = structuredClone(game);
  change(copy);
  return copy;
}
