/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PrizeNode } from '../../src/engine/model.js';
import { parseGame, parseGameVariants } from '../../src/game/index.js';
import { changed, featureGame, text, waysGame, type Json } from './games.js';

const compile = (game: Json, variant: string | null = null) =>
  parseGame(text(game), { file: 'g.json', variant });

describe('compiling a game with every feature', () => {
  const game = compile(featureGame());
  const index = (id: string) => game.symbolIndex[id] ?? -1;
  const [A, K, Q, TEN, WILD, W5, SCAT, BONUS] = ['A', 'K', 'Q', 'TEN', 'WILD', 'W5', 'SCAT', 'BONUS'].map(
    index,
  );

  it('indexes symbols in the order written', () => {
    expect(game.symbols.map((s) => s.id)).toEqual(['A', 'K', 'Q', 'TEN', 'WILD', 'W5', 'SCAT', 'BONUS']);
    expect([A, K, Q, TEN, WILD, W5, SCAT, BONUS]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(game.symbols[SCAT!]).toMatchObject({ scatter: true, wild: false, multiplier: 1 });
    expect(game.symbols[W5!]).toMatchObject({ wild: true, multiplier: 1 });
  });

  it('keeps the written order of integer-like ids, which JS objects would put first', () => {
    const source = text(
      changed(featureGame(), (g) => {
        delete g.symbols;
        g.reelSets = { base: g.reelSets.base };
        g.pays[3].symbol = '10';
        for (const reel of g.reelSets.base) reel[3] = '10';
        delete g.variants;
        delete g.freeSpins;
      }),
    ).replace(
      '{',
      '{ "symbols": { "A": {}, "K": {}, "Q": {}, "10": {}, "WILD": { "wild": true, "except": ["K"] }, "W5": { "wild": true }, "SCAT": { "scatter": true }, "BONUS": {} },',
    );
    const reordered = parseGame(source, { file: 'g.json' });
    expect(reordered.symbols.map((s) => s.id)).toEqual(['A', 'K', 'Q', '10', 'WILD', 'W5', 'SCAT', 'BONUS']);
    expect(reordered.baseReelSet.reels[0]?.strip.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('looks ids up without inheriting anything', () => {
    expect('toString' in game.symbolIndex).toBe(false);
    expect('constructor' in game.reelSets).toBe(false);
  });

  it('defaults the line bet to credits / paylines', () => {
    expect(game.betCredits).toBe(30);
    expect(game.lineBet).toBe(10);
  });

  it('keeps wilds from substituting for wilds, scatters, the bonus line symbol and their except list', () => {
    //                     A     K      Q     10    WILD   W5     SCAT   BONUS
    expect(game.substitutes[WILD!]).toEqual([true, false, true, true, false, false, false, false]);
    expect(game.substitutes[W5!]).toEqual([true, true, true, true, false, false, false, false]);
    expect(game.substitutes[A!]?.every((s) => !s)).toBe(true);
  });

  it('converts pays to integer credits exactly (1.1 × 10 is 11, not 11.000000000000002)', () => {
    const cells = 16;
    const kind = (symbol: number, entries: Record<number, number>) => {
      const pays = new Array<number>(cells).fill(0);
      for (const [k, v] of Object.entries(entries)) pays[Number(k)] = v;
      return pays;
    };
    expect(game.pays[0]).toEqual({
      kind: 'kind',
      index: 0,
      symbol: WILD,
      wild: true,
      pays: kind(WILD!, { 5: 1000 }),
    });
    expect(game.pays[1]).toMatchObject({ symbol: A, wild: false, pays: kind(A!, { 3: 11, 4: 50, 5: 200 }) });
    expect(game.pays[2]).toMatchObject({ symbol: K, pays: kind(K!, { 3: 5, 5: 100 }) });
    expect(game.pays[4]).toMatchObject({ kind: 'pattern', pay: 3, labels: ['ROYAL', 'ROYAL', 'ROYAL'] });
    expect(game.scatter).toEqual({ symbol: SCAT, pays: kind(SCAT!, { 3: 60, 4: 315 }) });
  });

  it('matches a pattern position through a wild only where the wild substitutes for a member', () => {
    const rule = game.pays[4];
    if (rule?.kind !== 'pattern') throw new Error('expected a pattern rule');
    expect(rule.direct[0]).toEqual([true, true, false, false, false, false, false, false]);
    // WILD excepts K but still stands for A, so it matches ROYAL by substituting; so does W5.
    expect(rule.substitute[0]).toEqual([false, false, false, false, true, true, false, false]);
  });

  it('compiles the free spins with their defaults and their own reel set', () => {
    const byCount = (entries: Record<number, number>) => {
      const t = new Array<number>(16).fill(0);
      for (const [k, v] of Object.entries(entries)) t[Number(k)] = v;
      return t;
    };
    expect(game.freeSpins).toMatchObject({
      symbol: SCAT,
      awards: byCount({ 3: 10, 4: 15 }),
      retrigger: byCount({ 3: 10, 4: 15 }),
      multiplier: 2,
      maxSpins: 1000,
    });
    expect(game.freeSpins?.reelSet).toBe(game.reelSets.free);
    expect(game.reelSets.free?.reels[2]).toMatchObject({
      cumulative: [1, 3, 6, 10, 15, 21, 28, 36, 45, 55],
      drawBound: 55,
    });
  });

  it('sorts the bonus prize tree by ascending numeric key, values in credits', () => {
    const expected: PrizeNode = {
      kind: 'repeat',
      counts: [2, 3],
      cumulative: [2, 3],
      total: 3,
      each: { kind: 'pick', values: [25, 100, 1000], cumulative: [1, 6, 8], total: 8 },
    };
    expect(game.bonus).toEqual({
      trigger: { kind: 'line', symbol: BONUS, count: 3 },
      prize: expected,
      paysPer: 'lineBet',
    });
  });

  it('computes the max win in credits and keeps the RTP target', () => {
    expect(game.maxWin).toBe(5000);
    expect(game.maxWinCredits).toBe(150_000);
    expect(game.rtp).toEqual({ target: 0.95, tolerance: 0.01 });
  });

  it('lists the variants in the order written', () => {
    expect(game.variant).toBeNull();
    expect(game.variants).toEqual(['high-coin', 'no-retrigger']);
  });

  it('hashes the text when no SHA-256 is given, and keeps one that is', () => {
    const source = text(featureGame());
    expect(game.sha256).toBe(createHash('sha256').update(source).digest('hex'));
    expect(parseGame(source, { file: 'g.json', sha256: 'abc' }).sha256).toBe('abc');
  });

  it('is deterministic: the same text compiles to equal games', () => {
    expect(compile(featureGame())).toEqual(game);
  });
});

describe('compiling variants', () => {
  it('replaces whole top-level keys: a variant bet changes every pay in credits', () => {
    const high = compile(featureGame(), 'high-coin');
    expect(high.variant).toBe('high-coin');
    expect(high.variants).toEqual(['high-coin', 'no-retrigger']);
    expect(high.lineBet).toBe(20);
    expect(high.pays[1]?.kind === 'kind' && high.pays[1].pays.slice(3, 6)).toEqual([22, 100, 400]);
    expect(high.bonus?.prize.kind === 'repeat' && high.bonus.prize.each).toMatchObject({
      values: [50, 200, 2000],
    });
    expect(high.rtp).toEqual({ target: 0.96, tolerance: 0.01 });
  });

  it('replaces freeSpins wholesale: keys the variant leaves out take their defaults, not the top level values', () => {
    const game = compile(featureGame(), 'no-retrigger');
    expect(game.freeSpins?.multiplier).toBe(1);
    expect(game.freeSpins?.maxSpins).toBe(50);
    expect(game.freeSpins?.reelSet).toBe(game.baseReelSet);
    expect(game.freeSpins?.retrigger.every((n) => n === 0)).toBe(true);
    expect(game.freeSpins?.awards[3]).toBe(8);
  });

  it('compiles every game of a file at once, as written first', () => {
    const games = parseGameVariants(text(featureGame()), { file: 'g.json' });
    expect(games.map((g) => g.variant)).toEqual([null, 'high-coin', 'no-retrigger']);
    expect(games[1]).toEqual(compile(featureGame(), 'high-coin'));
  });
});

describe('compiling a ways game', () => {
  const game = compile(waysGame());

  it('has no paylines and keeps the given line bet', () => {
    expect(game.evaluation).toBe('ways');
    expect(game.paylines).toEqual([]);
    expect(game.lineBet).toBe(1);
  });

  it('pays an anywhere bonus per total bet, keys in ascending numeric order', () => {
    expect(game.bonus).toEqual({
      trigger: { kind: 'anywhere', symbol: 3, count: 3 },
      prize: { kind: 'pick', values: [5, 10], cumulative: [1, 4], total: 4 },
      paysPer: 'bet',
    });
  });

  it('retriggers with the awards by default and never with {}', () => {
    const withFree = changed(waysGame(), (g) => {
      g.freeSpins = { trigger: { symbol: 'SCAT', awards: { '3': 5 } }, retrigger: {} };
    });
    expect(compile(withFree).freeSpins?.retrigger.every((n) => n === 0)).toBe(true);
    delete withFree.freeSpins.retrigger;
    expect(compile(withFree).freeSpins?.retrigger[3]).toBe(5);
  });

  it('uses the paid spin reel set named by base.reelSet', () => {
    const game2 = compile(
      changed(waysGame(), (g) => {
        g.reelSets = { main: g.reelSets.base };
        g.base = { reelSet: 'main' };
      }),
    );
    expect(game2.baseReelSet.name).toBe('main');
  });
});
