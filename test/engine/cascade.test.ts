import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import type { SpinOutcomeV2 } from '../../src/engine/outcome.js';
import { format2, ladderList, play2, weighted, type CascadeSpec } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

/**
 * A 3×3 lines game with three lines (rows 0, 1, 2), lineBet 1, bet 3: A A A pays 10, B B B 5,
 * W W W 50, scatter S ×3 pays 5 × bet = 15. V is a wild whose cells draw 2 (weight 1) or 5
 * (weight 3); M a multiplier symbol drawing 2 or 3 (weight 1 each).
 */
function tumble(
  strips: readonly (readonly string[])[],
  cascade: CascadeSpec | null,
  patch: Parameters<typeof format2>[1] = {},
): Game {
  return format2(
    {
      format: 'slotsim/1',
      id: 'tumble',
      name: 'Tumble',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 3 },
      symbols: {
        A: {},
        B: {},
        X: {},
        Y: {},
        Z: {},
        S: { scatter: true },
        W: { wild: true },
        V: { wild: true },
        M: {},
      },
      paylines: [
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 2],
      ],
      pays: [
        { symbol: 'A', pays: { '3': 10 } },
        { symbol: 'B', pays: { '3': 5 } },
        { symbol: 'W', pays: { '3': 50 } },
      ],
      scatter: { symbol: 'S', pays: { '3': 5 } },
      reelSets: { base: strips },
    },
    {
      symbols: {
        V: {
          multiplierDraw: weighted([
            [2, 1],
            [5, 3],
          ]),
        },
        M: {
          multiplierSymbol: weighted([
            [2, 1],
            [3, 1],
          ]),
        },
      },
      ...(cascade === null ? {} : { cascade }),
      ...patch,
    },
  );
}

const same = (strip: readonly string[]) => [strip, strip, strip];

/** The windows evaluated, as rows of symbol ids read across the reels (row 0 first). */
function rowsOf(spin: SpinOutcomeV2): string[][] {
  return spin.evaluations.map((e) => [0, 1, 2].map((row) => e.window.map((column) => column[row]).join(' ')));
}

// Stops 3 on the strip B Z A A A X Y Z show A A X on every reel.
const STRIP = ['B', 'Z', 'A', 'A', 'A', 'X', 'Y', 'Z'];

