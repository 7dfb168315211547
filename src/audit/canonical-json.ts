import { SlotsimError } from '../errors.js';

/**
 * Canonical JSON of a value: object members sorted by key (UTF-16 code units, as RFC 8785 JCS
 * sorts them), no whitespace, numbers and strings as `JSON.stringify` writes them. Two equal
 * values always give the same text, so a hash over it does not depend on who serialised it.
 *
 * Only JSON values are accepted (null, booleans, finite numbers, strings, arrays and plain
 * objects); anything else is a bug in the caller and throws INTERNAL. An object member whose value
 * is `undefined` is an error too: a record states every field.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw notJson(value);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw notJson(value);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += canonicalJson(items[i]);
  }
  return `${text}]`;
}

function canonicalObject(object: Readonly<Record<string, unknown>>): string {
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) throw notJson(object);
  const keys = Object.keys(object);
  if (!isSorted(keys)) keys.sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = object[key];
    if (member === undefined) throw notJson(member, key);
    if (i > 0) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}

function notJson(value: unknown, key?: string): SlotsimError {
  const where = key === undefined ? '' : ` (member "${key}")`;
  return new SlotsimError('INTERNAL', `canonical JSON: not a JSON value${where}: ${String(value)}`);
}
