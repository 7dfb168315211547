/** Figures of an enumerated spin distribution: its largest win, and the paid spin's parts under the cap. */
import type { MaxWinAnalysis } from '../analysis-types.js';
import { ratio } from '../../stats/ratio.js';
import { frac } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import type { SpinDistribution } from './spin-distribution.js';

export function maxWinOf(d: SpinDistribution): number {
  let max = 0;
  for (const map of d.byClass) for (const [win, w] of map) if (w > 0n && win > max) max = win;
  return max;
}

/** The weight of the largest win, and the largest win of one class. */
export function classMax(map: ReadonlyMap<number, bigint>): number {
  let max = -1;
  for (const [win, w] of map) if (w > 0n && win > max) max = win;
  return max;
}

/** The exact weight of the paid spin's classes matching `which` whose win stays below the cap. */
export function belowCap(base: SpinDistribution, cap: number, which: (k: number) => boolean): Fraction {
  let w = 0n;
  base.byClass.forEach((map, k) => {
    if (!which(k)) return;
    for (const [win, weight] of map) if (win < cap) w += weight;
  });
  return frac(w, base.denominator);
}

/** Σ weight × min(pay, cap) and × min(scatter, cap − paid pay), exactly, from the spins over the cap. */
export function cappedPaidSpin(base: SpinDistribution, cap: number): { pay: Fraction; scatter: Fraction } {
  let payCut = 0n;
  let scatterCut = 0n;
  for (const s of base.overCap) {
    const paidPay = Math.min(s.pay, cap);
    const paidScatter = Math.min(s.scatter, cap - paidPay);
    payCut += s.weight * BigInt(s.pay - paidPay);
    scatterCut += s.weight * BigInt(s.scatter - paidScatter);
  }
  return {
    pay: frac(base.pay - payCut, base.denominator),
    scatter: frac(base.scatter - scatterCut, base.denominator),
  };
}

export function largest(
  d: SpinDistribution,
  multiplier: number,
  cost: number,
): MaxWinAnalysis['largestPaidSpin'] {
  const top = maxWinOf(d);
  if (top === 0) return null;
  let hits = 0n;
  for (const map of d.byClass) hits += map.get(top) ?? 0n;
  const credits = top * multiplier;
  return { credits, x: credits / cost, hits, oneIn: ratio(d.denominator, hits) };
}
