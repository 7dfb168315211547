/**
 * One game of a file: the top level as written, or with a variant merged in. A variant's keys
 * replace the top level's wholesale (a shallow merge), so where a value of the merged game sits
 * in the file follows from its first key alone.
 */
import { formatPath, type JsonPath } from './json-path.js';
import type { GameFile } from './schema.js';

/** A complete game: the top level, or the top level with a variant's keys replacing its own. */
export type GameSpec = Omit<GameFile, '$schema' | 'variants'>;

export interface GameSource {
  readonly spec: GameSpec;
  /** The variant merged in; null for the game as written. */
  readonly variant: string | null;
  /** Where a path of the merged game is in the file. */
  filePath(path: JsonPath): JsonPath;
  /** Keys of the object at a path of the merged game, in the order the file writes them. */
  keys(path: JsonPath): readonly string[];
}

export function gameSource(
  file: GameFile,
  variant: string | null,
  keyOrder: ReadonlyMap<string, readonly string[]>,
): GameSource {
  const override = variant === null ? {} : (file.variants?.[variant] ?? {});
  const overridden = new Set(Object.keys(override));
  // A variant's keys are the top level's (strict schema): what it holds, it holds wholly.
  const merged = { ...file, ...override } as GameFile;
  delete merged.$schema;
  delete merged.variants;
  const spec: GameSpec = merged;
  const filePath = (path: JsonPath): JsonPath => {
    const top = path[0];
    return variant !== null && typeof top === 'string' && overridden.has(top)
      ? ['variants', variant, ...path]
      : path;
  };
  return {
    spec,
    variant,
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
