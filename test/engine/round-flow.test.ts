import { describe, expect, it } from 'vitest';
import type { Game, WeightedList } from '../../src/engine/model.js';
import { format2, holdAndWin, ladderList, play2, weighted } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

/**
 * 3 reels × 2 rows, one line on row 0, bet 2 (lineBet 2): A A A pays 10 × 2 = 20. S is the
 * scatter of the free spins (3+: a drawn award of 2 or 3 spins) and of the bonus (3+: a pick of
 * 10 or 20 × bet); C the coin (2+: hold and win, one respin, every value 1 × bet).
 * Stops 0, 0, 0 show S S S over C C X: everything triggers.
 */
function fullGame(patch: Partial<Game> = {}): Game {
  const base = format2(
    {
      format: 'slotsim/1',
      id: 'full',
      name: 'Full',
      version: '1',
      grid: { reels: 3, rows: 2 },
      bet: { credits: 2 },
      symbols: { A: {}, X: {}, C: {}, S: { scatter: true } },
      paylines: [[0, 0, 0]],
      pays: [{ symbol: 'A', pays: { '3': 10 } }],
      reelSets: {
        base: [
          ['S', 'C', 'X', 'A'],
          ['S', 'C', 'X', 'A'],
          ['S', 'X', 'A', 'X'],
        ],
      },
      freeSpins: { trigger: { symbol: 'S', awards: { '3': 2 } }, retrigger: {}, maxSpins: 3 },
      bonus: {
        trigger: { anywhere: { symbol: 'S', count: 3 } },
        prize: { pick: { '10': 1, '20': 1 } },
        paysPer: 'bet',
      },
    },
    { symbols: { C: { coin: true } } },
  );
  const fs = base.freeSpins!;
  const none = new Array<WeightedList<number> | null>(7).fill(null);
  const awardDraws = [...none];
  awardDraws[3] = weighted([
    [2, 1],
    [3, 1],
  ]);
  const retriggerDraws = [...none];
  retriggerDraws[2] = weighted([
    [1, 1],
    [4, 1],
  ]);
  return {
    ...base,
    freeSpins: { ...fs, awards: new Array<number>(7).fill(0), awardDraws, retriggerDraws },
    holdAndWin: holdAndWin(base, { symbol: 'C', count: 2, respins: 1, coin: 1, blank: 1, values: [[1, 1]] }),
    ...patch,
  };
}

