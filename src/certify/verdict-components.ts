import type { ComponentRow } from './components.js';
import { MIN_EXPECTED, MIN_NONZERO } from './components.js';
import type { Verdict } from './verdict.js';
import { ALPHA } from './verdict.js';
import { formatP } from './verdict-combinations.js';
import { signedFixed, signedPoints } from '../report/format.js';

const TITLE = 'Each part of the game agrees with its exact figure';

/**
 * Verdict 5: every part of the theoretical-against-simulated table (the RTP's parts, the hit
 * frequency, trigger rates, free spins per trigger, cap hits) must have p ≥ 0.01 / m over its m
 * tested rows (Bonferroni), so a correct game fails it at most 1% of the time. INCONCLUSIVE when no
 * row has enough trials to test; N/A when the game has no exact figure to test against.
 */
export function componentsVerdict(rows: readonly ComponentRow[]): Verdict {
  const method = `z = (simulated − exact) / (sd / √trials) for each part, with the exact sd of one trial; two-sided p; Bonferroni: each of the m tested parts must have p ≥ 0.01 / m. A mean is tested once at least ${MIN_NONZERO.toLocaleString('en-US')} trials are expected to touch it, a rate once at least ${MIN_EXPECTED} of each outcome are expected. The round's RTP is verdict 1's.`;
  const base = { id: 'components' as const, title: TITLE, method };
  const candidates = rows.filter((r) => r.inVerdict);
  const tested = candidates.filter((r) => r.pValue !== null);
  const details = candidates.map(
    (r) =>
      [
        r.name,
        r.pValue === null
          ? `not tested: ${r.untested ?? '—'}`
          : `Δ = ${componentDifference(r)}, z = ${signedFixed(r.z!, 3)}, p = ${formatP(r.pValue)}`,
      ] as const,
  );
  if (candidates.every((r) => r.untested === 'no exact figure')) {
    return {
      ...base,
      status: 'N/A',
      reason: 'no part of the game has an exact figure to test against',
      figures: { tests: 0 },
      details,
      notes: [],
    };
  }
  if (tested.length === 0) {
    return {
      ...base,
      status: 'INCONCLUSIVE',
      summary: 'too few rounds: no part has enough trials to test',
      figures: { tests: 0 },
      details,
      notes: [],
    };
  }
  const m = tested.length;
  const threshold = ALPHA / m;
  const failed = tested.filter((r) => r.pValue! < threshold);
  const smallest = Math.min(...tested.map((r) => r.pValue!));
  return {
    ...base,
    status: failed.length === 0 ? 'PASS' : 'FAIL',
    summary:
      failed.length === 0
        ? `${m} parts tested, smallest p = ${formatP(smallest)} ≥ ${formatP(threshold)} (0.01 / ${m})`
        : `${failed.map((r) => `${r.name} (z = ${signedFixed(r.z!, 2)}, p = ${formatP(r.pValue!)})`).join(', ')} below ${formatP(threshold)} (0.01 / ${m})`,
    figures: { tests: m, threshold, smallestP: smallest, failed: failed.length },
    details,
    notes: [],
  };
}

/**
 * A part's simulated − exact for people: percentage points for a part of the RTP or a rate (the
 * table gives both figures in percent), spins for the mean spins per trigger.
 */
export function componentDifference(r: Pick<ComponentRow, 'unit' | 'difference'>): string {
  if (r.unit !== 'spins per trigger') return signedPoints(r.difference);
  return `${r.difference >= 0 ? '+' : '−'}${Math.abs(r.difference).toFixed(4)} spins`;
}
