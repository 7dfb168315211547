/**
 * The lookup tables that let a format-2 spin skip work (issue 10, item 7), each checked against
 * what it stands for: a draw table's `byDraw` against the search of its running sums, the reveal's
 * unrolled strips, first value rows and running scatter / trigger counts against the strip, the
 * counted window against its cells, and the ways evaluation's candidate filter (`countsFor`)
 * against the evaluation without it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Grid } from '../../src/engine/grid.js';
import { WinReport, type WinSink } from '../../src/engine/mechanics/pay-mechanic.js';
import { evaluateWays } from '../../src/engine/mechanics/ways/ways-evaluate.js';
import { revealTablesOf } from '../../src/engine/reveal-tables.js';
import { drawItem, GridSpinPlayer } from '../../src/engine/spin-player.js';
import type { SpinTables } from '../../src/engine/spin-tables.js';
import { drawTable, reelTablesOf, spinTablesOf } from '../../src/engine/spin-tables.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { format2, weighted } from '../helpers/format2.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

describe('a draw table selects the first entry whose running sum exceeds the draw', () => {
  it('from its byDraw table when the total is at most 1024', () => {
    // Weights 15, 25, 60 (total 100): draws 0–14 → 2, 15–39 → 3, 40–99 → 7.
    const table = drawTable(
      weighted([
        [2, 15],
        [3, 25],
        [7, 60],
      ]),
    );
    expect(table.byDraw).not.toBeNull();
    const draws = [0, 14, 15, 39, 40, 99];
    const rng = new ScriptedRng(draws);
    expect(draws.map(() => drawItem(table, rng))).toEqual([2, 2, 3, 3, 7, 7]);
    expect(rng.bounds).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('by searching its running sums above 1024', () => {
    // Weights 1000, 25 (total 1025): draws 0–999 → 1, 1000–1024 → 5.
    const table = drawTable(
      weighted([
        [1, 1000],
        [5, 25],
      ]),
    );
    expect(table.byDraw).toBeNull();
    const rng = new ScriptedRng([0, 999, 1000, 1024]);
    expect([0, 1, 2, 3].map(() => drawItem(table, rng))).toEqual([1, 1, 5, 5]);
  });
});

describe('the reveal tables of a reel set', () => {
  it('unroll each strip past its end and find each stop’s first value-carrying row', () => {
    // Rows 3. Reel 0: V A (shorter than the window) → V A V A; first V at stop 0: row 0, stop 1: row 1.
    // Reel 1: A B A → A B A A B; no V: every stop 3 (none at any height).
    const game = format2(
      {
        format: 'slotsim/1',
        id: 'unrolled',
        name: 'Unrolled',
        version: '1',
        grid: { reels: 2, rows: 3 },
        bet: { credits: 1, lineBet: 1 },
        evaluation: 'ways',
        symbols: { A: {}, B: {}, V: { wild: true } },
        pays: [{ symbol: 'A', pays: { '2': 1 } }],
        reelSets: {
          base: [
            ['V', 'A'],
            ['A', 'B', 'A'],
          ],
        },
      },
      { symbols: { V: { multiplierDraw: weighted([[2, 1]]) } } },
    );
    const t = spinTablesOf(game);
    const reveal = revealTablesOf(t, reelTablesOf(game.baseReelSet));
    const ids = (strip: Int32Array): string[] => Array.from(strip, (s) => game.symbols[s]!.id);
    expect(reveal.unrolled.map(ids)).toEqual([
      ['V', 'A', 'V', 'A'],
      ['A', 'B', 'A', 'A', 'B'],
    ]);
    expect(reveal.firstValue.map((rows) => Array.from(rows))).toEqual([
      [0, 1],
      [3, 3, 3],
    ]);
  });

  it('count the scatter and the trigger symbol along each unrolled strip', () => {
    // Rows 3. Reel 0: S T (shorter than the window) → S T S T: scatters before each index
    // 0 1 1 2 2, triggers 0 0 1 1 2. Reel 1: T A S → T A S T A: scatters 0 0 0 1 1 1, triggers
    // 0 1 1 1 2 2. So reel 1 at stop 2, height 3 (S T A) shows [5] − [2] = 1 scatter, 2 − 1 = 1 trigger.
    const game = format2({
      format: 'slotsim/1',
      id: 'counted',
      name: 'Counted',
      version: '1',
      grid: { reels: 2, rows: 3 },
      bet: { credits: 1, lineBet: 1 },
      evaluation: 'ways',
      symbols: { A: {}, S: { scatter: true }, T: { scatter: true } },
      pays: [{ symbol: 'A', pays: { '2': 1 } }],
      scatter: { symbol: 'S', pays: { '2': 1 } },
      freeSpins: { trigger: { symbol: 'T', awards: { '2': 5 } } },
      reelSets: {
        base: [
          ['S', 'T'],
          ['T', 'A', 'S'],
        ],
      },
    });
    const t = spinTablesOf(game);
    const reveal = revealTablesOf(t, reelTablesOf(game.baseReelSet));
    expect(reveal.scatterBefore.map((before) => Array.from(before))).toEqual([
      [0, 1, 1, 2, 2],
      [0, 0, 0, 1, 1, 1],
    ]);
    expect(reveal.triggerBefore.map((before) => Array.from(before))).toEqual([
      [0, 0, 1, 1, 2],
      [0, 1, 1, 1, 2, 2],
    ]);
  });
});

describe('the counted window, from the running counts, is its cells', () => {
  it('canyon-stampede (heights 2–7): 20,000 paid and 20,000 free spins of seed "counted"', () => {
    const file = 'configs/canyon-stampede.json';
    const game = parseGame(readFileSync(file, 'utf8'), { file });
    const t = spinTablesOf(game);
    const player = new GridSpinPlayer(t);
    const sun = game.symbolIndex.SUN!;
    const rng = createRng('aes-128-ctr', 'counted', 0);
    const seen = new Set<number>();
    for (const free of [false, true]) {
      for (let i = 0; i < 20_000; i++) {
        player.play(rng, free, 1, null);
        // Nothing tumbles in canyon-stampede: the grid shows the counted window.
        const cells = Array.from(player.grid.cells).filter((s) => s === sun).length;
        expect(player.scatterCount).toBe(cells);
        // SUN is also the trigger: 4 or more of them make an award entry, 3 or more a retrigger.
        const entry = cells >= (free ? 3 : 4);
        expect(player.awardParts).toBe(entry ? 1 : 0);
        if (entry) expect(player.awardCounts[0]).toBe(cells);
        seen.add(cells);
      }
    }
    // Windows of 0 to at least 4 suns were counted.
    for (const n of [0, 1, 2, 3, 4]) expect(seen.has(n)).toBe(true);
  });
});

class Collect implements WinSink {
  readonly report = new WinReport();
  readonly wins: string[] = [];
  win(grid: Grid): void {
    const r = this.report;
    const cells = Array.from(grid.winCells.subarray(0, r.cellCount)).join(' ');
    this.wins.push(`${r.rule}:${r.count}:${r.ways}:${r.amount}:${cells}`);
  }
}

/** What `evaluateWays` reports on `grid`: total, wins, marked cells. */
function ways(t: SpinTables, grid: Grid): string {
  const sink = new Collect();
  grid.removed.fill(0);
  const total = evaluateWays(t, grid, 1, sink, true);
  return `${total} | ${sink.wins.join(', ')} | ${Array.from(grid.removed).join('')}`;
}

