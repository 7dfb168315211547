/**
 * Hand-computed rounds of `slotsim/2` files, compiled by the real loader: the engine reads what
 * the loader makes of each key (units, range keys, ladders, drawn tables, coins, modes).
 */
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { play2 } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

function load(file: Record<string, unknown>, mode = 'base'): Game {
  return parseGame(JSON.stringify(file), { file: 'game.json', variant: null, mode });
}

describe('slotsim/2 files played by the engine', () => {
  it('cluster, range keys: a wild joins clusters of two symbols, counted in both, removed once', () => {
    // Window (reels): A A C / W B C / B B C / X X X. lineBet 2: A "3-4" 1 → 2 credits × W 2 = 4;
    // B "4+" 2 → 4 credits × 2 = 8. Strip refill: the 6 cells go; reels 0–2 refill from their strips.
    const game = load({
      format: 'slotsim/2',
      id: 'cluster-json',
      name: 'Cluster JSON',
      version: '1',
      grid: { reels: 4, rows: 3 },
      bet: { credits: 10, lineBet: 2 },
      evaluation: 'cluster',
      symbols: { A: {}, B: {}, C: {}, X: {}, W: { wild: true, multiplier: 2 } },
      pays: [
        { symbol: 'A', pays: { '3-4': 1 } },
        { symbol: 'B', pays: { '4+': 2 } },
      ],
      reelSets: {
        base: [
          ['X', 'X', 'A', 'A', 'C'],
          ['X', 'X', 'W', 'B', 'C'],
          ['X', 'X', 'B', 'B', 'C'],
          ['X', 'X', 'X'],
        ],
      },
      cascade: { refill: 'strip', maxCascades: 5 },
    });
    // Stops 2, 2, 2, 0. On reels 0–2 the C survives and falls to row 2; the 2 holes of each take
    // strip[0], strip[1] (p = 2 − 2): X X C three times, then X X X — no win.
    const o = play2(game, new ScriptedRng([2, 2, 2, 0]));
    const first = o.paid!.evaluations[0]!;
    expect(first.wins.map((w) => [w.kind, w.symbol, w.count, w.pay, w.wildMultiplier, w.win])).toEqual([
      ['cluster', 'A', 3, 2, 2, 4],
      ['cluster', 'B', 4, 4, 2, 8],
    ]);
    expect(first.removed).toHaveLength(6);
    expect(o.paid!.evaluations[1]!.window).toEqual([
      ['X', 'X', 'C'],
      ['X', 'X', 'C'],
      ['X', 'X', 'C'],
      ['X', 'X', 'X'],
    ]);
    expect(o.total).toBe(12);
  });

  it('tumbling lines: the ladder past its end, a scatter that tumbles in, a drawn award drawn before the first free spin', () => {
    // Strip Y S A A A X B Z (every reel), 3 lines, bet 3 (lineBet 1). Paid stops 2: A A A on three
    // rows: 30 × ladder 1; all nine cells go; 3 holes take strip[7], strip[0], strip[1] = Z, Y, S:
    // three S in the final window → scatter "3+" 2 × bet = 6, and the award table
    // { "1": 1, "2": 1 } (ascending keys) is drawn: 1 → 2 spins. Free spins stop at 5: X B Z.
    const strip = ['Y', 'S', 'A', 'A', 'A', 'X', 'B', 'Z'];
    const game = load({
      format: 'slotsim/2',
      id: 'tumble-json',
      name: 'Tumble JSON',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 3 },
      symbols: { A: {}, B: {}, X: {}, Y: {}, Z: {}, S: { scatter: true } },
      paylines: [
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 2],
      ],
      pays: [{ symbol: 'A', pays: { '3': 10 } }],
      scatter: { symbol: 'S', pays: { '3+': 2 } },
      reelSets: { base: [strip, strip, strip] },
      freeSpins: { trigger: { symbol: 'S', awards: { '3+': { '1': 1, '2': 1 } } }, retrigger: {} },
      cascade: { refill: 'strip', maxCascades: 10, ladder: [1], freeLadder: [1, 2] },
    });
    const rng = new ScriptedRng([2, 2, 2, 1, 5, 5, 5, 5, 5, 5]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([8, 8, 8, 2, 8, 8, 8, 8, 8, 8]);
    expect(o.paid).toMatchObject({ payWin: 30, scatterWin: 6, scatter: { symbol: 'S', count: 3, pay: 6 } });
    expect(o.freeSpins).toMatchObject({ awards: [{ count: 3, spins: 2, drawn: true }], awarded: 2 });
    expect(o.total).toBe(36);
  });

  it('hold and win in bet units, jackpots, full grid; a coin buy with its own cost', () => {
    // 2 reels × 1 row. bet 5. Values 1 (weight 1) or MINI (weight 1); MINI 10, GRAND 100 units.
    const file = {
      format: 'slotsim/2',
      id: 'coins-json',
      name: 'Coins JSON',
      version: '1',
      grid: { reels: 2, rows: 1 },
      bet: { credits: 5 },
      symbols: { A: {}, C: { coin: true } },
      paylines: [[0, 0]],
      pays: [{ symbol: 'A', pays: { '2': 1 } }],
      reelSets: {
        base: [
          ['C', 'A'],
          ['C', 'A'],
        ],
      },
      holdAndWin: {
        trigger: { symbol: 'C', count: 1 },
        respins: 1,
        maxRespins: 5,
        land: { coin: 1, blank: 1 },
        values: [
          { value: 1, weight: 1 },
          { jackpot: 'MINI', weight: 1 },
        ],
        jackpots: { MINI: 10, GRAND: 100 },
        fullGrid: 'GRAND',
      },
      modes: { coins: { cost: 250, start: { holdAndWin: { '1': 1 } } } },
    };
    // Paid stops 0, 1: C A → one coin: value draw 1 → MINI (50). Respin: [1,0] lands (0), value 0 → 1
    // (5): full grid → GRAND 500. Win 555.
    const paid = play2(load(file), new ScriptedRng([0, 1, 1, 0, 0]));
    expect(paid.holdAndWin).toMatchObject({ jackpots: ['MINI', 'GRAND'], fullGrid: true, win: 555 });
    expect(paid.cost).toBe(5);
    // The buy: n = 1 (bound 1), the coin on the 2nd empty cell (rng.int(2) = 1 → [1,0]), value 0 → 1;
    // the respin on [0,0] lands nothing (draw 1): 5 credits for a stake of 250.
    const rng = new ScriptedRng([0, 1, 0, 1]);
    const buy = play2(load(file, 'coins'), rng);
    expect(rng.bounds).toEqual([1, 2, 2, 2]);
    expect(buy).toMatchObject({ mode: 'coins', cost: 250, paid: null, total: 5 });
    expect(buy.start).toEqual({ kind: 'holdAndWin', coins: 1, placements: [[1, 0]] });
  });
});
