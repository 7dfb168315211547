import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { isSlotsimError } from '../../src/errors.js';
import { parseGame } from '../../src/game/index.js';
import { featureGame, text, threeBells, waysGame, type Json } from './games.js';
import { mutate, mutation } from './mutations.js';

/** Loads a text as every variant it has; anything thrown but a SlotsimError fails the property. */
function loadEveryWay(source: string): Game[] {
  try {
    const game = parseGame(source, { file: 'fuzz.json' });
    return [game, ...game.variants.map((variant) => parseGame(source, { file: 'fuzz.json', variant }))];
  } catch (error) {
    if (isSlotsimError(error) && error.code === 'INVALID_GAME' && error.message.startsWith('fuzz.json'))
      return [];
    throw error;
  }
}

/** What the engine relies on without checking. */
function expectSound(game: Game): void {
  const cells = game.reels * game.rows;
  expect(Object.isFrozen(game)).toBe(true);
  for (const set of Object.values(game.reelSets)) {
    expect(set.reels).toHaveLength(game.reels);
    for (const reel of set.reels) {
      expect(reel.strip.length).toBeGreaterThan(0);
      for (const s of reel.strip) expect(game.symbols[s]).toBeDefined();
      expect(reel.drawBound).toBeLessThanOrEqual(2 ** 32);
    }
  }
  for (const rule of game.pays) {
    if (rule.kind === 'kind') {
      expect(rule.pays).toHaveLength(cells + 1);
      for (const pay of rule.pays) expect(Number.isSafeInteger(pay)).toBe(true);
    } else expect(Number.isSafeInteger(rule.pay)).toBe(true);
  }
  for (const line of game.paylines) {
    expect(line).toHaveLength(game.reels);
    for (const row of line) expect(row).toBeLessThan(game.rows);
  }
  if (game.scatter !== null) expect(game.symbols[game.scatter.symbol]?.scatter).toBe(true);
  if (game.freeSpins !== null) expect(game.symbols[game.freeSpins.symbol]?.scatter).toBe(true);
  expect(Number.isSafeInteger(game.lineBet) && game.lineBet > 0).toBe(true);
}

describe('the loader never crashes on bad input', () => {
  it.each<[string, number, () => Json]>([
    ['the feature game', 7001, featureGame],
    ['Three Bells', 7002, threeBells],
    ['the ways game', 7003, waysGame],
  ])('damaged objects of %s: SlotsimError or a sound game (seed %i)', (_, seed, base) => {
    fc.assert(
      fc.property(mutation(), (mutations) => {
        for (const game of loadEveryWay(text(mutate(base(), mutations)))) expectSound(game);
      }),
      { seed, numRuns: 400 },
    );
  });

  it('damaged text: SlotsimError or a sound game (seed 7004)', () => {
    const source = text(featureGame());
    const edit = fc.record({
      at: fc.nat({ max: source.length }),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(
        fc.string({ maxLength: 4 }),
        fc.constantFrom('{', '}', '[', ']', ',', '"', ':', '\\', '0', '-', '\u0000', '\ud800'),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let damaged = source;
        for (const e of edits) damaged = damaged.slice(0, e.at) + e.insert + damaged.slice(e.at + e.cut);
        for (const game of loadEveryWay(damaged)) expectSound(game);
      }),
      { seed: 7004, numRuns: 1500 },
    );
  });

  it('arbitrary JSON values (seed 7005)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(loadEveryWay(JSON.stringify(value) ?? 'null')).toEqual([]);
      }),
      { seed: 7005, numRuns: 300 },
    );
  });
});
