import type { PrizeMoments } from './bonus.js';
import type { CycleHistogram } from './cycle-run.js';
import { add, frac, mul, ONE, toNumber, ZERO } from './fraction.js';
import type { Fraction } from './fraction.js';
import { freeSpinsChain } from './free-spins-chain.js';
import type { ChainResult, RetriggerClass } from './free-spins-chain.js';
import { ratio } from '../stats/ratio.js';

/** Exact Σ weight, Σ weight·win, Σ weight·win² and the weight of win 0, per class of a cycle. */
export interface ClassSums {
  readonly weight: bigint;
  readonly s1: bigint;
  readonly s2: bigint;
  readonly zero: bigint;
}

/** Sums per class; `cap` (credits) cuts each win first (the paid spin's own cap), or null. */
export function classSums(h: CycleHistogram, cap: number | null): ClassSums[] {
  return h.byClass.map((map) => {
    let weight = 0n;
    let s1 = 0n;
    let s2 = 0n;
    let zero = 0n;
    for (const [win, w] of map) {
      const x = BigInt(cap === null ? win : Math.min(win, cap));
      weight += w;
      s1 += w * x;
      s2 += w * x * x;
      if (x === 0n) zero += w;
    }
    return { weight, s1, s2, zero };
  });
}

/** The free spin's retrigger classes with their joint moments (W in credits, multiplier included). */
export function retriggerClasses(free: CycleHistogram, multiplier: number): RetriggerClass[] {
  const m = BigInt(multiplier);
  return classSums(free, null).map((sums, k) => ({
    adds: free.classes[k]!.spins,
    p: ratio(sums.weight, free.cycle),
    e1: ratio(sums.s1 * m, free.cycle),
    e2: ratio(sums.s2 * m * m, free.cycle),
    zero: ratio(sums.zero, free.cycle),
  }));
}

/** E[X], E[X²] and P(X = 0) of one whole round's win X, in credits. */
export interface RoundMoments {
  readonly mean: number;
  readonly meanSquare: number;
  readonly pZero: number;
  /** The same exactly, when the round has no free spins (no double-precision chain involved). */
  readonly exact: { readonly mean: Fraction; readonly meanSquare: Fraction; readonly pZero: Fraction } | null;
  /** E[spins], E[F], E[F²], P(F = 0) after each award size. */
  readonly chains: ReadonlyMap<number, ChainResult>;
}

/**
 * The whole round X = P + B·1{bonus} + F(award), conditioned on the paid spin's class k = (award a,
 * bonus b): given k, the bonus prize B and the free spins' total F are independent of each other
 * and of the paid spin's win P, so with s1ₖ = E[P·1ₖ], s2ₖ = E[P²·1ₖ], wₖ = P(k):
 *   E[X]  = Σₖ s1ₖ + wₖ(b·E[B] + E[F|a])
 *   E[X²] = Σₖ s2ₖ + 2·s1ₖ(b·E[B] + E[F|a]) + wₖ(b·E[B²] + E[F²|a] + 2b·E[B]·E[F|a])
 *   P(X = 0) = Σₖ P(P = 0, k) · (b ? P(B = 0) : 1) · (a > 0 ? P(F = 0 | a) : 1)
 * The paid spin's cap (credits) is applied to P only; callers use this only when the cap cannot
 * bind a whole round, or without features.
 */
export function roundMoments(
  base: CycleHistogram,
  free: CycleHistogram | null,
  paidCap: number | null,
  bonus: PrizeMoments | null,
  freeSpins: { readonly multiplier: number; readonly maxSpins: number } | null,
): RoundMoments {
  const sums = classSums(base, paidCap);
  const chains = new Map<number, ChainResult>();
  if (free !== null && freeSpins !== null) {
    const classes = retriggerClasses(free, freeSpins.multiplier);
    for (const c of base.classes) {
      if (c.spins > 0 && !chains.has(c.spins))
        chains.set(c.spins, freeSpinsChain(c.spins, freeSpins.maxSpins, classes));
    }
  }
  if (chains.size === 0) {
    const eb = bonus?.mean ?? ZERO;
    const eb2 = bonus?.meanSquare ?? ZERO;
    const pb0 = bonus?.pZero ?? ONE;
    let mean = ZERO;
    let meanSquare = ZERO;
    let pZero = ZERO;
    sums.forEach((s, k) => {
      const b = base.classes[k]!.bonus;
      mean = add(mean, frac(s.s1, base.cycle));
      meanSquare = add(meanSquare, frac(s.s2, base.cycle));
      if (b) {
        const w = frac(s.weight, base.cycle);
        mean = add(mean, mul(w, eb));
        meanSquare = add(meanSquare, add(mul(frac(2n * s.s1, base.cycle), eb), mul(w, eb2)));
      }
      pZero = add(pZero, mul(frac(s.zero, base.cycle), b ? pb0 : ONE));
    });
    return {
      mean: toNumber(mean),
      meanSquare: toNumber(meanSquare),
      pZero: toNumber(pZero),
      exact: { mean, meanSquare, pZero },
      chains,
    };
  }
  const eb = bonus === null ? 0 : toNumber(bonus.mean);
  const eb2 = bonus === null ? 0 : toNumber(bonus.meanSquare);
  const pb0 = bonus === null ? 1 : toNumber(bonus.pZero);
  let mean = 0;
  let meanSquare = 0;
  let pZero = 0;
  sums.forEach((s, k) => {
    const { spins, bonus: b } = base.classes[k]!;
    const chain = chains.get(spins);
    const ef = chain?.win ?? 0;
    const ef2 = chain?.winSquare ?? 0;
    const pf0 = chain?.pZero ?? 1;
    const w = ratio(s.weight, base.cycle);
    const s1 = ratio(s.s1, base.cycle);
    const s2 = ratio(s.s2, base.cycle);
    const extra = (b ? eb : 0) + ef;
    mean += s1 + w * extra;
    meanSquare += s2 + 2 * s1 * extra + w * ((b ? eb2 : 0) + ef2 + (b ? 2 * eb * ef : 0));
    pZero += ratio(s.zero, base.cycle) * (b ? pb0 : 1) * pf0;
  });
  return { mean, meanSquare, pZero, exact: null, chains };
}
