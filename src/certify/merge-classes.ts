/**
 * The usual rule for Pearson's χ²: every class must expect at least 5 observations. Cells that
 * expect fewer are merged, smallest first, until each merged class expects 5 or more.
 */

export const MIN_EXPECTED = 5;

export interface Cell {
  readonly label: string;
  readonly observed: number;
  readonly expected: number;
}

export interface MergedClass {
  /** The labels of the merged cells, smallest expectation first. */
  readonly labels: readonly string[];
  readonly observed: number;
  readonly expected: number;
}

/**
 * Sorts the cells by expected count (ascending; ties keep their order) and pools consecutive
 * cells until the pool expects at least `minimum`; a last pool still short of it joins the class
 * before it. A single class is returned when the cells together expect less than `minimum`.
 * Cells that expect nothing (probability zero) must be handled before: they are rejected here.
 */
export function mergeSmallClasses(cells: readonly Cell[], minimum: number = MIN_EXPECTED): MergedClass[] {
  for (const cell of cells) {
    if (!(cell.expected > 0)) throw new RangeError(`cell "${cell.label}" expects ${cell.expected}`);
  }
  const sorted = cells
    .map((cell, order) => ({ cell, order }))
    .sort((a, b) => a.cell.expected - b.cell.expected || a.order - b.order)
    .map(({ cell }) => cell);
  const classes: { labels: string[]; observed: number; expected: number }[] = [];
  let pool: { labels: string[]; observed: number; expected: number } | null = null;
  for (const cell of sorted) {
    pool ??= { labels: [], observed: 0, expected: 0 };
    pool.labels.push(cell.label);
    pool.observed += cell.observed;
    pool.expected += cell.expected;
    if (pool.expected >= minimum) {
      classes.push(pool);
      pool = null;
    }
  }
  if (pool !== null) {
    const last = classes.at(-1);
    if (last === undefined) classes.push(pool);
    else {
      last.labels.push(...pool.labels);
      last.observed += pool.observed;
      last.expected += pool.expected;
    }
  }
  return classes;
}
