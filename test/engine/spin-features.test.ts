import { describe, expect, it } from 'vitest';
import { format2, play2, weighted } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

describe('heights and drawn values: the draw order of a reveal', () => {
  it('draws heights (reels 0 … R−1), then stops, then values of value-carrying cells reel-major', () => {
    // Heights: 2 (weight 1) or 3 (weight 2): draws 0 → 2, 2 → 3, 1 → 3. Strip V A V B (L 4).
    // Stops 0, 1, 2: reel 0 shows V A, reel 1 A V B, reel 2 V B V. V draws 1 (weight 1) or 4
    // (weight 1), one draw per V cell reel-major: [0,0], [1,1], [2,0], [2,2].
    // Ways for A: reel 0 n = 1 + v00, reel 1 n = 1 + v11, reel 2 n = v20 + v22 (no A: wilds only).
    const strip = ['V', 'A', 'V', 'B'];
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'heights',
        name: 'Heights',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 1, lineBet: 1 },
        evaluation: 'ways',
        symbols: { A: {}, B: {}, V: { wild: true } },
        pays: [{ symbol: 'A', pays: { '3': 1 } }],
        reelSets: { base: [strip, strip, strip] },
      },
      {
        heights: [0, 1, 2].map(() =>
          weighted([
            [2, 1],
            [3, 2],
          ]),
        ),
        symbols: {
          V: {
            multiplierDraw: weighted([
              [1, 1],
              [4, 1],
            ]),
          },
        },
      },
    );
    const rng = new ScriptedRng([0, 2, 1, 0, 1, 2, 1, 0, 1, 1]);
    const o = play2(game, rng);
    expect(rng.bounds).toEqual([3, 3, 3, 4, 4, 4, 2, 2, 2, 2]);
    const paid = o.paid!;
    expect(paid.heights).toEqual([2, 3, 3]);
    expect(paid.evaluations[0]!.window).toEqual([
      ['V', 'A'],
      ['A', 'V', 'B'],
      ['V', 'B', 'V'],
    ]);
    expect(paid.values).toEqual([
      { cell: [0, 0], value: 4 },
      { cell: [1, 1], value: 1 },
      { cell: [2, 0], value: 4 },
      { cell: [2, 2], value: 4 },
    ]);
    // A: n = 5, 2, 8; m = 4, 1, 8 → 80 − 32 = 48 ways × 1.
    expect(
      paid.evaluations[0]!.wins.map((w) => (w.kind === 'ways' ? [w.count, w.ways, w.win] : null)),
    ).toEqual([[3, 48, 48]]);
  });
});

