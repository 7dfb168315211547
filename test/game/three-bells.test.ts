import { describe, expect, it } from 'vitest';
import { loadGame } from '../../src/game/index.js';
import { THREE_BELLS_FILE } from './games.js';

// The spec's example game, tables worked by hand from the spec text.
describe('the spec example (Three Bells)', () => {
  const game = loadGame(THREE_BELLS_FILE);
  const [BELL, CHERRY, BAR, BLANK, WILD] = [0, 1, 2, 3, 4];

  it('keeps the header and the bet', () => {
    expect(game).toMatchObject({
      id: 'three-bells',
      name: 'Three Bells',
      version: '1.0.0',
      variant: null,
      variants: [],
      reels: 3,
      rows: 1,
      betCredits: 1,
      lineBet: 1,
      evaluation: 'lines',
      paylines: [[0, 0, 0]],
      scatter: null,
      freeSpins: null,
      bonus: null,
      maxWin: null,
      maxWinCredits: null,
      rtp: null,
    });
    expect(game.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('indexes the symbols in file order', () => {
    // Format 1 has none of format 2's symbol roles.
    const v1 = { multiplierDraw: null, multiplierSymbol: null, coin: false, expand: false };
    expect(game.symbols).toEqual([
      { id: 'BELL', index: BELL, wild: false, scatter: false, multiplier: 1, ...v1 },
      { id: 'CHERRY', index: CHERRY, wild: false, scatter: false, multiplier: 1, ...v1 },
      { id: 'BAR', index: BAR, wild: false, scatter: false, multiplier: 1, ...v1 },
      { id: 'BLANK', index: BLANK, wild: false, scatter: false, multiplier: 1, ...v1 },
      { id: 'WILD', index: WILD, wild: true, scatter: false, multiplier: 2, ...v1 },
    ]);
    expect({ ...game.symbolIndex }).toEqual({ BELL, CHERRY, BAR, BLANK, WILD });
    expect({ ...game.groups }).toEqual({ ANY: [BELL, BAR] });
  });

  it('lets the wild substitute for every other symbol, never for itself', () => {
    expect(game.substitutes[WILD]).toEqual([true, true, true, true, false]);
    for (const s of [BELL, CHERRY, BAR, BLANK])
      expect(game.substitutes[s]).toEqual([false, false, false, false, false]);
  });

  it('compiles the reels: plain strips and the weighted middle reel', () => {
    const strip = [BELL, BLANK, BAR, BLANK, CHERRY, BLANK, WILD, BLANK];
    const [r0, r1, r2] = game.baseReelSet.reels;
    expect(r0).toEqual({ strip, weights: null, cumulative: null, drawBound: 8 });
    expect(r1).toEqual({
      strip,
      weights: [2, 4, 3, 4, 1, 4, 1, 4],
      cumulative: [2, 6, 9, 13, 14, 18, 19, 23],
      drawBound: 23,
    });
    expect(r2).toEqual(r0);
    expect(game.baseReelSet.name).toBe('base');
    expect(game.reelSets.base).toBe(game.baseReelSet);
    // The cycle of the spec: 8 × 23 × 8 weighted stop combinations.
    expect(game.baseReelSet.reels.reduce((n, reel) => n * reel.drawBound, 1)).toBe(1472);
  });

  it('lays out the X-of-a-kind pays by run length (length reels × rows + 1)', () => {
    expect(game.pays.slice(0, 4)).toEqual([
      { kind: 'kind', index: 0, symbol: WILD, wild: true, pays: [0, 0, 0, 200] },
      { kind: 'kind', index: 1, symbol: BELL, wild: false, pays: [0, 0, 0, 20] },
      { kind: 'kind', index: 2, symbol: BAR, wild: false, pays: [0, 0, 0, 5] },
      { kind: 'kind', index: 3, symbol: CHERRY, wild: false, pays: [0, 1, 3, 8] },
    ]);
  });

  it('builds the pattern tables: group members match directly, the wild by substituting', () => {
    const anyPosition = [true, false, true, false, false]; // BELL and BAR
    const byWild = [false, false, false, false, true];
    expect(game.pays[4]).toEqual({
      kind: 'pattern',
      index: 4,
      labels: ['ANY', 'ANY', 'ANY'],
      direct: [anyPosition, anyPosition, anyPosition],
      substitute: [byWild, byWild, byWild],
      pay: 1,
    });
  });

  it('is frozen all the way down, its arrays read-only by type (V8 reads frozen arrays 2–4× slower)', () => {
    expect(Object.isFrozen(game)).toBe(true);
    expect(Object.isFrozen(game.baseReelSet)).toBe(true);
    expect(Object.isFrozen(game.baseReelSet.reels[1])).toBe(true);
    expect(Object.isFrozen(game.symbols[WILD])).toBe(true);
    expect(Object.isFrozen(game.pays[0])).toBe(true);
    expect(() => {
      (game as { name: string }).name = 'X';
    }).toThrow(TypeError);
    expect(() => {
      (game.symbols[WILD] as { multiplier: number }).multiplier = 5;
    }).toThrow(TypeError);
    // Deliberately not frozen: the engine reads these in its hot loops.
    expect(Object.isFrozen(game.baseReelSet.reels[1]?.strip)).toBe(false);
    expect(Object.isFrozen(game.substitutes[WILD])).toBe(false);
  });
});
