/** Axis scales and ticks for the report's inline SVG charts. */

export interface Scale {
  (x: number): number;
  readonly ticks: readonly number[];
}

/** A linear map of [d0, d1] onto [r0, r1], with about `count` round ticks. */
export function linearScale(d0: number, d1: number, r0: number, r1: number, count = 5): Scale {
  const span = d1 - d0 || 1;
  const f = (x: number): number => r0 + ((x - d0) / span) * (r1 - r0);
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(d0 / step) * step; t <= d1 + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return Object.assign(f, { ticks });
}

/** A log₁₀ map of [d0, d1] (both > 0) onto [r0, r1], with ticks at the powers of ten. */
export function logScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const span = l1 - l0 || 1;
  const f = (x: number): number => r0 + ((Math.log10(x) - l0) / span) * (r1 - r0);
  // Powers of ten; with fewer than three decades, also 2× and 5× them.
  const steps = span < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = Math.floor(l0) - 1; e <= Math.ceil(l1); e++) {
    for (const m of steps) {
      const t = m * 10 ** e;
      if (t >= d0 * (1 - 1e-9) && t <= d1 * (1 + 1e-9)) ticks.push(t);
    }
  }
  return Object.assign(f, { ticks });
}

/** A compact count: 262k, 10M, 1.5B. */
export function shortCount(n: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  }
  return String(n);
}

/** A tick label of a log axis: 0.5, 0.01, 0.001, then 1e-4, 2e-5, … */
export function powerLabel(x: number): string {
  return x >= 1e-3 ? String(Number(x.toPrecision(2))) : x.toExponential(0);
}

/** A number for an SVG attribute: two decimals at most. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}