describe('the round flow', () => {
  it('plays paid spin → bonus → hold and win → (drawn award) → free spins, drawing retriggers right after their spin', () => {
    // Paid 0, 0, 0: S S S / C C X. Bonus pick draw 1 → 20 × 2 = 40. Hold and win: coins [0,1],
    // [1,1] draw their values (bound 1), one respin over the 4 empty cells lands nothing: 2 × 2 = 4.
    // Award drawn right before the first free spin: 0 → 2 spins.
    // FS1 1, 1, 1: C X / C X / X A: two coins trigger nothing in free spins (ruling 32).
    // FS2 3, 3, 2: A A A / S S X: 20; two S: the retrigger table is drawn right after: 1 → 4,
    // cut to maxSpins 3 − 2 played = 1. FS3 1, 1, 1: nothing.
    const rng = new ScriptedRng([0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 3, 3, 2, 1, 1, 1, 1]);
    const o = play2(fullGame(), rng);
    expect(rng.bounds).toEqual([4, 4, 4, 2, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4]);
    expect(o.bonus).toEqual({ draws: [{ node: 'pick', bound: 2, draw: 1, result: 40 }], win: 40 });
    expect(o.holdAndWin).toMatchObject({ win: 4, fullGrid: false });
    const fs = o.freeSpins!;
    expect(fs.awards).toEqual([{ count: 3, spins: 2, drawn: true }]);
    expect(fs.awarded).toBe(2);
    expect(fs.spins.map((s) => [s.win, s.retrigger])).toEqual([
      [0, 0],
      [20, 1],
      [0, 0],
    ]);
    expect(fs.spins[1]!.retriggers).toEqual([{ count: 2, spins: 4, drawn: true }]);
    expect(o.components).toEqual({ lines: 0, scatter: 0, freeSpins: 20, bonus: 40, holdAndWin: 4 });
    expect(o.total).toBe(64);
    expect(o).toMatchObject({ format: 2, mode: 'base', cost: 2, start: null, capped: false });
  });

  it('"each": the awards of one sequence are drawn in window order, add up, then are cut by maxSpins', () => {
    // 3×3 lines tumble; strip Y S S X Y Z. Paid 2, 2, 2: S S S twice (two windows), then none.
    // Award draws: 1 → 2 spins, 0 → 1 spin: 3, cut to maxSpins 2. Free spins at 3, 3, 3: X Y Z.
    const strip = ['Y', 'S', 'S', 'X', 'Y', 'Z'];
    const base = format2(
      {
        format: 'slotsim/1',
        id: 'each',
        name: 'Each',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, X: {}, Y: {}, Z: {}, S: { scatter: true } },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
          [2, 2, 2],
        ],
        pays: [{ symbol: 'A', pays: { '3': 10 } }],
        reelSets: { base: [strip, strip, strip] },
        freeSpins: { trigger: { symbol: 'S', awards: { '3': 1 } }, maxSpins: 2 },
      },
      { cascade: { scatterCount: 'each' } },
    );
    const draws = new Array<ReturnType<typeof weighted<number>> | null>(10).fill(null);
    draws[3] = weighted([
      [1, 1],
      [2, 1],
    ]);
    const game = {
      ...base,
      freeSpins: {
        ...base.freeSpins!,
        awards: new Array<number>(10).fill(0),
        awardDraws: draws,
        retrigger: new Array<number>(10).fill(0),
      },
    };
    const rng = new ScriptedRng([2, 2, 2, 1, 0, 3, 3, 3, 3, 3, 3]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([6, 6, 6, 2, 2, 6, 6, 6, 6, 6, 6]);
    expect(o.paid!.evaluations.map((e) => e.award)).toEqual([3, 3, null]);
    expect(o.freeSpins!.awards).toEqual([
      { count: 3, spins: 2, drawn: true },
      { count: 3, spins: 1, drawn: true },
    ]);
    expect(o.freeSpins!.awarded).toBe(2);
  });
});