describe('cascades with "strip" refill', () => {
  it('walks each reel’s strip up from its pointer (p − n + j, p ← p − n), wrapping below 0', () => {
    // Window 0: rows A A A / A A A / X X X → lines 0 and 1 pay 10 each (c = 0, ×1).
    // Rows 0–1 removed; X falls to row 2; 2 holes: rows get strip[1], strip[2] = Z, A; p = 1.
    // Window 1: Z / A / X → line 1 pays 10 × ladder(1) = 30. Row 1 removed; Z falls to row 1;
    // 1 hole: strip[0] = B; p = 0. Window 2: B / Z / X → line 0 pays 5 × ladder(2) = 25. Row 0
    // removed; 1 hole: strip[(0 − 1) mod 8] = strip[7] = Z. Window 3: Z / Z / X → no win, end.
    const game = tumble(same(STRIP), { ladder: ladderList(1, 3, 5) });
    const rng = new ScriptedRng([3, 3, 3]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([8, 8, 8]); // strip refills draw nothing
    const paid = o.paid!;
    expect(rowsOf(paid)).toEqual([
      ['A A A', 'A A A', 'X X X'],
      ['Z Z Z', 'A A A', 'X X X'],
      ['B B B', 'Z Z Z', 'X X X'],
      ['Z Z Z', 'Z Z Z', 'X X X'],
    ]);
    expect(paid.evaluations.map((e) => [e.ladder, e.payWin])).toEqual([
      [1, 20],
      [3, 30],
      [5, 25],
      [5, 0],
    ]);
    expect(paid.evaluations[0]!.removed).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    expect(paid.evaluations[0]!.refill).toEqual({
      stops: [],
      cells: [
        { cell: [0, 0], symbol: 'Z' },
        { cell: [0, 1], symbol: 'A' },
        { cell: [1, 0], symbol: 'Z' },
        { cell: [1, 1], symbol: 'A' },
        { cell: [2, 0], symbol: 'Z' },
        { cell: [2, 1], symbol: 'A' },
      ],
      values: [],
    });
    expect(paid.evaluations[3]).toMatchObject({ removed: [], refill: null });
    expect(paid.evaluations[1]!.wins).toEqual([
      {
        kind: 'line',
        line: 1,
        rule: 0,
        symbol: 'A',
        count: 3,
        cells: [
          [0, 1],
          [1, 1],
          [2, 1],
        ],
        pay: 10,
        wildMultiplier: 1,
        ladder: 3,
        win: 30,
      },
    ]);
    expect(o.total).toBe(75);
    expect(o.components).toEqual({ lines: 75, scatter: 0, freeSpins: 0, bonus: 0, holdAndWin: 0 });
  });

  it('the ladder’s last entry repeats past its end; start/step/max is min(a + b·c, m)', () => {
    expect(play2(tumble(same(STRIP), { ladder: ladderList(1, 3) }), new ScriptedRng([3, 3, 3])).total).toBe(
      20 + 30 + 15,
    );
    const linear = tumble(same(STRIP), { ladder: { kind: 'linear', start: 1, step: 2, max: 4 } });
    // c = 0, 1, 2 → 1, 3, min(5, 4) = 4.
    expect(play2(linear, new ScriptedRng([3, 3, 3])).total).toBe(20 + 30 + 20);
  });

  it('at maxCascades refills the last window is paid and nothing is removed', () => {
    const game = tumble(same(STRIP), { maxCascades: 1, ladder: ladderList(1, 3, 5) });
    const o = play2(game, new ScriptedRng([3, 3, 3]));
    const paid = o.paid!;
    expect(paid.evaluations).toHaveLength(2);
    expect(paid.evaluations[1]).toMatchObject({ payWin: 30, removed: [], refill: null });
    expect(o.total).toBe(50);
  });

  it('keep: kept cells stay; when every cell to remove is kept, the sequence ends (ruling 28)', () => {
    // Reel 0 stops on W A X (strip index 2), reels 1–2 on A X Y: line 0 W A A pays A 10.
    // The W is kept; A on reels 1, 2 removed, refilled with strip[2] = W: line 0 W W W pays 50.
    // Then every cell to remove shows W (kept): the sequence ends.
    const strip = ['B', 'Z', 'W', 'A', 'X', 'Y', 'Z', 'Y'];
    const game = tumble(same(strip), { keep: ['W'] });
    const o = play2(game, new ScriptedRng([2, 3, 3]));
    const paid = o.paid!;
    expect(rowsOf(paid)).toEqual([
      ['W A A', 'A X X', 'X Y Y'],
      ['W W W', 'A X X', 'X Y Y'],
    ]);
    expect(paid.evaluations[0]!.removed).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(paid.evaluations[1]).toMatchObject({ payWin: 50, removed: [], refill: null });
    expect(o.total).toBe(60);
  });
});

describe('cascades with "redraw" refill', () => {
  it('draws a stop per reel with holes, ascending, then the new cells’ values reel-major', () => {
    // Strip B V A A A X Y Z. Stops 3 → A A X on every reel: 20. Rows 0–1 removed.
    // Redraw stops: reel 0 → 1 (V, A), reel 1 → 2 (A, A), reel 2 → 2 (A, A); then V at [0,0]
    // draws its value: draw 3 of 4 → 5. Window 1: V A A / A A A / X X X: line 0 = A × 5 = 50,
    // line 1 = 10; ladder(1) = 2 → 120. Removed rows 0–1 again; redraw 6, 6, 6 → Y Z on top:
    // window 2 Y / Z / X pays nothing.
    const strip = ['B', 'V', 'A', 'A', 'A', 'X', 'Y', 'Z'];
    const game = tumble(same(strip), { refill: 'redraw', ladder: ladderList(1, 2) });
    const rng = new ScriptedRng([3, 3, 3, 1, 2, 2, 3, 6, 6, 6]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([8, 8, 8, 8, 8, 8, 4, 8, 8, 8]);
    const paid = o.paid!;
    expect(paid.evaluations[0]!.refill).toEqual({
      stops: [
        { reel: 0, stop: 1 },
        { reel: 1, stop: 2 },
        { reel: 2, stop: 2 },
      ],
      cells: [
        { cell: [0, 0], symbol: 'V' },
        { cell: [0, 1], symbol: 'A' },
        { cell: [1, 0], symbol: 'A' },
        { cell: [1, 1], symbol: 'A' },
        { cell: [2, 0], symbol: 'A' },
        { cell: [2, 1], symbol: 'A' },
      ],
      values: [{ cell: [0, 0], value: 5 }],
    });
    expect(paid.evaluations.map((e) => e.payWin)).toEqual([20, 120, 0]);
    expect(paid.evaluations[1]!.values).toEqual([{ cell: [0, 0], value: 5 }]);
    expect(paid.stops).toEqual([3, 3, 3]);
    expect(o.total).toBe(140);
  });

  it('a reel keeps its height (ruling 20); only reels with holes draw', () => {
    // Anywhere, heights: reel 0 shows 2 cells, reel 1 three, reel 2 one. A pays for 3+.
    // Strip A A A B X Y. Heights drawn first (bounds 1 each), then stops 0, 3, 0:
    // reel 0: A A; reel 1: B X Y; reel 2: A → 3 A → 2 credits. Remove the 3 A: reels 0 and 2 redraw
    // (reel 1 has no hole, no draw): reel 0 stop 4 → X Y; reel 2 stop 5 → Y. No A: end.
    const strip = ['A', 'A', 'A', 'B', 'X', 'Y'];
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'heights-redraw',
        name: 'Heights Redraw',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 1, lineBet: 1 },
        evaluation: 'ways',
        symbols: { A: {}, B: {}, X: {}, Y: {} },
        pays: [{ symbol: 'A', pays: { '3': 2 } }],
        reelSets: { base: same(strip) },
      },
      {
        evaluation: 'anywhere',
        heights: [weighted([[2, 1]]), weighted([[3, 1]]), weighted([[1, 1]])],
        cascade: { refill: 'redraw' },
      },
    );
    const rng = new ScriptedRng([0, 0, 0, 0, 3, 0, 4, 5]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([1, 1, 1, 6, 6, 6, 6, 6]);
    const paid = o.paid!;
    expect(paid.heights).toEqual([2, 3, 1]);
    expect(paid.evaluations.map((e) => e.window)).toEqual([
      [['A', 'A'], ['B', 'X', 'Y'], ['A']],
      [['X', 'Y'], ['B', 'X', 'Y'], ['Y']],
    ]);
    expect(paid.evaluations[0]!.refill?.stops).toEqual([
      { reel: 0, stop: 4 },
      { reel: 2, stop: 5 },
    ]);
    expect(o.total).toBe(2);
  });
});