describe('expanding wilds', () => {
  function expanding(extra: Record<string, unknown> = {}) {
    return format2(
      {
        format: 'slotsim/1',
        id: 'expanding',
        name: 'Expanding',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, B: {}, X: {}, E: { wild: true }, F: { wild: true, multiplier: 3 } },
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
          base: [
            ['A', 'B', 'A'],
            ['X', 'E', 'E', 'F', 'E', 'X'],
            ['A', 'B', 'A'],
          ],
        },
        ...extra,
      },
      {
        symbols: {
          E: {
            expand: true,
            multiplierDraw: weighted([
              [2, 1],
              [5, 1],
            ]),
          },
          F: { expand: true },
        },
      },
    );
  }

  it('the topmost expands on its reel with its value; covered cells still drew theirs (rulings 22, 25)', () => {
    // Reel 1 stop 0: X E E. Both E cells draw (reel-major): [1,1] → 5, [1,2] → 2. The topmost
    // ([1,1]) expands: reel 1 is E E E, every cell ×5. Lines: A E A 10, B E B 5, A E A 10 → 25 × 5.
    const rng = new ScriptedRng([0, 0, 0, 1, 0]);
    const o = play2(expanding(), rng);
    expect(rng.bounds).toEqual([3, 6, 3, 2, 2]);
    const paid = o.paid!;
    expect(paid.values).toEqual([
      { cell: [1, 1], value: 5 },
      { cell: [1, 2], value: 2 },
    ]);
    expect(paid.expanded).toEqual([{ reel: 1, symbol: 'E', value: 5 }]);
    expect(paid.evaluations[0]!.window[1]).toEqual(['E', 'E', 'E']);
    expect(
      paid.evaluations[0]!.wins.map((w) => [w.kind === 'line' ? w.line : -1, w.wildMultiplier, w.win]),
    ).toEqual([
      [0, 5, 50],
      [1, 5, 25],
      [2, 5, 50],
    ]);
    expect(o.total).toBe(125);
  });

  it('of two expanding wilds on a reel, the topmost one expands (ruling 25)', () => {
    // Reel 1 stop 2: E F E → [1,0] E expands (draws: [1,0] → 2, [1,2] → 5). All ×2.
    const o = play2(expanding(), new ScriptedRng([0, 2, 0, 0, 1]));
    expect(o.paid!.expanded).toEqual([{ reel: 1, symbol: 'E', value: 2 }]);
    expect(o.total).toBe(25 * 2);
    // Reel 1 stop 3: F E X → F expands with its fixed 3 (the E below still draws).
    const f = play2(expanding(), new ScriptedRng([0, 3, 0, 1]));
    expect(f.paid!.expanded).toEqual([{ reel: 1, symbol: 'F', value: 3 }]);
    expect(f.total).toBe(25 * 3);
  });

  it('with "sum", the h expanded cells of a reel count h times (ruling 16)', () => {
    // Anywhere: A on reels 0 and 2 (4 cells) + 3 expanded E ×5 = 7 → pays 2 × (5 + 5 + 5) = 30.
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'expanding-sum',
        name: 'Expanding Sum',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 1, lineBet: 1 },
        evaluation: 'ways',
        symbols: { A: {}, X: {}, E: { wild: true } },
        pays: [{ symbol: 'A', pays: { '3': 1 } }],
        reelSets: {
          base: [
            ['A', 'A', 'X'],
            ['X', 'E', 'X'],
            ['A', 'A', 'X'],
          ],
        },
      },
      {
        evaluation: 'anywhere',
        wildMultipliers: 'sum',
        kindPays: [['A', { '7': 2 }]],
        symbols: { E: { expand: true, multiplierDraw: weighted([[5, 1]]) } },
      },
    );
    const o = play2(game, new ScriptedRng([0, 0, 0, 0]));
    expect(o.paid!.evaluations[0]!.wins.map((w) => [w.count, w.wildMultiplier, w.win])).toEqual([
      [7, 15, 30],
    ]);
  });
});

