import { chiSquareSurvival } from './chi-square.js';
import { mergeSmallClasses, MIN_EXPECTED } from './merge-classes.js';
import type { Cell } from './merge-classes.js';

/** One multinomial: `cells` hold every outcome of its trials (observed and expected add up to the trials). */
export interface FitGroup {
  readonly name: string;
  readonly cells: readonly Cell[];
}

export interface FitClass {
  readonly group: string;
  readonly labels: readonly string[];
  readonly observed: number;
  readonly expected: number;
  /** (observed − expected)² / expected. */
  readonly contribution: number;
}

/** Pearson's χ² over independent multinomial groups (a product-multinomial test). */
export interface FitResult {
  readonly statistic: number;
  /** Σ over groups of (classes − 1); 0 when no group has two classes (then `pValue` is null). */
  readonly dof: number;
  readonly pValue: number | null;
  readonly classes: readonly FitClass[];
  /** Outcomes observed although their probability is zero (any one fails the fit). */
  readonly impossible: readonly (Cell & { readonly group: string })[];
}

/**
 * χ² goodness of fit of observed counts to expected counts. Each group's cells are merged so that
 * every class expects at least 5 (`mergeSmallClasses`); the statistic adds up over every class, and
 * each group gives (its classes − 1) degrees of freedom. An observed outcome whose expected count
 * is zero makes the statistic infinite and the p-value 0.
 */
export function chiSquareFit(groups: readonly FitGroup[], minimum: number = MIN_EXPECTED): FitResult {
  const classes: FitClass[] = [];
  const impossible: (Cell & { group: string })[] = [];
  let dof = 0;
  let statistic = 0;
  for (const group of groups) {
    const possible = group.cells.filter((cell) => cell.expected > 0);
    for (const cell of group.cells) {
      if (!(cell.expected > 0) && cell.observed > 0) impossible.push({ ...cell, group: group.name });
    }
    if (possible.length === 0) continue;
    const merged = mergeSmallClasses(possible, minimum);
    dof += merged.length - 1;
    for (const c of merged) {
      const contribution = merged.length > 1 ? (c.observed - c.expected) ** 2 / c.expected : 0;
      statistic += contribution;
      classes.push({ group: group.name, ...c, contribution });
    }
  }
  if (impossible.length > 0) {
    return { statistic: Number.POSITIVE_INFINITY, dof, pValue: 0, classes, impossible };
  }
  return { statistic, dof, pValue: dof > 0 ? chiSquareSurvival(statistic, dof) : null, classes, impossible };
}
