import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { playRoundV1 } from '../../src/engine/round.js';
import { analyzeGame, classifySpin, classifyWindow } from '../../src/math/index.js';
import { frac } from '../../src/math/fraction.js';
import { lineCombinations } from '../../src/math/line-combinations.js';
import { compile, ONE_ROW, oneRowGame } from '../helpers/games.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';
import { forEachWindow } from './brute.js';

/** Hits of every line combination key by brute force through the engine. */
function bruteHits(game: Game): Map<string, bigint> {
  const hits = new Map<string, bigint>();
  forEachWindow(game, game.baseReelSet, (window, weight) => {
    for (const key of classifyWindow(game, window)) {
      if (key.startsWith('line:')) hits.set(key, (hits.get(key) ?? 0n) + weight);
    }
  });
  return hits;
}

function analyticHits(game: Game): Map<string, bigint> {
  return new Map(
    lineCombinations(game, game.baseReelSet).map((c) => [
      `line:${c.rule}:${c.count}:${c.multiplier}`,
      c.hits,
    ]),
  );
}

describe('line pays', () => {
  it('counts X-of-a-kind runs by hand (5 reels, each strip lists every symbol once: cycle 8^5)', () => {
    const game = compile(oneRowGame());
    const hits = analyticHits(game);
    const rule = (symbol: string): number =>
      game.pays.findIndex((r) => r.kind === 'kind' && game.symbols[r.symbol]!.id === symbol);
    const seven = rule('SEVEN');
    // The ×1 keys include WILD (multiplier 1) standing in. Five of {SEVEN, WILD} holding a SEVEN: 2^5 − 1.
    expect(hits.get(`line:${seven}:5:1`)).toBe(31n);
    // Three of {SEVEN, WILD} holding a SEVEN (7), then neither SEVEN nor a wild standing for it
    // (8 − SEVEN − WILD − W3 = 5), then anything (8).
    expect(hits.get(`line:${seven}:3:1`)).toBe(280n);
    expect(hits.get(`line:${seven}:4:1`)).toBe(15n * 5n);
    // One W3 (×3) among the first three (3 places), the other two of {SEVEN, WILD} holding a SEVEN (3).
    expect(hits.get(`line:${seven}:3:3`)).toBe(9n * 5n * 8n);
    // Two W3s: ×9, and the third is SEVEN: 3 placements.
    expect(hits.get(`line:${seven}:3:9`)).toBe(3n * 5n * 8n);
  });

  it('agrees with the engine on every stop combination: wild multipliers, except lists, patterns, groups', () => {
    const game = compile(oneRowGame());
    expect(analyticHits(game)).toEqual(bruteHits(game));
  });

  it('classifies a played spin like its window (W3 SEVEN SEVEN A BAR: SEVEN ×3 with a ×3 wild)', () => {
    const game = compile(oneRowGame());
    const outcome = playRoundV1(
      game,
      new ScriptedRng([ONE_ROW.W3, ONE_ROW.SEVEN, ONE_ROW.SEVEN, ONE_ROW.A, ONE_ROW.BAR]),
    );
    const seven = game.pays.findIndex((r) => r.kind === 'kind' && game.symbols[r.symbol]!.id === 'SEVEN');
    expect(classifySpin(outcome.paid)).toEqual([`line:${seven}:3:3`]);
    const window = outcome.paid.window.map((column) => column.map((id) => game.symbolIndex[id]!));
    expect(classifyWindow(game, window)).toEqual(classifySpin(outcome.paid));
  });

  it('agrees with the engine on a weighted 3×3 game with five paylines, a pattern of groups and two wilds', () => {
    const game = compile({
      format: 'slotsim/1',
      id: 'rows',
      name: 'Rows',
      version: '1',
      grid: { reels: 3, rows: 3 },
      bet: { credits: 5 },
      symbols: { A: {}, B: {}, C: {}, W2: { wild: true, multiplier: 2 }, W: { wild: true, except: ['C'] } },
      groups: { AB: ['A', 'B'] },
      paylines: [
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 2],
        [0, 1, 2],
        [2, 1, 0],
      ],
      pays: [
        { symbol: 'W2', pays: { '3': 30 } },
        { symbol: 'A', pays: { '2': 1, '3': 8 } },
        { symbol: 'B', pays: { '3': 5 } },
        { symbol: 'C', pays: { '3': 3 } },
        { pattern: ['AB', 'AB', 'C'], pay: 4 },
      ],
      reelSets: {
        base: [
          { strip: ['A', 'B', 'W2', 'C', 'A'], weights: [1, 2, 1, 3, 2] },
          ['B', 'A', 'W', 'C', 'C', 'A'],
          { strip: ['C', 'W2', 'A', 'B'], weights: [4, 1, 2, 3] },
        ],
      },
    });
    expect(analyticHits(game)).toEqual(bruteHits(game));
    // And the RTP equals the full cycle's (analyzeGame checks this itself and enumerates inline).
    const a = analyzeGame(game);
    expect(a.paidSpin?.rtp.exact).toEqual(a.rtp.exact);
  });

  it('reads a weighted strip per row offset (hand-computed)', () => {
    // Reel 2 = A B B with weights 3 1 1 (bound 5): row 0 shows A with weight 3 (stop 0), row 1 shows
    // A only at stop 2 (weight 1). Reel 1 = A B: each row shows A at one of two stops.
    // A×2 on line 0: 1 × 3 = 3; on line 1: 1 × 1 = 1 → 4 hits of 10, each 10 credits on a 2-credit bet.
    const game = compile({
      format: 'slotsim/1',
      id: 'offsets',
      name: 'Offsets',
      version: '1',
      grid: { reels: 2, rows: 2 },
      bet: { credits: 2 },
      symbols: { A: {}, B: {} },
      paylines: [
        [0, 0],
        [1, 1],
      ],
      pays: [{ symbol: 'A', pays: { '2': 10 } }],
      reelSets: { base: [['A', 'B'], { strip: ['A', 'B', 'B'], weights: [3, 1, 1] }] },
    });
    const a = analyzeGame(game);
    expect(a.cycle).toBe(10n);
    expect(a.combinations).toHaveLength(1);
    expect(a.combinations[0]!.hits).toBe(4n);
    expect(a.rtp.exact).toEqual(frac(4 * 10, 10 * 2));
    // Row weights of the weighted reel in the PAR table: A shows with weight 3 on row 0, 1 on row 1.
    const reel = a.reelSets[0]!.reels[1]!;
    expect(reel.symbols.find((s) => s.symbol === 'A')!.rowWeights).toEqual([3n, 1n]);
  });
});
