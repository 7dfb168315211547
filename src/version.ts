import { readFileSync } from 'node:fs';

/** slotsim's own version, from package.json (recorded in reports and audit logs). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
