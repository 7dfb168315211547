import type { DrawTally } from '../sim/draw-tally.js';
import { chiSquareFit } from './goodness-of-fit.js';
import type { FitResult } from './goodness-of-fit.js';

/**
 * A format-2 weighted draw (reel heights, drawn values, drawn awards, a mode's start draw, coin
 * values, coin landings) tested against its weights, which the game file gives exactly: χ² of how
 * often each entry came up in the detailed rounds, rare entries merged to expect ≥ 5.
 */
export interface DrawTest {
  readonly name: string;
  readonly draws: number;
  readonly labels: readonly string[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly fit: FitResult;
}

export function drawTests(tallies: readonly DrawTally[], part: DrawTally['part']): DrawTest[] {
  return tallies
    .filter((t) => t.part === part)
    .map((t) => {
      const draws = t.counts.reduce((a, b) => a + b, 0);
      const total = t.weights.reduce((a, b) => a + b, 0);
      const expected = t.weights.map((w) => (draws * w) / total);
      return {
        name: t.name,
        draws,
        labels: t.labels,
        observed: t.counts,
        expected,
        fit: chiSquareFit([
          {
            name: t.name,
            cells: t.labels.map((label, i) => ({ label, observed: t.counts[i]!, expected: expected[i]! })),
          },
        ]),
      };
    });
}
