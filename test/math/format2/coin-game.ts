/**
 * A small hold-and-win lines game (5 × 3, short strips) with a coin-buy mode: the format-2 test
 * game for hold and win whose paid spins enumerate in a blink (6 × 5 × 5 × 5 × 6 stops).
 */
import type { Game } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';

export const COIN_GAME = {
  format: 'slotsim/2',
  id: 'coin-harbor',
  name: 'Coin Harbor',
  version: '1',
  grid: { reels: 5, rows: 3 },
  bet: { credits: 10 },
  maxWin: 400,
  symbols: { A: {}, K: {}, Q: {}, W: { wild: true }, C: { coin: true } },
  paylines: [
    [0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1],
    [2, 2, 2, 2, 2],
    [0, 1, 2, 1, 0],
    [2, 1, 0, 1, 2],
  ],
  pays: [
    { symbol: 'A', pays: { '3': 5, '4': 20, '5': 60 } },
    { symbol: 'K', pays: { '3': 3, '4': 10, '5': 30 } },
    { symbol: 'Q', pays: { '3': 2, '4': 6, '5': 15 } },
    { symbol: 'W', pays: { '5': 100 } },
  ],
  holdAndWin: {
    trigger: { symbol: 'C', count: 5 },
    respins: 3,
    maxRespins: 100,
    land: { coin: 2, blank: 23 },
    values: [
      { value: 0.5, weight: 60 },
      { value: 1, weight: 30 },
      { value: 3, weight: 8 },
      { jackpot: 'MINI', weight: 3 },
      { jackpot: 'MAJOR', weight: 1 },
    ],
    jackpots: { MINI: 10, MAJOR: 50, GRAND: 200 },
    fullGrid: 'GRAND',
  },
  modes: { coins: { cost: 300, start: { holdAndWin: { '5': 6, '6': 3, '8': 1 } } } },
  reelSets: {
    base: [
      ['A', 'C', 'K', 'Q', 'W', 'C'],
      ['K', 'C', 'A', 'Q', 'C'],
      ['Q', 'A', 'C', 'K', 'C'],
      ['A', 'C', 'Q', 'K', 'C'],
      ['K', 'Q', 'C', 'A', 'W', 'C'],
    ],
  },
};

export function coinGame(mode = 'base', extra: Record<string, unknown> = {}): Game {
  return parseGame(JSON.stringify({ ...COIN_GAME, ...extra }), { file: 'coin-harbor.json', mode });
}
