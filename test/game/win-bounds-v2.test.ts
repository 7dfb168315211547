/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- these tests take raw JSON documents apart, which have no static type */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationKind, Game } from '../../src/engine/model.js';
import { isRoundOutcomeV2 } from '../../src/engine/outcome.js';
import { playRound } from '../../src/engine/round.js';
import { GameFileError, listModes, parseGame } from '../../src/game/index.js';
import { winBounds } from '../../src/game/win-bounds.js';
import { windowBound } from '../../src/game/win-bounds-v2.js';
import { forEachDrawPath } from '../helpers/draw-paths.js';
import { tinyGame } from '../helpers/tiny-games.js';
import type { Json } from './games.js';
import { changed } from './games.js';
import { anywhereGame, clusterGame, holdAndWinGame, megawaysGame, tumblingLines } from './games-v2.js';

const load = (game: Json, mode = 'base'): Game =>
  parseGame(JSON.stringify(game), { file: 'bounds.json', variant: null, mode });

function loadError(game: Json): GameFileError {
  try {
    load(game);
  } catch (error) {
    if (error instanceof GameFileError) return error;
    throw error;
  }
  throw new Error('the game loaded');
}

/** A 3×1 lines game, one payline, for hand-computed bounds. */
function lines3x1(): Json {
  return {
    format: 'slotsim/2',
    id: 'b',
    name: 'B',
    version: '1',
    grid: { reels: 3, rows: 1 },
    bet: { credits: 1 },
    symbols: {
      A: {},
      K: {},
      W: {
        wild: true,
        multiplier: [
          { value: 2, weight: 1 },
          { value: 3, weight: 1 },
        ],
      },
    },
    paylines: [[0, 0, 0]],
    pays: [
      { symbol: 'A', pays: { '3': 10 } },
      { symbol: 'K', pays: { '2': 1, '3': 4 } },
    ],
    reelSets: {
      base: [
        ['A', 'K', 'W'],
        ['A', 'K', 'W'],
        ['A', 'K'],
      ],
    },
  };
}

