import { frac } from '../math/fraction.js';
import type { Fraction } from '../math/fraction.js';

/**
 * The exact value of a decimal figure as written — a declared RTP target such as 0.9650 — taken
 * from the shortest decimal form of the double (what JSON.parse read), so 0.965 is 965/1000 exactly
 * and not the binary double nearest to it.
 */
export function decimalFraction(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`decimalFraction: ${x} is not finite`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (match === null) throw new RangeError(`decimalFraction: cannot read ${x}`);
  const [, sign, whole, decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(`${sign}${whole}${decimals}`);
  return exponent >= 0 ? frac(digits * 10n ** BigInt(exponent)) : frac(digits, 10n ** BigInt(-exponent));
}

export function abs(x: Fraction): Fraction {
  return x.n < 0n ? { n: -x.n, d: x.d } : x;
}
