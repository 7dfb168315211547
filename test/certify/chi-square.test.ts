import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  lnGamma,
  normalTwoSided,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../src/certify/chi-square.js';

describe('lnGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [5, Math.log(24)],
    [10.5, 13.940625219403763],
    [171, 706.5730622457874],
  ])('lnGamma(%d)', (a, expected) => {
    expect(lnGamma(a)).toBeCloseTo(expected, 10);
  });
});

describe('χ² survival function (critical values from standard tables)', () => {
  it.each([
    // [statistic, dof, upper-tail probability]
    [3.841458820694124, 1, 0.05],
    [6.634896601021214, 1, 0.01],
    [10.827566170662733, 1, 0.001],
    [5.991464547107979, 2, 0.05],
    [18.307038053275146, 10, 0.05],
    [23.209251158954356, 10, 0.01],
    [124.34211340400407, 100, 0.05],
    [135.80672317102676, 100, 0.01],
    [1106.9689943522174, 1000, 0.01],
    [10331.933577929449, 10000, 0.01],
  ])('χ² = %d with %d dof → p = %d', (x, dof, p) => {
    expect(chiSquareSurvival(x, dof)).toBeCloseTo(p, 9);
  });

  it('χ² = 3.84 with 1 dof is about 0.05', () => {
    expect(chiSquareSurvival(3.84, 1)).toBeCloseTo(0.05004, 4);
  });

  it('2 dof is exactly exp(−x/2)', () => {
    for (const x of [0.1, 1, 4, 20, 100]) expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
  });

  it('the median of a large-dof χ² is near dof(1 − 2/(9 dof))³ and tails are tiny far out', () => {
    const dof = 100_000;
    expect(chiSquareSurvival(dof * (1 - 2 / (9 * dof)) ** 3, dof)).toBeCloseTo(0.5, 3);
    expect(chiSquareSurvival(2 * dof, dof)).toBeLessThan(1e-300);
    expect(chiSquareSurvival(dof / 2, dof)).toBe(1);
  });

  it('is monotone, 1 at 0 and 0 at infinity; P + Q = 1', () => {
    expect(chiSquareSurvival(0, 5)).toBe(1);
    expect(chiSquareSurvival(Number.POSITIVE_INFINITY, 5)).toBe(0);
    let previous = 1;
    for (let x = 0.5; x < 60; x += 0.5) {
      const p = chiSquareSurvival(x, 7);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
    for (const [a, x] of [
      [0.5, 0.2],
      [3, 2.5],
      [3, 8],
      [50, 49],
      [50, 70],
    ] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
  });

  it('rejects a bad dof', () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
    expect(() => chiSquareSurvival(1, 1.5)).toThrow(RangeError);
  });
});

describe('normal two-sided p-value', () => {
  it.each([
    [0, 1],
    [1.959963984540054, 0.05],
    [-2.5758293035489004, 0.01],
    [3.2905267314918945, 0.001],
  ])('z = %d → p = %d', (z, p) => {
    expect(normalTwoSided(z)).toBeCloseTo(p, 12);
  });
});

describe('χ² survival function against scipy.stats.chi2.sf (far tails, relative accuracy)', () => {
  it.each([
    [200, 50, 7.857610724654791e-20],
    [60, 10, 3.6243009520614924e-9],
    [106_000, 100_000, 7.59571914687191e-40],
  ])('sf(%d, %d)', (x, dof, p) => {
    expect(Math.abs(chiSquareSurvival(x, dof) - p) / p).toBeLessThan(1e-9);
  });

  it('near 1: Q(15, 0.75)', () => {
    expect(1 - chiSquareSurvival(1.5, 30)).toBeCloseTo(1 - 0.9999999999999949, 15);
  });
});