describe('scatter counting with cascades', () => {
  // Strip Y S A A A X B Z: stops 2 show A A A on every reel (three lines: 30); all nine cells
  // go; 3 holes per reel get strip[7], strip[0], strip[1] = Z, Y, S: the final window shows three S.
  const strip = ['Y', 'S', 'A', 'A', 'A', 'X', 'B', 'Z'];

  it('"final" (default) counts the scatter that tumbled in', () => {
    const o = play2(tumble(same(strip), {}), new ScriptedRng([2, 2, 2]));
    expect(rowsOf(o.paid!)[1]).toEqual(['Z Z Z', 'Y Y Y', 'S S S']);
    expect(o.paid!.scatter).toEqual({ symbol: 'S', count: 3, pay: 15 });
    expect(o.components).toMatchObject({ lines: 30, scatter: 15 });
    expect(o.total).toBe(45);
  });

  it('"initial" counts the first window only', () => {
    const o = play2(tumble(same(strip), { scatterCount: 'initial' }), new ScriptedRng([2, 2, 2]));
    expect(o.paid!.scatter).toBeNull();
    expect(o.total).toBe(30);
  });

  it('"each" pays every window’s scatter, removes the scatters that paid and tumbles on', () => {
    // Strip Y S S X Y Z: stops 2 → S / X / Y: three S pay 15 and count as a win (nothing else pays).
    // The S row goes; 1 hole per reel: strip[1] = S → S / X / Y again: 15 more. Then strip[0] = Y:
    // Y / X / Y, no scatter: end. Scatter wins are never multiplied by the ladder.
    const o = play2(
      tumble(same(['Y', 'S', 'S', 'X', 'Y', 'Z']), { scatterCount: 'each', ladder: ladderList(1, 4) }),
      new ScriptedRng([2, 2, 2]),
    );
    const paid = o.paid!;
    expect(rowsOf(paid)).toEqual([
      ['S S S', 'X X X', 'Y Y Y'],
      ['S S S', 'X X X', 'Y Y Y'],
      ['Y Y Y', 'X X X', 'Y Y Y'],
    ]);
    expect(paid.evaluations.map((e) => [e.scatter?.pay ?? null, e.removed.length])).toEqual([
      [15, 3],
      [15, 3],
      [null, 0],
    ]);
    expect(paid.scatter).toBeNull();
    expect(paid.scatterWin).toBe(30);
    expect(o.total).toBe(30);
  });
});

