import type { Figure } from './analysis-types.js';
import { div, frac, mul, sub, sum, toNumber } from './fraction.js';
import type { Fraction } from './fraction.js';

/** Figures and how they were obtained (see `Precision`). */

export function exactFigure(value: Fraction): Figure {
  return { value: toNumber(value), exact: value, precision: 'exact' };
}

export function doubleFigure(value: number): Figure {
  return { value, exact: null, precision: 'exact-double' };
}

/** The same figure, marked as the uncapped game's. */
export function uncapped(figure: Figure): Figure {
  return { ...figure, precision: 'uncapped' };
}

/** The sum of figures: exact if every part is, `uncapped` if any part is. */
export function sumFigures(parts: readonly Figure[]): Figure {
  if (parts.every((p) => p.exact !== null)) {
    const exact = sum(parts.map((p) => p.exact!));
    const precision = parts.some((p) => p.precision === 'uncapped') ? 'uncapped' : 'exact';
    return { value: toNumber(exact), exact, precision };
  }
  const value = parts.reduce((acc, p) => acc + p.value, 0);
  const precision = parts.some((p) => p.precision === 'uncapped') ? 'uncapped' : 'exact-double';
  return { value, exact: null, precision };
}

export function sdFigure(
  mean: number,
  meanSquare: number,
  exact: { mean: Fraction; meanSquare: Fraction } | null,
  stake: number,
): Figure {
  if (exact !== null) {
    const variance = sub(exact.meanSquare, mul(exact.mean, exact.mean));
    // sd is irrational in general: `exact` carries the exact variance (× stake²), the value is its root.
    return {
      value: Math.sqrt(toNumber(variance)) / stake,
      exact: div(variance, frac(stake * stake)),
      precision: 'exact',
    };
  }
  return doubleFigure(Math.sqrt(Math.max(0, meanSquare - mean * mean)) / stake);
}
