import { describe, expect, it } from 'vitest';
import { reelStripSets } from '../../src/certify/reel-strips.js';
import { loadGame } from '../../src/game/index.js';
import { compile, threeBells } from '../helpers/games.js';

describe('the reel strips of the certification report', () => {
  it('three-bells: strips in order, the weighted middle reel with its weights, counts per symbol', () => {
    const [base, ...others] = reelStripSets(compile(threeBells));
    expect(others).toEqual([]);
    expect(base!.name).toBe('base');
    expect(base!.usedFor).toEqual(['paid spins']);
    const strip = ['BELL', 'BLANK', 'BAR', 'BLANK', 'CHERRY', 'BLANK', 'WILD', 'BLANK'];
    expect(base!.reels.map((r) => r.strip)).toEqual([strip, strip, strip]);
    expect(base!.reels.map((r) => r.weights)).toEqual([null, [2, 4, 3, 4, 1, 4, 1, 4], null]);
    expect(base!.reels.map((r) => r.drawBound)).toEqual([8, 23, 8]);
    // Reel 1 unweighted: weight = stops. Reel 2: BLANK is 4 stops of weight 4 each = 16; BELL 2.
    expect(base!.reels[0]!.counts).toEqual([
      { symbol: 'BELL', stops: 1, weight: 1 },
      { symbol: 'CHERRY', stops: 1, weight: 1 },
      { symbol: 'BAR', stops: 1, weight: 1 },
      { symbol: 'BLANK', stops: 4, weight: 4 },
      { symbol: 'WILD', stops: 1, weight: 1 },
    ]);
    expect(base!.reels[1]!.counts).toEqual([
      { symbol: 'BELL', stops: 1, weight: 2 },
      { symbol: 'CHERRY', stops: 1, weight: 1 },
      { symbol: 'BAR', stops: 1, weight: 3 },
      { symbol: 'BLANK', stops: 4, weight: 16 },
      { symbol: 'WILD', stops: 1, weight: 1 },
    ]);
  });

  it('the paid spins’ set first, then the free spins’, then a set the game never spins, marked unused', () => {
    const raw = {
      ...threeBells,
      symbols: { ...threeBells.symbols, SCAT: { scatter: true } },
      reelSets: {
        spare: [['BELL'], ['BELL'], ['BELL']],
        free: [['BAR', 'SCAT'], ['BAR'], ['BAR']],
        base: [
          ['BELL', 'SCAT'],
          ['BAR', 'SCAT'],
          ['CHERRY', 'SCAT'],
        ],
      },
      freeSpins: { trigger: { symbol: 'SCAT', awards: { '3': 5 } }, reelSet: 'free' },
    };
    const sets = reelStripSets(compile(raw));
    expect(sets.map((s) => [s.name, s.usedFor])).toEqual([
      ['base', ['paid spins']],
      ['free', ['free spins']],
      ['spare', []],
    ]);
  });

  it('starfall-20: 32 stops on each reel of both sets, every stop counted once', () => {
    const sets = reelStripSets(loadGame('configs/starfall-20.json'));
    expect(sets.map((s) => s.name)).toEqual(['base', 'free']);
    for (const set of sets) {
      for (const reel of set.reels) {
        expect(reel.strip).toHaveLength(32);
        expect(reel.counts.reduce((n, c) => n + c.stops, 0)).toBe(32);
      }
    }
  });
});