describe('multiplier symbols', () => {
  // Reel 0: Y M A M X Z (stop 2 → A M X); reels 1–2: Y Z A X X Z (stop 2 → A X X).
  const strips = [
    ['Y', 'M', 'A', 'M', 'X', 'Z'],
    ['Y', 'Z', 'A', 'X', 'X', 'Z'],
    ['Y', 'Z', 'A', 'X', 'X', 'Z'],
  ];

  it('multiply the spin’s pay win by the sum of the final window’s values; never removed, they fall', () => {
    // Window 0: line 0 A A A = 10. M at [0,1] draws 0 → 2. Row 0 goes: M stays at [0,1]; reel 0's
    // hole gets strip[1] = M, which draws 1 → 3; reels 1–2 get Z. Window 1 pays nothing.
    // Final window: M 3 at [0,0], M 2 at [0,1] → 10 × (2 + 3) = 50.
    const rng = new ScriptedRng([2, 2, 2, 0, 1]);
    const o = play2(tumble(strips, {}), rng);
    expect(rng.bounds).toEqual([6, 6, 6, 2, 2]);
    const paid = o.paid!;
    expect(paid.values).toEqual([{ cell: [0, 1], value: 2 }]);
    expect(paid.evaluations[1]!.values).toEqual([
      { cell: [0, 0], value: 3 },
      { cell: [0, 1], value: 2 },
    ]);
    expect(paid).toMatchObject({ multiplierSymbols: 5, factor: 5, payWin: 50, win: 50 });
    expect(o.total).toBe(50);
  });

  it('do nothing when the spin pays nothing (their values are still drawn)', () => {
    // Stops 0, 3, 3: rows Y X X / M X X / A Z Z: nothing pays; M at [0,1] still draws.
    const rng = new ScriptedRng([0, 3, 3, 1]);
    const o = play2(tumble(strips, {}), rng);
    expect(rng.bounds).toEqual([6, 6, 6, 2]);
    expect(o.paid).toMatchObject({ multiplierSymbols: null, factor: 1, payWin: 0 });
  });

  it('do not multiply the scatter win', () => {
    // No cascade. Reel 0 strip A S M → stop 0 shows A S M; reels 1–2 A S X: line 0 A A A = 10,
    // three S = 15. M draws 1 → 3: pay 30, scatter 15.
    const game = tumble(
      [
        ['A', 'S', 'M'],
        ['A', 'S', 'X'],
        ['A', 'S', 'X'],
      ],
      null,
    );
    const o = play2(game, new ScriptedRng([0, 0, 0, 1]));
    expect(o.paid).toMatchObject({ factor: 3, payWin: 30, scatterWin: 15, win: 45 });
    expect(o.components).toMatchObject({ lines: 30, scatter: 15 });
  });
});
