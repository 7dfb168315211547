/** n / d as a double, correctly rounded to about 2^-64 even when n and d pass 2^53. */
export function ratio(n: bigint, d: bigint): number {
  if (d === 0n) return 0;
  const negative = n < 0n !== d < 0n;
  let a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const whole = a / b;
  a %= b;
  const fraction = Number((a << 64n) / b) / 2 ** 64;
  const value = Number(whole) + fraction;
  return negative ? -value : value;
}
