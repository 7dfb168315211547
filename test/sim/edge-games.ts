/** Valid games at the edges of what the loader accepts, for the simulator's and the analysis's tests. */
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { threeBells } from '../helpers/games.js';

const load = (raw: object): Game => parseGame(JSON.stringify(raw), { file: 'edge.json' });

type Bells = typeof threeBells & Record<string, unknown>;

function bells(change: (g: Bells) => void): Game {
  const g = structuredClone(threeBells) as Bells;
  change(g);
  return load(g);
}

/** Three Bells with a 3×WILD pay past 2^31 (the example). */
export const bigPay = (): Game => bells((g) => (g.pays[0]!.pays = { '3': 2_200_000_000 }));

/** Three Bells with a 3×WILD pay of 2^38, the most one spin may win. */
export const spinLimitPay = (): Game => bells((g) => (g.pays[0]!.pays = { '3': 2 ** 38 }));

/** Rounds win 2^38 (A A A) or 1 (B A A), half and half. */
export const everyRound = (): Game =>
  load({
    format: 'slotsim/1',
    id: 'every-round',
    name: 'Every Round',
    version: '1',
    grid: { reels: 3, rows: 1 },
    bet: { credits: 1, lineBet: 1 },
    paylines: [[0, 0, 0]],
    symbols: { A: {}, B: {} },
    pays: [
      { symbol: 'A', pays: { '3': 2 ** 38 } },
      { pattern: ['B'], pay: 1 },
    ],
    reelSets: { base: [['A', 'B'], ['A'], ['A']] },
  });

/** Three Bells whose reel 2 weighs 2^32 units, the largest draw. */
export const heavyReel = (): Game =>
  bells((g) => {
    // The stops keep the proportions of the spec's reel 2 (2,4,3,4,1,4,1,4 of 23) except the last,
    // which takes the rest.
    const weights = [2, 4, 3, 4, 1, 4, 1].map((w) => w * 2 ** 27);
    weights.push(2 ** 32 - weights.reduce((a, b) => a + b, 0));
    g.reelSets.base[1] = { strip: [...(g.reelSets.base[1] as { strip: string[] }).strip], weights };
  });

/** Three Bells whose reel 1 weighs 2^20 + 1 units, just past the simulator's stop table. */
export const tableEdge = (): Game =>
  bells((g) => {
    g.reelSets.base[0] = {
      strip: ['BELL', 'BLANK', 'WILD', 'CHERRY'],
      weights: [2 ** 18, 2 ** 19, 1, 2 ** 18],
    };
  });

/** 255 symbols on 8 reels: 255^8 line combinations, too many for a table (indexes pass 2^31). */
export function manySymbols(): Game {
  const symbols: Record<string, object> = {};
  for (let i = 0; i < 254; i++) symbols[`S${i}`] = {};
  symbols.W = { wild: true, multiplier: 2 };
  const strip = ['S250', 'S251', 'S252', 'S253', 'W', 'S0'];
  return load({
    format: 'slotsim/1',
    id: 'many-symbols',
    name: 'Many Symbols',
    version: '1',
    grid: { reels: 8, rows: 2 },
    bet: { credits: 2 },
    paylines: [
      [0, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ],
    symbols,
    pays: [
      { symbol: 'S253', pays: { '2': 1, '3': 2, '5': 10, '8': 1000 } },
      { symbol: 'S250', pays: { '4': 3, '6': 50, '7': 80 } },
      { symbol: 'W', pays: { '8': 5000 } },
      { pattern: ['S0', 'S252', 'S251', 'S250', 'S253'], pay: 7 },
    ],
    reelSets: {
      base: Array.from({ length: 8 }, (_, r) => [...strip.slice(r % 3), ...strip.slice(0, r % 3)]),
    },
  });
}

/**
 * A ways wild of multiplier 2^37 on 30 one-row reels; A pays for a run of 1 only, so a run through
 * every reel (2^1110 ways, not a finite double) pays nothing.
 */
export const longRun = (): Game =>
  load({
    format: 'slotsim/1',
    id: 'long-run',
    name: 'Long Run',
    version: '1',
    grid: { reels: 30, rows: 1 },
    bet: { credits: 1, lineBet: 1 },
    evaluation: 'ways',
    symbols: { A: {}, B: {}, W: { wild: true, multiplier: 2 ** 37 } },
    pays: [{ symbol: 'A', pays: { '1': 1 } }],
    reelSets: {
      base: Array.from({ length: 30 }, (_, r) =>
        r === 1 ? ['A', 'B', 'W'] : ['A', 'W', 'B'].slice(0, r === 0 ? 3 : 2),
      ),
    },
  });

/** A 3×3 ways game whose A pays 2^28 per way (up to 9³ ways) and whose scatter pays 2^31 × bet. */
export const waysBigPay = (): Game =>
  load({
    format: 'slotsim/1',
    id: 'ways-big',
    name: 'Ways Big',
    version: '1',
    grid: { reels: 3, rows: 3 },
    bet: { credits: 1, lineBet: 1 },
    evaluation: 'ways',
    symbols: { A: {}, K: {}, WILD: { wild: true, multiplier: 3 }, SC: { scatter: true } },
    pays: [
      { symbol: 'A', pays: { '3': 2 ** 28 } },
      { symbol: 'K', pays: { '2': 1 } },
    ],
    scatter: { symbol: 'SC', pays: { '2': 2 ** 31 } },
    reelSets: { base: [0, 1, 2].map(() => ['A', 'K', 'WILD', 'SC', 'K']) },
  });
