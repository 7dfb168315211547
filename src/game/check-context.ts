/**
 * What every semantic check of a merged game shares: the game, the names it defines, and the
 * problems found so far. Paths here are paths of the merged game (`GameSource.filePath` maps
 * them into the file).
 */
import { describeValue, expectedOneOf } from './describe.js';
import type { GameSource, GameSpec } from './game-source.js';
import type { JsonPath } from './json-path.js';
import type { Problem } from './problem.js';
import type { SymbolProps } from './schema.js';

export interface CheckContext {
  readonly spec: GameSpec;
  readonly symbolIds: readonly string[];
  readonly symbols: ReadonlyMap<string, SymbolProps>;
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly reelSetNames: readonly string[];
  readonly reels: number;
  readonly rows: number;
  /** Cells in the window: the largest count a scatter or trigger can reach. */
  readonly cells: number;
  readonly problems: Problem[];
  report(path: JsonPath, message: string): void;
}

export function checkContext(source: GameSource): CheckContext {
  const { spec } = source;
  const symbolIds = source.keys(['symbols']);
  const problems: Problem[] = [];
  return {
    spec,
    symbolIds,
    symbols: new Map(symbolIds.map((id) => [id, spec.symbols[id] ?? {}])),
    groups: new Map(
      spec.groups === undefined ? [] : source.keys(['groups']).map((id) => [id, spec.groups?.[id] ?? []]),
    ),
    reelSetNames: source.keys(['reelSets']),
    reels: spec.grid.reels,
    rows: spec.grid.rows,
    cells: spec.grid.reels * spec.grid.rows,
    problems,
    report(path, message) {
      problems.push({ path, message });
    },
  };
}

/**
 * The properties of the symbol a file names at `path`, or null (reported) when it names none.
 * `orGroup` allows a group id too (pattern elements); a group then gives null without a report.
 */
export function symbolAt(ctx: CheckContext, path: JsonPath, id: string, orGroup = false): SymbolProps | null {
  const props = ctx.symbols.get(id);
  if (props !== undefined) return props;
  if (orGroup && ctx.groups.has(id)) return null;
  const what = orGroup ? 'symbol or group' : 'symbol';
  const choices = orGroup ? [...ctx.symbolIds, ...ctx.groups.keys()] : ctx.symbolIds;
  const note = !orGroup && ctx.groups.has(id) ? ` is a group, not a symbol` : '';
  ctx.report(
    path,
    note === ''
      ? `unknown ${what} ${describeValue(id)} ${expectedOneOf(id, choices)}`
      : `${describeValue(id)}${note} ${expectedOneOf(id, choices, 'a symbol, one of')}`,
  );
  return null;
}

/** `"SC" is a scatter, …`: the reason a scatter cannot stand where a line or way symbol must. */
export function scatterHere(id: string): string {
  return `${describeValue(id)} is a scatter, and a scatter is never part of a line or way (expected a symbol without "scatter": true)`;
}

/** Entries of a count-keyed object as [count, value, key], in ascending count order. */
export function countEntries<V>(record: Readonly<Record<string, V>>): [number, V, string][] {
  return Object.entries(record)
    .map(([key, value]): [number, V, string] => [Number(key), value, key])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Reports a count-keyed object with no entries (unless `allowEmpty`), and every count above `max`
 * (`limit` names it: "the reels", "the cells of the window").
 */
export function checkCounts(
  ctx: CheckContext,
  path: JsonPath,
  record: Readonly<Record<string, unknown>>,
  max: number,
  what: string,
  limit: string,
  allowEmpty = false,
): void {
  if (!allowEmpty && Object.keys(record).length === 0)
    ctx.report(path, `an empty object (expected at least one ${what})`);
  for (const [count, , key] of countEntries(record)) {
    if (count > max)
      ctx.report([...path, key], `${what} ${key} cannot occur (expected 1 to ${max}, ${limit})`);
  }
}