describe('sticky wilds in free spins', () => {
  // Reels (base and free): stops 0 show S X X on every reel (three scatters: 2 free spins).
  const strips = [
    ['S', 'X', 'X', 'V', 'A', 'X', 'V', 'B'],
    ['S', 'X', 'X', 'A', 'W', 'X', 'A', 'S', 'X'],
    ['S', 'X', 'X', 'A', 'X', 'X', 'B', 'X'],
  ];
  function sticky(extra: Record<string, unknown> = {}) {
    return format2(
      {
        format: 'slotsim/1',
        id: 'sticky',
        name: 'Sticky',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, B: {}, X: {}, S: { scatter: true }, W: { wild: true }, V: { wild: true } },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
          [2, 2, 2],
        ],
        pays: [
          { symbol: 'A', pays: { '3': 10 } },
          { symbol: 'B', pays: { '3': 5 } },
        ],
        scatter: { symbol: 'S', pays: { '2': 1, '3': 5 } },
        reelSets: { base: strips },
        freeSpins: { trigger: { symbol: 'S', awards: { '3': 2 } }, retrigger: {} },
        ...extra,
      },
      {
        symbols: {
          V: {
            multiplierDraw: weighted([
              [2, 1],
              [4, 1],
            ]),
          },
        },
      },
    );
  }

  function stickyGame() {
    const g = sticky();
    return { ...g, freeSpins: { ...g.freeSpins!, stickyWilds: true } };
  }

  it('a cell that showed a wild keeps it (and its value) for the feature; covered cells drew and no longer count', () => {
    // Paid: S S S → scatter 15, 2 free spins.
    // FS1 stops 3, 3, 3: V A X / A W X / A X X; V at [0,0] draws 1 → 4. Line 0 V A A = 10 × 4 = 40.
    // [0,0] (V ×4) and [1,1] (W) become sticky.
    // FS2 stops 6, 6, 5: V B S / A S X / X B X; V at [0,0] draws 0 → 2 (ruling 22), then the
    // sticky V ×4 covers it and the sticky W covers the S at [1,1] (ruling 24). Line 1 B W B = 5;
    // one S left: no scatter pay (two would pay 3).
    const rng = new ScriptedRng([0, 0, 0, 3, 3, 3, 1, 6, 6, 5, 0]);
    const o = play2(stickyGame(), rng);
    expect(rng.bounds).toEqual([8, 9, 8, 8, 9, 8, 2, 8, 9, 8, 2]);
    const [fs1, fs2] = o.freeSpins!.spins;
    expect(fs1!.sticky).toEqual([]);
    expect(fs1!.win).toBe(40);
    expect(fs2!.values).toEqual([{ cell: [0, 0], value: 2 }]);
    expect(fs2!.sticky).toEqual([
      { cell: [0, 0], symbol: 'V', value: 4 },
      { cell: [1, 1], symbol: 'W', value: 1 },
    ]);
    expect(fs2!.evaluations[0]!.window).toEqual([
      ['V', 'B', 'S'],
      ['A', 'W', 'X'],
      ['X', 'B', 'X'],
    ]);
    expect(fs2!.scatter).toBeNull();
    expect(fs2!.win).toBe(5);
    expect(o.total).toBe(15 + 40 + 5);
    // Without sticky wilds the second free spin pays nothing from lines and 3 for two scatters.
    const plain = play2(sticky(), new ScriptedRng([0, 0, 0, 3, 3, 3, 1, 6, 6, 5, 0]));
    expect(plain.freeSpins!.spins[1]!.win).toBe(3);
  });

  it('sticky wilds do not carry into the next round', () => {
    const game = stickyGame();
    play2(game, new ScriptedRng([0, 0, 0, 3, 3, 3, 1, 6, 6, 5, 0]));
    // Next round: FS1 stops 6, 6, 5 reveal V B S / A S X / X B X: no sticky cell from the last round.
    const o = play2(game, new ScriptedRng([0, 0, 0, 6, 6, 5, 0, 0, 0, 0]));
    expect(o.freeSpins!.spins[0]!.sticky).toEqual([]);
    expect(o.freeSpins!.spins[0]!.scatter).toEqual({ symbol: 'S', count: 2, pay: 3 });
  });
});

describe('expanding and sticky wilds together', () => {
  it('an expanded reel stays wild, with the expanded value, for the rest of the feature (ruling 23)', () => {
    // Paid stops 0: S S S → scatter 15, 2 free spins. FS1 stops 3, 3, 3: A B A / X X E / A B A:
    // E (×2) expands reel 1: A E A 20, B E B 10, A E A 20 = 50; reel 1's three cells become sticky.
    // FS2 stops 3, 6, 3: reel 1 reveals A B S, covered by the sticky E ×2: 50 again.
    const raw = {
      format: 'slotsim/1',
      id: 'expanding-sticky',
      name: 'Expanding Sticky',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 3 },
      symbols: { A: {}, B: {}, X: {}, S: { scatter: true }, E: { wild: true, multiplier: 2 } },
      paylines: [
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 2],
      ],
      pays: [
        { symbol: 'A', pays: { '3': 10 } },
        { symbol: 'B', pays: { '3': 5 } },
      ],
      scatter: { symbol: 'S', pays: { '3': 5 } },
      reelSets: {
        base: [
          ['S', 'X', 'X', 'A', 'B', 'A'],
          ['S', 'X', 'X', 'X', 'X', 'E', 'A', 'B', 'S'],
          ['S', 'X', 'X', 'A', 'B', 'A'],
        ],
      },
      freeSpins: { trigger: { symbol: 'S', awards: { '3': 2 } }, retrigger: {} },
    };
    const plain = format2(raw, { symbols: { E: { expand: true } } });
    const game = { ...plain, freeSpins: { ...plain.freeSpins!, stickyWilds: true } };
    const draws = [0, 0, 0, 3, 3, 3, 3, 6, 3];
    const o = play2(game, new ScriptedRng(draws));
    const [fs1, fs2] = o.freeSpins!.spins;
    expect(fs1!.expanded).toEqual([{ reel: 1, symbol: 'E', value: 2 }]);
    expect(fs2!.sticky).toEqual([
      { cell: [1, 0], symbol: 'E', value: 2 },
      { cell: [1, 1], symbol: 'E', value: 2 },
      { cell: [1, 2], symbol: 'E', value: 2 },
    ]);
    expect([fs1!.win, fs2!.win]).toEqual([50, 50]);
    expect(o.total).toBe(15 + 100);
    // Without sticky wilds FS2 shows A A A / B B B / A S A: 10 + 5.
    expect(play2(plain, new ScriptedRng(draws)).freeSpins!.spins[1]!.win).toBe(15);
  });
});

