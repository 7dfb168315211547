/**
 * Game file text → validated file → compiled, frozen `Game`. Every step collects all the problems
 * it can find before it throws, and every problem names its JSON path and, when the text has it,
 * its line and column. The result depends on the text and the options only.
 */
import { createHash } from 'node:crypto';
import type { Game } from '../engine/model.js';
import { checkAllGames, checkAllLimits } from './check-game.js';
import { compileGame } from './compile-game.js';
import { expectedOneOf } from './describe.js';
import { formatTwoUses, underAny } from './format-v1-guard.js';
import { GameFileError, type GameIssue } from './game-error.js';
import { BASE_MODE, gameSource, modeNames, type GameSource } from './game-source.js';
import { formatPath } from './json-path.js';
import { lineColumn, readJson, type JsonDocument } from './json-reader.js';
import type { Problem } from './problem.js';
import { FORMAT, gameFileSchema, type GameFile } from './schema.js';
import { FORMAT_V2, gameFileSchemaV2, type GameFileV2 } from './schema-v2.js';
import { problemsFromZod } from './zod-issues.js';

export interface ParseGameOptions {
  /** The file name errors are reported against. */
  readonly file: string;
  /** The variant to compile; null or absent for the game as written. */
  readonly variant?: string | null | undefined;
  /** The bet mode to compile (format 2); null, absent or "base" for the game as written. */
  readonly mode?: string | null | undefined;
  /** SHA-256 (hex) of the file's bytes; by default that of the text's UTF-8 encoding. */
  readonly sha256?: string | undefined;
}

/** A game file that passed every check: each of its games can be compiled. */
export interface ValidatedGameFile {
  readonly file: string;
  readonly data: GameFile | GameFileV2;
  /** Variant names, in the order written. */
  readonly variants: readonly string[];
  /** The game as written (null) or with a variant merged in, in a mode ("base" by default). */
  source(variant: string | null, mode?: string): GameSource;
  /** The modes of the game with a variant merged in: "base", then `modes` in the order written. */
  modes(variant: string | null): readonly string[];
}

/** The formats this loader reads. */
export const FORMATS = [FORMAT, FORMAT_V2] as const;

/** Validates a game file's text; throws `GameFileError` (code INVALID_GAME) listing every problem. */
export function validateGameText(text: string, file: string): ValidatedGameFile {
  const read = readJson(text);
  if (!read.ok)
    throw new GameFileError(
      file,
      locate(read.problems, text, (p) => p.offset),
    );
  const { document } = read;
  const fail = (problems: readonly Problem[]): never => {
    throw new GameFileError(
      file,
      locate(problems, text, (p) => offsetOf(document, p)),
    );
  };

  const root = document.value;
  const format =
    typeof root === 'object' && root !== null && !Array.isArray(root)
      ? (root as Record<string, unknown>).format
      : undefined;
  if (typeof format === 'string' && format !== FORMAT && format !== FORMAT_V2) {
    fail([
      {
        path: ['format'],
        message: `found ${JSON.stringify(format)} (expected "${FORMAT}" or "${FORMAT_V2}": this slotsim reads versions 1 and 2 of the game format)`,
      },
    ]);
  }
  const data = format === FORMAT_V2 ? parseV2(root, fail) : parseV1(root, fail);

  const variants =
    data.variants === undefined ? [] : (document.keyOrder.get('variants') ?? Object.keys(data.variants));
  const source = (variant: string | null, mode: string = BASE_MODE): GameSource =>
    gameSource(data, variant, document.keyOrder, mode);
  const modes = (variant: string | null): readonly string[] => [BASE_MODE, ...modeNames(source(variant))];
  const sources = [null, ...variants].flatMap((variant) =>
    modes(variant).map((mode) => source(variant, mode)),
  );
  const problems = checkAllGames(sources);
  if (problems.length > 0) fail(problems);
  const beyond = checkAllLimits(sources, variants, modes);
  if (beyond.length > 0) fail(beyond);
  return { file, data, variants, source, modes };
}

/**
 * A version-1 file (or one that names no format): the version-1 schema, except that a key or
 * value of format 2 is reported as such rather than as unknown or mistyped.
 */
