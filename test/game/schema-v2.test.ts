/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gameFileSchemaV2,
  gameJsonSchema,
  gameJsonSchemaV2,
  gameJsonSchemaV2Text,
  SCHEMA_FILE_V2,
} from '../../src/game/index.js';
import { featureGame, type Json } from './games.js';
import { V2_GAMES, anywhereGame, holdAndWinGame, tumblingLines } from './games-v2.js';
import { validate } from './mini-json-schema.js';
import { FORMAT_2_KEYS, FORMAT_2_VALUES, mutate, mutation } from './mutations.js';

const schema = gameJsonSchemaV2();
const relabelled = (game: Json): Json => ({ ...game, format: 'slotsim/2' });

describe('the published JSON Schema of format 2', () => {
  it('is what the zod schema generates (run "npm run schema" after changing src/game/schema-v2*.ts)', () => {
    expect(readFileSync(SCHEMA_FILE_V2, 'utf8')).toBe(gameJsonSchemaV2Text());
  });

  it('is a draft 2020-12 schema with its own id and title', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:slotsim:schema:game:2',
      title: 'slotsim game (format slotsim/2)',
      type: 'object',
      additionalProperties: false,
    });
    expect(gameJsonSchema().$id).toBe('urn:slotsim:schema:game:1');
  });

  it.each(V2_GAMES)('accepts the %s game', (_, game) => {
    expect(validate(schema, game())).toEqual([]);
  });

  it('accepts a version-1 game relabelled slotsim/2', () => {
    expect(validate(schema, relabelled(featureGame()))).toEqual([]);
  });

  it.each<[string, () => Json, (g: Json) => void, string]>([
    ['version 1', tumblingLines, (g) => (g.format = 'slotsim/1'), '/format: const'],
    ['a count key "3-"', tumblingLines, (g) => (g.pays[0].pays = { '3-': 1 }), '/pays/0: anyOf'],
    [
      'a count key "03+"',
      tumblingLines,
      (g) => (g.scatter.pays = { '03+': 1 }),
      '/scatter/pays/03+(name): pattern',
    ],
    [
      'a fractional multiplier',
      tumblingLines,
      (g) => (g.symbols.WILD.multiplier[0].value = 1.5),
      '/symbols/WILD/multiplier: anyOf',
    ],
    [
      'a cascade without maxCascades',
      tumblingLines,
      (g) => delete g.cascade.maxCascades,
      '/cascade/maxCascades: required',
    ],
    ['an empty ladder', tumblingLines, (g) => (g.cascade.ladder = []), '/cascade/ladder: anyOf'],
    [
      'a mode replacing the grid',
      anywhereGame,
      (g) => (g.modes.ante.replace.grid = { reels: 1, rows: 1 }),
      '/modes/ante/replace/grid: not',
    ],
    [
      'a variant renaming the game',
      anywhereGame,
      (g) => (g.variants['94'].name = 'Other'),
      '/variants/94/name: not',
    ],
    [
      'a start with both features',
      holdAndWinGame,
      (g) => (g.modes.coins.start.freeSpins = { '10': 1 }),
      '/modes/coins/start: anyOf',
    ],
    [
      'maxRespins above the limit',
      holdAndWinGame,
      (g) => (g.holdAndWin.maxRespins = 1001),
      '/holdAndWin/maxRespins: maximum',
    ],
  ])('rejects %s', (_, base, change, failure) => {
    const game = base();
    change(game);
    expect(validate(schema, game).join('\n')).toContain(failure);
  });

  it.each(V2_GAMES.map(([name, game], i) => [name, 8100 + i, game] as const))(
    'agrees with the loader on the structure of the mutated %s game (seed %i)',
    (_, seed, base) => {
      fc.assert(
        fc.property(mutation(FORMAT_2_VALUES, FORMAT_2_KEYS), (mutations) => {
          const game = mutate(base(), mutations);
          fc.pre(!JSON.stringify(game).includes('"__proto__"'));
          const zodAccepts = gameFileSchemaV2.safeParse(game).success;
          const schemaAccepts = validate(schema, game).length === 0;
          expect(schemaAccepts).toBe(zodAccepts);
        }),
        { seed, numRuns: 150 },
      );
    },
  );
});