describe('bet modes', () => {
  it('start.freeSpins: one draw of the count, no paid spin, the feature as if triggered; the mode’s cost', () => {
    // Start draw 0 → 2 spins. FS1 1, 1, 1: nothing. FS2 3, 3, 2: A A A 20, two S: the retrigger
    // draw 0 → 1 spin. FS3 1, 1, 1.
    const game = fullGame({
      mode: 'buy',
      cost: 100,
      start: {
        kind: 'freeSpins',
        spins: weighted([
          [2, 1],
          [5, 1],
        ]),
      },
    });
    const rng = new ScriptedRng([0, 1, 1, 1, 3, 3, 2, 0, 1, 1, 1]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([2, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4]);
    expect(o).toMatchObject({ mode: 'buy', cost: 100, start: { kind: 'freeSpins', spins: 2 }, paid: null });
    expect(o.freeSpins).toMatchObject({ awards: [], awarded: 2 });
    expect(o.freeSpins!.spins).toHaveLength(3);
    expect(o.total).toBe(20);
  });

  it('start.freeSpins is cut to maxSpins', () => {
    const game = fullGame({ start: { kind: 'freeSpins', spins: weighted([[5, 1]]) } });
    // 5 → maxSpins 3: three free spins that pay nothing and show no S.
    const o = play2(game, new ScriptedRng([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(o.freeSpins!.awarded).toBe(3);
    expect(o.freeSpins!.spins).toHaveLength(3);
  });

  it('start.holdAndWin: n drawn, each coin placed by rng.int(empty cells) reel-major with its value at once', () => {
    // n: draw 0 → 2. Coin 1: rng.int(6) = 4 → cell 4 = [2,0]; value (bound 1). Coin 2:
    // rng.int(5) = 4 → the empty cells are 0 1 2 3 5: the fifth is [2,1]; value. One respin over
    // the 4 empty cells lands nothing.
    const game = fullGame({
      mode: 'coins',
      cost: 50,
      start: {
        kind: 'holdAndWin',
        coins: weighted([
          [2, 1],
          [3, 1],
        ]),
      },
    });
    const rng = new ScriptedRng([0, 4, 0, 4, 0, 1, 1, 1, 1]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([2, 6, 1, 5, 1, 2, 2, 2, 2]);
    expect(o.start).toEqual({
      kind: 'holdAndWin',
      coins: 2,
      placements: [
        [2, 0],
        [2, 1],
      ],
    });
    expect(o.holdAndWin!.initial.map((c) => c.cell)).toEqual([
      [2, 0],
      [2, 1],
    ]);
    expect(o).toMatchObject({ paid: null, freeSpins: null, total: 4, cost: 50, mode: 'coins' });
  });

  it('a mode’s own cap cuts its round', () => {
    // The buy mode capped at 10 credits: FS2's 20 is cut to 10 and the round ends (no retrigger draw).
    const game = fullGame({
      start: { kind: 'freeSpins', spins: weighted([[2, 1]]) },
      maxWin: 5,
      maxWinCredits: 10,
    });
    const rng = new ScriptedRng([0, 1, 1, 1, 3, 3, 2]);
    const o = play2(game, rng);
    expect(rng.consumed).toBe(7);
    expect(o).toMatchObject({ total: 10, capped: true });
    expect(o.freeSpins!.spins.map((s) => s.win)).toEqual([0, 10]);
  });
});

describe('the max-win cap (rulings 33, 34)', () => {
  it('cuts the spin’s pay win, then its scatter win; a cap reached ends the round, nothing more is drawn', () => {
    // Cap 30 credits. Paid 0, 0, 0 triggers everything; the bonus's 40 is cut to 30: the round
    // is capped, hold and win and the free-spin award are never drawn (4 draws in all).
    const rng = new ScriptedRng([0, 0, 0, 1]);
    const capped = play2(fullGame({ maxWin: 15, maxWinCredits: 30 }), rng);
    expect(rng.consumed).toBe(4);
    expect(capped.bonus!.win).toBe(30);
    expect(capped).toMatchObject({ holdAndWin: null, freeSpins: null, total: 30, capped: true });
    // A cap equal to the round's total so far ends it too (ruling 33): cap 40 = the bonus.
    const equal = play2(fullGame({ maxWin: 20, maxWinCredits: 40 }), new ScriptedRng([0, 0, 0, 1]));
    expect(equal).toMatchObject({ holdAndWin: null, total: 40, capped: true });
  });

  it('the spin is played to its end (every cascade drawn) before its pay win is cut', () => {
    // Redraw tumble: windows pay 20, 120 (see cascade.test.ts); cap 25: all ten draws happen.
    const strip = ['B', 'V', 'A', 'A', 'A', 'X', 'Y', 'Z'];
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'cap-cascade',
        name: 'Cap Cascade',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, B: {}, X: {}, Y: {}, Z: {}, V: { wild: true } },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
          [2, 2, 2],
        ],
        pays: [{ symbol: 'A', pays: { '3': 10 } }],
        reelSets: { base: [strip, strip, strip] },
        maxWin: 5,
      },
      {
        symbols: {
          V: {
            multiplierDraw: weighted([
              [2, 1],
              [5, 3],
            ]),
          },
        },
        cascade: { refill: 'redraw', ladder: ladderList(1, 2) },
      },
    );
    const rng = new ScriptedRng([3, 3, 3, 1, 2, 2, 3, 6, 6, 6]);
    const o = play2(game, rng);
    expect(rng.consumed).toBe(10);
    expect(o.paid!.evaluations.map((e) => e.payWin)).toEqual([20, 120, 0]);
    expect(o).toMatchObject({ total: 15, capped: true });
    expect(o.paid).toMatchObject({ payWin: 15, win: 15 });
  });

  it('the scatter win is cut after the pay win', () => {
    // Tumble with a final scatter (cascade.test.ts): lines 30, then three S 15; cap 40 → scatter 10.
    const strip = ['Y', 'S', 'A', 'A', 'A', 'X', 'B', 'Z'];
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'cap-scatter',
        name: 'Cap Scatter',
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
        scatter: { symbol: 'S', pays: { '3': 5 } },
        reelSets: { base: [strip, strip, strip] },
        maxWin: 20,
      },
      { cascade: {}, maxWinCredits: 40 },
    );
    const o = play2(game, new ScriptedRng([2, 2, 2]));
    expect(o.paid).toMatchObject({ payWin: 30, scatterWin: 10, win: 40 });
    expect(o.components).toMatchObject({ lines: 30, scatter: 10 });
    expect(o.capped).toBe(true);
  });
});

