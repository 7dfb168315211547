/**
 * Small format-2 games whose every weight differs (weighted strips, heights, value tables, two
 * value tables sharing a total but not their breakpoints), so that an enumeration that confused a
 * weight with a count, a draw with an index, or one table's entries with another's would show it.
 * Small enough for every draw path of a spin to be walked.
 */
import type { Game } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';

const common = {
  format: 'slotsim/2',
  version: '1',
  bet: { credits: 2, lineBet: 1 },
};

/** Values 2 (weight 3) or 3 (weight 1), and 2 (weight 1) or 5 (weight 3): both total 4. */
const WILD_VALUES = [
  { value: 2, weight: 3 },
  { value: 3, weight: 1 },
];
const M_VALUES = [
  { value: 2, weight: 1 },
  { value: 5, weight: 3 },
];

type WeightedName = 'lines' | 'ways' | 'cluster' | 'anywhere';

export function weightedGame(name: WeightedName, extra: Record<string, unknown> = {}): Game {
  return parseGame(JSON.stringify({ ...weightedFile(name), ...extra }), { file: `${name}.json` });
}

/** The game file of `weightedGame`. */
function weightedFile(name: WeightedName): Record<string, unknown> {
  let file: Record<string, unknown>;
  switch (name) {
    case 'lines':
      file = {
        ...common,
        id: 'weighted-lines',
        name: 'Weighted tumbling lines',
        grid: { reels: 3, rows: 2 },
        symbols: {
          A: {},
          B: {},
          W: { wild: true, multiplier: WILD_VALUES },
          S: { scatter: true },
          M: { multiplierSymbol: M_VALUES },
        },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
        ],
        pays: [
          { symbol: 'A', pays: { '2': 1, '3': 4 } },
          { symbol: 'B', pays: { '3': 3 } },
          { symbol: 'W', pays: { '3': 10 } },
        ],
        scatter: { symbol: 'S', pays: { '2+': 1 } },
        cascade: { refill: 'strip', maxCascades: 2, ladder: [1, 2], scatterCount: 'final' },
        reelSets: {
          base: [
            { strip: ['A', 'B', 'W', 'S'], weights: [3, 1, 1, 2] },
            { strip: ['A', 'M', 'B'], weights: [2, 1, 2] },
            { strip: ['B', 'A', 'S', 'A'], weights: [1, 2, 1, 1] },
          ],
        },
      };
      break;
    case 'ways':
      file = {
        ...common,
        id: 'weighted-ways',
        name: 'Weighted ways with heights',
        grid: {
          reels: 3,
          rows: 3,
          heights: [
            [
              { rows: 1, weight: 1 },
              { rows: 3, weight: 2 },
            ],
            [
              { rows: 2, weight: 3 },
              { rows: 3, weight: 1 },
            ],
            [
              { rows: 1, weight: 2 },
              { rows: 2, weight: 1 },
            ],
          ],
        },
        evaluation: 'ways',
        symbols: { A: {}, B: {}, W: { wild: true, multiplier: WILD_VALUES }, S: { scatter: true } },
        pays: [
          { symbol: 'A', pays: { '2': 1, '3': 3 } },
          { symbol: 'B', pays: { '3': 2 } },
        ],
        scatter: { symbol: 'S', pays: { '2': 2 } },
        reelSets: {
          base: [
            { strip: ['A', 'W', 'B'], weights: [2, 1, 1] },
            { strip: ['B', 'A', 'S'], weights: [1, 3, 1] },
            { strip: ['A', 'W', 'S'], weights: [1, 1, 2] },
          ],
        },
      };
      break;
    case 'cluster':
      file = {
        ...common,
        id: 'weighted-cluster',
        name: 'Weighted tumbling clusters',
        grid: { reels: 3, rows: 2 },
        evaluation: 'cluster',
        symbols: {
          A: {},
          B: {},
          W: { wild: true, multiplier: WILD_VALUES },
          M: { multiplierSymbol: M_VALUES },
        },
        pays: [
          { symbol: 'A', pays: { '3-4': 1, '5+': 4 } },
          { symbol: 'B', pays: { '3+': 2 } },
        ],
        cascade: { refill: 'strip', maxCascades: 3, ladder: { start: 1, step: 1, max: 3 }, keep: ['W'] },
        reelSets: {
          base: [
            { strip: ['A', 'B', 'W'], weights: [3, 2, 1] },
            { strip: ['A', 'A', 'M', 'B'], weights: [1, 2, 1, 1] },
            { strip: ['B', 'A', 'A'], weights: [2, 1, 1] },
          ],
        },
      };
      break;
    case 'anywhere':
      file = {
        ...common,
        id: 'weighted-anywhere',
        name: 'Weighted pay anywhere with heights and sum',
        grid: {
          reels: 2,
          rows: 3,
          heights: [
            [
              { rows: 2, weight: 1 },
              { rows: 3, weight: 2 },
            ],
            [
              { rows: 1, weight: 1 },
              { rows: 3, weight: 1 },
            ],
          ],
        },
        evaluation: 'anywhere',
        wildMultipliers: 'sum',
        symbols: { A: {}, B: {}, W: { wild: true, multiplier: WILD_VALUES }, S: { scatter: true } },
        pays: [
          { symbol: 'A', pays: { '3+': 2 } },
          { symbol: 'B', pays: { '2-3': 1, '4+': 5 } },
        ],
        scatter: { symbol: 'S', pays: { '2+': 3 } },
        reelSets: {
          base: [
            { strip: ['A', 'W', 'B', 'S'], weights: [2, 1, 2, 1] },
            { strip: ['B', 'A', 'W'], weights: [1, 1, 2] },
          ],
        },
      };
      break;
  }
  return file;
}

/**
 * The same game with reel r's stop weights all multiplied by `scale[r]`: the same probabilities,
 * but weights whose products pass 2^53 (so the enumeration must take its exact bigint path).
 */
export function scaledWeightGame(name: WeightedName, scale: readonly number[]): Game {
  const file = weightedFile(name);
  const sets = file.reelSets as { base: { strip: string[]; weights: number[] }[] };
  const base = sets.base.map((reel, r) => ({ ...reel, weights: reel.weights.map((w) => w * scale[r]!) }));
  return parseGame(JSON.stringify({ ...file, reelSets: { ...sets, base } }), { file: `${name}-scaled.json` });
}