function parseV1(root: unknown, fail: (problems: readonly Problem[]) => never): GameFile {
  const uses = formatTwoUses(root);
  const parsed = gameFileSchema.safeParse(root);
  if (parsed.success && uses.length === 0) return parsed.data;
  const others = parsed.success
    ? []
    : problemsFromZod(parsed.error.issues, root).filter((p) => !underAny(p.path, uses));
  return fail([...uses, ...others]);
}

function parseV2(root: unknown, fail: (problems: readonly Problem[]) => never): GameFileV2 {
  const parsed = gameFileSchemaV2.safeParse(root);
  if (!parsed.success) fail(problemsFromZod(parsed.error.issues, root));
  return parsed.data;
}

/** Reads, validates and compiles one game of a file's text (see `ParseGameOptions`). */
export function parseGame(text: string, options: ParseGameOptions): Game {
  const validated = validateGameText(text, options.file);
  const variant = options.variant ?? null;
  if (variant !== null && !validated.variants.includes(variant))
    unknownVariant(options.file, variant, validated);
  const mode = options.mode ?? BASE_MODE;
  const modes = validated.modes(variant);
  if (!modes.includes(mode)) {
    const game = variant === null ? 'the game' : `variant ${JSON.stringify(variant)}`;
    badInput(
      options.file,
      modes.length === 1
        ? `no mode ${JSON.stringify(mode)} (${game} has only the mode "base")`
        : `no mode ${JSON.stringify(mode)} ${expectedOneOf(mode, modes)}`,
    );
  }
  return compileGame(validated.source(variant, mode), {
    sha256: options.sha256 ?? sha256Hex(text),
    variants: validated.variants,
    modes,
  });
}

function unknownVariant(file: string, variant: string, validated: ValidatedGameFile): never {
  return badInput(
    file,
    validated.variants.length === 0
      ? `no variant ${JSON.stringify(variant)} (the game has no variants)`
      : `no variant ${JSON.stringify(variant)} ${expectedOneOf(variant, validated.variants)}`,
  );
}

/** A variant or mode the file does not have: the flag naming it is bad input. */
function badInput(file: string, message: string): never {
  const issue: GameIssue = { path: '', message, location: null };
  throw new GameFileError(file, [issue], 'BAD_INPUT');
}

/** Every game of a file: the game as written, then each variant in the order written. */
export function parseGameVariants(text: string, options: Omit<ParseGameOptions, 'variant'>): readonly Game[] {
  const validated = validateGameText(text, options.file);
  const sha256 = options.sha256 ?? sha256Hex(text);
  return [null, ...validated.variants].map((variant) =>
    compileGame(validated.source(variant), {
      sha256,
      variants: validated.variants,
      modes: validated.modes(variant),
    }),
  );
}

/** The modes of a valid game file ("base" first), with a variant merged in (ruling 9). */
export function listModes(
  text: string,
  options: { readonly file: string; readonly variant?: string | null | undefined },
): readonly string[] {
  const validated = validateGameText(text, options.file);
  const variant = options.variant ?? null;
  if (variant !== null && !validated.variants.includes(variant))
    unknownVariant(options.file, variant, validated);
  return validated.modes(variant);
}

/** The variant names of a valid game file, in the order written. */
export function listVariants(text: string, options: { readonly file: string }): readonly string[] {
  return validateGameText(text, options.file).variants;
}

/** SHA-256 (hex) of a text's UTF-8 bytes: of the file, when the text was decoded from it. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Problems with their paths formatted and their places in the text, in the order of the text
 * (problems without a place last, in the order found).
 */
function locate<P extends Problem>(
  problems: readonly P[],
  text: string,
  offset: (p: P) => number | undefined,
): GameIssue[] {
  return problems
    .map((problem) => ({ problem, at: offset(problem) }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity))
    .map(({ problem, at }) => ({
      path: formatPath(problem.path),
      message: problem.message,
      location: at === undefined ? null : lineColumn(text, at),
    }));
}

/** Where a problem's value is, or its nearest enclosing value when it is missing. */
function offsetOf(document: JsonDocument, problem: Problem): number | undefined {
  for (let n = problem.path.length; n >= 0; n--) {
    const at = document.offsets.get(formatPath(problem.path.slice(0, n)));
    if (at !== undefined) return at;
  }
  return undefined;
}
