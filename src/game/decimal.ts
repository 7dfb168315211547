/**
 * Exact arithmetic on the decimal numbers of a game file. A pay of 1.1 at a line bet of 10 is 11
 * credits, though `1.1 * 10` is 11.000000000000002 in floating point: so products are taken on
 * the number's shortest decimal form (what `String` prints, and what the file most likely says).
 */

interface Decimal {
  /** value = digits / 10^scale */
  readonly digits: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/;

function toDecimal(value: number): Decimal {
  const match = DECIMAL.exec(String(value));
  if (match === null) throw new RangeError(`not a finite number: ${value}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  let digits = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** `value × unit` exactly, as a bigint, or null when it is not a whole number. */
export function wholeProduct(value: number, unit: number): bigint | null {
  const { digits, scale } = toDecimal(value);
  const numerator = digits * BigInt(unit);
  const denominator = 10n ** BigInt(scale);
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/** `value × unit` exactly, written in decimal (for messages: "2.5"). */
export function productText(value: number, unit: number): string {
  const { digits, scale } = toDecimal(value);
  const product = digits * BigInt(unit);
  if (scale === 0) return product.toString();
  const negative = product < 0n;
  const text = (negative ? -product : product).toString().padStart(scale + 1, '0');
  const fraction = text.slice(-scale).replace(/0+$/, '');
  const whole = text.slice(0, -scale);
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * The problem with `value × unit` as an amount of credits, or null when it is a whole number of
 * credits small enough to count exactly.
 */
export function creditsProblem(value: number, unit: number, unitName: string): string | null {
  const product = wholeProduct(value, unit);
  const text = `${value} × ${unitName} ${unit} = ${productText(value, unit)} credits`;
  if (product === null) return `${text} (expected a whole number of credits)`;
  if (product > BigInt(Number.MAX_SAFE_INTEGER))
    return `${text} (expected at most ${Number.MAX_SAFE_INTEGER} credits)`;
  return null;
}

/** `value × unit` as a number of credits; only for products `creditsProblem` accepted. */
export function credits(value: number, unit: number): number {
  const product = wholeProduct(value, unit);
  if (product === null) throw new RangeError(`${value} × ${unit} is not whole`);
  return Number(product);
}
