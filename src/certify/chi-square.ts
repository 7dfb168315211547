/**
 * The χ² distribution's upper tail, computed properly: Q(k/2, x/2), the regularized upper
 * incomplete gamma function, by its power series below a + 1 and its continued fraction above
 * (modified Lentz), as in Numerical Recipes §6.2. Accurate to about 1e-14 relative; no dependency.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

/** ln Γ(a) for a > 0 (Lanczos, g = 7, n = 9; reflection below ½). */
export function lnGamma(a: number): number {
  if (!(a > 0)) throw new RangeError(`lnGamma: ${a} is not positive`);
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - lnGamma(1 - a);
  const x = a - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** e^(−x) xᵃ / Γ(a), the common factor of both expansions. */
function prefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** P(a, x) by its series; converges quickly for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum * prefactor(a, x);
  }
  throw new Error(`regularized gamma: the series did not converge for a = ${a}, x = ${x}`);
}

/** Q(a, x) by its continued fraction; converges quickly for x ≥ a + 1. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h * prefactor(a, x);
  }
  throw new Error(`regularized gamma: the continued fraction did not converge for a = ${a}, x = ${x}`);
}

/** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) throw new RangeError(`regularizedGammaP(${a}, ${x})`);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/** The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) throw new RangeError(`regularizedGammaQ(${a}, ${x})`);
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}

/** P(X ≥ statistic) for X ~ χ² with `dof` degrees of freedom (dof ≥ 1). */
export function chiSquareSurvival(statistic: number, dof: number): number {
  if (!Number.isInteger(dof) || dof < 1) throw new RangeError(`chiSquareSurvival: dof ${dof}`);
  return regularizedGammaQ(dof / 2, statistic / 2);
}

/** Two-sided p-value of a standard normal z: P(|Z| ≥ |z|) = Q(½, z²/2). */
export function normalTwoSided(z: number): number {
  return regularizedGammaQ(0.5, (z * z) / 2);
}
