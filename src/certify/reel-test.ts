import type { Reel } from '../engine/model.js';
import { chiSquareFit } from './goodness-of-fit.js';
import type { FitResult } from './goodness-of-fit.js';

export interface ReelStopTest {
  /** 1-based reel number, as people count reels. */
  readonly reel: number;
  readonly stops: number;
  readonly drawBound: number;
  readonly weighted: boolean;
  readonly draws: number;
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly fit: FitResult;
}

/**
 * χ² of how often each stop of a paid-spin reel was drawn against the reel's weights (stop i
 * expects draws × wᵢ / W; an unweighted strip is uniform). Rare stops are merged to expect ≥ 5.
 */
export function reelStopTests(
  reels: readonly Reel[],
  stopCounts: readonly (readonly number[])[],
): ReelStopTest[] {
  return reels.map((reel, r) => {
    const observed = stopCounts[r] ?? reel.strip.map(() => 0);
    const draws = observed.reduce((a, b) => a + b, 0);
    const expected = reel.strip.map((_, stop) => (draws * (reel.weights?.[stop] ?? 1)) / reel.drawBound);
    const fit = chiSquareFit([
      {
        name: `reel ${r + 1}`,
        cells: expected.map((e, stop) => ({
          label: `stop ${stop}`,
          observed: observed[stop] ?? 0,
          expected: e,
        })),
      },
    ]);
    return {
      reel: r + 1,
      stops: reel.strip.length,
      drawBound: reel.drawBound,
      weighted: reel.weights !== null,
      draws,
      observed: [...observed],
      expected,
      fit,
    };
  });
}
