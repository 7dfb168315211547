import { describe, expect, it } from 'vitest';
import { ANYWHERE } from '../../src/engine/mechanics/anywhere/anywhere-mechanic.js';
import type { Game } from '../../src/engine/model.js';
import { format2, weighted } from '../helpers/format2.js';
import { evaluate } from '../helpers/grid-eval.js';

/** 3×3 pay anywhere: A pays 3–5, B 4+; W a wild ×2, V a wild with drawn values, N a wild not standing for B. */
function anywhereGame(patch: Parameters<typeof format2>[1] = {}): Game {
  const strip = ['A', 'B', 'W', 'V', 'N', 'S', 'M', 'X'];
  return format2(
    {
      format: 'slotsim/1',
      id: 'anywhere-test',
      name: 'Anywhere Test',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 10, lineBet: 1 },
      evaluation: 'ways',
      symbols: {
        A: {},
        B: {},
        X: {},
        W: { wild: true, multiplier: 2 },
        V: { wild: true },
        N: { wild: true, except: ['B'] },
        S: { scatter: true },
        M: {},
      },
      pays: [{ symbol: 'A', pays: { '3': 1 } }],
      reelSets: { base: [strip, strip, strip] },
    },
    {
      evaluation: 'anywhere',
      kindPays: [
        ['A', { '3': 2, '4': 5, '5': 10 }],
        ['B', { '4': 3, '5': 4, '6': 8, '7': 20 }],
      ],
      symbols: { V: { multiplierDraw: weighted([[3, 1]]) }, M: { multiplierSymbol: weighted([[2, 1]]) } },
      ...patch,
    },
  );
}

describe('pay anywhere', () => {
  it('counts X cells plus the wilds standing for X, anywhere; every rule pays', () => {
    // A: 2 cells + W + V + N = 5 → 10 × (2 × 4 × 1) = 80 (V drew 4, N is ×1).
    // B: 3 cells + W + V = 5 (N does not stand for B) → 4 × 8 = 32.
    const e = evaluate(
      anywhereGame(),
      [
        ['A', 'B', 'X'],
        ['W', 'B', 'N'],
        ['A', 'V', 'B'],
      ],
      { '2,1': 4 },
    );
    expect(e.wins.map((w) => [w.kind, w.rule, w.count, w.wildMultiplier, w.win])).toEqual([
      ['anywhere', 0, 5, 8, 80],
      ['anywhere', 1, 5, 8, 32],
    ]);
    expect(e.wins[0]!.cells).toEqual([
      [0, 0],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    // The removed cells: the union (W and V once).
    expect(e.removed).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
  });

  it('needs at least one cell showing X: wilds alone pay nothing', () => {
    const e = evaluate(anywhereGame(), [
      ['W', 'W', 'X'],
      ['W', 'X', 'X'],
      ['X', 'X', 'S'],
    ]);
    expect(e.total).toBe(0);
  });

  it('"sum" adds the counted wilds’ multipliers of 2 or more; an expanded reel counts h times (ruling 16)', () => {
    // A reel of three W (as an expansion leaves it) and one A: n = 4 → 5 × (2 + 2 + 2) = 30.
    const window = [
      ['W', 'W', 'W'],
      ['A', 'X', 'X'],
      ['X', 'X', 'X'],
    ];
    const sum = evaluate(anywhereGame({ wildMultipliers: 'sum' }), window);
    expect(sum.wins.map((w) => [w.count, w.wildMultiplier, w.win])).toEqual([[4, 6, 30]]);
    const product = evaluate(anywhereGame(), window);
    expect(product.wins.map((w) => [w.count, w.wildMultiplier, w.win])).toEqual([[4, 8, 40]]);
  });

  it('scatters, multiplier symbols and counts without an entry pay nothing', () => {
    // A: 2 cells (no entry for 2); M and S are never counted for A.
    const e = evaluate(anywhereGame(), [
      ['A', 'M', 'S'],
      ['A', 'M', 'S'],
      ['X', 'X', 'X'],
    ]);
    expect(e.total).toBe(0);
  });

  it('names a paying combination by rule and count', () => {
    expect(ANYWHERE.combinationKey(1, 5, 8)).toBe('anywhere:1:5');
  });
});
