import type { Combination } from '../math/analysis-types.js';
import { frac, sub, sum, toNumber } from '../math/fraction.js';
import type { DetailCombination, DetailCombinationCount, SimulationDetail } from '../sim/detail-types.js';
import type { FitGroup } from './goodness-of-fit.js';
import type { Cell } from './merge-classes.js';

/** Whether a simulated combination is this row of the PAR table. */
export function sameCombination(row: Combination, c: DetailCombination): boolean {
  return (
    row.kind === c.kind && row.rule === c.rule && row.count === c.count && row.multiplier === c.multiplier
  );
}

function groupName(
  kind: 'lines' | 'ways' | 'scatter',
  rule: number | null,
  combinations: readonly Combination[],
): string {
  if (kind === 'lines') return 'one payline per round';
  if (kind === 'scatter') return 'scatter count';
  const label = combinations.find((c) => c.kind === 'ways' && c.rule === rule)?.label.replace(/ ×\d+$/, '');
  return `ways rule ${rule}${label === undefined ? '' : ` (${label})`}`;
}

/**
 * The χ² groups of the paying-combination test: for each group of sampled trials (see
 * `DetailGroup`), one cell per paying combination of that group (expected = trials × its chance
 * per trial), one cell for "no paying combination", and a zero-probability cell for anything the
 * simulation saw that the PAR table says cannot happen.
 */
export function combinationGroups(
  combinations: readonly Combination[],
  detail: Pick<SimulationDetail, 'groups' | 'combinations'>,
): FitGroup[] {
  return detail.groups.map((group) => {
    const kind = group.kind === 'lines' ? 'line' : group.kind;
    const rows = combinations.filter((c) => c.kind === kind && (kind !== 'ways' || c.rule === group.rule));
    const seen = detail.combinations.filter(
      (c) => c.kind === kind && (kind !== 'ways' || c.rule === group.rule),
    );
    // Chance per trial: per payline for lines, per spin otherwise.
    const chance = (row: Combination) => (kind === 'line' ? row.probability : row.perSpin);
    const cells: Cell[] = rows.map((row) => ({
      label: row.label,
      observed: seen.find((c) => sameCombination(row, c))?.sampled ?? 0,
      expected: group.trials * toNumber(chance(row)),
    }));
    for (const c of seen) {
      if (c.sampled > 0 && !rows.some((row) => sameCombination(row, c))) {
        cells.push({ label: describeUnknown(c), observed: c.sampled, expected: 0 });
      }
    }
    const none = sub(frac(1), sum(rows.map(chance)));
    const observedPaying = cells.reduce((acc, cell) => acc + cell.observed, 0);
    cells.push({
      label: 'no paying combination',
      observed: group.trials - observedPaying,
      expected: group.trials * toNumber(none),
    });
    return { name: groupName(group.kind, group.rule, combinations), cells };
  });
}

export function describeUnknown(c: DetailCombination): string {
  return `${c.kind} rule ${c.rule ?? '-'} ×${c.count} (multiplier ${c.multiplier}), not in the PAR table`;
}

/** Occurrences over every payline / rule of the detailed rounds, against the PAR table's expectation. */
export interface CombinationObservation {
  readonly observed: number;
  readonly expected: number;
}

export function observeCombination(row: Combination, detail: SimulationDetail): CombinationObservation {
  const seen: DetailCombinationCount | undefined = detail.combinations.find((c) => sameCombination(row, c));
  return { observed: seen?.all ?? 0, expected: detail.rounds * toNumber(row.perSpin) };
}
