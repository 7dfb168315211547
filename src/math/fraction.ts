import { ratio } from '../stats/ratio.js';

/**
 * An exact rational number: bigint numerator over a positive bigint denominator, always in lowest
 * terms. Small and immutable; used for every figure the analysis can state exactly.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n / d in lowest terms (d must not be zero). */
export function frac(n: bigint | number, d: bigint | number = 1n): Fraction {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('fraction with a zero denominator');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

export function add(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? frac(a.n + b.n, a.d) : frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.n, a.d * b.d);
}

export function div(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d, a.d * b.n);
}

export function sum(parts: readonly Fraction[]): Fraction {
  return parts.reduce(add, ZERO);
}

export function equals(a: Fraction, b: Fraction): boolean {
  return a.n === b.n && a.d === b.d;
}

/** The nearest double, correctly rounded to about 2^-64 relative even for huge terms. */
export function toNumber(a: Fraction): number {
  return ratio(a.n, a.d);
}

/** "697/736" */
export function toText(a: Fraction): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** The JSON form of an exact figure: decimal strings, since both parts can pass 2^53. */
export interface FractionJson {
  readonly numerator: string;
  readonly denominator: string;
}

export function toJson(a: Fraction): FractionJson {
  return { numerator: a.n.toString(), denominator: a.d.toString() };
}
