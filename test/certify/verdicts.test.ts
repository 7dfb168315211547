import { describe, expect, it } from 'vitest';
import { chiSquareFit } from '../../src/certify/goodness-of-fit.js';
import type { ReelStopTest } from '../../src/certify/reel-test.js';
import { minimumRounds, overallStatus, roundsToSettle, verdictLine } from '../../src/certify/verdict.js';
import type { Verdict } from '../../src/certify/verdict.js';
import { combinationsVerdict } from '../../src/certify/verdict-combinations.js';
import { rngVerdict } from '../../src/certify/verdict-rng.js';
import { rtpExactVerdict } from '../../src/certify/verdict-rtp-exact.js';
import { rtpTargetVerdict } from '../../src/certify/verdict-rtp-target.js';
import { componentsVerdict } from '../../src/certify/verdict-components.js';
import type { ComponentRow } from '../../src/certify/components.js';
import { normalTwoSided } from '../../src/certify/chi-square.js';
import { frac } from '../../src/math/fraction.js';
import { HALF_WIDTH, simulatedRtp } from './simulated-rtp.js';

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
    expect(verdictLine(outside)).toMatch(/outside the 99% interval 92\.4242% … 97\.5758%/);
  });

  it('says when the sd is the simulation’s own', () => {
    const v = rtpExactVerdict({
      exact: { ...known(0.95, 10), sdSource: 'simulated' },
      simulated: { rtp: 0.95, rounds: 1e6 },
    });
    expect(v.status).toBe('PASS');
    expect(v.notes.join(' ')).toMatch(/simulation's own sd/);
  });

  it('states its sensitivity: the deviation it detects and the rounds that resolve the tolerance', () => {
    // sd 10, 1e6 rounds: a deviation of 2.5758 × 10 / 1000 = 0.025758 is detected half the time,
    // (2.5758 + 2.3263) × 0.01 = 0.0490218 99% of the time; ±0.0005 needs (2.5758 × 10 / 0.0005)² rounds.
    const v = rtpExactVerdict({
      exact: known(0.95, 10),
      simulated: { rtp: 0.95, rounds: 1e6 },
      tolerance: 0.0005,
    });
    expect(v.figures.detectableDeviation).toBeCloseTo(0.025758, 6);
    expect(v.figures.detectableDeviation99).toBeCloseTo(0.0490218, 6);
    expect(v.figures.roundsForTolerance).toBe(Math.ceil(((2.5758293035489004 * 10) / 0.0005) ** 2));
    expect(v.figures.roundsForTolerance).toBe(2_653_958_641);
    expect(v.notes.join(' ')).toMatch(
      /tolerance ±0\.05 percentage points is resolved .* from about 2,653,958,641 rounds/,
    );
  });

  it('INCONCLUSIVE with too few rounds for the normal approximation (Cochran: n > 25·skewness²); one round never passes', () => {
    expect(minimumRounds(20)).toBe(10_000);
    const one = rtpExactVerdict({
      exact: { ...known(0.95, 10), skewness: { value: 20, source: 'exact' } },
      simulated: { rtp: 0.95, rounds: 1 },
    });
    expect(one.status).toBe('INCONCLUSIVE');
    expect(verdictLine(one)).toMatch(
      /1 rounds are too few to judge: the 99% interval needs more than 10,000/,
    );
    const enough = rtpExactVerdict({
      exact: { ...known(0.95, 10), skewness: { value: 20, source: 'exact' } },
      simulated: { rtp: 0.95, rounds: 10_000 },
    });
    expect(enough.status).toBe('PASS');
    // Even without a skewness, one round is never enough.
    expect(rtpExactVerdict({ exact: known(0.95, 10), simulated: { rtp: 0.95, rounds: 1 } }).status).toBe(
      'INCONCLUSIVE',
    );
  });

  it('N/A when a binding cap leaves no exact RTP, with the uncapped bound', () => {
    const v = rtpExactVerdict({
      exact: { kind: 'unknown', reasons: ['the max-win cap (500× stake) can bind'], uncappedRtp: 0.9674 },
      simulated: { rtp: 0.9565, rounds: 1e7 },
    });
    expect(v.status).toBe('N/A');
    expect(verdictLine(v)).toMatch(/cap \(500× stake\) can bind/);
    expect(verdictLine(v)).toMatch(/96\.7400%, is only an upper bound; the simulated 95\.6500% is below it/);
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
    expect(verdictLine(beyond)).toMatch(/outside 96\.5% ± 0\.05 percentage points/);
  });

  it('FAIL with the numbers when the RTP is far off', () => {
    const v = rtpTargetVerdict({ target, rtp: { kind: 'exact', rtp: 0.94, fraction: frac(47, 50) } });
    expect(v.status).toBe('FAIL');
    expect(v.figures).toMatchObject({ rtp: 0.94, target: 0.965, tolerance: 0.0005 });
    expect(v.figures.distance).toBeCloseTo(0.025, 12);
  });

  it('double-precision RTPs are compared in doubles and say so', () => {
    const v = rtpTargetVerdict({ target, rtp: { kind: 'exact-double', rtp: 0.9652 } });
    expect(v.status).toBe('PASS');
    expect(v.notes.join(' ')).toMatch(/exact-double: computed in double precision/);
  });

  it('N/A without a target', () => {
    const v = rtpTargetVerdict({ target: null, rtp: { kind: 'exact', rtp: 0.9, fraction: frac(9, 10) } });
    expect(v.status).toBe('N/A');
    expect(verdictLine(v)).toMatch(/declares no "rtp" target/);
  });

  it('a simulated RTP: PASS only inside the band, FAIL wholly outside, INCONCLUSIVE across an edge, with the rounds to settle it', () => {
    // sd 10 over 1e7 rounds: half-width 2.5758 × 10 / √1e7 = 0.0081455.
    const half = HALF_WIDTH;
    const simulated = simulatedRtp;
    const wide = { target: 0.957, tolerance: 0.01, source: 'declared' } as const;
    // thunder-anvil's case in the issue: 0.946887 … 0.962019 against 0.947 … 0.967 was called PASS.
    const straddle = rtpTargetVerdict({ target: wide, rtp: simulated(0.9544) });
    expect(straddle.status).toBe('INCONCLUSIVE');
    expect(verdictLine(straddle)).toMatch(/is neither inside nor wholly outside/);
    // The interval is narrower than the band (0.0163 < 0.02): it merely is not inside it.
    expect(2 * half).toBeLessThan(0.02);
    expect(JSON.stringify(straddle)).not.toMatch(/wider than the band/);
    expect(straddle.notes.join(' ')).toMatch(/reaches below the band's floor/);
    // Settled once the half-width fits between 0.9544 and the floor 0.947: (2.5758 × 10 / 0.0074)².
    const settle = Math.ceil(((2.5758293035489004 * 10) / (0.9544 - 0.947)) ** 2);
    expect(straddle.figures.roundsToSettle).toBe(settle);
    expect(settle).toBe(roundsToSettle(10, 0.9544 - 0.947));
    expect(verdictLine(straddle)).toContain(`about ${settle.toLocaleString('en-US')} rounds would settle it`);
    expect(rtpTargetVerdict({ target: wide, rtp: simulated(0.957) }).status).toBe('PASS');
    const fail = rtpTargetVerdict({ target: wide, rtp: simulated(0.93) });
    expect(fail.status).toBe('FAIL');
    expect(verdictLine(fail)).toMatch(/lies wholly outside/);
    // Too few rounds for the interval: INCONCLUSIVE whatever it says.
    const few = rtpTargetVerdict({
      target: wide,
      rtp: { ...simulated(0.957), rounds: 100, skewness: 20 },
    });
    expect(few.status).toBe('INCONCLUSIVE');
    expect(verdictLine(few)).toMatch(/too few for the 99% interval .* more than 10,000/);
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

  it('FAIL on a combination that cannot occur; INCONCLUSIVE without detail or classes to test', () => {
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
    expect(combinationsVerdict({ fit: null, rounds: 0, groups: 1 }).status).toBe('INCONCLUSIVE');
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
    expect(combinationsVerdict({ fit: tiny, rounds: 4, groups: 1 }).status).toBe('INCONCLUSIVE');
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

  it('INCONCLUSIVE without detail', () => {
    expect(rngVerdict({ reels: [], serial: null, rounds: 0 }).status).toBe('INCONCLUSIVE');
  });

  it('says what it covers: the seeded simulation generator, not the production RNG', () => {
    const v = rngVerdict({
      reels: [reel(1, [100, 104, 96, 100])],
      serial: serial(0.3, 0.76),
      rounds: 400,
      scope: {
        generator: 'aes-128-ctr',
        quality: { level: 'cryptographic', note: 'AES' },
        productionCertificate: 'GLI-19 cert 12-345, dieharder -a all passed',
      },
    });
    expect(v.notes.join(' ')).toMatch(
      /seeded simulation generator aes-128-ctr .* do not test the production RNG/,
    );
    expect(v.notes.join(' ')).toContain('GLI-19 cert 12-345, dieharder -a all passed');
  });
});

describe('verdict 5: each part against its exact figure (Bonferroni)', () => {
  const part = (name: string, z: number | null, untested: string | null = null): ComponentRow => ({
    name,
    unit: 'of the stake per round',
    theoretical: 0.5,
    precision: 'exact',
    simulated: 0.5,
    difference: 0,
    sd: 1,
    trials: 1e6,
    z,
    pValue: z === null ? null : normalTwoSided(z),
    untested,
    inVerdict: true,
  });

  it('z = 2.9 (p = 0.0037) passes among three parts (0.01 / 3 = 0.0033) but z = 3.3 (p = 0.00097) fails', () => {
    const pass = componentsVerdict([part('lines', 2.9), part('scatter', 0.1), part('free spins', -1)]);
    expect(pass.status).toBe('PASS');
    expect(pass.figures.threshold).toBeCloseTo(0.01 / 3, 15);
    const fail = componentsVerdict([part('lines', 0.2), part('scatter', 3.3), part('free spins', -1)]);
    expect(fail.status).toBe('FAIL');
    expect(verdictLine(fail)).toMatch(/^scatter \(z = \+3\.30, p = 9\.\d+e-4\) below/);
  });

  it('INCONCLUSIVE when no part has enough trials; N/A with no exact figure', () => {
    expect(componentsVerdict([part('bonus', null, 'fewer than 1,000 trials')]).status).toBe('INCONCLUSIVE');
    expect(componentsVerdict([part('bonus', null, 'no exact figure')]).status).toBe('N/A');
  });
});

describe('overall', () => {
  const v = (status: Verdict['status']): Verdict =>
    status === 'N/A'
      ? { id: 'rng', title: 't', method: 'm', figures: {}, details: [], notes: [], status, reason: 'r' }
      : { id: 'rng', title: 't', method: 'm', figures: {}, details: [], notes: [], status, summary: 's' };
  it('fails when any verdict fails; else INCONCLUSIVE when any is; N/A neither fails nor settles', () => {
    expect(overallStatus([v('PASS'), v('N/A')])).toBe('PASS');
    expect(overallStatus([v('PASS'), v('FAIL'), v('N/A')])).toBe('FAIL');
    expect(overallStatus([v('PASS'), v('INCONCLUSIVE'), v('N/A')])).toBe('INCONCLUSIVE');
    expect(overallStatus([v('INCONCLUSIVE'), v('FAIL')])).toBe('FAIL');
  });
});
