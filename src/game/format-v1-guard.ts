/**
 * A `slotsim/1` file that uses a key of format 2 is an error that names the key (format-2 spec,
 * and ruling 2: range keys, drawn awards and every key of format 2 need `slotsim/2`). This finds
 * them in the raw document, at the top level and in every variant, so that the loader reports them
 * instead of the version-1 schema's "unknown key" or "expected a number".
 */
import { COUNT_KEY, COUNT_RANGE_KEY } from './count-keys.js';
import type { JsonPath } from './json-path.js';
import type { Problem } from './problem.js';

const TO_USE_IT = 'expected "format": "slotsim/2" to use it';
const TOP_LEVEL_KEYS = ['wildMultipliers', 'cascade', 'holdAndWin', 'modes'];
const SYMBOL_KEYS = ['coin', 'multiplierSymbol', 'expand'];
const FREE_SPINS_KEYS = ['stickyWilds', 'multiplierMeter'];

/** Problems naming every format-2 key or value of a document that declares (or lacks) format 1. */
export function formatTwoUses(root: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isObject(root)) return problems;
  checkGameKeys(root, [], problems);
  if (isObject(root.variants)) {
    for (const [name, variant] of Object.entries(root.variants)) {
      if (isObject(variant)) checkGameKeys(variant, ['variants', name], problems);
    }
  }
  return problems;
}

/** Whether `path` is one of `problems`' paths or lies under one. */
export function underAny(path: JsonPath, problems: readonly Problem[]): boolean {
  return problems.some((p) => p.path.length <= path.length && p.path.every((part, i) => part === path[i]));
}

function checkGameKeys(game: Record<string, unknown>, at: JsonPath, out: Problem[]): void {
  const key = (path: JsonPath, name: string): void => {
    out.push({ path, message: `"${name}" is a key of format version 2 (${TO_USE_IT})` });
  };
  for (const name of TOP_LEVEL_KEYS) if (Object.hasOwn(game, name)) key([...at, name], name);
  const { evaluation, grid, symbols, pays, scatter, freeSpins } = game;
  if (evaluation === 'cluster' || evaluation === 'anywhere') {
    out.push({
      path: [...at, 'evaluation'],
      message: `evaluation "${evaluation}" needs format version 2 (${TO_USE_IT}, or "lines" or "ways")`,
    });
  }
  if (isObject(grid) && Object.hasOwn(grid, 'heights')) key([...at, 'grid', 'heights'], 'heights');
  if (isObject(symbols)) {
    for (const [id, props] of Object.entries(symbols)) {
      if (!isObject(props)) continue;
      for (const name of SYMBOL_KEYS) if (Object.hasOwn(props, name)) key([...at, 'symbols', id, name], name);
      if (Array.isArray(props.multiplier)) {
        out.push({
          path: [...at, 'symbols', id, 'multiplier'],
          message: `a weighted multiplier list needs format version 2 (${TO_USE_IT}, or a whole multiplier)`,
        });
      }
    }
  }
  if (Array.isArray(pays)) {
    pays.forEach((rule, i) => {
      if (isObject(rule)) rangeKeys(rule.pays, [...at, 'pays', i, 'pays'], out);
    });
  }
  if (isObject(scatter)) rangeKeys(scatter.pays, [...at, 'scatter', 'pays'], out);
  if (isObject(freeSpins)) {
    for (const name of FREE_SPINS_KEYS)
      if (Object.hasOwn(freeSpins, name)) key([...at, 'freeSpins', name], name);
    if (isObject(freeSpins.trigger))
      awards(freeSpins.trigger.awards, [...at, 'freeSpins', 'trigger', 'awards'], out);
    awards(freeSpins.retrigger, [...at, 'freeSpins', 'retrigger'], out);
  }
}

function rangeKeys(table: unknown, at: JsonPath, out: Problem[]): void {
  if (!isObject(table)) return;
  for (const key of Object.keys(table)) {
    if (COUNT_RANGE_KEY.test(key) && !COUNT_KEY.test(key)) {
      out.push({
        path: [...at, key],
        message: `count key "${key}" is a range, which needs format version 2 (${TO_USE_IT}, or a single count such as "3")`,
      });
    }
  }
}

function awards(table: unknown, at: JsonPath, out: Problem[]): void {
  rangeKeys(table, at, out);
  if (!isObject(table)) return;
  for (const [key, value] of Object.entries(table)) {
    if (isObject(value)) {
      out.push({
        path: [...at, key],
        message: `a drawn award (a table of spin counts) needs format version 2 (${TO_USE_IT}, or a number of spins)`,
      });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
