/** Reading and validating `slotsim/1` and `slotsim/2` game files into compiled, frozen games. */
export {
  parseGame,
  parseGameVariants,
  listVariants,
  listModes,
  validateGameText,
  sha256Hex,
} from './parse-game.js';
export type { ParseGameOptions, ValidatedGameFile } from './parse-game.js';
export { loadGame, readGameFile } from './load-game.js';
export type { GameFileText } from './load-game.js';
export { GameFileError, formatIssue, formatIssues, MAX_REPORTED_ISSUES } from './game-error.js';
export type { GameIssue } from './game-error.js';
export { gameFileSchema, FORMAT } from './schema.js';
export { gameFileSchemaV2, FORMAT_V2 } from './schema-v2.js';
export type { GameFileV2 } from './schema-v2.js';
export { gameJsonSchemaV2, gameJsonSchemaV2Text, SCHEMA_FILE_V2 } from './json-schema-v2.js';
export type { GameFile, GameVariant } from './schema.js';
export { gameJsonSchema, gameJsonSchemaText, SCHEMA_FILE } from './json-schema.js';
export { gameIdentity, namedGameIdentity } from './identity.js';
export type { GameIdentity, NamedGameIdentity } from './identity.js';
