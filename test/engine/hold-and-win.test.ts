import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { format2, holdAndWin, play2 } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

/**
 * 3 reels × 2 rows (6 cells), one line on row 0; C is the coin. Hold and win: 3+ coins, respins 2,
 * lands on `rng.int(4) < 1`, values 1 (weight 6), 5 (weight 3), MINI (weight 1) of bet 2 credits:
 * 2, 10, 40 credits; GRAND (100 × 2 = 200) on a full grid.
 */
function coinGame(
  spec: Partial<Parameters<typeof holdAndWin>[1]> = {},
  patch: Parameters<typeof format2>[1] = {},
): Game {
  const base = format2(
    {
      format: 'slotsim/1',
      id: 'coins',
      name: 'Coins',
      version: '1',
      grid: { reels: 3, rows: 2 },
      bet: { credits: 2 },
      symbols: { A: {}, X: {}, C: {}, S: { scatter: true } },
      paylines: [[0, 0, 0]],
      pays: [{ symbol: 'A', pays: { '3': 10 } }],
      reelSets: {
        base: [
          ['C', 'C', 'X', 'A'],
          ['C', 'X', 'X', 'A', 'C'],
          ['C', 'X', 'A', 'X', 'C'],
        ],
      },
    },
    { symbols: { C: { coin: true } }, ...patch },
  );
  return {
    ...base,
    holdAndWin: holdAndWin(base, {
      symbol: 'C',
      count: 3,
      respins: 2,
      maxRespins: 10,
      coin: 1,
      blank: 3,
      values: [
        [1, 6],
        [5, 3],
        ['MINI', 1],
      ],
      jackpots: { MINI: 20, GRAND: 100 },
      fullGrid: 'GRAND',
      ...spec,
    }),
  };
}

