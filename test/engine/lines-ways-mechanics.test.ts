import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINES } from '../../src/engine/mechanics/lines/lines-mechanic.js';
import { WAYS } from '../../src/engine/mechanics/ways/ways-mechanic.js';
import type { Game } from '../../src/engine/model.js';
import { bestLineMatch } from '../../src/engine/lines.js';
import { evaluateWindow } from '../../src/engine/spin.js';
import { windowOf } from '../../src/engine/stops.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { format2, weighted } from '../helpers/format2.js';
import { compile, oneRowGame } from '../helpers/games.js';
import { evaluate } from '../helpers/grid-eval.js';

const bundled = readdirSync('configs')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseGame(readFileSync(`configs/${f}`, 'utf8'), { file: f }));

/**
 * Why format 1's window evaluation cannot judge a bundled game's window, or null when it can: it
 * knows lines and ways on full reels with fixed wild multipliers and their product only.
 */
function beyondFormat1Window(game: Game): string | null {
  if (game.evaluation !== 'lines' && game.evaluation !== 'ways') return `"${game.evaluation}" evaluation`;
  if (game.heights !== null) return 'variable reel heights';
  if (game.wildMultipliers !== 'product') return `"wildMultipliers": "${game.wildMultipliers}"`;
  const drawn = game.symbols.find((s) => s.multiplierDraw !== null);
  return drawn === undefined ? null : `a wild with drawn multipliers ("${drawn.id}")`;
}

describe('the lines and ways mechanics keep format 1’s meaning', () => {
  for (const game of bundled) {
    const beyond = beyondFormat1Window(game);
    if (beyond !== null) {
      // The format-2 bundled games whose windows format 1 cannot evaluate: nothing to compare with.
      it.skip(`${game.id} (${game.evaluation}): not comparable, format 1 has no ${beyond}`, () => {});
      continue;
    }
    it(`${game.id} (${game.evaluation}): 3000 windows (seed "mechanics") pay as format 1’s evaluation`, () => {
      const rng = createRng('aes-128-ctr', 'mechanics', 0);
      const set = game.baseReelSet;
      for (let i = 0; i < 3000; i++) {
        const stops = set.reels.map((reel) => rng.int(reel.strip.length));
        const window = windowOf(set, stops, game.rows);
        const v1 = evaluateWindow(game, window);
        const ids = window.map((column) => column.map((s) => game.symbols[s]!.id));
        const v2 = evaluate(game, ids);
        const v1Wins = v1.wins.map((w) =>
          w.kind === 'line'
            ? [w.rule, w.count, w.line, w.multiplier, w.win]
            : [w.rule, w.count, w.ways, w.win],
        );
        const v2Wins = v2.wins.map((w) =>
          w.kind === 'line'
            ? [w.rule, w.count, w.line, w.wildMultiplier, w.win]
            : [w.rule, w.count, w.ways, w.win],
        );
        expect(v2Wins).toEqual(v1Wins);
      }
    });
  }
});

describe('every line of the one-row game (two wilds, an except list, a wild pay, a group pattern)', () => {
  it('pays as format 1’s bestLineMatch on all 8^5 lines', () => {
    const game = compile(oneRowGame());
    const ids = game.symbols.map((s) => s.id);
    const line = [0, 0, 0, 0, 0];
    let checked = 0;
    for (let n = 0; n < 8 ** 5; n++) {
      for (let r = 0, m = n; r < 5; r++, m = Math.floor(m / 8)) line[r] = m % 8;
      const v1 = bestLineMatch(game, line);
      const v2 = evaluate(
        game,
        line.map((s) => [ids[s]!]),
      ).wins.map((w) => [w.rule, w.count, w.wildMultiplier, w.win]);
      expect(v2, line.map((s) => ids[s]).join(' ')).toEqual(
        v1 === null ? [] : [[v1.rule, v1.count, v1.multiplier, v1.win]],
      );
      checked++;
    }
    expect(checked).toBe(32768);
  });
});

/** 3 reels × 3 rows, lines through rows 0 and 1; V is a wild whose cells draw their values. */
function linesGame(patch: Parameters<typeof format2>[1] = {}): Game {
  const strip = ['A', 'B', 'V', 'W', 'X'];
  return format2(
    {
      format: 'slotsim/1',
      id: 'lines-test',
      name: 'Lines Test',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 2, lineBet: 1 },
      symbols: { A: {}, B: {}, X: {}, V: { wild: true }, W: { wild: true, multiplier: 2 } },
      paylines: [
        [0, 0, 0],
        [1, 1, 1],
      ],
      pays: [
        { symbol: 'V', pays: { '2': 30, '3': 100 } },
        { symbol: 'A', pays: { '3': 10 } },
        { symbol: 'B', pays: { '2': 1, '3': 5 } },
      ],
      reelSets: { base: [strip, strip, strip] },
    },
    { symbols: { V: { multiplierDraw: weighted([[2, 1]]) } }, ...patch },
  );
}

