import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { evaluateWindow } from '../../src/engine/spin.js';
import { analyzeGame, classifyWindow } from '../../src/math/index.js';
import { frac } from '../../src/math/fraction.js';
import { convolve, windowCellCounts } from '../../src/math/reel-stats.js';
import { waysCombinations } from '../../src/math/ways-combinations.js';
import { compile } from '../helpers/games.js';
import { forEachWindow } from './brute.js';

const waysGame = {
  format: 'slotsim/1',
  id: 'ways-test',
  name: 'Ways Test',
  version: '1',
  grid: { reels: 3, rows: 3 },
  bet: { credits: 10, lineBet: 1 },
  evaluation: 'ways',
  symbols: { A: {}, K: {}, WILD: { wild: true, multiplier: 2 }, W: { wild: true }, SCAT: { scatter: true } },
  pays: [
    { symbol: 'WILD', pays: { '1': 3 } },
    { symbol: 'A', pays: { '2': 1, '3': 5 } },
    { symbol: 'K', pays: { '3': 2 } },
  ],
  scatter: { symbol: 'SCAT', pays: { '2': 4 } },
  reelSets: {
    base: [
      ['A', 'WILD', 'K', 'SCAT'],
      { strip: ['A', 'A', 'K', 'A', 'W', 'K'], weights: [1, 2, 1, 1, 3, 1] },
      ['W', 'K', 'K', 'A', 'SCAT', 'K'],
    ],
  },
};

/** Hits and ways per (rule, count) by brute force through the engine. */
function bruteWays(game: Game): Map<string, { hits: bigint; ways: bigint }> {
  const out = new Map<string, { hits: bigint; ways: bigint }>();
  forEachWindow(game, game.baseReelSet, (window, weight) => {
    for (const win of evaluateWindow(game, window).wins) {
      if (win.kind !== 'ways') continue;
      const key = `ways:${win.rule}:${win.count}`;
      const entry = out.get(key) ?? { hits: 0n, ways: 0n };
      entry.hits += weight;
      entry.ways += weight * BigInt(win.ways);
      out.set(key, entry);
    }
  });
  return out;
}

describe('ways pays', () => {
  const game = compile(waysGame);

  it('agrees with the engine on every stop combination (hits and RTP)', () => {
    const analytic = waysCombinations(game, game.baseReelSet);
    const brute = bruteWays(game);
    expect(
      new Map(analytic.map((c) => [`ways:${c.rule}:${c.count}`, { hits: c.hits, ways: c.ways }])),
    ).toEqual(brute);
    // classifyWindow gives the same keys the PAR table uses.
    const keys = new Set<string>();
    forEachWindow(game, game.baseReelSet, (window) => {
      for (const key of classifyWindow(game, window)) keys.add(key);
    });
    expect([...keys].sort()).toEqual(
      analyzeGame(game)
        .combinations.map((c) => c.key)
        .sort(),
    );
    // analyzeGame enumerates this small cycle inline and checks the RTP against it to the credit.
    const a = analyzeGame(game);
    expect(a.enumeration).toBe('inline');
    expect(a.paidSpin!.rtp.exact).toEqual(a.rtp.exact);
  });

  it("pays a wild's own rule by its cells alone (hand-computed)", () => {
    // WILD is on reel 1 at one of 4 stops; 3 rows of a 4-stop strip show it at 3 stops. Reel 2 has
    // no WILD (W is another wild), so the run is always 1 reel and 1 way: hits = 3 × 9 × 6 (cycle 4 × 9 × 6).
    const wild = waysCombinations(game, game.baseReelSet).find((c) => c.rule === 0)!;
    expect(wild.count).toBe(1);
    expect(wild.hits).toBe(3n * 9n * 6n);
    expect(wild.ways).toBe(3n * 9n * 6n);
  });
});

describe('scatter counts', () => {
  it('convolves the per-reel counts (hand-computed)', () => {
    // Reel counts of SCAT: reel 1 shows 1 at 3 of 4 stops, reel 3 (SCAT at index 4, 3 rows) at 3 of 6.
    const game = compile(waysGame);
    const dist = windowCellCounts(game.baseReelSet, 3, game.symbolIndex.SCAT!);
    // (1 + 3x) · 9 · (3 + 3x) = 9 · (3 + 12x + 9x²)
    expect(dist.slice(0, 3)).toEqual([27n, 108n, 81n]);
    expect(dist.slice(3).every((h) => h === 0n)).toBe(true);
    expect(convolve([1n, 2n], [3n, 4n])).toEqual([3n, 10n, 8n]);
    const a = analyzeGame(game);
    expect(a.scatter!.map((r) => [r.count, r.hits, r.value])).toEqual([
      [0, 27n, 0],
      [1, 108n, 0],
      [2, 81n, 40],
    ]);
    expect(a.components.scatter.exact).toEqual(frac(81 * 40, 216 * 10));
  });
});
