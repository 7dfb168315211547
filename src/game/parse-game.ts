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
import { GameFileError, type GameIssue } from './game-error.js';
import { gameSource, type GameSource } from './game-source.js';
import { formatPath } from './json-path.js';
import { lineColumn, readJson, type JsonDocument } from './json-reader.js';
import type { Problem } from './problem.js';
import { FORMAT, gameFileSchema, type GameFile } from './schema.js';
import { problemsFromZod } from './zod-issues.js';

export interface ParseGameOptions {
  /** The file name errors are reported against. */
  readonly file: string;
  /** The variant to compile; null or absent for the game as written. */
  readonly variant?: string | null | undefined;
  /** SHA-256 (hex) of the file's bytes; by default that of the text's UTF-8 encoding. */
  readonly sha256?: string | undefined;
}

/** A game file that passed every check: each of its games can be compiled. */
export interface ValidatedGameFile {
  readonly file: string;
  readonly data: GameFile;
  /** Variant names, in the order written. */
  readonly variants: readonly string[];
  /** The game as written (null) or with a variant merged in. */
  source(variant: string | null): GameSource;
}

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
  if (typeof format === 'string' && format !== FORMAT) {
    fail([
      {
        path: ['format'],
        message: `found ${JSON.stringify(format)} (expected "${FORMAT}": this slotsim reads version 1 of the game format)`,
      },
    ]);
  }
  const parsed = gameFileSchema.safeParse(root);
  if (!parsed.success) fail(problemsFromZod(parsed.error.issues, root));
  const data = parsed.data as GameFile;

  const variants =
    data.variants === undefined ? [] : (document.keyOrder.get('variants') ?? Object.keys(data.variants));
  const source = (variant: string | null): GameSource => gameSource(data, variant, document.keyOrder);
  const sources = [source(null), ...variants.map(source)];
  const problems = checkAllGames(sources);
  if (problems.length > 0) fail(problems);
  const beyond = checkAllLimits(sources, variants);
  if (beyond.length > 0) fail(beyond);
  return { file, data, variants, source };
}

/** Reads, validates and compiles one game of a file's text (see `ParseGameOptions`). */
export function parseGame(text: string, options: ParseGameOptions): Game {
  const validated = validateGameText(text, options.file);
  const variant = options.variant ?? null;
  if (variant !== null && !validated.variants.includes(variant)) {
    const issue: GameIssue = {
      path: '',
      message:
        validated.variants.length === 0
          ? `no variant ${JSON.stringify(variant)} (the game has no variants)`
          : `no variant ${JSON.stringify(variant)} ${expectedOneOf(variant, validated.variants)}`,
      location: null,
    };
    throw new GameFileError(options.file, [issue], 'BAD_INPUT');
  }
  return compileGame(validated.source(variant), {
    sha256: options.sha256 ?? sha256Hex(text),
    variants: validated.variants,
  });
}

/** Every game of a file: the game as written, then each variant in the order written. */
export function parseGameVariants(text: string, options: Omit<ParseGameOptions, 'variant'>): readonly Game[] {
  const validated = validateGameText(text, options.file);
  const sha256 = options.sha256 ?? sha256Hex(text);
  return [null, ...validated.variants].map((variant) =>
    compileGame(validated.source(variant), { sha256, variants: validated.variants }),
  );
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
