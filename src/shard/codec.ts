import { SlotsimError } from '../errors.js';

/**
 * Exact, validating encoders of the statistics a shard hands to the merge. Every integer is written
 * in decimal: a JSON number while it is a safe integer, a decimal string beyond (bigint sums); the
 * few quantities that are doubles by nature (the serial-correlation sums of certify's detail) are
 * written as their shortest round-trip decimal string, which reads back to the same double. Nothing
 * is rounded, so statistics decoded from a file are bit for bit those the workers returned.
 *
 * A file is untrusted input: `decode` checks every value's type and range and names the JSON path
 * of the first that is wrong (`DecodeError`), so a damaged partial is refused, never crashed on.
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface Codec<T> {
  readonly encode: (value: T) => Json;
  readonly decode: (json: unknown, path: string) => T;
}

/** A value of a partial or checkpoint that is not what its codec expects (the caller adds the file and line). */
export class DecodeError extends SlotsimError {
  constructor(path: string, expected: string) {
    super('BAD_FILE', `${path}: expected ${expected}`);
  }
}

export const safeInteger: Codec<number> = {
  encode: (value) => {
    if (!Number.isSafeInteger(value)) throw new SlotsimError('INTERNAL', `${value} is not a safe integer`);
    return value;
  },
  decode: (json, path) => {
    if (typeof json !== 'number' || !Number.isSafeInteger(json))
      throw new DecodeError(path, 'a whole number');
    return json;
  },
};

export const count: Codec<number> = {
  encode: safeInteger.encode,
  decode: (json, path) => {
    const value = safeInteger.decode(json, path);
    if (value < 0) throw new DecodeError(path, 'a whole number ≥ 0');
    return value;
  },
};

export const bigInteger: Codec<bigint> = {
  encode: (value) => value.toString(),
  decode: (json, path) => {
    if (typeof json !== 'string' || !/^-?(0|[1-9]\d*)$/.test(json)) {
      throw new DecodeError(path, 'a whole number written as a decimal string');
    }
    return BigInt(json);
  },
};

/** A finite double, as its shortest round-trip decimal string (ECMAScript's Number::toString). */
export const double: Codec<number> = {
  encode: (value) => {
    if (!Number.isFinite(value)) throw new SlotsimError('INTERNAL', `${value} is not finite`);
    return Object.is(value, -0) ? '-0' : String(value);
  },
  decode: (json, path) => {
    const value = typeof json === 'string' ? Number(json) : Number.NaN;
    if (!Number.isFinite(value) || (Object.is(value, -0) ? '-0' : String(value)) !== json) {
      throw new DecodeError(path, 'a finite number written as its shortest decimal string');
    }
    return value;
  },
};

export const text: Codec<string> = {
  encode: (value) => value,
  decode: (json, path) => {
    if (typeof json !== 'string') throw new DecodeError(path, 'a string');
    return json;
  },
};

export const flag: Codec<boolean> = {
  encode: (value) => value,
  decode: (json, path) => {
    if (typeof json !== 'boolean') throw new DecodeError(path, 'true or false');
    return json;
  },
};

export function oneOf<const T extends string>(values: readonly T[]): Codec<T> {
  return {
    encode: (value) => value,
    decode: (json, path) => {
      if (typeof json !== 'string' || !(values as readonly string[]).includes(json)) {
        throw new DecodeError(path, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
      }
      return json as T;
    },
  };
}

export function nullable<T>(codec: Codec<T>): Codec<T | null> {
  return {
    encode: (value) => (value === null ? null : codec.encode(value)),
    decode: (json, path) => (json === null ? null : codec.decode(json, path)),
  };
}

export function arrayOf<T>(codec: Codec<T>): Codec<readonly T[]> {
  return {
    encode: (values) => values.map((v) => codec.encode(v)),
    decode: (json, path) => {
      if (!Array.isArray(json)) throw new DecodeError(path, 'an array');
      return json.map((item, i) => codec.decode(item, `${path}[${i}]`));
    },
  };
}

/** [a, b] pairs, written flat ([a0, b0, a1, b1, …]) to keep long histograms short. */
export function pairsOf<A, B>(a: Codec<A>, b: Codec<B>): Codec<readonly (readonly [A, B])[]> {
  return {
    encode: (pairs) => pairs.flatMap(([x, y]) => [a.encode(x), b.encode(y)]),
    decode: (json, path) => {
      if (!Array.isArray(json) || json.length % 2 !== 0) throw new DecodeError(path, 'an array of pairs');
      const pairs: [A, B][] = [];
      for (let i = 0; i < json.length; i += 2) {
        pairs.push([a.decode(json[i], `${path}[${i}]`), b.decode(json[i + 1], `${path}[${i + 1}]`)]);
      }
      return pairs;
    },
  };
}

/** Whole numbers held in a Float64Array (the full cycle's histograms), each a safe integer. */
export const wholeNumbers: Codec<Float64Array> = {
  encode: (values) => Array.from(values, (v) => safeInteger.encode(v)),
  decode: (json, path) => {
    if (!Array.isArray(json)) throw new DecodeError(path, 'an array of whole numbers');
    const values = new Float64Array(json.length);
    json.forEach((v, i) => (values[i] = safeInteger.decode(v, `${path}[${i}]`)));
    return values;
  },
};

/**
 * An object with exactly these members, written in this order (so its text is canonical). The
 * field list must name every member of T: a member added to T is a type error here until it has
 * its codec, so a shard never drops a statistic silently.
 */
export function objectOf<T extends object>(fields: { readonly [K in keyof T]-?: Codec<T[K]> }): Codec<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return {
    encode: (value) => {
      const out: Record<string, Json> = {};
      for (const key of keys) out[key] = fields[key].encode(value[key]);
      return out;
    },
    decode: (json, path) => {
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new DecodeError(path, 'an object');
      const record = json as Record<string, unknown>;
      const extra = Object.keys(record).find((key) => !Object.hasOwn(fields, key));
      if (extra !== undefined) throw new DecodeError(`${path}.${extra}`, 'no such member');
      const out: Partial<T> = {};
      for (const key of keys) {
        if (!Object.hasOwn(record, key)) throw new DecodeError(`${path}.${key}`, 'a member that is missing');
        out[key] = fields[key].decode(record[key], `${path}.${key}`);
      }
      return out as T;
    },
  };
}
