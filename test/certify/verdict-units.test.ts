import { describe, expect, it } from 'vitest';
import type { ComponentRow } from '../../src/certify/components.js';
import type { Verdict } from '../../src/certify/verdict.js';
import { verdictLine } from '../../src/certify/verdict.js';
import { componentsVerdict } from '../../src/certify/verdict-components.js';
import { rtpExactVerdict } from '../../src/certify/verdict-rtp-exact.js';
import { rtpTargetVerdict } from '../../src/certify/verdict-rtp-target.js';
import { frac } from '../../src/math/fraction.js';
import { simulatedRtp } from './simulated-rtp.js';

/** Everything a person reads of a verdict: its line, its details and its notes. */
function text(v: Verdict): string {
  return [verdictLine(v), ...v.details.map(([label, value]) => `${label}: ${value}`), ...v.notes].join('\n');
}

/**
 * An RTP-like fraction printed bare: a decimal with four or more digits after the point that is
 * not a percentage. Verdicts 1 and 2 print no other such number (z, skewness and counts have fewer
 * digits or a thousands separator; the sd of a round is written "× stake").
 */
const BARE_FRACTION = /(?<![\d.,])\d+\.\d{4,}(?![\d%×]|\s*×| percentage point)/g;

function bareFractions(v: Verdict): string[] {
  return text(v).match(BARE_FRACTION) ?? [];
}

const wide = { target: 0.957, tolerance: 0.01, source: 'declared' } as const;

/** A simulated RTP with sd 10 over 1e7 rounds: half-width 2.5758 × 10 / √1e7 = 0.0081455. */
const simulated = simulatedRtp;

describe('the RTP verdicts speak in percent of the stake (one unit convention with the tables)', () => {
  it('verdict 2 PASS on an exact RTP: RTP, target, band and distance in percent and percentage points', () => {
    // 0.947011 against 0.957 ± 0.01: the band is 94.70% … 96.70%, the distance 0.009989 = 0.9989 points.
    const v = rtpTargetVerdict({
      target: wide,
      rtp: { kind: 'exact', rtp: 0.947011, fraction: frac(947011, 1e6) },
    });
    expect(v.status).toBe('PASS');
    expect(verdictLine(v)).toBe(
      'exact RTP 94.7011% is within 95.7% ± 1 percentage point (94.7% … 96.7%, declared): 0.9989 percentage points from the target',
    );
    expect(bareFractions(v)).toEqual([]);
    expect(text(v)).not.toMatch(/0\.947|0\.957|0\.01\b/);
    // The machine figures stay fractions (report.json's contract).
    expect(v.figures).toMatchObject({ rtp: 0.947011, target: 0.957, tolerance: 0.01 });
  });

  it('verdict 2 FAIL and INCONCLUSIVE on a simulated RTP: interval and rounds to settle in percent', () => {
    const fail = rtpTargetVerdict({ target: wide, rtp: simulated(0.93) });
    expect(fail.status).toBe('FAIL');
    // 0.93 ± 0.0081455: 92.1855% … 93.8145%.
    expect(verdictLine(fail)).toContain(
      'simulated RTP 93.0000%: its 99% interval 92.1855% … 93.8145% lies wholly outside',
    );
    expect(bareFractions(fail)).toEqual([]);
    const straddle = rtpTargetVerdict({ target: wide, rtp: simulated(0.9544) });
    expect(straddle.status).toBe('INCONCLUSIVE');
    expect(verdictLine(straddle)).toMatch(/rounds would settle it if the estimate stays at 95\.4400%/);
    expect(verdictLine(straddle)).toContain('95.7% ± 1 percentage point (94.7% … 96.7%, declared)');
    expect(bareFractions(straddle)).toEqual([]);
    expect(straddle.figures).toMatchObject({ rtp: 0.9544, target: 0.957 });
  });

  it('verdict 1 (exact against simulated): RTPs, interval, z and sensitivity in percent and percentage points', () => {
    // sd 10, 1e6 rounds: half-width 0.025758 (2.5758 points), 99%-power deviation 0.0490218.
    const v = rtpExactVerdict({
      exact: { kind: 'known', rtp: 0.95, precision: 'exact', sd: 10, sdSource: 'exact' },
      simulated: { rtp: 0.975, rounds: 1e6 },
      tolerance: 0.0005,
    });
    expect(v.status).toBe('PASS');
    expect(verdictLine(v)).toBe(
      'simulated 97.5000% is inside the 99% interval 92.4242% … 97.5758% around the exact 95.0000% (z = +2.50); deviations beyond ±2.5758 percentage points are detected',
    );
    const notes = v.notes.join(' ');
    expect(notes).toContain(
      'a true RTP 2.5758 percentage points away from the exact one is detected half the time, and 4.9022 percentage points away 99% of the time',
    );
    expect(notes).toContain('the declared tolerance ±0.05 percentage points is resolved');
    expect(bareFractions(v)).toEqual([]);
    expect(v.figures).toMatchObject({ exactRtp: 0.95, simulatedRtp: 0.975 });
  });

  it('verdict 1 without an exact RTP: the uncapped bound and the simulated RTP in percent', () => {
    const v = rtpExactVerdict({
      exact: { kind: 'unknown', reasons: ['the max-win cap (500× stake) can bind'], uncappedRtp: 0.9674 },
      simulated: { rtp: 0.9565, rounds: 1e6 },
    });
    expect(verdictLine(v)).toMatch(/96\.7400%, is only an upper bound; the simulated 95\.6500% is below it/);
    expect(bareFractions(v)).toEqual([]);
  });

  it('verdict 5: the Δ of a part of the RTP or of a rate is in percentage points, of a mean of spins in spins', () => {
    const row = (name: string, unit: ComponentRow['unit'], difference: number): ComponentRow => ({
      name,
      unit,
      theoretical: 0.5,
      precision: 'exact',
      simulated: 0.5 + difference,
      difference,
      sd: 1,
      trials: 1e6,
      z: 1,
      pValue: 0.3173,
      untested: null,
      inVerdict: true,
    });
    const v = componentsVerdict([
      row('lines', 'of the stake per round', 0.0009954),
      row('hit frequency', 'of rounds', -0.001421),
      row('free spins per trigger', 'spins per trigger', 0.03176),
    ]);
    const details = Object.fromEntries(v.details);
    expect(details.lines).toMatch(/^Δ = \+0\.0995 percentage points, z = \+1\.000/);
    expect(details['hit frequency']).toMatch(/^Δ = −0\.1421 percentage points, z = \+1\.000/);
    expect(details['free spins per trigger']).toMatch(/^Δ = \+0\.0318 spins, z = \+1\.000/);
  });
});
