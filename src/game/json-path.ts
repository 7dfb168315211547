/** A JSON path: object keys and array indexes from the document root. */
export type JsonPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z0-9_$][A-Za-z0-9_$-]*$/;

/**
 * `reelSets.base[2][14]`, `pays[1].pays.3`, `symbols["A B"]`: dots before keys, brackets around
 * indexes, and keys other than letters, digits, `_`, `$` and `-` quoted in brackets. The root is "".
 */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out = appendPath(out, part);
  return out;
}

/** `formatPath([...path, part])`, given `formatPath(path)`. */
export function appendPath(formatted: string, part: string | number): string {
  if (typeof part === 'number') return `${formatted}[${part}]`;
  if (PLAIN_KEY.test(part)) return formatted === '' ? part : `${formatted}.${part}`;
  return `${formatted}[${JSON.stringify(part)}]`;
}
