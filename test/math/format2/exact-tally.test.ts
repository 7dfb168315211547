import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DenseTally,
  ExactSum,
  HistogramTally,
  Tally,
  WeightScale,
} from '../../../src/math/format2/exact-tally.js';

/** One step: a new scale (a bigint factor), or a weight (and credits) added to a key. */
type Step = { kind: 'scale'; factor: bigint } | { kind: 'add'; key: number; w: number; x: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), factor: fc.bigInt({ min: 1n, max: 10n ** 40n }) }),
  fc.record({
    kind: fc.constant('add' as const),
    // Few keys, so that a key is added to again under a later scale; 4096 … 4099 go to the
    // histogram's sparse part.
    key: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4096, max: 4099 })),
    // Weights near 2^53 make the double sums spill; credits make products pass it.
    w: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2 ** 52, max: 2 ** 53 - 1 })),
    x: fc.integer({ min: 0, max: 5000 }),
  }),
);

describe('exact tallies under changing weight scales', () => {
  it('every sum equals Σ factor × w (× x) computed in bigints (fast-check, seed 5)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const scale = new WeightScale();
        const tally = new Tally<number>(scale);
        const products = new Tally<number>(scale);
        const dense = new DenseTally(5001, scale);
        const histogram = new HistogramTally(scale);
        const sum = new ExactSum(scale);
        const truth = new Map<number, bigint>();
        const truthProducts = new Map<number, bigint>();
        let truthSum = 0n;
        let factor = 1n;
        for (const s of steps) {
          if (s.kind === 'scale') {
            scale.next(s.factor);
            factor = s.factor;
            continue;
          }
          tally.add(s.key, s.w);
          products.addProduct(s.key, s.w, s.x);
          dense.add(s.key, s.w);
          histogram.add(s.key, s.w);
          sum.addProduct(s.w, s.x);
          truth.set(s.key, (truth.get(s.key) ?? 0n) + factor * BigInt(s.w));
          truthProducts.set(s.key, (truthProducts.get(s.key) ?? 0n) + factor * BigInt(s.w) * BigInt(s.x));
          truthSum += factor * BigInt(s.w) * BigInt(s.x);
        }
        const nonZero = (m: Map<number, bigint>): Map<number, bigint> =>
          new Map([...m].filter(([, v]) => v > 0n));
        expect(tally.entries()).toEqual(nonZero(truth));
        expect(products.entries()).toEqual(nonZero(truthProducts));
        expect(new Map([...dense.entries()].sort((a, b) => a[0] - b[0]))).toEqual(
          new Map([...nonZero(truth)].sort((a, b) => a[0] - b[0])),
        );
        expect(new Map([...histogram.entries()].sort((a, b) => a[0] - b[0]))).toEqual(
          new Map([...nonZero(truth)].sort((a, b) => a[0] - b[0])),
        );
        expect(sum.value).toBe(truthSum);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
