/** `npm run schema`: writes the JSON Schema of game files (run from the project root). */
import { writeFileSync } from 'node:fs';
import { gameJsonSchemaText, SCHEMA_FILE } from './json-schema.js';

writeFileSync(SCHEMA_FILE, gameJsonSchemaText());
console.error(`wrote ${SCHEMA_FILE}`);
