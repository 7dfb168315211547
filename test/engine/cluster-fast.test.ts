/**
 * The cluster mechanic's evaluation (bit sets, `evaluateCluster`) against the spec's reading cell
 * by cell (`evaluateClusterReference`): on random grids of many shapes — one bit word, two,
 * one reel per word, grids too large for bit sets — with wilds that stand for every symbol or not
 * all, fixed and drawn wild multipliers (products past 2^53, where the order of a fold shows),
 * scatters and multiplier symbols that break clusters, a few empty cells, rules paying from 1, 2, 3
 * and 5 cells, "product" and "sum". Every grid must give the same wins, in the same order, with
 * the same cells, multipliers and amounts, the same total and the same cells marked.
 */
import { describe, expect, it } from 'vitest';
import { cellBitsOf, Grid } from '../../src/engine/grid.js';
import { CLUSTER, evaluateClusterReference } from '../../src/engine/mechanics/cluster/cluster-mechanic.js';
import { WinReport, type Evaluate, type WinSink } from '../../src/engine/mechanics/pay-mechanic.js';
import type { Game } from '../../src/engine/model.js';
import { spinTablesOf } from '../../src/engine/spin-tables.js';
import { createRng } from '../../src/rng/index.js';
import type { Rng } from '../../src/rng/rng.js';
import { format2, weighted } from '../helpers/format2.js';

/** Every count from `from` to `cells` pays a different amount (a wrong size changes the win). */
function paysFrom(from: number, cells: number, step: number): Record<string, number> {
  const table: Record<string, number> = {};
  for (let n = from; n <= cells; n++) table[String(n)] = n * step;
  return table;
}

/**
 * A reels × rows cluster game: A pays from 1 cell, B from 2, C from 3, D from 5; W is a ×2 wild,
 * V a wild with drawn values that does not stand for D; S a scatter, M a multiplier symbol.
 */
function clusterGame(reels: number, rows: number, sum: boolean): Game {
  const strip = ['A', 'B', 'C', 'D', 'W', 'V', 'S', 'M'];
  const cells = reels * rows;
  return format2(
    {
      format: 'slotsim/1',
      id: 'cluster-fast',
      name: 'Cluster Fast',
      version: '1',
      grid: { reels, rows },
      bet: { credits: 10, lineBet: 1 },
      evaluation: 'ways',
      symbols: {
        A: {},
        B: {},
        C: {},
        D: {},
        W: { wild: true, multiplier: 2 },
        V: { wild: true, except: ['D'] },
        S: { scatter: true },
        M: {},
      },
      pays: [{ symbol: 'A', pays: { '1': 2 } }],
      reelSets: { base: Array.from({ length: reels }, () => strip) },
    },
    {
      evaluation: 'cluster',
      wildMultipliers: sum ? 'sum' : 'product',
      kindPays: [
        ['B', paysFrom(2, cells, 0.5)],
        ['A', paysFrom(1, cells, 0.25)],
        ['D', paysFrom(5, cells, 3)],
        ['C', paysFrom(3, cells, 1)],
      ],
      symbols: {
        V: { multiplierDraw: weighted([[3, 1]]) },
        M: { multiplierSymbol: weighted([[2, 1]]) },
      },
    },
  );
}

/** Drawn wild values: small ones, and large ones whose products pass 2^53 (and round). */
const VALUES = [1, 2, 3, 5, 7, 1_000_003, 2 ** 40 + 1, 3 ** 30];

interface Recorded {
  readonly total: number;
  readonly wins: readonly (readonly number[])[];
  readonly removed: readonly number[];
}

class Recorder implements WinSink {
  readonly report = new WinReport();
  readonly wins: number[][] = [];

  win(grid: Grid): void {
    const r = this.report;
    const cells = Array.from(grid.winCells.subarray(0, r.cellCount));
    this.wins.push([r.rule, r.count, r.ways, r.line, r.pay, r.wildMultiplier, r.ladder, r.amount, ...cells]);
  }
}

function record(
  evaluate: Evaluate,
  game: Game,
  cells: Int32Array,
  values: Float64Array,
  ladder: number,
): Recorded {
  const t = spinTablesOf(game);
  const grid = new Grid(t.reels, t.rows, t.symbolCount);
  grid.cells.set(cells);
  grid.values.set(values);
  const sink = new Recorder();
  const total = evaluate(t, grid, ladder, sink, true);
  const removed = Array.from(grid.removed);
  // The simulator's call: no sink, nothing marked; the same total.
  grid.removed.fill(0);
  const bare = evaluate(t, grid, ladder, null, false);
  if (bare !== total || grid.removed.some((m) => m !== 0)) throw new Error('the bare evaluation differs');
  return { total, wins: sink.wins, removed };
}

/** Symbol weights of a random grid, in the order A B C D W V S M, then an empty cell. */
const DENSE = [30, 6, 6, 6, 8, 8, 2, 2, 1];
const MIXED = [12, 12, 12, 12, 5, 5, 3, 3, 1];
const WILD = [10, 10, 2, 10, 20, 20, 1, 1, 0];