describe('lines on a grid with per-cell wild values', () => {
  it('a run of X takes the product of its wilds’ cell values; the best match may change with the values', () => {
    // Line 0: V V A. A's run of 3 with V values 2 and 5 → 10 × 10 = 100 vs V's own run of 2 → 30.
    // Line 1: V V A with values 1 and 1 → A 10 × 1 = 10 vs V's own 30: the wilds' own run wins.
    const window = [
      ['V', 'V', 'X'],
      ['V', 'V', 'X'],
      ['A', 'A', 'X'],
    ];
    const e = evaluate(linesGame(), window, { '0,0': 2, '1,0': 5, '0,1': 1, '1,1': 1 });
    expect(e.wins.map((w) => [w.line, w.rule, w.count, w.wildMultiplier, w.win, w.cells])).toEqual([
      [
        0,
        1,
        3,
        10,
        100,
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
      ],
      [
        1,
        0,
        2,
        1,
        30,
        [
          [0, 1],
          [1, 1],
        ],
      ],
    ]);
  });

  it('"sum" adds the involved wilds’ values of 2 or more (1 when none)', () => {
    // Line 0: W(2) V(3) A → 10 × (2 + 3) = 50. Line 1: V(1) B B → 5 × 1 (no wild of 2 or more).
    const window = [
      ['W', 'V', 'X'],
      ['V', 'B', 'X'],
      ['A', 'B', 'X'],
    ];
    const values = { '1,0': 3, '0,1': 1 };
    const sum = evaluate(linesGame({ wildMultipliers: 'sum' }), window, values);
    expect(sum.wins.map((w) => [w.line, w.wildMultiplier, w.win])).toEqual([
      [0, 5, 50],
      [1, 1, 5],
    ]);
    const product = evaluate(linesGame(), window, values);
    expect(product.wins.map((w) => [w.line, w.wildMultiplier, w.win])).toEqual([
      [0, 6, 60],
      [1, 1, 5],
    ]);
  });

  it('on a tie the earliest rule is reported', () => {
    // V V B: B's run of 3 → 5 × (3 × 2) = 30 ties V's own run of 2 (30): rule 0 (V) is earlier.
    const e = evaluate(
      linesGame(),
      [
        ['V', 'X', 'X'],
        ['V', 'X', 'X'],
        ['B', 'X', 'X'],
      ],
      { '0,0': 3, '1,0': 2 },
    );
    expect(e.wins.map((w) => [w.rule, w.count, w.win])).toEqual([[0, 2, 30]]);
  });

  it('names a line combination as format 1 did', () => {
    expect(LINES.combinationKey(3, 4, 2)).toBe('line:3:4:2');
  });
});

/** 3 reels up to 4 rows, ways; heights vary per reel. */
function waysGame(): Game {
  const strip = ['A', 'B', 'W', 'V', 'X'];
  return format2(
    {
      format: 'slotsim/1',
      id: 'ways-test',
      name: 'Ways Test',
      version: '1',
      grid: { reels: 3, rows: 4 },
      bet: { credits: 10, lineBet: 1 },
      evaluation: 'ways',
      symbols: { A: {}, B: {}, X: {}, W: { wild: true, multiplier: 2 }, V: { wild: true } },
      pays: [
        { symbol: 'W', pays: { '2': 4 } },
        { symbol: 'A', pays: { '2': 1, '3': 3 } },
      ],
      reelSets: { base: [strip, strip, strip] },
    },
    {
      symbols: { V: { multiplierDraw: weighted([[3, 1]]) } },
      heights: [weighted([[2, 1]]), weighted([[4, 1]]), weighted([[1, 1]])],
    },
  );
}

describe('ways on reels of different heights, with per-cell wild values', () => {
  it('counts per reel over the cells the reel shows', () => {
    // Reel 0 (2 rows): A W → n = 1 + 2 = 3, m = 2. Reel 1 (4 rows): A A V X with V = 5 → n = 2 + 5 = 7, m = 5.
    // Reel 2 (1 row): A → n = 1, m = 0. A: a run of 3 reels, 3·7·1 − 2·5·0 = 21 ways × "3" (3) = 63.
    // W's own rule: reel 0 has one W, reel 1 none → run 1, no entry.
    const e = evaluate(waysGame(), [['A', 'W'], ['A', 'A', 'V', 'X'], ['A']], { '1,2': 5 });
    expect(e.wins.map((w) => [w.rule, w.count, w.ways, w.pay, w.win])).toEqual([[1, 3, 21, 3, 63]]);
    expect(e.wins[0]!.cells).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
    ]);
  });

  it('subtracts the ways made of wilds alone; a wild’s own rule counts its cells without multipliers', () => {
    // Reel 0: W W → A: n = 4, m = 4; W: 2. Reel 1: W A X X → A: n = 2 + 1 = 3, m = 2; W: 1.
    // Reel 2: X → A's run ends at 2: 1 × (4·3 − 4·2) = 4 ways. W's own: 2 × 1 = 2 ways × 4 = 8.
    const e = evaluate(waysGame(), [['W', 'W'], ['W', 'A', 'X', 'X'], ['X']]);
    expect(e.wins.map((w) => [w.rule, w.count, w.ways, w.win])).toEqual([
      [0, 2, 2, 8],
      [1, 2, 4, 4],
    ]);
  });

  it('names a ways combination as format 1 did', () => {
    expect(WAYS.combinationKey(1, 3, 6)).toBe('ways:1:3');
  });
});
