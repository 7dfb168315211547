import { describe, expect, it } from 'vitest';
import { chiSquareFit } from '../../src/certify/goodness-of-fit.js';
import type { ReelStopTest } from '../../src/certify/reel-test.js';
import { overallStatus, verdictLine } from '../../src/certify/verdict.js';
import type { Verdict } from '../../src/certify/verdict.js';
import { combinationsVerdict } from '../../src/certify/verdict-combinations.js';
import { rngVerdict } from '../../src/certify/verdict-rng.js';
import { rtpExactVerdict } from '../../src/certify/verdict-rtp-exact.js';
import { rtpTargetVerdict } from '../../src/certify/verdict-rtp-target.js';
import { frac } from '../../src/math/fraction.js';

const known = (rtp: number, sd: number) =>
  ({ kind: 'known', rtp, precision: 'exact', sd, sdSource: 'exact' }) as const;

describe('verdict 1: simulated RTP inside the exact RTP’s 99% interval', () => {
  // sd 10, 1e6 rounds: half-width 2.5758 × 10 / 1000 = 0.025758.
  it('PASS just inside, FAIL just outside', () => {
    const inside = rtpExactVerdict({ exact: known(0.95, 10), simulated: { rtp: 0.975, rounds: 1e6 } });
    expect(inside.status).toBe('PASS');
    expect(inside.figures.low).toBeCloseTo(0.924242, 5);
    expect(inside.figures.high).toBeCloseTo(0.975758, 5);
    expect(inside.figures.z).toBeCloseTo(2.5, 10);
    const outside = rtpExactVerdict({ exact: known(0.95, 10), simulated: { rtp: 0.9236, rounds: 1e6 } });
    expect(outside.status).toBe('FAIL');
    expect(verdictLine(outside)).toMatch(/outside the 99% interval 0\.924242 … 0\.975758/);
  });

  it('says when the sd is the simulation’s own', () => {
    const v = rtpExactVerdict({
      exact: { ...known(0.95, 10), sdSource: 'simulated' },
      simulated: { rtp: 0.95, rounds: 1e6 },
    });
    expect(v.status).toBe('PASS');
    expect(v.notes.join(' ')).toMatch(/simulation's own sd/);
  });

  it('N/A when a binding cap leaves no exact RTP, with the uncapped bound', () => {
    const v = rtpExactVerdict({
      exact: { kind: 'unknown', reasons: ['the max-win cap (500× stake) can bind'], uncappedRtp: 0.9674 },
      simulated: { rtp: 0.9565, rounds: 1e7 },
    });
    expect(v.status).toBe('N/A');
    expect(verdictLine(v)).toMatch(/cap \(500× stake\) can bind/);
    expect(verdictLine(v)).toMatch(/0\.967400, is only an upper bound; the simulated 0\.956500 is below it/);
  });
});

describe('verdict 2: RTP within target ± tolerance', () => {
  const target = { target: 0.965, tolerance: 0.0005, source: 'declared' } as const;

  it('compares exact fractions exactly, boundary included', () => {
    // 0.9645 exactly = 1929/2000: on the boundary, so inside.
    const edge = rtpTargetVerdict({
      target,
      rtp: { kind: 'exact', rtp: 0.9645, fraction: frac(1929, 2000) },
    });
    expect(edge.status).toBe('PASS');
    // One part in 10^12 beyond the boundary: outside, though doubles could not tell.
    const beyond = rtpTargetVerdict({
      target,
      rtp: { kind: 'exact', rtp: 0.9645, fraction: frac(964_499_999_999n, 1_000_000_000_000n) },
    });
    expect(beyond.status).toBe('FAIL');
    expect(verdictLine(beyond)).toMatch(/outside 0\.965 ± 0\.0005/);
  });

  it('FAIL with the numbers when the RTP is far off', () => {
    const v = rtpTargetVerdict({ target, rtp: { kind: 'exact', rtp: 0.94, fraction: frac(47, 50) } });
    expect(v.status).toBe('FAIL');
    expect(v.figures).toMatchObject({ rtp: 0.94, target: 0.965, tolerance: 0.0005 });
    expect(v.figures.distance).toBeCloseTo(0.025, 12);
  });

  it('double-precision RTPs are compared in doubles and say so', () => {
    const v = rtpTargetVerdict({ target, rtp: { kind: 'double', rtp: 0.9652 } });
    expect(v.status).toBe('PASS');
    expect(v.notes.join(' ')).toMatch(/double precision/);
  });

  it('N/A without a target', () => {
    const v = rtpTargetVerdict({ target: null, rtp: { kind: 'exact', rtp: 0.9, fraction: frac(9, 10) } });
    expect(v.status).toBe('N/A');
    expect(verdictLine(v)).toMatch(/declares no "rtp" target/);
  });

  it('with a binding cap: the simulated 99% interval must reach the band, and says when it is not conclusive', () => {
    const simulated = (lo: number, hi: number) =>
      ({
        kind: 'simulated',
        reasons: ['the cap binds'],
        rtp: (lo + hi) / 2,
        interval99: [lo, hi],
        rounds: 1e7,
      }) as const;
    const wide = rtpTargetVerdict({ target, rtp: simulated(0.955, 0.97) });
    expect(wide.status).toBe('PASS');
    expect(verdictLine(wide)).toMatch(/not conclusive/);
    expect(wide.figures.conclusive).toBe(false);
    const narrow = rtpTargetVerdict({ target, rtp: simulated(0.9648, 0.9652) });
    expect(narrow.status).toBe('PASS');
    expect(narrow.figures.conclusive).toBe(true);
    const missed = rtpTargetVerdict({ target, rtp: simulated(0.94, 0.96) });
    expect(missed.status).toBe('FAIL');
    expect(verdictLine(missed)).toMatch(/misses/);
  });
});

describe('verdict 3: paying combinations', () => {
  const fit = (observedA: number) =>
    chiSquareFit([
      {
        name: 'lines',
        cells: [
          { label: 'A ×3', expected: 1000, observed: observedA },
          { label: 'none', expected: 9000, observed: 10_000 - observedA },
        ],
      },
    ]);

  it('PASS when consistent, FAIL when p < 0.01, with statistic, dof and p-value', () => {
    const pass = combinationsVerdict({ fit: fit(1010), rounds: 10_000, groups: 1 });
    expect(pass.status).toBe('PASS');
    expect(pass.figures).toMatchObject({ dof: 1 });
    const fail = combinationsVerdict({ fit: fit(1100), rounds: 10_000, groups: 1 });
    expect(fail.status).toBe('FAIL');
    // (100²/1000 + 100²/9000) = 11.11, p ≈ 0.00086.
    expect(fail.figures.statistic).toBeCloseTo(11.111, 3);
    expect(verdictLine(fail)).toMatch(/χ² = 11\.11 with 1 degrees of freedom, p = 8\.\d+e-4 \(< 0\.01\)/);
  });

  it('FAIL on a combination that cannot occur; N/A without detail or classes', () => {
    const ghost = chiSquareFit([
      {
        name: 'g',
        cells: [
          { label: 'ghost', expected: 0, observed: 2 },
          { label: 'none', expected: 98, observed: 96 },
        ],
      },
    ]);
    expect(combinationsVerdict({ fit: ghost, rounds: 98, groups: 1 }).status).toBe('FAIL');
    expect(combinationsVerdict({ fit: null, rounds: 0, groups: 0 }).status).toBe('N/A');
    const tiny = chiSquareFit([
      {
        name: 'g',
        cells: [
          { label: 'a', expected: 0.1, observed: 0 },
          { label: 'none', expected: 3.9, observed: 4 },
        ],
      },
    ]);
    expect(combinationsVerdict({ fit: tiny, rounds: 4, groups: 1 }).status).toBe('N/A');
  });
});

describe('verdict 4: reel stops and serial correlation (Bonferroni)', () => {
  const reel = (reelNumber: number, observed: number[]): ReelStopTest => {
    const draws = observed.reduce((a, b) => a + b, 0);
    const expected = observed.map(() => draws / observed.length);
    return {
      reel: reelNumber,
      stops: observed.length,
      drawBound: observed.length,
      weighted: false,
      draws,
      observed,
      expected,
      fit: chiSquareFit([
        {
          name: `reel ${reelNumber}`,
          cells: observed.map((o, i) => ({ label: `stop ${i}`, observed: o, expected: expected[i]! })),
        },
      ]),
    };
  };
  const serial = (z: number, pValue: number) => ({
    draws: 1e6,
    pairs: 1e6 - 1,
    correlation: z / 1000,
    z,
    pValue,
  });
  it('PASS with fair reels and no correlation', () => {
    const v = rngVerdict({
      reels: [reel(1, [100, 104, 96, 100]), reel(2, [99, 101, 100, 100])],
      serial: serial(0.3, 0.76),
      rounds: 400,
    });
    expect(v.status).toBe('PASS');
    expect(v.figures).toMatchObject({ tests: 3 });
    expect(v.figures.threshold).toBeCloseTo(0.01 / 3, 15);
  });

  it('FAIL on a biased reel, naming it', () => {
    const v = rngVerdict({
      reels: [reel(1, [100, 100, 100, 100]), reel(2, [160, 80, 80, 80])],
      serial: serial(0.3, 0.76),
      rounds: 400,
    });
    expect(v.status).toBe('FAIL');
    expect(verdictLine(v)).toMatch(/^reel 2 \(p = /);
  });

  it('p = 0.002 passes a single test at 1% but fails among three (0.01 / 3)', () => {
    const v = rngVerdict({
      reels: [reel(1, [100, 100, 100, 100]), reel(2, [100, 100, 100, 100])],
      serial: serial(3.09, 0.002),
      rounds: 400,
    });
    expect(v.status).toBe('FAIL');
    expect(verdictLine(v)).toMatch(/serial correlation/);
  });

  it('N/A without detail', () => {
    expect(rngVerdict({ reels: [], serial: null, rounds: 0 }).status).toBe('N/A');
  });
});

describe('overall', () => {
  const v = (status: Verdict['status']): Verdict =>
    status === 'N/A'
      ? { id: 'rng', title: 't', method: 'm', figures: {}, details: [], notes: [], status, reason: 'r' }
      : { id: 'rng', title: 't', method: 'm', figures: {}, details: [], notes: [], status, summary: 's' };
  it('fails when any verdict fails; N/A does not fail', () => {
    expect(overallStatus([v('PASS'), v('N/A')])).toBe('PASS');
    expect(overallStatus([v('PASS'), v('FAIL'), v('N/A')])).toBe('FAIL');
  });
});