describe('the ways evaluation’s candidate filter changes nothing', () => {
  it('canyon-stampede: 20,000 windows of seed "candidates", with the filter and without', () => {
    // Without `countsFor` (as for a game of more than 31 symbols) every rule is evaluated.
    const file = 'configs/canyon-stampede.json';
    const game = parseGame(readFileSync(file, 'utf8'), { file });
    const t = spinTablesOf(game);
    const unfiltered: SpinTables = { ...t, countsFor: null };
    expect(t.countsFor).not.toBeNull();
    const rng = createRng('aes-128-ctr', 'candidates', 0);
    const grid = new Grid(t.reels, t.rows, t.symbolCount);
    const strips = game.baseReelSet.reels.map((reel) => reel.strip);
    const wild = game.symbolIndex.WILD!;
    let paying = 0;
    for (let i = 0; i < 20_000; i++) {
      for (let r = 0; r < t.reels; r++) {
        const strip = strips[r]!;
        const stop = rng.int(strip.length);
        grid.height[r] = 2 + rng.int(t.rows - 1);
        for (let k = 0; k < t.rows; k++) {
          const c = r * t.rows + k;
          // One cell in 15 a wild (more than the strips show), with a value 1, 2, 3 or 5.
          const s = rng.int(15) === 0 ? wild : strip[(stop + k) % strip.length]!;
          grid.cells[c] = k < grid.height[r]! ? s : -1;
          grid.values[c] = [1, 2, 3, 5][rng.int(4)]!;
        }
      }
      const filtered = ways(t, grid);
      expect(filtered).toBe(ways(unfiltered, grid));
      if (!filtered.startsWith('0 ')) paying++;
    }
    // Windows that pay and windows that do not, so both sides of the filter were taken.
    expect(paying).toBeGreaterThan(2_000);
    expect(paying).toBeLessThan(18_000);
  });
});
