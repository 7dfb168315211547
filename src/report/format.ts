/** Number formats shared by the text, Markdown and HTML renderers. */

export function percent(fraction: number, digits = 4): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function count(n: number | bigint): string {
  return n.toLocaleString('en-US');
}

/** "1 in N" odds of a probability. */
export function oneIn(probability: number): string {
  if (probability <= 0) return 'never';
  const n = 1 / probability;
  return `1 in ${n >= 100 ? count(Math.round(n)) : n.toFixed(2)}`;
}

export function fixed(x: number, digits = 4): string {
  return x.toFixed(digits);
}

/**
 * A signed statistic (a z score) with the same minus sign as the report's differences (U+2212,
 * not the hyphen `toFixed` prints): −1.23, +0.45, 0.00.
 */
export function signedFixed(x: number, digits = 2): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0 || Number.isNaN(x)) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}

/**
 * A share of rounds (or any probability) for a report: a percentage while it reads well, and
 * "1 in N" once it is below 0.01%, where a percentage would print as 0.0000%.
 */
export function share(fraction: number, digits = 4): string {
  if (fraction === 0) return '0';
  return fraction >= 1e-4 ? percent(fraction, digits) : oneIn(fraction);
}

/** A plain number with at most `digits` decimals and no trailing zeros: 2.5, 0.05, 125. */
export function plain(x: number, digits = 4): string {
  return Number(x.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * A difference between two percentages of the stake (or a tolerance around one), in percentage
 * points, the report's one wording for them: 0.0025 → "0.2500 percentage points".
 */
export function points(fraction: number, digits = 4): string {
  return pointWords((fraction * 100).toFixed(digits));
}

/** A signed difference in percentage points: "+0.2486 percentage points", "−0.1421 percentage points". */
export function signedPoints(fraction: number, digits = 4): string {
  return `${fraction >= 0 ? '+' : '−'}${points(Math.abs(fraction), digits)}`;
}

/** A declared target in percent as it was written, without padding: 0.9615 → "96.15%". */
export function declaredPercent(fraction: number): string {
  return `${plain(fraction * 100, 6)}%`;
}

/** A declared tolerance in percentage points as it was written: 0.0005 → "0.05 percentage points". */
export function declaredPoints(fraction: number): string {
  return pointWords(plain(fraction * 100, 6));
}

/** A declared RTP target and its tolerance as written: "96.15% ± 0.05 percentage points". */
export function declaredBand(target: number, tolerance: number): string {
  return `${declaredPercent(target)} ± ${declaredPoints(tolerance)}`;
}

function pointWords(figure: string): string {
  return `${figure} percentage point${figure === '1' ? '' : 's'}`;
}
