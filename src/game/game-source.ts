/**
 * One game of a file: the top level as written, or with a variant merged in, and (format 2) with a
 * bet mode's `replace` merged in after the variant (ruling 9: the mode is read from the merged
 * file's `modes`). Both merges replace top-level keys wholesale (a shallow merge), so where a value
 * of the merged game sits in the file follows from its first key alone.
 */
import { formatPath, type JsonPath } from './json-path.js';
import type { GameFile } from './schema.js';
import type { GameFileV2, ModeFile } from './schema-v2.js';

/** The mode every game has: the game as written (format-2 spec, "Bet modes"). */
export const BASE_MODE = 'base';

/**
 * A complete game: the top level, or the top level with a variant's (and a mode's) keys replacing
 * its own. Typed as format 2, of which a version-1 file is a special case.
 */
export type GameSpec = Omit<GameFileV2, '$schema' | 'variants' | 'format'> & {
  readonly format: 'slotsim/1' | 'slotsim/2';
};

export interface GameSource {
  readonly spec: GameSpec;
  /** The variant merged in; null for the game as written. */
  readonly variant: string | null;
  /** The mode merged in; "base" for the game as written. */
  readonly mode: string;
  /** The mode's entry (`spec.modes[mode]`), or null for "base". */
  readonly modeEntry: ModeFile | null;
  /** Where the mode's entry is in the file (`modes.M` or `variants.V.modes.M`); null for "base". */
  readonly modePath: JsonPath | null;
  /** Where a path of the merged game is in the file. */
  filePath(path: JsonPath): JsonPath;
  /** Keys of the object at a path of the merged game, in the order the file writes them. */
  keys(path: JsonPath): readonly string[];
}

/** The names of a game's modes other than "base", in the order written (variant merged in). */
export function modeNames(source: GameSource): readonly string[] {
  return source.spec.modes === undefined ? [] : source.keys(['modes']).filter((m) => m !== BASE_MODE);
}

export function gameSource(
  file: GameFile | GameFileV2,
  variant: string | null,
  keyOrder: ReadonlyMap<string, readonly string[]>,
  mode: string = BASE_MODE,
): GameSource {
  const variants = file.variants as Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  const override: Readonly<Record<string, unknown>> = variant === null ? {} : (variants?.[variant] ?? {});
  const overridden = new Set(Object.keys(override));
  // A variant's keys are the top level's (strict schema): what it holds, it holds wholly.
  const withVariant = { ...file, ...override };
  const modes = 'modes' in withVariant ? withVariant.modes : undefined;
  const modeEntry =
    mode === BASE_MODE || modes === undefined || !Object.hasOwn(modes, mode) ? null : (modes[mode] ?? null);
  const replace: Readonly<Record<string, unknown>> = modeEntry?.replace ?? {};
  const replaced = new Set(Object.keys(replace));
  const merged = { ...withVariant, ...replace } as Partial<GameFileV2>;
  delete merged.$schema;
  delete merged.variants;
  const spec = merged as GameSpec;
  const modesPath: JsonPath =
    overridden.has('modes') && variant !== null ? ['variants', variant, 'modes'] : ['modes'];
  const modePath = modeEntry === null ? null : [...modesPath, mode];
  const filePath = (path: JsonPath): JsonPath => {
    const top = path[0];
    if (typeof top !== 'string') return path;
    if (modePath !== null && replaced.has(top)) return [...modePath, 'replace', ...path];
    if (variant !== null && overridden.has(top)) return ['variants', variant, ...path];
    return path;
  };
  return {
    spec,
    variant,
    mode,
    modeEntry,
    modePath,
    filePath,
    keys(path) {
      const written = keyOrder.get(formatPath(filePath(path)));
      let value: unknown = spec;
      for (const part of path) value = (value as Record<string | number, unknown>)[part];
      const present = Object.keys(value as object);
      return written === undefined ? present : written.filter((key) => present.includes(key));
    },
  };
}