describe('hold and win', () => {
  it('trigger coins draw values reel-major; each respin draws per empty cell; a landing resets L; a full grid ends it', () => {
    // Paid stops 0, 0, 0: C C / C X / C X: 4 coins ([0,0] [0,1] [1,0] [2,0]), values 0 → 1,
    // 6 → 5, 9 → MINI, 0 → 1. Respin 1: [1,1] 3, [2,1] 3: nothing, L = 1. Respin 2: [1,1] 0 lands
    // (value 8 → 5), [2,1] 3: L = 2. Respin 3: [2,1] 0 lands (value 9 → MINI): full grid.
    // Win: 2 + 10 + 40 + 10 + 2 + 40 = 104, + GRAND 200 = 304.
    const rng = new ScriptedRng([0, 0, 0, 0, 6, 9, 0, 3, 3, 0, 8, 3, 0, 9]);
    const o = play2(coinGame(), rng);
    expect(rng.bounds).toEqual([4, 5, 5, 10, 10, 10, 10, 4, 4, 4, 10, 4, 4, 10]);
    const hw = o.holdAndWin!;
    expect(hw.initial).toEqual([
      { cell: [0, 0], value: 1, jackpot: null, credits: 2 },
      { cell: [0, 1], value: 5, jackpot: null, credits: 10 },
      { cell: [1, 0], value: null, jackpot: 'MINI', credits: 40 },
      { cell: [2, 0], value: 1, jackpot: null, credits: 2 },
    ]);
    expect(hw.respins).toEqual([
      { landings: [], respinsLeft: 1 },
      { landings: [{ cell: [1, 1], value: 5, jackpot: null, credits: 10 }], respinsLeft: 2 },
      { landings: [{ cell: [2, 1], value: null, jackpot: 'MINI', credits: 40 }], respinsLeft: 2 },
    ]);
    expect(hw.coins.map((c) => c.cell)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    expect(hw.jackpots).toEqual(['MINI', 'MINI', 'GRAND']);
    expect(hw.fullGrid).toBe(true);
    expect(hw.win).toBe(304);
    expect(o.components).toEqual({ lines: 0, scatter: 0, freeSpins: 0, bonus: 0, holdAndWin: 304 });
    expect(o.total).toBe(304);
  });

  it('ends when L reaches 0', () => {
    // Respins 1 and 2 land nothing: L = 1, 0. Win 2 + 10 + 40 + 2 = 54.
    const rng = new ScriptedRng([0, 0, 0, 0, 6, 9, 0, 3, 3, 3, 3]);
    const o = play2(coinGame(), rng);
    expect(rng.consumed).toBe(11);
    expect(o.holdAndWin!.respins.map((r) => r.respinsLeft)).toEqual([1, 0]);
    expect(o.holdAndWin).toMatchObject({ fullGrid: false, jackpots: ['MINI'], win: 54 });
  });

  it('ends after maxRespins respins', () => {
    // maxRespins 1: one respin, although a coin landed on it.
    const rng = new ScriptedRng([0, 0, 0, 0, 6, 9, 0, 0, 0, 3]);
    const o = play2(coinGame({ maxRespins: 1 }), rng);
    expect(rng.consumed).toBe(10);
    expect(o.holdAndWin!.respins).toHaveLength(1);
    expect(o.holdAndWin!.win).toBe(54 + 2);
  });

  it('a full grid at the trigger pays the fullGrid tier with no respin (ruling 32)', () => {
    // Stops 0, 4, 4: C C / C C / C C. Six values, all 0 → 1 (2 credits): 12 + 200.
    const rng = new ScriptedRng([0, 4, 4, 0, 0, 0, 0, 0, 0]);
    const o = play2(coinGame(), rng);
    expect(rng.consumed).toBe(9);
    expect(o.holdAndWin).toMatchObject({ respins: [], fullGrid: true, jackpots: ['GRAND'], win: 212 });
  });

  it('fewer coins than the trigger count start nothing', () => {
    // Stops 2, 0, 1: X A / C X / X A: one coin.
    const rng = new ScriptedRng([2, 0, 1]);
    expect(play2(coinGame(), rng).holdAndWin).toBeNull();
    expect(rng.consumed).toBe(3);
  });

  it('the trigger coins are the counted window’s, at their cells in it (ruling 32)', () => {
    // Cascade game, 3×2, one line on row 1, a trigger of 1 coin. Stops 0: C X X over A A A.
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'coins-tumble',
        name: 'Coins Tumble',
        version: '1',
        grid: { reels: 3, rows: 2 },
        bet: { credits: 1 },
        symbols: { A: {}, X: {}, C: {} },
        paylines: [[1, 1, 1]],
        pays: [{ symbol: 'A', pays: { '3': 10 } }],
        reelSets: {
          base: [
            ['C', 'A', 'X', 'X'],
            ['X', 'A', 'X', 'X'],
            ['X', 'A', 'X', 'X'],
          ],
        },
      },
      { symbols: { C: { coin: true } }, cascade: { scatterCount: 'final' } },
    );
    const feature = holdAndWin(game, {
      symbol: 'C',
      count: 1,
      respins: 1,
      coin: 1,
      blank: 1,
      values: [[1, 1]],
    });
    // Window 0: C X X / A A A: line 1 pays 10; row 1 removed; C falls to [0,1]; the holes get
    // strip[3] (p = 0 − 1 → 3): X. Window 1: X X X / C X X. The coin draws its value (bound 1),
    // then one respin lands nothing on the 5 empty cells (bound 2 each): L = 0.
    const final = play2({ ...game, holdAndWin: feature }, new ScriptedRng([0, 0, 0, 0, 1, 1, 1, 1, 1]));
    expect(final.holdAndWin!.initial.map((c) => c.cell)).toEqual([[0, 1]]);
    const initialGame = {
      ...game,
      holdAndWin: feature,
      cascade: { ...game.cascade!, scatterCount: 'initial' as const },
    };
    const initial = play2(initialGame, new ScriptedRng([0, 0, 0, 0, 1, 1, 1, 1, 1]));
    expect(initial.holdAndWin!.initial.map((c) => c.cell)).toEqual([[0, 0]]);
  });
});
