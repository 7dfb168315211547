/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFileSchema, gameJsonSchema, gameJsonSchemaText, SCHEMA_FILE } from '../../src/game/index.js';
import { featureGame, threeBells, waysGame, type Json } from './games.js';
import { validate } from './mini-json-schema.js';
import { mutate, mutation } from './mutations.js';

const schema = gameJsonSchema();

describe('the published JSON Schema', () => {
  it(`is what the zod schema generates (run "npm run schema" after changing src/game/schema.ts)`, () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(gameJsonSchemaText());
  });

  it('is a draft 2020-12 schema with an id, a title and a description for editors', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:slotsim:schema:game:1',
      title: expect.stringContaining('slotsim'),
      description: expect.any(String),
      type: 'object',
      additionalProperties: false,
    });
  });

  it.each([
    ['Three Bells', threeBells],
    ['the feature game', featureGame],
    ['the ways game', waysGame],
  ])('accepts %s', (_, game) => {
    expect(validate(schema, game())).toEqual([]);
  });

  it.each<[string, (g: Json) => void, string]>([
    ['an unknown key', (g) => (g.extra = 1), '/extra: additionalProperties'],
    ['a wrong format', (g) => (g.format = 'slotsim/2'), '/format: const'],
    ['a count key with a leading zero', (g) => (g.pays[1].pays = { '03': 1 }), '/pays/1: anyOf'],
    ['a zero weight', (g) => (g.reelSets.base[1].weights[0] = 0), '/reelSets/base/1: anyOf'],
    [
      'a variant setting the format',
      (g) => (g.variants = { x: { format: 'slotsim/1' } }),
      '/variants/x/format: additionalProperties',
    ],
  ])('rejects %s', (_, change, failure) => {
    const game = threeBells();
    change(game);
    expect(validate(schema, game)).toContain(failure);
  });

  it('agrees with the loader on the structure of mutated games (seed 20240601)', () => {
    fc.assert(
      fc.property(mutation(), (mutations) => {
        const game = mutate(featureGame(), mutations);
        // The loader refuses "__proto__" keys before the schema sees them.
        fc.pre(!JSON.stringify(game).includes('"__proto__"'));
        const zodAccepts = gameFileSchema.safeParse(game).success;
        const schemaAccepts = validate(schema, game).length === 0;
        expect(schemaAccepts).toBe(zodAccepts);
      }),
      { seed: 20240601, numRuns: 600 },
    );
  });
});
