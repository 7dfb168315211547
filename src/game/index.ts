/** Reading and validating `slotsim/1` game files into compiled, frozen games. */
export { parseGame, parseGameVariants, listVariants, validateGameText, sha256Hex } from './parse-game.js';
export type { ParseGameOptions, ValidatedGameFile } from './parse-game.js';
export { loadGame, readGameFile } from './load-game.js';
export type { GameFileText } from './load-game.js';
export { GameFileError, formatIssue, formatIssues, MAX_REPORTED_ISSUES } from './game-error.js';
export type { GameIssue } from './game-error.js';
export { gameFileSchema, FORMAT } from './schema.js';
export type { GameFile, GameVariant } from './schema.js';
export { gameJsonSchema, gameJsonSchemaText, SCHEMA_FILE } from './json-schema.js';
export { gameIdentity, namedGameIdentity } from './identity.js';
export type { GameIdentity, NamedGameIdentity } from './identity.js';
