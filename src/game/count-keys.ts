/**
 * Count keys of pay and award tables. Version 1 writes one count (`"3"`); version 2 also writes
 * ranges: `"N-M"` (N ≤ M, both ends included) and `"N+"` (N and above), N and M decimal integers
 * ≥ 1 without leading zeros (format-2 spec, "Count keys may be ranges", and ruling 3). Two keys of
 * one table that share a count are an error; a count no key covers has no entry.
 */

/** A version-1 count key: a decimal integer ≥ 1 without leading zeros. */
export const COUNT_KEY = /^[1-9][0-9]*$/;
/** A version-2 count key: `"N"`, `"N-M"` or `"N+"`. */
export const COUNT_RANGE_KEY = /^[1-9][0-9]*(?:-[1-9][0-9]*|\+)?$/;

/** The counts a key covers: `from` … `to`, both included (`to` is Infinity for `"N+"`). */
export interface CountRange {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** The counts a key matching `COUNT_RANGE_KEY` covers (a range "N-M" with N > M covers none). */
export function countRange(key: string): CountRange {
  if (key.endsWith('+')) return { key, from: Number(key.slice(0, -1)), to: Infinity };
  const dash = key.indexOf('-');
  if (dash < 0) return { key, from: Number(key), to: Number(key) };
  return { key, from: Number(key.slice(0, dash)), to: Number(key.slice(dash + 1)) };
}

/** Whether a key is a version-2 range (`"N-M"` or `"N+"`) rather than a single count. */
export function isRangeKey(key: string): boolean {
  return key.includes('-') || key.endsWith('+');
}

/** Entries of a count-keyed object as [range, value], ascending by first count, then last, then key. */
export function rangeEntries<V>(record: Readonly<Record<string, V>>): [CountRange, V][] {
  return Object.entries(record)
    .map(([key, value]): [CountRange, V] => [countRange(key), value])
    .sort(([a], [b]) => a.from - b.from || a.to - b.to || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A problem with one key of a count-keyed table: the key and what is wrong with it. */
export interface CountKeyProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * What is wrong with the keys of a count-keyed table whose counts can be 1 … `max`: an empty range,
 * counts that cannot occur, and keys that share a count (reported at the key that starts later).
 * `what` names a count ("run length", "count"), `limit` what bounds it ("the reels").
 */
export function countKeyProblems(
  record: Readonly<Record<string, unknown>>,
  max: number,
  what: string,
  limit: string,
): CountKeyProblem[] {
  const problems: CountKeyProblem[] = [];
  let reach: CountRange | null = null;
  for (const [range] of rangeEntries(record)) {
    const { key, from, to } = range;
    if (from > to) {
      problems.push({ key, message: `range "${key}" is empty (expected "N-M" with N ≤ M)` });
      continue;
    }
    if (from > max) {
      problems.push({
        key,
        message: isRangeKey(key)
          ? `${what}s ${key} cannot occur (expected counts from 1 to ${max}, ${limit})`
          : `${what} ${key} cannot occur (expected 1 to ${max}, ${limit})`,
      });
    } else if (to !== Infinity && to > max) {
      problems.push({
        key,
        message: `range "${key}" reaches ${what} ${to}, which cannot occur (expected counts from 1 to ${max}, ${limit}; "${from}+" covers ${from} and above)`,
      });
    }
    if (reach !== null && from <= reach.to) {
      const last = Math.min(to, reach.to);
      const shared =
        last === from
          ? `${what} ${from}`
          : last === Infinity
            ? `${what}s ${from} and above`
            : `${what}s ${from} to ${last}`;
      problems.push({
        key,
        message: `key "${key}" shares ${shared} with key "${reach.key}" (expected each count in at most one key)`,
      });
    }
    if (reach === null || to > reach.to) reach = range;
  }
  return problems;
}

/**
 * An array "by count" of length `cells + 1`: entry k is the value of the key covering k, `none`
 * where no key does. Keys must have passed `countKeyProblems` (no overlaps).
 */
export function byCountRanges<V, T>(
  cells: number,
  record: Readonly<Record<string, V>>,
  value: (v: V) => T,
  none: T,
): T[] {
  const table = new Array<T>(cells + 1).fill(none);
  for (const [{ from, to }, v] of rangeEntries(record)) {
    const entry = value(v);
    for (let k = from; k <= Math.min(to, cells); k++) table[k] = entry;
  }
  return table;
}
