/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- these tests take raw JSON documents apart, which have no static type */
/**
 * What format 2 allows (the other side of errors-v2.test.ts), and the loader's robustness on
 * damaged format-2 files: any damage ends in a SlotsimError or in games the engine can rely on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { isSlotsimError } from '../../src/errors.js';
import { listModes, parseGame } from '../../src/game/index.js';
import { changed, text, waysGame, type Json } from './games.js';
import {
  V2_GAMES,
  anywhereGame,
  clusterGame,
  holdAndWinGame,
  megawaysGame,
  stickyExpandGame,
  tumblingLines,
} from './games-v2.js';
import { FORMAT_2_KEYS, FORMAT_2_VALUES, mutate, mutation } from './mutations.js';

const loads = (game: Json, mode: string | null = null): Game =>
  parseGame(text(game), { file: 'g.json', mode });

describe('format 2 allows', () => {
  it('a range "N-N", the same as the single count', () => {
    const game = loads(changed(tumblingLines(), (g) => (g.pays[2].pays = { '3-3': 1, '4': 4, '5': 10 })));
    expect(game.pays[2]).toMatchObject({ pays: [0, 0, 0, 5, 20, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('coins without hold-and-win, which a mode adds in its replace (a key absent at the top level is added)', () => {
    const game = changed(holdAndWinGame(), (g) => {
      g.modes = { coins: { cost: 100, replace: { holdAndWin: g.holdAndWin } } };
      delete g.holdAndWin;
    });
    expect(loads(game).holdAndWin).toBeNull();
    expect(loads(game, 'coins').holdAndWin?.symbol).toBe(4);
  });

  it('a mode with only a cost (an ante on the same game), and one whose start awards more than maxSpins', () => {
    const game = changed(anywhereGame(), (g) => {
      g.modes.ante = { cost: 30 };
      g.freeSpins.maxSpins = 12;
    });
    expect(loads(game, 'ante')).toMatchObject({ cost: 30, start: null });
    expect(loads(game, 'buy').start).toMatchObject({ kind: 'freeSpins', spins: { items: [10, 15, 20] } });
  });

  it('heights in a pay-anywhere game', () => {
    const game = changed(anywhereGame(), (g) => {
      g.grid.heights = [0, 1, 2, 3, 4, 5].map(() => [
        { rows: 3, weight: 1 },
        { rows: 5, weight: 1 },
      ]);
    });
    expect(loads(game).heights?.[5]).toEqual({ items: [3, 5], cumulative: [1, 2], total: 2 });
  });

  it('"sum" in lines and cluster games', () => {
    expect(loads(tumblingLines()).wildMultipliers).toBe('sum');
    expect(loads(changed(clusterGame(), (g) => (g.wildMultipliers = 'sum'))).wildMultipliers).toBe('sum');
  });

  it('expanding wilds that are sticky (ruling 23)', () => {
    expect(loads(stickyExpandGame()).freeSpins?.stickyWilds).toBe(true);
  });

  it('two pay rules of one symbol in a lines game (ruling 13 is for the other kinds)', () => {
    const game = changed(tumblingLines(), (g) => g.pays.push({ symbol: 'A', pays: { '5': 100 } }));
    expect(loads(game).pays).toHaveLength(4);
  });

  it('draw bounds up to 2^53 − 1, such as the spec’s 303792868695691 + 696207131304309', () => {
    const game = changed(tumblingLines(), (g) => {
      g.reelSets.base[0] = { strip: ['A', 'K'], weights: [2 ** 53 - 2, 1] };
      g.symbols.WILD.multiplier = [
        { value: 2, weight: 303792868695691 },
        { value: 3, weight: 696207131304309 },
      ];
    });
    const compiled = loads(game);
    expect(compiled.baseReelSet.reels[0]?.drawBound).toBe(Number.MAX_SAFE_INTEGER);
    expect(compiled.symbols[3]?.multiplierDraw).toEqual({
      items: [2, 3],
      cumulative: [303792868695691, 1e15],
      total: 1e15,
    });
  });

  it('a fractional coin value or jackpot whose credits are whole (ruling 12)', () => {
    const game = changed(holdAndWinGame(), (g) => (g.holdAndWin.jackpots.MINI = 20.5));
    expect(loads(game).holdAndWin?.jackpots.MINI).toBe(205);
  });

  it('more respins than maxRespins, keep naming a scatter, a linear ladder with max = start', () => {
    expect(loads(changed(holdAndWinGame(), (g) => (g.holdAndWin.respins = 200))).holdAndWin?.respins).toBe(
      200,
    );
    const game = loads(
      changed(clusterGame(), (g) => {
        g.cascade.keep = ['SCAT'];
        g.cascade.ladder = { start: 3, step: 1, max: 3 };
      }),
    );
    expect(game.cascade?.keep).toEqual([false, false, false, false, false, true]);
  });

  it('a version-1 ways game with two rules of one symbol keeps loading as version 1', () => {
    const game = changed(waysGame(), (g) => g.pays.push({ symbol: 'A', pays: { '2': 1 } }));
    expect(parseGame(text(game), { file: 'g.json' }).pays).toHaveLength(4);
  });
});

/** Every game of a text, each variant in each of its modes; anything thrown but a SlotsimError fails. */
function loadEveryWay(source: string): Game[] {
  try {
    const game = parseGame(source, { file: 'fuzz.json' });
    return [null, ...game.variants].flatMap((variant) =>
      listModes(source, { file: 'fuzz.json', variant }).map((mode) =>
        parseGame(source, { file: 'fuzz.json', variant, mode }),
      ),
    );
  } catch (error) {
    if (isSlotsimError(error) && error.code === 'INVALID_GAME' && error.message.startsWith('fuzz.json'))
      return [];
    throw error;
  }
}

