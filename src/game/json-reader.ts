/**
 * A strict JSON reader for game files. `JSON.parse` would do for valid files, but a game file
 * deserves more: the position (line and column) of a syntax error, whatever Node's message says;
 * duplicate keys refused instead of silently keeping the last one; the keys of every object in
 * the order written (JS objects put integer-like keys first); and the position of every value, so
 * that later errors can point into the file too.
 */
import { appendPath, type JsonPath } from './json-path.js';

/** Objects and arrays nested deeper than this are refused (no real game comes close). */
export const MAX_DEPTH = 64;

export interface JsonProblem {
  /** UTF-16 offset into the text. */
  readonly offset: number;
  readonly path: JsonPath;
  readonly message: string;
}

export interface JsonDocument {
  readonly value: unknown;
  /** Offset of every value (of the key, for an object member), by formatted JSON path. */
  readonly offsets: ReadonlyMap<string, number>;
  /** Keys of every object in the order written, by formatted JSON path. */
  readonly keyOrder: ReadonlyMap<string, readonly string[]>;
}

export type JsonReadResult =
  | { readonly ok: true; readonly document: JsonDocument }
  | { readonly ok: false; readonly problems: readonly JsonProblem[] };

/** A syntax error: reading stops at the first. Never escapes `readJson`. */
class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const AFTER_NUMBER = /[0-9A-Za-z.+-]/;
const ESCAPES = '"\\/bfnrt';
const HEX = /^[0-9A-Fa-f]{4}$/;

export function readJson(text: string): JsonReadResult {
  const offsets = new Map<string, number>();
  const keyOrder = new Map<string, readonly string[]>();
  const problems: JsonProblem[] = [];
  // A leading byte-order mark is not part of the JSON text.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const found = (): string => {
    if (i >= text.length) return 'the end of the file';
    const c = text.charCodeAt(i);
    return c < 0x20 ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `'${text[i]}'`;
  };
  const fail = (expected: string): never => {
    throw new SyntaxFailure(i, `expected ${expected}, found ${found()}`);
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };

  const readString = (): string => {
    const start = i;
    i++;
    let escaped = false;
    for (;;) {
      if (i >= text.length) throw new SyntaxFailure(start, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20)
        throw new SyntaxFailure(i, `control character ${found()} in a string (write it as an escape)`);
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!HEX.test(text.slice(i + 2, i + 6)))
            throw new SyntaxFailure(i, 'invalid \\u escape (expected four hex digits)');
          i += 6;
        } else if (e !== '' && ESCAPES.includes(e)) i += 2;
        else throw new SyntaxFailure(i, `invalid escape '\\${e}' in a string`);
      } else i++;
    }
    i++;
    const raw = text.slice(start, i);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };

  const readNumber = (path: JsonPath): number => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    const end = match === null ? i : i + match[0].length;
    if (match === null || AFTER_NUMBER.test(text[end] ?? '')) {
      throw new SyntaxFailure(
        i,
        'invalid number (JSON numbers look like 12, -3, 0.25 or 1e6; no leading zeros)',
      );
    }
    const value = Number(match[0]);
    if (!Number.isFinite(value))
      problems.push({ offset: i, path, message: `number ${match[0]} is too large` });
    i = end;
    return value;
  };

  const readLiteral = (word: string, value: boolean | null): boolean | null => {
    if (text.startsWith(word, i) && !AFTER_NUMBER.test(text[i + word.length] ?? '')) {
      i += word.length;
      return value;
    }
    return fail('a value (an object, list, string, number, true, false or null)');
  };

  const readObject = (path: JsonPath, at: string, depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    const keys: string[] = [];
    keyOrder.set(at, keys);
    i++;
    skipSpace();
    if (text.charCodeAt(i) === 0x7d) {
      i++;
      return object;
    }
    for (;;) {
      if (text.charCodeAt(i) !== 0x22) {
        if (keys.length > 0 && text.charCodeAt(i) === 0x7d)
          throw new SyntaxFailure(i, "trailing comma before '}' (JSON allows none)");
        fail('a property name in double quotes');
      }
      const keyOffset = i;
      const key = readString();
      const childPath = [...path, key];
      const child = appendPath(at, key);
      if (key === '__proto__') {
        problems.push({ offset: keyOffset, path: childPath, message: 'the key "__proto__" is not allowed' });
      } else if (Object.hasOwn(object, key)) {
        problems.push({
          offset: keyOffset,
          path: childPath,
          message: `duplicate key "${key}" (each key may appear once per object)`,
        });
      } else {
        keys.push(key);
        offsets.set(child, keyOffset);
      }
      skipSpace();
      if (text.charCodeAt(i) !== 0x3a) fail("':' after a property name");
      i++;
      skipSpace();
      const value = readValue(childPath, child, depth);
      if (key !== '__proto__' && !Object.hasOwn(object, key)) object[key] = value;
      skipSpace();
      const c = text.charCodeAt(i);
      i++;
      if (c === 0x7d) return object;
      if (c !== 0x2c) {
        i--;
        fail("',' or '}' after a property value");
      }
      skipSpace();
    }
  };

  const readArray = (path: JsonPath, at: string, depth: number): unknown[] => {
    const array: unknown[] = [];
    i++;
    skipSpace();
    if (text.charCodeAt(i) === 0x5d) {
      i++;
      return array;
    }
    for (;;) {
      if (array.length > 0 && text.charCodeAt(i) === 0x5d)
        throw new SyntaxFailure(i, "trailing comma before ']' (JSON allows none)");
      const child = appendPath(at, array.length);
      offsets.set(child, i);
      array.push(readValue([...path, array.length], child, depth));
      skipSpace();
      const c = text.charCodeAt(i);
      i++;
      if (c === 0x5d) return array;
      if (c !== 0x2c) {
        i--;
        fail("',' or ']' after a list element");
      }
      skipSpace();
    }
  };

  const readValue = (path: JsonPath, at: string, depth: number): unknown => {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_DEPTH)
        throw new SyntaxFailure(i, `objects and lists nested more than ${MAX_DEPTH} levels deep`);
      return c === 0x7b ? readObject(path, at, depth + 1) : readArray(path, at, depth + 1);
    }
    if (c === 0x22) return readString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber(path);
    if (c === 0x74) return readLiteral('true', true);
    if (c === 0x66) return readLiteral('false', false);
    if (c === 0x6e) return readLiteral('null', null);
    return fail('a value (an object, list, string, number, true, false or null)');
  };

  try {
    skipSpace();
    offsets.set('', i);
    const value = readValue([], '', 0);
    skipSpace();
    if (i < text.length) fail('the end of the file after the JSON value');
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, document: { value, offsets, keyOrder } };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return {
      ok: false,
      problems: [{ offset: error.offset, path: [], message: `invalid JSON: ${error.message}` }],
    };
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset into the text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
