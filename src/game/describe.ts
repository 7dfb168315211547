/** Wording shared by error messages: how a found value reads, lists of choices, "did you mean". */

const MAX_TEXT = 40;
const MAX_CHOICES = 24;

/** A found value as an error message quotes it: `"Q"`, `1.5`, `null`, `a list`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string': {
      const quoted = JSON.stringify(value);
      return quoted.length > MAX_TEXT ? `${quoted.slice(0, MAX_TEXT - 1)}…"` : quoted;
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** `A, K, Q` (shortened with "…" past a couple of dozen). */
export function listChoices(choices: readonly string[]): string {
  const shown = choices.slice(0, MAX_CHOICES).join(', ');
  return choices.length > MAX_CHOICES ? `${shown}, … (${choices.length} in all)` : shown;
}

/** `(expected one of: A, K; did you mean "K"?)`, or `(there are none)` for no choices. */
export function expectedOneOf(found: string, choices: readonly string[], what = 'one of'): string {
  if (choices.length === 0) return '(there are none)';
  const guess = closest(found, choices);
  const hint = guess === null ? '' : `; did you mean "${guess}"?`;
  return `(expected ${what}: ${listChoices(choices)}${hint})`;
}

/**
 * The choice nearest to `found`, if one is near: the same ignoring case, a couple of edits away
 * (fewer for short ids: "Q" is one edit from both "A" and "K"), or one cut short of the other
 * ("SCAT" for "SCATTER").
 */
export function closest(found: string, choices: readonly string[]): string | null {
  const lower = found.toLowerCase();
  const limit = Math.min(2, Math.floor(found.length / 3));
  let best: string | null = null;
  let bestScore = Infinity;
  for (const choice of choices) {
    const other = choice.toLowerCase();
    let score = editDistance(lower, other);
    if (score > limit)
      score =
        Math.min(lower.length, other.length) >= 3 && (lower.startsWith(other) || other.startsWith(lower))
          ? limit + 0.5
          : Infinity;
    if (score < bestScore) {
      best = choice;
      bestScore = score;
    }
  }
  return best;
}

/** Edits (insert, delete, change, swap two neighbours) from a to b; anything above 2 counts as 3. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1] ?? [];
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