describe('the multiplier meter in free spins', () => {
  // 3 reels × 2 rows, one line on row 0. Stops 0: S on every reel (3 free spins, scatter 1).
  const strips = [
    ['S', 'X', 'A', 'M', 'A', 'X'],
    ['S', 'X', 'A', 'X'],
    ['S', 'X', 'A', 'X', 'X'],
  ];
  const game = (() => {
    const g = format2(
      {
        format: 'slotsim/1',
        id: 'meter',
        name: 'Meter',
        version: '1',
        grid: { reels: 3, rows: 2 },
        bet: { credits: 1 },
        symbols: { A: {}, X: {}, S: { scatter: true }, M: {} },
        paylines: [[0, 0, 0]],
        pays: [{ symbol: 'A', pays: { '3': 10 } }],
        scatter: { symbol: 'S', pays: { '3': 1 } },
        reelSets: { base: strips },
        freeSpins: { trigger: { symbol: 'S', awards: { '3': 3 } }, retrigger: {} },
      },
      {
        symbols: {
          M: {
            multiplierSymbol: weighted([
              [2, 1],
              [3, 1],
            ]),
          },
        },
      },
    );
    return { ...g, freeSpins: { ...g.freeSpins!, multiplierMeter: true } };
  })();

  it('adds the values of paying spins to T and multiplies by T; T starts at 0 in every round', () => {
    // Round 1. FS1 stops 2, 2, 2: A A A (10), M below draws 0 → 2: T = 2, pay 20.
    // FS2 stops 4, 2, 2: A A A, no M: T = 2, pay 20. FS3 stops 2, 2, 3: A A X pays 0; its M
    // (draws 1 → 3) is not added (the spin paid nothing).
    const first = play2(game, new ScriptedRng([0, 0, 0, 2, 2, 2, 0, 4, 2, 2, 2, 2, 3, 1]));
    expect(first.freeSpins!.spins.map((s) => [s.meter, s.factor, s.win])).toEqual([
      [2, 2, 20],
      [2, 2, 20],
      [2, 1, 0],
    ]);
    expect(first.total).toBe(1 + 40);
    // Round 2: FS1's M draws 1 → 3: T = 3 (not 2 + 3: the meter must not leak).
    const second = play2(game, new ScriptedRng([0, 0, 0, 2, 2, 2, 1, 4, 2, 2, 4, 2, 3]));
    expect(second.freeSpins!.spins.map((s) => [s.meter, s.factor, s.win])).toEqual([
      [3, 3, 30],
      [3, 3, 30],
      [3, 1, 0],
    ]);
    expect(second.total).toBe(1 + 60);
  });

  it('the paid spin uses its own multiplier symbols, not the meter', () => {
    // Paid stops 2, 2, 2: A A A with M (draws 1 → 3): 10 × 3 = 30; no free spins.
    const o = play2(game, new ScriptedRng([2, 2, 2, 1]));
    expect(o.paid).toMatchObject({ multiplierSymbols: 3, meter: null, factor: 3, payWin: 30 });
  });
});
