/** Building blocks of the format-2 file schema (see `schema-v2.ts`). */
import { z } from 'zod';
import { allowedKeysMessage } from './allowed-keys.js';
import { COUNT_RANGE_KEY } from './count-keys.js';
import { doc, positiveInt } from './schema-builders.js';

export const weight = positiveInt('a positive integer weight');

/**
 * A weighted list drawn in list order: `[{ "value": 2, "weight": 400 }, …]`, with `valueKey` in
 * place of "value" where the spec says so ("rows").
 */
export function weightedList<K extends string, V extends z.ZodType>(valueKey: K, value: V, example: string) {
  const entry = `an entry { "${valueKey}", "weight" }`;
  return z
    .array(
      z.strictObject({ [valueKey]: value, weight } as { [P in K]: V } & { weight: typeof weight }, {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? allowedKeysMessage([valueKey, 'weight']) : entry,
      }),
      { error: `a weighted list such as ${example}` },
    )
    .min(1, { error: `a weighted list of at least one entry, such as ${example}` });
}

/** A count key of format 2: `"3"`, `"3-5"` or `"5+"`. */
export const countRangeKey = z.string().regex(COUNT_RANGE_KEY, {
  error: 'a count key "N", a range "N-M" or "N+", of whole numbers ≥ 1 without leading zeros',
});
/** An object keyed by counts or count ranges: `{ "3": 5, "4-5": 25, "6+": 100 }`. */
export const countRangeRecord = <V extends z.ZodType>(value: V, what: string) =>
  z.record(countRangeKey, value, { error: `an object ${what}` });

/**
 * A strict object some of whose keys are forbidden: a forbidden key is refused with `why(key)`,
 * any other unknown key with the list of allowed keys. (The JSON Schema says `"not": {}` for them.)
 */
export function strictExcept<S extends z.core.$ZodLooseShape>(
  shape: S,
  forbidden: readonly string[],
  why: (key: string) => string,
  what: string,
) {
  const keys = Object.keys(shape);
  const never = Object.fromEntries(
    forbidden.map((key) => [key, doc(z.never({ error: why(key) }).optional(), { description: why(key) })]),
  );
  return z.strictObject(
    { ...shape, ...never },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? allowedKeysMessage(keys) : what),
    },
  );
}
