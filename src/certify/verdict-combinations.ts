import type { FitResult } from './goodness-of-fit.js';
import type { Verdict } from './verdict.js';
import { ALPHA } from './verdict.js';

export interface CombinationsVerdictInput {
  /** The fit, or null when no round was played with detail. */
  readonly fit: FitResult | null;
  /** Rounds the trials were drawn from. */
  readonly rounds: number;
  readonly groups: number;
  /** Why the test cannot be made at all (no exact probabilities for the game's mechanics), or absent. */
  readonly notApplicable?: string;
}

const TITLE = "Paying combinations' frequencies match their probabilities";

/** Verdict 3: Pearson's χ² of the sampled combination counts, classes merged to expect ≥ 5, p ≥ 1%. */
export function combinationsVerdict(input: CombinationsVerdictInput): Verdict {
  const { fit, rounds } = input;
  const method =
    "Each detailed round is one trial of one group (one payline, one ways rule or the scatter count, in rotation by the round's index), so trials are independent and each group is multinomial; classes expecting fewer than 5 are merged; FAIL when p < 0.01.";
  const base = { id: 'combinations' as const, title: TITLE, method };
  if (input.notApplicable !== undefined) {
    return {
      ...base,
      status: 'N/A',
      reason: input.notApplicable,
      figures: { rounds, statistic: null, dof: null, pValue: null },
      details: [],
      notes: [],
    };
  }
  if (input.groups === 0) {
    return {
      ...base,
      status: 'N/A',
      reason: 'the paid spin has no paying combination to test',
      figures: { rounds, statistic: null, dof: null, pValue: null },
      details: [],
      notes: [],
    };
  }
  if (fit === null || rounds === 0) {
    return {
      ...base,
      status: 'INCONCLUSIVE',
      summary: 'not tested: no round was played with per-round detail (--detail-spins)',
      figures: { rounds, statistic: null, dof: null, pValue: null },
      details: [],
      notes: [],
    };
  }
  if (fit.impossible.length > 0) {
    const what = fit.impossible.map((c) => `${c.label} (${c.observed}×)`).join(', ');
    return {
      ...base,
      status: 'FAIL',
      summary: `the simulation produced combinations the PAR table says cannot occur: ${what}`,
      figures: { rounds, statistic: null, dof: fit.dof, pValue: 0, impossible: fit.impossible.length },
      details: [['impossible combinations', what]],
      notes: [],
    };
  }
  if (fit.pValue === null) {
    return {
      ...base,
      status: 'INCONCLUSIVE',
      summary: `too few rounds (${rounds.toLocaleString('en-US')}): after merging classes to expect ≥ 5, nothing is left to test`,
      figures: { rounds, statistic: fit.statistic, dof: 0, pValue: null },
      details: [],
      notes: [],
    };
  }
  const pass = fit.pValue >= ALPHA;
  return {
    ...base,
    status: pass ? 'PASS' : 'FAIL',
    summary: `χ² = ${fit.statistic.toFixed(2)} with ${fit.dof} degrees of freedom, p = ${formatP(fit.pValue)} (${pass ? '≥' : '<'} 0.01)`,
    figures: {
      rounds,
      groups: input.groups,
      classes: fit.classes.length,
      statistic: fit.statistic,
      dof: fit.dof,
      pValue: fit.pValue,
    },
    details: [
      ['rounds (trials)', rounds.toLocaleString('en-US')],
      ['groups', String(input.groups)],
      ['classes after merging', String(fit.classes.length)],
      ['χ²', fit.statistic.toFixed(3)],
      ['degrees of freedom', String(fit.dof)],
      ['p-value', formatP(fit.pValue)],
    ],
    notes: [],
  };
}

/** A p-value for people: 4 significant digits, scientific below 0.001. */
export function formatP(p: number): string {
  if (p === 0) return '0';
  return p < 0.001 ? p.toExponential(2) : p.toFixed(4);
}
