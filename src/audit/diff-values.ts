/** One place where a recorded JSON value differs from the expected one. */
export interface ValueDiff {
  /** `outcome.paid.window[2][1]`. */
  readonly field: string;
  readonly recorded: unknown;
  readonly expected: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compares a recorded (untrusted, parsed) value with the expected one, leaf by leaf, and appends
 * every difference to `out` until it holds `limit` entries. A missing or extra member, an array
 * of another length and a value of another type are all differences. Never throws.
 */
export function diffValues(
  expected: unknown,
  recorded: unknown,
  field: string,
  out: ValueDiff[],
  limit: number,
): void {
  if (out.length >= limit) return;
  if (expected === recorded) return;
  if (Array.isArray(expected)) {
    if (!Array.isArray(recorded)) {
      out.push({ field, recorded, expected });
      return;
    }
    const n = Math.max(expected.length, recorded.length);
    for (let i = 0; i < n && out.length < limit; i++) {
      const at = `${field}[${i}]`;
      if (i >= expected.length) out.push({ field: at, recorded: recorded[i], expected: undefined });
      else if (i >= recorded.length) out.push({ field: at, recorded: undefined, expected: expected[i] });
      else diffValues(expected[i], recorded[i], at, out, limit);
    }
    return;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(recorded)) {
      out.push({ field, recorded, expected });
      return;
    }
    for (const key in expected) {
      const at = field === '' ? key : `${field}.${key}`;
      if (!(key in recorded)) out.push({ field: at, recorded: undefined, expected: expected[key] });
      else diffValues(expected[key], recorded[key], at, out, limit);
      if (out.length >= limit) return;
    }
    for (const key in recorded) {
      if (!(key in expected))
        out.push({
          field: field === '' ? key : `${field}.${key}`,
          recorded: recorded[key],
          expected: undefined,
        });
      if (out.length >= limit) return;
    }
    return;
  }
  // Two primitives (or a primitive and a structure) that are not identical.
  out.push({ field, recorded, expected });
}
