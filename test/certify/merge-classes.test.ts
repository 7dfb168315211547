import { describe, expect, it } from 'vitest';
import { chiSquareFit } from '../../src/certify/goodness-of-fit.js';
import { mergeSmallClasses } from '../../src/certify/merge-classes.js';

const cell = (label: string, expected: number, observed = Math.round(expected)) => ({
  label,
  expected,
  observed,
});

describe('merging classes until each expects at least 5', () => {
  it('leaves classes that already expect 5 or more alone', () => {
    const merged = mergeSmallClasses([cell('a', 5), cell('b', 50), cell('c', 945)]);
    expect(merged.map((c) => c.labels)).toEqual([['a'], ['b'], ['c']]);
  });

  it('pools the smallest cells first, in ascending order of expectation', () => {
    const merged = mergeSmallClasses([
      cell('big', 900),
      cell('x', 0.5, 2),
      cell('y', 1.5, 0),
      cell('z', 3.5, 4),
      cell('w', 6),
      cell('v', 2.5, 1),
    ]);
    // 0.5 + 1.5 + 2.5 = 4.5 < 5, + 3.5 = 8 ≥ 5; then w, then big.
    expect(merged.map((c) => c.labels)).toEqual([['x', 'y', 'v', 'z'], ['w'], ['big']]);
    expect(merged[0]).toMatchObject({ expected: 8, observed: 7 });
    for (const c of merged) expect(c.expected).toBeGreaterThanOrEqual(5);
  });

  it('a short last pool joins the class before it', () => {
    const merged = mergeSmallClasses([cell('a', 3), cell('b', 3), cell('c', 4)]);
    // a + b = 6 ≥ 5; c = 4 alone is short, so it joins (a, b).
    expect(merged).toEqual([{ labels: ['a', 'b', 'c'], expected: 10, observed: 10 }]);
  });

  it('keeps everything in one class when the total expects less than 5', () => {
    expect(mergeSmallClasses([cell('a', 1), cell('b', 2)])).toEqual([
      { labels: ['a', 'b'], expected: 3, observed: 3 },
    ]);
  });

  it('preserves the totals and never leaves a class under 5 when the total allows', () => {
    const cells = Array.from({ length: 40 }, (_, i) => cell(`c${i}`, ((i * 7919) % 13) / 3 + 0.01, i % 4));
    const merged = mergeSmallClasses(cells);
    const sum = (xs: readonly { expected: number; observed: number }[], k: 'expected' | 'observed') =>
      xs.reduce((a, c) => a + c[k], 0);
    expect(sum(merged, 'expected')).toBeCloseTo(sum(cells, 'expected'), 9);
    expect(sum(merged, 'observed')).toBe(sum(cells, 'observed'));
    for (const c of merged) expect(c.expected).toBeGreaterThanOrEqual(5);
    expect(merged.flatMap((c) => c.labels).sort()).toEqual(cells.map((c) => c.label).sort());
  });
});

describe('χ² fit over independent groups', () => {
  it('adds the statistic and (classes − 1) per group', () => {
    const fit = chiSquareFit([
      // 100 trials: 30/70 observed against 25/75 expected → 1 + 1/3.
      { name: 'g1', cells: [cell('a', 25, 30), cell('none', 75, 70)] },
      // a fair die, 60 throws, perfectly even: contributes 0 with 5 dof.
      { name: 'g2', cells: [1, 2, 3, 4, 5, 6].map((face) => cell(String(face), 10, 10)) },
    ]);
    expect(fit.dof).toBe(1 + 5);
    expect(fit.statistic).toBeCloseTo(1 + 1 / 3, 12);
    expect(fit.pValue).toBeGreaterThan(0.9);
  });

  it('merges before testing, so tiny expectations do not blow the statistic up', () => {
    const fit = chiSquareFit([
      { name: 'g', cells: [cell('rare', 0.01, 1), cell('rarer', 0.001, 0), cell('none', 999.989, 999)] },
    ]);
    // rare + rarer + none pooled into one class: nothing left to test.
    expect(fit.dof).toBe(0);
    expect(fit.pValue).toBeNull();
  });

  it('an outcome observed with probability zero fails outright', () => {
    const fit = chiSquareFit([
      { name: 'g', cells: [cell('ghost', 0, 1), cell('none', 99, 98), cell('a', 1, 1)] },
    ]);
    expect(fit.statistic).toBe(Number.POSITIVE_INFINITY);
    expect(fit.pValue).toBe(0);
    expect(fit.impossible).toEqual([{ label: 'ghost', expected: 0, observed: 1, group: 'g' }]);
  });

  it('a gross misfit gets a tiny p-value', () => {
    const fit = chiSquareFit([{ name: 'g', cells: [cell('a', 500, 600), cell('b', 500, 400)] }]);
    expect(fit.statistic).toBeCloseTo(40, 12);
    expect(fit.pValue).toBeLessThan(1e-9);
  });
});
