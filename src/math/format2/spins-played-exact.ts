/**
 * E[free spins played] after an award, as an exact fraction: the free-spin chain of
 * `free-spins-chain.ts` (spins played p, spins allotted T; each spin adds min(retrigger, maxSpins − T))
 * reduced to its first moment and run in bigints. With Q the common denominator of the retrigger
 * classes' probabilities, the chain's mass after p spins is an integer over Q^p, so
 *
 *   E[spins] = Σ_p P(spin p + 1 is played) = Σ_p (Σ_{T > p} π_p[T]) / Q^p
 *
 * is one sum of integers over Q^(maxSpins) — a long fraction (canyon-stampede: thousands of
 * digits), computed in milliseconds: at most maxSpins² / 2 states, one multiply-add per class.
 */
import { frac } from '../fraction.js';
import type { Fraction } from '../fraction.js';

/** One retrigger class: the spins it adds (before the cut to maxSpins) and its exact probability. */
export interface ExactRetriggerClass {
  readonly adds: number;
  readonly p: Fraction;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** E[spins played] from `awarded` spins (already cut to maxSpins); the classes' p add up to 1. */
export function exactSpinsPlayed(
  awarded: number,
  maxSpins: number,
  classes: readonly ExactRetriggerClass[],
): Fraction {
  if (awarded <= 0) return frac(0);
  let Q = 1n;
  for (const c of classes) Q = (Q * c.p.d) / gcd(Q, c.p.d);
  const weights = classes.map((c) => ({ adds: c.adds, w: (c.p.n * Q) / c.p.d }));
  let pi: bigint[] = new Array<bigint>(maxSpins + 1).fill(0n);
  pi[awarded] = 1n;
  // Σ_p mass_p · Q^(maxSpins − p): the numerator over Q^maxSpins, built by Horner's rule.
  let numerator = 0n;
  let steps = 0;
  for (let p = 0; p < maxSpins; p++) {
    let mass = 0n;
    for (let t = p + 1; t <= maxSpins; t++) mass += pi[t]!;
    if (mass === 0n) break;
    numerator = numerator * Q + mass;
    steps = p + 1;
    const next: bigint[] = new Array<bigint>(maxSpins + 1).fill(0n);
    for (let t = p + 1; t <= maxSpins; t++) {
      const a = pi[t]!;
      if (a === 0n) continue;
      for (const c of weights) {
        if (c.w === 0n) continue;
        const to = t + Math.min(c.adds, maxSpins - t);
        next[to] = next[to]! + a * c.w;
      }
    }
    pi = next;
  }
  // numerator = Σ_{p < steps} mass_p · Q^(steps − 1 − p), over Q^(steps − 1).
  return frac(numerator, Q ** BigInt(Math.max(0, steps - 1)));
}
