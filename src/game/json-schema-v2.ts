/** The JSON Schema of `slotsim/2` game files, generated from the zod schema the loader validates them with. */
import { z } from 'zod';
import { schemaDocs } from './schema-docs.js';
import { gameFileSchemaV2 } from './schema-v2.js';

export const SCHEMA_ID_V2 = 'urn:slotsim:schema:game:2';

export function gameJsonSchemaV2(): Record<string, unknown> {
  const generated = z.toJSONSchema(gameFileSchemaV2, {
    target: 'draft-2020-12',
    metadata: schemaDocs,
    io: 'input',
    unrepresentable: 'throw',
    cycles: 'ref',
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID_V2,
    title: 'slotsim game (format slotsim/2)',
    description:
      'A slot game for slotsim, format version 2: version 1 plus cascades, cluster and pay-anywhere evaluation, variable reel heights, random-value and expanding wilds, multiplier symbols, sticky wilds, hold-and-win and bet modes. Amounts in integer credits. Cross-references (symbol ids, reel counts, whole credits, which keys go together) are checked by the loader, not by this schema.',
    ...rest,
  };
}

/** Where `npm run schema` writes it, relative to the project root. */
export const SCHEMA_FILE_V2 = 'configs/schema/slotsim-game-2.schema.json';

/** The schema file's exact text (2-space JSON and a final newline). */
export function gameJsonSchemaV2Text(): string {
  return `${JSON.stringify(gameJsonSchemaV2(), null, 2)}\n`;
}
