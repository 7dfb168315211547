/** Building blocks of the file schema: each says what it expects, for the error messages. */
import { z } from 'zod';
import { allowedKeysMessage } from './allowed-keys.js';
import { schemaDocs, type SchemaDoc } from './schema-docs.js';

/** Documents a schema for the JSON Schema (an `id` extracts it into `$defs`). */
export function doc<T extends z.ZodType>(schema: T, meta: SchemaDoc): T {
  schemaDocs.add(schema, meta);
  return schema;
}

/** A strict object whose errors say what it is and which keys it allows. */
export function strict<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? allowedKeysMessage(keys) : what),
  });
}

export const positiveInt = (what = 'a positive integer') =>
  z.number({ error: what }).int({ error: what }).positive({ error: what });
export const nonNegativeInt = (what = 'an integer ≥ 0') =>
  z.number({ error: what }).int({ error: what }).nonnegative({ error: what });
export const nonNegative = (what = 'a number ≥ 0') => z.number({ error: what }).nonnegative({ error: what });

export const COUNT_KEY = /^[1-9][0-9]*$/;
export const countKey = z.string().regex(COUNT_KEY, { error: 'a count: a positive integer key such as "3"' });
/** An object keyed by a count: `{ "3": 5, "4": 25 }`. */
export const countRecord = <V extends z.ZodType>(value: V, what: string) =>
  z.record(countKey, value, { error: `an object ${what}` });

/** A repeat count may be 0 ("draw nothing"): `{ "0": 1, "2": 3 }`. */
export const repeatCountRecord = <V extends z.ZodType>(value: V, what: string) =>
  z.record(
    z.string().regex(/^(0|[1-9][0-9]*)$/, { error: 'a count: an integer key ≥ 0 such as "2"' }),
    value,
    {
      error: `an object ${what}`,
    },
  );

/** A name (symbol, group, reel set, variant id); `__proto__` is refused earlier, by the JSON reader. */
export const nameKey = z.string().min(1, { error: 'a non-empty name' });
export const symbolId = z
  .string({ error: 'a symbol id such as "A"' })
  .min(1, { error: 'a symbol id such as "A"' });
export const reelSetName = z.string({ error: 'a reel set name' }).min(1, { error: 'a reel set name' });
export const text = (what: string) => z.string({ error: what }).min(1, { error: what });