/** What the format-2 engine relies on without checking. */
function expectSound(game: Game): void {
  const cells = game.reels * game.rows;
  const isList = (list: { items: readonly unknown[]; cumulative: readonly number[]; total: number }) => {
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.cumulative).toHaveLength(list.items.length);
    expect(list.total).toBe(list.cumulative.at(-1));
    expect(Number.isSafeInteger(list.total)).toBe(true);
  };
  expect(Object.isFrozen(game)).toBe(true);
  expect(game.format).toBe(2);
  for (const set of Object.values(game.reelSets)) {
    expect(set.reels).toHaveLength(game.reels);
    for (const reel of set.reels)
      expect(Number.isSafeInteger(reel.drawBound) && reel.drawBound > 0).toBe(true);
  }
  if (game.heights !== null) {
    expect(game.heights).toHaveLength(game.reels);
    expect(['ways', 'anywhere']).toContain(game.evaluation);
    expect(game.holdAndWin).toBeNull();
    for (const list of game.heights) {
      isList(list);
      for (const h of list.items) expect(h >= 1 && h <= game.rows).toBe(true);
    }
  }
  for (const s of game.symbols) {
    const roles = [s.wild, s.scatter, s.coin, s.multiplierSymbol !== null].filter(Boolean);
    expect(roles.length).toBeLessThanOrEqual(1);
    if (s.multiplierDraw !== null) isList(s.multiplierDraw);
    if (s.multiplierSymbol !== null) isList(s.multiplierSymbol);
    if (s.expand) expect(s.wild && game.cascade === null).toBe(true);
  }
  for (const rule of game.pays) if (rule.kind === 'kind') expect(rule.pays).toHaveLength(cells + 1);
  if (game.wildMultipliers === 'sum') expect(game.evaluation).not.toBe('ways');
  if (game.freeSpins !== null) {
    for (const d of [...game.freeSpins.awardDraws, ...game.freeSpins.retriggerDraws])
      if (d !== null) isList(d);
    if (game.freeSpins.stickyWilds) expect(game.cascade === null && game.heights === null).toBe(true);
  }
  if (game.cascade !== null) {
    expect(game.cascade.keep).toHaveLength(game.symbols.length);
    expect(game.cascade.maxCascades).toBeGreaterThan(0);
  }
  if (game.holdAndWin !== null) {
    const hw = game.holdAndWin;
    expect(game.symbols[hw.symbol]?.coin).toBe(true);
    expect(hw.count).toBeLessThanOrEqual(cells);
    isList(hw.values);
    for (const v of hw.values.items) expect(Number.isSafeInteger(v.credits)).toBe(true);
  }
  expect(game.modes[0]).toBe('base');
  expect(game.modes).toContain(game.mode);
  expect(Number.isSafeInteger(game.cost) && game.cost > 0).toBe(true);
  if (game.start !== null) {
    if (game.start.kind === 'freeSpins') {
      expect(game.freeSpins).not.toBeNull();
      isList(game.start.spins);
    } else {
      expect(game.holdAndWin).not.toBeNull();
      isList(game.start.coins);
      for (const n of game.start.coins.items) expect(n).toBeLessThanOrEqual(cells);
    }
  }
}

describe('damaged format-2 files end in a SlotsimError or a sound game', () => {
  it.each(V2_GAMES.map(([name, game], i) => [name, 9100 + i, game] as const))(
    'damaged objects of the %s game (seed %i)',
    (_, seed, base) => {
      fc.assert(
        fc.property(mutation(FORMAT_2_VALUES, FORMAT_2_KEYS), (mutations) => {
          for (const game of loadEveryWay(text(mutate(base(), mutations)))) expectSound(game);
        }),
        { seed, numRuns: 150 },
      );
    },
  );

  it('each undamaged test game is sound in every mode', () => {
    for (const [, base] of V2_GAMES) {
      const games = loadEveryWay(text(base()));
      expect(games.length).toBeGreaterThan(0);
      for (const game of games) expectSound(game);
    }
    expect(loadEveryWay(text(megawaysGame()))).toHaveLength(1);
    expect(loadEveryWay(text(anywhereGame())).map((g) => `${g.variant ?? '-'} ${g.mode}`)).toEqual([
      '- base',
      '- ante',
      '- buy',
      '94 base',
      '94 buy',
    ]);
  });
});