describe('the format-2 win bounds, by hand', () => {
  it('lines: the best rule with the largest drawn wild values, their product or their sum', () => {
    // A×3 with wilds on reels 1 and 2 at their largest (3): 10 × 3 × 3 = 90; with "sum": 10 × 6 = 60.
    expect(winBounds(load(lines3x1())).paidSpin).toBe(90);
    expect(winBounds(load(changed(lines3x1(), (g) => (g.wildMultipliers = 'sum')))).paidSpin).toBe(60);
  });

  it('cascades: every window at its ladder entry, the ladder past its end repeating', () => {
    // Windows c = 0, 1, 2 at ladder 1, 2, 2: 90 × 5.
    const game = changed(
      lines3x1(),
      (g) => (g.cascade = { refill: 'strip', maxCascades: 2, ladder: [1, 2] }),
    );
    expect(winBounds(load(game)).paidSpin).toBe(450);
    // A linear ladder min(1 + 3c, 5): 1 + 4 + 5 = 10 windows' worth.
    const linear = changed(game, (g) => (g.cascade.ladder = { start: 1, step: 3, max: 5 }));
    expect(winBounds(load(linear)).paidSpin).toBe(900);
  });

  it('multiplier symbols: every cell at its reel’s largest value, and the meter over maxSpins free spins', () => {
    const game = changed(lines3x1(), (g) => {
      g.symbols.M = { multiplierSymbol: [{ value: 4, weight: 1 }] };
      g.reelSets.base[2].push('M');
      g.symbols.S = { scatter: true };
      g.reelSets.base[0].push('S');
      g.scatter = { symbol: 'S', pays: { '1': 7 } };
      g.freeSpins = { trigger: { symbol: 'S', awards: { '1': 2 } }, maxSpins: 5, multiplier: 2 };
    });
    const b = winBounds(load(game));
    // One M cell (reel 2, one row) of value 4: the pays × 4, plus the scatter's 7 (never multiplied).
    expect(b.paidSpin).toBe(90 * 4 + 7);
    // A free spin: (pays × 4 + 7) × the free-spin multiplier 2.
    expect(b.freeSpin).toBe((90 * 4 + 7) * 2);
    expect(b.uncappedRound).toBe(b.paidSpin + 5 * b.freeSpin);
    const meter = changed(game, (g) => (g.freeSpins.multiplierMeter = true));
    // The meter adds up to 4 a free spin, over at most 5 of them: T ≤ 20.
    expect(winBounds(load(meter)).freeSpin).toBe((90 * 20 + 7) * 2);
  });

  it('ways: each reel counts its best window of consecutive stops, or every row at the best without', () => {
    const game = {
      format: 'slotsim/2',
      id: 'w',
      name: 'W',
      version: '1',
      grid: { reels: 3, rows: 2 },
      bet: { credits: 1, lineBet: 1 },
      evaluation: 'ways',
      symbols: { A: {}, B: {}, W: { wild: true, multiplier: [{ value: 5, weight: 1 }] } },
      pays: [{ symbol: 'A', pays: { '3': 1 } }],
      reelSets: {
        base: [
          ['A', 'B', 'B', 'B'],
          ['A', 'W', 'B', 'B'],
          ['A', 'A', 'B', 'B'],
        ],
      },
    };
    // Consecutive windows of 2 rows: reel 0 at most 1 (A), reel 1 A + W = 6, reel 2 A A = 2: 12 ways.
    expect(winBounds(load(game)).paidSpin).toBe(12);
    // With a cascade a reel can show anything its strip holds on every row: 2 × (2 × 5) × 2 = 40
    // ways a window, and two windows.
    const tumbling = changed(game, (g) => (g.cascade = { refill: 'redraw', maxCascades: 1 }));
    expect(winBounds(load(tumbling)).paidSpin).toBe(40 * 2);
  });

  it('cluster: clusters of one symbol never share a cell, and without wilds no symbols do', () => {
    const game = {
      format: 'slotsim/2',
      id: 'c',
      name: 'C',
      version: '1',
      grid: { reels: 2, rows: 2 },
      bet: { credits: 1, lineBet: 1 },
      evaluation: 'cluster',
      symbols: { A: {}, B: {} },
      pays: [
        { symbol: 'A', pays: { '2': 5, '4': 8 } },
        { symbol: 'B', pays: { '2': 3 } },
      ],
      reelSets: {
        base: [
          ['A', 'B'],
          ['A', 'B'],
        ],
      },
    };
    // 4 cells: two clusters of 2 (5 + 5) beat one of 4 (8).
    expect(windowBound(load(game), load(game).baseReelSet, false)).toBe(10);
    // A ×2 wild: each symbol packs the grid alone (a wild may join clusters of both), a cluster of
    // n cells with n − 1 wilds: A 2 cells 5 × 2 = 10 each, two of them 20 (4 cells: 8 × 8 = 64 is more);
    // B two clusters of 2: 6 each, 12: 64 + 12 = 76.
    const wild = changed(game, (g) => {
      g.symbols.W = { wild: true, multiplier: 2 };
      g.reelSets.base[1].push('W');
    });
    expect(windowBound(load(wild), load(wild).baseReelSet, false)).toBe(76);
  });

  it('anywhere: each rule pays one count, and without wilds the counts share the grid', () => {
    const game = changed(anywhereGame(), (g) => {
      g.pays = [
        { symbol: 'H', pays: { '20': 10, '30': 12 } },
        { symbol: 'L', pays: { '10': 3 } },
      ];
      delete g.modes;
      delete g.variants;
    });
    // 30 cells: H 20 and L 10 (13) beat H 30 (12).
    expect(windowBound(load(game), load(game).baseReelSet, false)).toBe(13);
  });

  it('hold and win: every cell holding the largest coin, plus the full-grid tier (× bet)', () => {
    const b = winBounds(load(holdAndWinGame(), 'coins'));
    // 15 cells × GRAND (1000 × 10 credits) + GRAND again for the full grid; a mode with a start has no paid spin.
    expect(b.holdAndWin).toBe(15 * 10_000 + 10_000);
    expect(b.paidSpin).toBe(0);
    expect(b.uncappedRound).toBe(b.holdAndWin);
  });
});

