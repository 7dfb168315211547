/** The JSON Schema of game files, generated from the zod schema the loader validates with. */
import { z } from 'zod';
import { gameFileSchema } from './schema.js';
import { schemaDocs } from './schema-docs.js';

/** A URN: the project owns no web address to name the schema by. */
export const SCHEMA_ID = 'urn:slotsim:schema:game:1';

export function gameJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(gameFileSchema, {
    target: 'draft-2020-12',
    metadata: schemaDocs,
    io: 'input',
    unrepresentable: 'throw',
    cycles: 'ref',
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'slotsim game (format slotsim/1)',
    description:
      'A slot game for slotsim: symbols, reels, pays and features. Amounts in integer credits. Cross-references (symbol ids, reel counts, whole credits) are checked by the loader, not by this schema.',
    ...rest,
  };
}

/** Where `npm run schema` writes it, relative to the project root. */
export const SCHEMA_FILE = 'configs/schema/slotsim-game.schema.json';

/** The schema file's exact text (2-space JSON and a final newline). */
export function gameJsonSchemaText(): string {
  return `${JSON.stringify(gameJsonSchema(), null, 2)}\n`;
}
