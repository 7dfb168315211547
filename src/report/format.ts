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
