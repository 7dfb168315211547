import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gameJsonSchema,
  gameJsonSchemaV2,
  listModes,
  loadGame,
  parseGameVariants,
  readGameFile,
} from '../../src/game/index.js';
import { validate } from './mini-json-schema.js';

// The games shipped in configs/ (the JSON Schema aside) must load, every variant in every mode.
const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => join('configs', f))
  .sort();

describe('bundled games', () => {
  it.skipIf(files.length > 0)('(none in configs/ yet: nothing to load)', () => {
    expect(files).toEqual([]);
  });

  it.skipIf(files.length === 0).each(files)(
    '%s loads, as written and as every variant, in every mode',
    (file) => {
      const { text, sha256 } = readGameFile(file);
      const games = parseGameVariants(text, { file, sha256 });
      expect(games.map((g) => g.variant)).toEqual([null, ...(games[0]?.variants ?? [])]);
      for (const game of games) {
        expect(loadGame(file, { variant: game.variant })).toEqual(game);
        const modes = listModes(text, { file, variant: game.variant });
        expect(modes[0]).toBe('base');
        expect(game.modes).toEqual(modes);
        expect([game.mode, game.cost]).toEqual(['base', game.betCredits]);
        for (const mode of modes.slice(1)) {
          const inMode = loadGame(file, { variant: game.variant, mode });
          expect([inMode.variant, inMode.mode, inMode.modes]).toEqual([game.variant, mode, modes]);
        }
      }
    },
  );

  it.skipIf(files.length === 0).each(files)(
    '%s is valid against the JSON Schema its "$schema" names',
    (file) => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: unknown; format?: unknown };
      const v2 = json.format === 'slotsim/2';
      expect(json.$schema).toBe(
        v2 ? './schema/slotsim-game-2.schema.json' : './schema/slotsim-game.schema.json',
      );
      expect(validate(v2 ? gameJsonSchemaV2() : gameJsonSchema(), json)).toEqual([]);
    },
  );
});

/**
 * The format-2 bundled games (issue 10, item 6), as configs/README.md describes them: their modes
 * per variant and the stake of each (a mode's `cost`; "base" stakes `bet.credits`). Every variant in
 * every mode declares its own RTP target: `test/game/bundled-targets.test.ts` plays them against it.
 */
const FORMAT_2 = {
  'configs/ember-falls.json': { variants: [], costs: { base: 20 } },
  'configs/prism-grove.json': { variants: [], costs: { base: 100 } },
  // ante: 25 % above the bet of 20; buy: 100 × bet.
  'configs/starlit-bazaar.json': { variants: [], costs: { base: 20, ante: 25, buy: 2000 } },
  'configs/canyon-stampede.json': { variants: [], costs: { base: 100 } },
  // coins: 48 × bet, in both variants (the "94" variant replaces `modes` with its own targets).
  'configs/jade-harbor.json': { variants: ['94'], costs: { base: 50, coins: 2400 } },
  'configs/saffron-sails.json': { variants: [], costs: { base: 10 } },
} as const;

describe('the format-2 bundled games', () => {
  it('are every slotsim/2 file in configs/', () => {
    const v2 = files.filter((f) => readFileSync(f, 'utf8').includes('"format": "slotsim/2"'));
    expect(v2).toEqual(Object.keys(FORMAT_2).sort());
  });

  it.each(Object.entries(FORMAT_2))(
    '%s: its variants, its modes and their stakes, and a target in every variant and mode',
    (file, { variants, costs }) => {
      const text = readFileSync(file, 'utf8');
      const games = parseGameVariants(text, { file });
      expect(games[0]!.variants).toEqual(variants);
      for (const { variant } of games) {
        expect(listModes(text, { file, variant })).toEqual(Object.keys(costs));
        for (const [mode, cost] of Object.entries(costs)) {
          const game = loadGame(file, { variant, mode });
          expect(game.format).toBe(2);
          expect(game.cost).toBe(cost);
          expect(game.rtp, `${file} variant ${variant} mode ${mode}`).not.toBeNull();
          // A band a studio would ship (issue 10: buy modes close to the base game).
          expect(game.rtp!.target).toBeGreaterThanOrEqual(0.94);
          expect(game.rtp!.target).toBeLessThanOrEqual(0.97);
        }
      }
    },
  );
});
