/** A bonus prize tree compiled: entries in ascending numeric key order, with cumulative weights. */
import type { PrizeNode } from '../engine/model.js';
import { runningSums } from './compile-tables.js';
import { credits } from './decimal.js';
import type { PrizeNodeFile } from './schema.js';

/** `unit`: the credits one prize value is worth (the line bet or the total bet). */
export function compilePrize(node: PrizeNodeFile, unit: number): PrizeNode {
  if ('pick' in node) {
    const entries = ascending(node.pick);
    const cumulative = runningSums(entries.map(([, w]) => w));
    return {
      kind: 'pick',
      values: entries.map(([value]) => credits(value, unit)),
      cumulative,
      total: cumulative.at(-1) ?? 0,
    };
  }
  const entries = ascending(node.repeat);
  const cumulative = runningSums(entries.map(([, w]) => w));
  return {
    kind: 'repeat',
    counts: entries.map(([count]) => count),
    cumulative,
    total: cumulative.at(-1) ?? 0,
    each: compilePrize(node.each, unit),
  };
}

/** [numeric key, weight] in ascending numeric order of the keys (never the order written). */
function ascending(entries: Readonly<Record<string, number>>): [number, number][] {
  return Object.entries(entries)
    .map(([key, weight]): [number, number] => [Number(key), weight])
    .sort((a, b) => a[0] - b[0]);
}
