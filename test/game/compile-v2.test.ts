/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
/**
 * Format 2 compiled into the model exactly as `src/engine/model.ts` documents it. Every expected
 * value is worked out by hand from the test game's file (games-v2.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { GameFileError, listModes, loadGame, parseGame } from '../../src/game/index.js';
import { changed, text, type Json } from './games.js';
import {
  anywhereGame,
  clusterGame,
  holdAndWinGame,
  megawaysGame,
  stickyExpandGame,
  tumblingLines,
} from './games-v2.js';

const compile = (game: Json, variant: string | null = null, mode: string | null = null): Game =>
  parseGame(text(game), { file: 'g.json', variant, mode });

const symbol = (game: Game, id: string) => game.symbols[game.symbolIndex[id]!]!;

describe('format 2 compiles', () => {
  it('the format, range keys and a drawn wild multiplier (tumbling lines)', () => {
    const game = compile(tumblingLines());
    expect(game.format).toBe(2);
    expect(game.wildMultipliers).toBe('sum');
    expect(game.lineBet).toBe(5); // 20 credits / 4 paylines
    // A: "3" → 10, "4-5" → 40 (× line bet 5); K: "3+" → 5; every table has cells + 1 = 16 entries.
    expect(game.pays[0]).toMatchObject({
      kind: 'kind',
      pays: [0, 0, 0, 50, 200, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(game.pays[1]).toMatchObject({ pays: [0, 0, 0, ...new Array<number>(13).fill(25)] });
    // Scatter "3" → 2 and "4+" → 10, × total bet 20.
    expect(game.scatter?.pays).toEqual([0, 0, 0, 40, ...new Array<number>(12).fill(200)]);
    const wild = symbol(game, 'WILD');
    expect(wild).toMatchObject({
      wild: true,
      multiplier: 1,
      multiplierSymbol: null,
      coin: false,
      expand: false,
    });
    expect(wild.multiplierDraw).toEqual({ items: [2, 5], cumulative: [3, 4], total: 4 });
  });

  it('drawn free-spin awards and retriggers: v1-style tables in ascending key order', () => {
    const fs = compile(tumblingLines()).freeSpins!;
    expect(fs.awards).toEqual([0, 0, 0, 0, ...new Array<number>(12).fill(15)]);
    expect(fs.awardDraws[3]).toEqual({ items: [9, 10, 11], cumulative: [1, 10, 55], total: 55 });
    expect(fs.awardDraws.filter((d) => d !== null)).toHaveLength(1);
    // retrigger "3+": { "5": 3, "3": 1 } → spins 3 (weight 1) then 5 (weight 3), for every count ≥ 3.
    expect(fs.retrigger).toEqual(new Array<number>(16).fill(0));
    for (let count = 0; count <= 15; count++) {
      expect(fs.retriggerDraws[count]).toEqual(
        count >= 3 ? { items: [3, 5], cumulative: [1, 4], total: 4 } : null,
      );
    }
    expect(fs).toMatchObject({ stickyWilds: false, multiplierMeter: false, maxSpins: 100, multiplier: 1 });
  });

  it('a cascade: ladders (list and linear), defaults, keep by symbol', () => {
    expect(compile(tumblingLines()).cascade).toEqual({
      refill: 'strip',
      maxCascades: 20,
      ladder: { kind: 'list', values: [1, 2, 3, 5] },
      freeLadder: { kind: 'linear', start: 2, step: 2, max: 10 },
      ladderScope: 'spin',
      keep: [false, false, false, false, false],
      scatterCount: 'final',
    });
    const cluster = compile(clusterGame());
    // symbols R, G, B, WILD, X, SCAT; keep ["WILD"]; freeLadder defaults to ladder.
    expect(cluster.cascade).toEqual({
      refill: 'redraw',
      maxCascades: 50,
      ladder: { kind: 'linear', start: 1, step: 1, max: 5 },
      freeLadder: { kind: 'linear', start: 1, step: 1, max: 5 },
      ladderScope: 'feature',
      keep: [false, false, false, true, false, false],
      scatterCount: 'each',
    });
    // No ladder at all: [1].
    const plain = compile(anywhereGame()).cascade!;
    expect(plain.ladder).toEqual({ kind: 'list', values: [1] });
    expect(plain.freeLadder).toEqual({ kind: 'list', values: [1] });
    expect(plain.scatterCount).toBe('final');
  });

  it('a multiplier symbol, and wilds that never stand for it, a scatter or a coin (ruling 15)', () => {
    const game = compile(clusterGame());
    expect(game.evaluation).toBe('cluster');
    expect(symbol(game, 'X').multiplierSymbol).toEqual({
      items: [2, 10, 100],
      cumulative: [400, 450, 451],
      total: 451,
    });
    const w = game.symbolIndex.WILD!;
    expect(game.substitutes[w]).toEqual([true, true, true, false, false, false]);
    expect(game.freeSpins).toMatchObject({ multiplierMeter: true, retrigger: new Array<number>(26).fill(0) });
    // R: "5-7" → 1, "8-10" → 3, "11+" → 20, × line bet 2; B: "5" → 0.5 × 2 = 1.
    const pays = (i: number): readonly number[] => {
      const rule = game.pays[i];
      return rule?.kind === 'kind' ? rule.pays : [];
    };
    expect(pays(0).slice(4, 13)).toEqual([0, 2, 2, 2, 6, 6, 6, 40, 40]);
    expect(pays(2).slice(4, 8)).toEqual([0, 1, 4, 4]);
    const coins = compile(holdAndWinGame());
    expect(coins.substitutes[coins.symbolIndex.WILD!]).toEqual([true, true, true, false, false]);
  });

  it('reel heights: one weighted list per reel, in list order', () => {
    const game = compile(megawaysGame());
    expect(game.rows).toBe(7);
    expect(game.heights).toHaveLength(6);
    for (const list of game.heights ?? [])
      expect(list).toEqual({ items: [2, 3, 4, 5, 6, 7], cumulative: [1, 3, 6, 9, 11, 12], total: 12 });
    expect(symbol(game, 'WILD').multiplierDraw?.items).toEqual([1, 2, 3]);
    expect(compile(tumblingLines()).heights).toBeNull();
  });

  it('hold-and-win: coin values and jackpots in credits, the full-grid tier', () => {
    const game = compile(holdAndWinGame());
    expect(symbol(game, 'COIN')).toMatchObject({ coin: true, wild: false, scatter: false });
    // The unit is the total bet, 10 credits: 2.5 units = 25 credits, MINI 20 units = 200 credits.
    expect(game.holdAndWin).toEqual({
      symbol: game.symbolIndex.COIN,
      count: 6,
      respins: 3,
      maxRespins: 100,
      coin: 31,
      blank: 969,
      values: {
        items: [
          { kind: 'value', value: 1, credits: 10 },
          { kind: 'value', value: 2.5, credits: 25 },
          { kind: 'value', value: 5, credits: 50 },
          { kind: 'jackpot', tier: 'MINI', credits: 200 },
          { kind: 'jackpot', tier: 'MINOR', credits: 500 },
          { kind: 'jackpot', tier: 'MAJOR', credits: 1000 },
          { kind: 'jackpot', tier: 'GRAND', credits: 10000 },
        ],
        cumulative: [700, 900, 970, 990, 996, 999, 1000],
        total: 1000,
      },
      jackpots: { MINI: 200, MINOR: 500, MAJOR: 1000, GRAND: 10000 },
      fullGrid: { tier: 'GRAND', credits: 10000 },
      paysPer: 'bet',
    });
    // Paid per line bet (10 credits / 5 lines = 2): 2.5 units = 5 credits.
    const perLine = compile(changed(holdAndWinGame(), (g) => (g.holdAndWin.paysPer = 'lineBet')));
    expect(perLine.holdAndWin?.values.items[1]).toEqual({ kind: 'value', value: 2.5, credits: 5 });
    expect(perLine.holdAndWin?.fullGrid).toEqual({ tier: 'GRAND', credits: 2000 });
    const noTier = compile(changed(holdAndWinGame(), (g) => delete g.holdAndWin.fullGrid));
    expect(noTier.holdAndWin?.fullGrid).toBeNull();
  });

  it('expanding and sticky wilds', () => {
    const game = compile(stickyExpandGame());
    expect(symbol(game, 'EW')).toMatchObject({
      wild: true,
      expand: true,
      multiplier: 2,
      multiplierDraw: null,
    });
    expect(game.freeSpins).toMatchObject({ stickyWilds: true, multiplierMeter: false });
  });
});

describe('bet modes (rulings 7 to 9)', () => {
  it('"base" is the game as written: its cost is bet.credits, no start, the top-level target', () => {
    const game = compile(anywhereGame());
    expect(game).toMatchObject({ mode: 'base', modes: ['base', 'ante', 'buy'], cost: 20, start: null });
    expect(game.rtp).toEqual({ target: 0.96, tolerance: 0.005 });
    expect(compile(anywhereGame(), null, 'base').mode).toBe('base');
  });

  it('a mode replaces top-level keys wholesale; it has no RTP target unless it gives one', () => {
    const base = compile(anywhereGame());
    const ante = compile(anywhereGame(), null, 'ante');
    expect(ante).toMatchObject({ mode: 'ante', cost: 25, start: null, rtp: null, betCredits: 20 });
    expect(ante.baseReelSet.reels[0]?.strip).toHaveLength(11);
    expect(base.baseReelSet.reels[0]?.strip).toHaveLength(10);
    // "reelSets" was replaced wholesale: the top level's "ante" set is gone.
    expect(Object.keys(ante.reelSets)).toEqual(['base']);
    expect(ante.maxWinCredits).toBe(400000); // maxWin keeps bet.credits as its unit
  });

  it("a start in free spins: the spins table in ascending order, and the mode's own target", () => {
    const buy = compile(anywhereGame(), null, 'buy');
    expect(buy).toMatchObject({ mode: 'buy', cost: 2000 });
    expect(buy.start).toEqual({
      kind: 'freeSpins',
      spins: { items: [10, 15, 20], cumulative: [80, 95, 100], total: 100 },
    });
    expect(buy.rtp).toEqual({ target: 0.962, tolerance: 0.005 });
  });

  it('a start in hold-and-win: the coins table', () => {
    const coins = compile(holdAndWinGame(), null, 'coins');
    expect(coins.cost).toBe(1500);
    expect(coins.start).toEqual({
      kind: 'holdAndWin',
      coins: { items: [6, 7, 8, 9], cumulative: [2268, 2592, 2619, 2620], total: 2620 },
    });
  });

  it('of variant V are read from V merged in (ruling 9); replace.rtp is the target when the mode gives none', () => {
    expect(listModes(text(anywhereGame()), { file: 'g.json', variant: '94' })).toEqual(['base', 'buy']);
    const buy = compile(anywhereGame(), '94', 'buy');
    expect(buy).toMatchObject({ variant: '94', mode: 'buy', modes: ['base', 'buy'] });
    expect(buy.start).toEqual({ kind: 'freeSpins', spins: { items: [10], cumulative: [1], total: 1 } });
    expect(buy.rtp).toEqual({ target: 0.94, tolerance: 0.01 });
    expect(compile(anywhereGame(), '94').rtp).toEqual({ target: 0.94, tolerance: 0.005 });
  });

  it('loadGame takes the variant and the mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-v2-'));
    try {
      const file = join(dir, 'anywhere.json');
      writeFileSync(file, text(anywhereGame()));
      expect(loadGame(file, { variant: '94', mode: 'buy' })).toMatchObject({
        variant: '94',
        mode: 'buy',
        cost: 2000,
      });
      expect(loadGame(file, { mode: 'ante' })).toMatchObject({ variant: null, mode: 'ante', cost: 25 });
      expect(loadGame(file).mode).toBe('base');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('modes.M.rtp wins over replace.rtp (ruling 8)', () => {
    const game = changed(anywhereGame(), (g) => {
      g.modes.buy.replace = { rtp: { target: 0.5, tolerance: 0.1 } };
    });
    expect(compile(game, null, 'buy').rtp).toEqual({ target: 0.962, tolerance: 0.005 });
  });

  it('an unknown mode is bad input (BAD_INPUT) naming the modes there are', () => {
    const refusal = (game: Json, variant: string | null, mode: string): GameFileError => {
      try {
        compile(game, variant, mode);
      } catch (error) {
        if (error instanceof GameFileError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const turbo = refusal(anywhereGame(), null, 'turbo');
    expect(turbo.code).toBe('BAD_INPUT');
    expect(turbo.message).toBe('g.json: no mode "turbo" (expected one of: base, ante, buy)');
    expect(refusal(anywhereGame(), '94', 'ante').message).toBe(
      'g.json: no mode "ante" (expected one of: base, buy)',
    );
    expect(refusal(tumblingLines(), null, 'buy').message).toBe(
      'g.json: no mode "buy" (the game has only the mode "base")',
    );
    let caught: unknown;
    try {
      listModes(text(anywhereGame()), { file: 'g.json', variant: '96' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GameFileError);
    expect((caught as GameFileError).code).toBe('BAD_INPUT');
    expect((caught as GameFileError).message).toBe('g.json: no variant "96" (expected one of: 94)');
  });
});