describe('the format-2 win bounds hold on every draw path of generated tiny games (no cap)', () => {
  const SEED = 20261214;
  const kinds: EvaluationKind[] = ['lines', 'ways', 'cluster', 'anywhere'];

  it.each(kinds)('%s (seed 20261214)', (kind) => {
    let rounds = 0;
    fc.assert(
      fc.property(tinyGame(kind), (file) => {
        const uncapped = { ...file };
        delete uncapped.maxWin;
        const text = JSON.stringify(uncapped);
        for (const mode of listModes(text, { file: 'tiny.json' })) {
          const game = parseGame(text, { file: 'tiny.json', variant: null, mode });
          const b = winBounds(game);
          rounds += forEachDrawPath(
            (rng) => {
              const o = playRound(game, rng);
              if (!isRoundOutcomeV2(o)) throw new Error('format 2 expected');
              const spins = [...(o.paid === null ? [] : [o.paid]), ...(o.freeSpins?.spins ?? [])];
              for (const spin of spins) {
                const free = spin !== o.paid;
                expect(spin.win).toBeLessThanOrEqual(free ? b.freeSpin : b.paidSpin);
                const window = windowBound(game, game.reelSets[spin.reelSet]!, free);
                for (const e of spin.evaluations) expect(e.payWin / e.ladder).toBeLessThanOrEqual(window);
              }
              expect(o.bonus?.win ?? 0).toBeLessThanOrEqual(b.bonus);
              expect(o.holdAndWin?.win ?? 0).toBeLessThanOrEqual(b.holdAndWin);
              expect(o.total).toBeLessThanOrEqual(b.uncappedRound);
            },
            120,
            () => undefined,
          );
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(rounds).toBeGreaterThan(1000);
  });
});

describe('the loader refuses a format-2 game whose round could pass 2^53 − 1 credits', () => {
  it('a meter over 10,000 free spins with no cap, at the free spins; a cap makes it load', () => {
    const game = changed(clusterGame(), (g) => {
      g.freeSpins.maxSpins = 10_000;
      g.symbols.X.multiplierSymbol = [{ value: 1_000_000, weight: 1 }];
    });
    const error = loadError(game);
    expect(error.message).toMatch(
      /freeSpins\.maxSpins: a round can win up to .* credits: the paid spin up to/,
    );
    expect(error.message).toMatch(/cap the round with "maxWin"/);
    expect(() => load(changed(game, (g) => (g.maxWin = 100_000)))).not.toThrow();
  });

  it('a ways product Πn past 2^53 − 1, even with a cap (ways subtract Πm from it)', () => {
    const game = changed(megawaysGame(), (g) => {
      g.symbols.WILD.multiplier = [{ value: 1_000, weight: 1 }];
      g.maxWin = 1000;
    });
    const error = loadError(game);
    // Six reels, each window of 7 consecutive stops holding one WILD (1,000) and at most two A:
    // 1,002^6 ≈ 1.012e18 ways.
    expect(error.message).toMatch(/pays\[0\]: a window of reel set "base" can count up to 1\.012e18 ways/);
  });

  it('the test games load, tumbling lines with its cap bounding the round', () => {
    const b = winBounds(load(tumblingLines()));
    expect(b.round).toBe(5000 * 20);
    expect(b.uncappedRound).toBeGreaterThan(b.round);
  });
});
