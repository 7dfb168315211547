/**
 * What every semantic check of a merged game shares: the game, the names it defines, and the
 * problems found so far. Paths here are paths of the merged game (`GameSource.filePath` maps
 * them into the file).
 */
import type { EvaluationKind } from '../engine/model.js';
import { countKeyProblems } from './count-keys.js';
import { describeValue, expectedOneOf } from './describe.js';
import { MAX_DRAW_BOUND_V1, MAX_DRAW_BOUND_V2 } from './limits-v2.js';
import type { GameSource, GameSpec } from './game-source.js';
import type { JsonPath } from './json-path.js';
import type { Problem } from './problem.js';
import type { SymbolPropsV2 as SymbolProps } from './schema-v2.js';

export interface CheckContext {
  readonly spec: GameSpec;
  /** The file's format version. */
  readonly format: 1 | 2;
  readonly evaluation: EvaluationKind;
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
    format: spec.format === 'slotsim/2' ? 2 : 1,
    evaluation: spec.evaluation ?? 'lines',
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
 * Reports a count-keyed object with no entries (unless `allowEmpty`), every count above `max`
 * (`limit` names it: "the reels", "the cells of the window"), and (format 2) empty ranges and keys
 * that share a count.
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
  for (const { key, message } of countKeyProblems(record, max, what, limit))
    ctx.report([...path, key], message);
}

/** The sum of a list of weights must be a draw bound the RNG can serve. */
export const MAX_DRAW_BOUND = MAX_DRAW_BOUND_V1;

/**
 * Reports weights whose sum is not a draw bound of the file's format: at most 2^32 in version 1,
 * 2^53 − 1 in version 2.
 */
export function checkDrawBound(ctx: CheckContext, path: JsonPath, weights: readonly number[]): void {
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (ctx.format === 1 && total > BigInt(MAX_DRAW_BOUND_V1)) {
    ctx.report(
      path,
      `the weights add up to ${total} (expected at most 2^32 = ${MAX_DRAW_BOUND_V1}, the largest draw of format version 1; "slotsim/2" allows up to 2^53 − 1)`,
    );
  }
  if (ctx.format === 2 && total > BigInt(MAX_DRAW_BOUND_V2)) {
    ctx.report(
      path,
      `the weights add up to ${total} (expected at most 2^53 − 1 = ${MAX_DRAW_BOUND_V2}, the largest draw)`,
    );
  }
}

/** "a ways game", "a cluster game", "a pay-anywhere game": for messages. */
export function gameKind(kind: EvaluationKind): string {
  switch (kind) {
    case 'lines':
      return 'a lines game';
    case 'ways':
      return 'a ways game';
    case 'cluster':
      return 'a cluster game';
    case 'anywhere':
      return 'a pay-anywhere game';
    default:
      return unreachable(kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`unknown evaluation ${String(kind)}`);
}