function randomGrid(
  game: Game,
  weights: readonly number[],
  rng: Rng,
): { cells: Int32Array; values: Float64Array } {
  const t = spinTablesOf(game);
  const total = weights.reduce((a, b) => a + b, 0);
  const ids = ['A', 'B', 'C', 'D', 'W', 'V', 'S', 'M'];
  const cells = new Int32Array(t.cellCount);
  const values = new Float64Array(t.cellCount);
  for (let c = 0; c < t.cellCount; c++) {
    let draw = rng.int(total);
    let i = 0;
    while (draw >= weights[i]!) draw -= weights[i++]!;
    cells[c] = i < ids.length ? game.symbolIndex[ids[i]!]! : -1;
    values[c] = VALUES[rng.int(VALUES.length)]!;
  }
  return { cells, values };
}

/**
 * [reels, rows, words]: reels of `rows` bits, ⌊32 / rows⌋ to a word, in at most two words (0: no
 * bit layout, the reference evaluates): one word, two full words, a reel per word, and grids past
 * the layout.
 */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [7, 7, 2], // 4 reels a word
  [4, 3, 1],
  [1, 1, 1],
  [1, 6, 1],
  [6, 1, 1],
  [5, 5, 1], // 6 reels a word
  [6, 5, 1],
  [8, 7, 2],
  [8, 8, 2], // both words full
  [10, 6, 2],
  [12, 2, 1],
  [3, 15, 2], // 2 reels a word, word 1 half full
  [2, 31, 2], // a reel a word
  [9, 7, 0], // 3 words
  [3, 30, 0],
  [2, 32, 0], // a reel past a word
  [40, 7, 0],
];
describe('cluster evaluation on bit sets = the reference flood fill', () => {
  it('lays cells out reel-major in two words at most: ascending bits are ascending cells', () => {
    for (const [reels, rows, words] of SHAPES) {
      const bits = cellBitsOf(reels, rows);
      if (words === 0) {
        expect(bits, `${reels}×${rows}`).toBeNull();
        continue;
      }
      expect(bits?.words, `${reels}×${rows}`).toBe(words);
      const order: number[] = [];
      for (let at = 0; at < 64; at++) if (bits!.cellAt[at]! >= 0) order.push(bits!.cellAt[at]!);
      expect(order).toEqual(Array.from({ length: reels * rows }, (_, c) => c));
      // Reel r is lane r mod L of word ⌊r / L⌋ (L = ⌊32 / rows⌋ reels a word); row k its bit k.
      const L = Math.floor(32 / rows);
      for (let c = 0; c < reels * rows; c++) {
        const r = Math.floor(c / rows);
        const k = c % rows;
        const at = 32 * Math.floor(r / L) + (r % L) * rows + k;
        expect(bits!.cellAt[at]).toBe(c);
        expect((bits!.firstRows & (1 << (at % 32))) !== 0).toBe(k === 0);
        expect((bits!.lastRows & (1 << (at % 32))) !== 0).toBe(k === rows - 1);
      }
    }
  });

  const seed = 'cluster-fast-1';
  it(`gives the same wins, cells, multipliers and marks on ${SHAPES.length} shapes × 3 densities × 2 folds (seed ${seed})`, () => {
    const rng = createRng('aes-128-ctr', seed, 0);
    let paying = 0;
    let manyWilds = 0;
    let past53 = 0;
    let grids = 0;
    for (const [reels, rows] of SHAPES) {
      for (const sum of [false, true]) {
        const game = clusterGame(reels, rows, sum);
        const rounds = reels * rows > 100 ? 60 : 250;
        for (const weights of [DENSE, MIXED, WILD]) {
          for (let i = 0; i < rounds; i++) {
            const { cells, values } = randomGrid(game, weights, rng);
            const ladder = 1 + rng.int(3);
            const expected = record(evaluateClusterReference, game, cells, values, ladder);
            const actual = record(CLUSTER.evaluate, game, cells, values, ladder);
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              // The whole case, to reproduce it.
              expect({
                reels,
                rows,
                sum,
                cells: Array.from(cells),
                values: Array.from(values),
                actual,
              }).toEqual({
                reels,
                rows,
                sum,
                cells: Array.from(cells),
                values: Array.from(values),
                actual: expected,
              });
            }
            grids++;
            for (const win of expected.wins) {
              paying++;
              const clusterCells = win.slice(8);
              const wilds = clusterCells.filter((c) => game.symbols[cells[c]!]!.wild).length;
              if (wilds >= 3) manyWilds++;
              if (win[5]! > 2 ** 53) past53++;
            }
          }
        }
      }
    }
    // The random grids reach every path: many wins, clusters of three or more wilds, folds past 2^53.
    expect(grids).toBeGreaterThan(19_000);
    expect(paying).toBeGreaterThan(100_000);
    expect(manyWilds).toBeGreaterThan(20_000);
    expect(past53).toBeGreaterThan(5_000);
  });
});
