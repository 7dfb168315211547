/** `npm run schema`: writes the JSON Schemas of game files, versions 1 and 2 (run from the project root). */
import { writeFileSync } from 'node:fs';
import { gameJsonSchemaText, SCHEMA_FILE } from './json-schema.js';
import { gameJsonSchemaV2Text, SCHEMA_FILE_V2 } from './json-schema-v2.js';

for (const [file, text] of [
  [SCHEMA_FILE, gameJsonSchemaText()],
  [SCHEMA_FILE_V2, gameJsonSchemaV2Text()],
] as const) {
  writeFileSync(file, text);
  console.error(`wrote ${file}`);
}
