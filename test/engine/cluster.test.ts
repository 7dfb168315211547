import { describe, expect, it } from 'vitest';
import { CLUSTER } from '../../src/engine/mechanics/cluster/cluster-mechanic.js';
import { evaluate } from '../helpers/grid-eval.js';
import { format2, weighted } from '../helpers/format2.js';

/** A 4×3 cluster game: A pays 3+, B and C pay 4+ and 6+, W is a wild (×2), V a wild with drawn values. */
function clusterGame(patch: Parameters<typeof format2>[1] = {}) {
  const strip = ['A', 'B', 'C', 'W', 'V', 'S', 'M', 'X'];
  return format2(
    {
      format: 'slotsim/1',
      id: 'cluster-test',
      name: 'Cluster Test',
      version: '1',
      grid: { reels: 4, rows: 3 },
      bet: { credits: 10, lineBet: 1 },
      evaluation: 'ways',
      symbols: {
        A: {},
        B: {},
        C: {},
        X: {},
        W: { wild: true, multiplier: 2 },
        V: { wild: true },
        S: { scatter: true },
        M: {},
      },
      pays: [{ symbol: 'A', pays: { '3': 2 } }],
      reelSets: { base: [strip, strip, strip, strip] },
    },
    {
      evaluation: 'cluster',
      kindPays: [
        ['A', { '3': 2, '4': 3, '5': 5 }],
        ['B', { '4': 5, '6': 20 }],
        ['C', { '4': 1, '6': 4 }],
      ],
      symbols: { V: { multiplierDraw: weighted([[3, 1]]) }, M: { multiplierSymbol: weighted([[2, 1]]) } },
      ...patch,
    },
  );
}

