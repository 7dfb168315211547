import type { FeatureTests } from './feature-tests.js';
import type { FitResult } from './goodness-of-fit.js';
import type { Verdict } from './verdict.js';
import { ALPHA } from './verdict.js';
import { formatP } from './verdict-combinations.js';

const TITLE = 'Free spins and bonus outcomes match their probabilities';

/**
 * Verdict 6: the coverage χ² tests of the features — the trial free spins' paying combinations and
 * reel stops, the awards that started each feature, the bonus prizes — each must have p ≥ 0.01 / m
 * over its m tests (Bonferroni). An outcome the exact figures say cannot happen fails it.
 */
export function featuresVerdict(t: FeatureTests, hasFeatures: boolean): Verdict {
  const method = `Pearson’s χ² (classes merged to expect ≥ 5) of: the paying combinations of the free spins played whatever their outcomes (one group in rotation per spin, as in verdict 3), their reel stops per free reel, the award that started each feature, and each bonus prize${t.draws.length > 0 ? '; and each weighted draw of a feature (drawn awards, a mode’s start, hold-and-win coin values and landings) against its weights' : ''}; Bonferroni: each of the m tests must have p ≥ 0.01 / m.`;
  const base = { id: 'features' as const, title: TITLE, method };
  if (!hasFeatures) {
    return {
      ...base,
      status: 'N/A',
      reason: 'the game has no free spins, no bonus and no hold and win',
      figures: {},
      details: [],
      notes: [],
    };
  }
  const tests: [string, FitResult][] = [];
  if (t.freeCombinations !== null) tests.push(['free-spin paying combinations', t.freeCombinations]);
  for (const r of t.freeReels) tests.push([`free reel ${r.reel} stops`, r.fit]);
  if (t.awards !== null) tests.push(['awards per feature', t.awards.fit]);
  if (t.prizes !== null) tests.push(['bonus prizes', t.prizes]);
  for (const d of t.draws) tests.push([d.name, d.fit]);
  const details = tests.map(
    ([name, fit]) =>
      [
        name,
        fit.impossible.length > 0
          ? `impossible outcomes seen: ${fit.impossible.map((c) => `${c.label} (${c.observed}×)`).join(', ')}`
          : fit.pValue === null
            ? 'too few to test'
            : `χ² = ${fit.statistic.toFixed(2)}, ${fit.dof} dof, p = ${formatP(fit.pValue)}`,
      ] as const,
  );
  const counted = `${t.features.toLocaleString('en-US')} free-spin features (${t.freeTrials.toLocaleString('en-US')} trial spins), ${t.bonuses.toLocaleString('en-US')} bonuses${t.draws.length > 0 ? `, ${t.draws.reduce((n, d) => n + d.draws, 0).toLocaleString('en-US')} feature draws` : ''}`;
  const made = tests.filter(([, fit]) => fit.pValue !== null);
  if (made.length === 0) {
    return {
      ...base,
      status: 'INCONCLUSIVE',
      summary: `too few feature outcomes in the detailed rounds to test (${counted})`,
      figures: { tests: 0, features: t.features, bonuses: t.bonuses },
      details,
      notes: [...t.notes],
    };
  }
  const m = made.length;
  const threshold = ALPHA / m;
  const failed = made.filter(([, fit]) => fit.pValue! < threshold);
  const smallest = Math.min(...made.map(([, fit]) => fit.pValue!));
  return {
    ...base,
    status: failed.length === 0 ? 'PASS' : 'FAIL',
    summary:
      failed.length === 0
        ? `${m} tests over ${counted}, smallest p = ${formatP(smallest)} ≥ ${formatP(threshold)} (0.01 / ${m})`
        : `${failed.map(([name, fit]) => `${name} (p = ${formatP(fit.pValue!)})`).join(', ')} below ${formatP(threshold)} (0.01 / ${m})`,
    figures: { tests: m, threshold, smallestP: smallest, features: t.features, bonuses: t.bonuses },
    details,
    notes: [...t.notes],
  };
}
