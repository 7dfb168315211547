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