describe('cluster pays', () => {
  it('a wild joining clusters of two symbols counts in both, its cell removed once', () => {
    // reel 0: A A C / reel 1: W B C / reel 2: B B C / reel 3: X X X.
    // W at [1,0] touches A [0,0] and B [1,1], [2,0]. A cluster: [0,0] [0,1] [1,0] = 3 → 2 × W 2 = 4.
    // B cluster: [1,0] [1,1] [2,0] [2,1] = 4 → 5 × 2 = 10. C: [0,2] [1,2] [2,2] = 3, no entry.
    const game = clusterGame();
    const e = evaluate(game, [
      ['A', 'A', 'C'],
      ['W', 'B', 'C'],
      ['B', 'B', 'C'],
      ['X', 'X', 'X'],
    ]);
    expect(e.wins).toEqual([
      {
        kind: 'cluster',
        rule: 0,
        count: 3,
        ways: 1,
        line: -1,
        cells: [
          [0, 0],
          [0, 1],
          [1, 0],
        ],
        pay: 2,
        wildMultiplier: 2,
        ladder: 1,
        win: 4,
      },
      {
        kind: 'cluster',
        rule: 1,
        count: 4,
        ways: 1,
        line: -1,
        cells: [
          [1, 0],
          [1, 1],
          [2, 0],
          [2, 1],
        ],
        pay: 5,
        wildMultiplier: 2,
        ladder: 1,
        win: 10,
      },
    ]);
    expect(e.total).toBe(14);
    // The union: 3 + 4 cells with the wild once = 6.
    expect(e.removed).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  it('wilds joined to two X cells only through each other make one cluster', () => {
    // A W W A along row 0: one cluster of 4 → A "4" = 3 (plain wilds V with value 1 each: ×1).
    // B, C touch the wilds too: C [1,1] + [1,0] + [2,0] = 3 cells, B [2,1] + the wilds = 3: no entries.
    const game = clusterGame();
    const e = evaluate(
      game,
      [
        ['A', 'B', 'C'],
        ['V', 'C', 'B'],
        ['V', 'B', 'C'],
        ['A', 'C', 'B'],
      ],
      { '1,0': 1, '2,0': 1 },
    );
    expect(e.wins.map((w) => [w.rule, w.count, w.cells.length, w.win])).toEqual([[0, 4, 4, 3]]);
    expect(e.removed).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('a group of wilds alone is no cluster; clusters of one symbol pay separately', () => {
    // Two wilds touching only X (no pay rule) and one B: B + 2 wilds = 3, no entry; nothing pays.
    const game = clusterGame();
    const wildsAlone = evaluate(game, [
      ['W', 'W', 'X'],
      ['B', 'X', 'X'],
      ['X', 'X', 'X'],
      ['X', 'X', 'X'],
    ]);
    expect(wildsAlone).toEqual({ total: 0, wins: [], removed: [] });
    // Two A clusters of 3 (reel 0, reel 3) pay separately, in reel-major order of their first A.
    const e = evaluate(game, [
      ['A', 'A', 'A'],
      ['X', 'X', 'X'],
      ['X', 'X', 'X'],
      ['A', 'A', 'A'],
    ]);
    expect(e.wins.map((w) => [w.rule, w.count, w.cells[0], w.win])).toEqual([
      [0, 3, [0, 0], 2],
      [0, 3, [3, 0], 2],
    ]);
    expect(e.total).toBe(4);
    // Wilds between them join them into one cluster of 3 + 2 + 3 = 8, which has no entry.
    const joined = evaluate(game, [
      ['A', 'A', 'A'],
      ['X', 'W', 'X'],
      ['X', 'W', 'X'],
      ['A', 'A', 'A'],
    ]);
    expect(joined.total).toBe(0);
  });

  it('wild multipliers of a cluster: product by default, sum of those ≥ 2 with "sum"', () => {
    // A A V W in row 0 (V drew 3, W is ×2) then X: one A cluster of 4 → pay 3.
    const window = [
      ['A', 'X', 'X'],
      ['A', 'X', 'X'],
      ['V', 'X', 'X'],
      ['W', 'X', 'X'],
    ];
    const product = evaluate(clusterGame(), window, { '2,0': 3 });
    expect(product.wins.map((w) => [w.count, w.wildMultiplier, w.win])).toEqual([[4, 6, 18]]);
    const sum = evaluate(clusterGame({ wildMultipliers: 'sum' }), window, { '2,0': 3 });
    expect(sum.wins.map((w) => [w.count, w.wildMultiplier, w.win])).toEqual([[4, 5, 15]]);
    // "sum" counts only multipliers of 2 or more: V drawing 1 leaves W's 2.
    const one = evaluate(clusterGame({ wildMultipliers: 'sum' }), window, { '2,0': 1 });
    expect(one.wins.map((w) => w.wildMultiplier)).toEqual([2]);
  });

  it('scatters and multiplier symbols break clusters; wilds never stand for them (ruling 15)', () => {
    // A A S A … : the scatter splits row 0; M between two wilds and an A does not join.
    const game = clusterGame();
    const e = evaluate(game, [
      ['A', 'M', 'X'],
      ['A', 'W', 'X'],
      ['S', 'M', 'X'],
      ['A', 'A', 'X'],
    ]);
    // Cluster 1: [0,0] [1,0] [1,1](W) = 3 → 2 × 2 = 4. Cluster 2: [3,0] [3,1] = 2: no entry.
    expect(e.wins.map((w) => [w.count, w.win])).toEqual([[3, 4]]);
  });

  it('the ladder multiplies every cluster win', () => {
    const e = evaluate(
      clusterGame(),
      [
        ['A', 'X', 'X'],
        ['A', 'X', 'X'],
        ['A', 'X', 'X'],
        ['X', 'X', 'X'],
      ],
      {},
      5,
    );
    expect(e.wins.map((w) => [w.pay, w.ladder, w.win])).toEqual([[2, 5, 10]]);
  });

  it('names a paying combination by rule and size', () => {
    expect(CLUSTER.combinationKey(2, 7, 4)).toBe('cluster:2:7');
  });
});