describe('ladderScope', () => {
  // Base reels S X Y (stops 0: three S, 2 free spins); free reels B Z A A A X Y Z: stops 3 tumble
  // three times (20, 10, 5 at c = 0, 1, 2, then a blank window at c = 3; cascade.test.ts).
  const strip = ['B', 'Z', 'A', 'A', 'A', 'X', 'Y', 'Z'];
  // Stops 0: S X Y; stops 6: A A X, tumbling like the free reels (20, 10, 5).
  const baseStrip = ['S', 'X', 'Y', 'B', 'Z', 'A', 'A', 'A', 'X', 'Y', 'Z'];
  function scoped(scope: 'spin' | 'feature'): Game {
    return format2(
      {
        format: 'slotsim/1',
        id: 'ladder-scope',
        name: 'Ladder Scope',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, B: {}, X: {}, Y: {}, Z: {}, S: { scatter: true } },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
          [2, 2, 2],
        ],
        pays: [
          { symbol: 'A', pays: { '3': 10 } },
          { symbol: 'B', pays: { '3': 5 } },
        ],
        reelSets: {
          base: [baseStrip, baseStrip, baseStrip],
          free: [strip, strip, strip],
        },
        freeSpins: { trigger: { symbol: 'S', awards: { '3': 2 } }, retrigger: {}, reelSet: 'free' },
      },
      {
        cascade: {
          ladder: ladderList(1, 10, 100),
          freeLadder: ladderList(1, 2, 3, 4, 5, 6, 7, 8),
          ladderScope: scope,
        },
      },
    );
  }
  const draws = [0, 0, 0, 3, 3, 3, 3, 3, 3];

  it('"spin": every free spin starts the ladder at 0', () => {
    const o = play2(scoped('spin'), new ScriptedRng(draws));
    expect(o.freeSpins!.spins.map((s) => s.win)).toEqual([55, 55]);
  });

  it('"feature": c carries over as the refills made so far in the feature, and not into the next round (ruling 29)', () => {
    // FS1: c = 0, 1, 2, 3: 20 × 1 + 10 × 2 + 5 × 3 = 55 (3 refills). FS2: c = 3 … 6:
    // 20 × 4 + 10 × 5 + 5 × 6 = 160.
    const game = scoped('feature');
    const first = play2(game, new ScriptedRng(draws));
    expect(first.freeSpins!.spins.map((s) => s.evaluations.map((e) => e.ladder))).toEqual([
      [1, 2, 3, 4],
      [4, 5, 6, 7],
    ]);
    expect(first.freeSpins!.spins.map((s) => s.win)).toEqual([55, 160]);
    const second = play2(game, new ScriptedRng(draws));
    expect(second.freeSpins!.spins.map((s) => s.win)).toEqual([55, 160]);
    // A paid spin uses `ladder` from c = 0, whatever the last feature did: 20 + 10 × 10 + 5 × 100.
    const paid = play2(game, new ScriptedRng([6, 6, 6]));
    expect(paid.paid!.evaluations.map((e) => e.ladder)).toEqual([1, 10, 100, 100]);
    expect(paid.total).toBe(620);
  });
});
