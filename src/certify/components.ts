import type { Analysis, Figure, Precision } from '../math/analysis-types.js';
import { toNumber } from '../math/fraction.js';
import type { SimulationReport } from '../sim/simulate.js';
import { normalTwoSided } from './chi-square.js';

/** One row of "theoretical against simulated": a figure, its exact value and the simulation's. */
export interface ComponentRow {
  readonly name: string;
  /** What the figure is a share or a mean of: the stake per paid round, paid rounds, or triggers. */
  readonly unit: 'of the stake per round' | 'of rounds' | 'spins per trigger';
  readonly theoretical: number;
  readonly precision: Precision;
  readonly simulated: number;
  /** simulated − theoretical. */
  readonly difference: number;
  /** The theoretical sd of one trial (a round, or a triggered round), or null when unknown. */
  readonly sd: number | null;
  /** Trials the simulated figure averages: rounds, or triggers. */
  readonly trials: number;
  /** difference / (sd / √trials), and its two-sided p-value; null when not tested (see `untested`). */
  readonly z: number | null;
  readonly pValue: number | null;
  /** Why the row has no z, or null. */
  readonly untested: string | null;
  /** Whether verdict 5 counts the row (the round's RTP is verdict 1's). */
  readonly inVerdict: boolean;
}

/** A part that few trials touch is mostly noise: rows are tested only past these counts. */
export const MIN_NONZERO = 1_000;
export const MIN_EXPECTED = 10;

const known = (f: Figure | null): f is Figure =>
  f !== null && (f.precision === 'exact' || f.precision === 'exact-double');

interface RowSpec {
  readonly name: string;
  readonly unit: ComponentRow['unit'];
  readonly theory: Figure | null;
  readonly simulated: number;
  readonly sd: number | null;
  readonly trials: number;
  /** Expected trials where the part is not zero (means), or expected successes and failures (rates). */
  readonly support: { readonly kind: 'mean'; readonly nonzero: number } | { readonly kind: 'rate' };
  readonly inVerdict: boolean;
}

function row(spec: RowSpec): ComponentRow {
  const { theory, simulated, trials } = spec;
  const theoretical = theory?.value ?? Number.NaN;
  const base = {
    name: spec.name,
    unit: spec.unit,
    theoretical,
    precision: theory?.precision ?? 'simulated',
    simulated,
    difference: simulated - theoretical,
    trials,
    inVerdict: spec.inVerdict,
  } as const;
  let untested: string | null = null;
  let sd = spec.sd;
  if (!known(theory)) untested = 'no exact figure';
  else if (spec.support.kind === 'rate') {
    sd = Math.sqrt(theoretical * (1 - theoretical));
    const expected = Math.min(theoretical, 1 - theoretical) * trials;
    if (expected < MIN_EXPECTED)
      untested = `fewer than ${MIN_EXPECTED} expected in ${trials.toLocaleString('en-US')} trials`;
  } else if (sd === null) untested = 'its sd is unknown';
  else if (spec.support.nonzero < MIN_NONZERO) {
    untested = `fewer than ${MIN_NONZERO.toLocaleString('en-US')} trials expected to touch it (${Math.round(spec.support.nonzero).toLocaleString('en-US')})`;
  }
  if (untested !== null || sd === null || trials === 0) {
    return { ...base, sd, z: null, pValue: null, untested: untested ?? 'no trials' };
  }
  const se = sd / Math.sqrt(trials);
  const z = se > 0 ? base.difference / se : base.difference === 0 ? 0 : Number.POSITIVE_INFINITY;
  return { ...base, sd, z, pValue: Number.isFinite(z) ? normalTwoSided(z) : 0, untested: null };
}

/**
 * Theoretical against simulated, one table: the RTP and each of its parts, the hit frequency, the
 * trigger rates, free spins per trigger and cap hits, each with Δ, z = Δ / (sd / √trials) under the
 * exact figures, and its two-sided p. A part's sd is much smaller than the round's, so a part can
 * show an implementation error that the whole RTP hides.
 */
export function componentRows(analysis: Analysis, simulation: SimulationReport): ComponentRow[] {
  const n = simulation.spins;
  const sds = analysis.componentSd;
  const c = analysis.components;
  const s = simulation.components;
  const hit = analysis.hitFrequency?.value ?? 1;
  const rows: RowSpec[] = [
    {
      name: 'RTP',
      unit: 'of the stake per round',
      theory: analysis.rtp,
      simulated: simulation.rtp,
      sd: analysis.sd !== null && known(analysis.sd) ? analysis.sd.value : null,
      trials: n,
      support: { kind: 'mean', nonzero: n * hit },
      inVerdict: false,
    },
    {
      name: 'lines / ways',
      unit: 'of the stake per round',
      theory: c.lines,
      simulated: s.lines,
      sd: sds?.lines ?? null,
      trials: n,
      support: { kind: 'mean', nonzero: n * (analysis.paidSpin?.hitFrequency.value ?? 0) },
      inVerdict: true,
    },
  ];
  if (analysis.scatter !== null) {
    // Scatter rows are per count, so disjoint: their chances per spin add up.
    const pScatter = analysis.combinations
      .filter((row) => row.kind === 'scatter')
      .reduce((acc, row) => acc + toNumber(row.perSpin), 0);
    rows.push({
      name: 'scatter',
      unit: 'of the stake per round',
      theory: c.scatter,
      simulated: s.scatter,
      sd: sds?.scatter ?? null,
      trials: n,
      support: { kind: 'mean', nonzero: n * pScatter },
      inVerdict: true,
    });
  }
  if (analysis.paidSpin !== null) {
    rows.push({
      name: 'paid spin (lines / ways + scatter)',
      unit: 'of the stake per round',
      theory: analysis.paidSpin.rtp,
      simulated: s.lines + s.scatter,
      sd: sds?.paidSpin ?? null,
      trials: n,
      support: { kind: 'mean', nonzero: n * analysis.paidSpin.hitFrequency.value },
      inVerdict: true,
    });
  }
  const fs = analysis.freeSpins;
  if (fs !== null) {
    const triggers = simulation.freeSpins.triggers;
    rows.push(
      {
        name: 'free spins',
        unit: 'of the stake per round',
        theory: c.freeSpins,
        simulated: s.freeSpins,
        sd: sds?.freeSpins ?? null,
        trials: n,
        support: { kind: 'mean', nonzero: n * analysis.pFreeSpinsTrigger.value },
        inVerdict: true,
      },
      {
        name: 'free-spin trigger rate',
        unit: 'of rounds',
        theory: analysis.pFreeSpinsTrigger,
        simulated: n > 0 ? triggers / n : 0,
        sd: null,
        trials: n,
        support: { kind: 'rate' },
        inVerdict: true,
      },
      {
        name: 'free spins per trigger',
        unit: 'spins per trigger',
        theory: analysis.expectedFreeSpinsPerTrigger,
        simulated: simulation.freeSpins.averageLength,
        sd: sds?.spinsPerTrigger ?? null,
        trials: triggers,
        support: { kind: 'mean', nonzero: triggers },
        inVerdict: true,
      },
    );
  }
  if (analysis.bonus !== null) {
    rows.push(
      {
        name: 'bonus',
        unit: 'of the stake per round',
        theory: c.bonus,
        simulated: s.bonus,
        sd: sds?.bonus ?? null,
        trials: n,
        support: { kind: 'mean', nonzero: n * analysis.pBonusTrigger.value },
        inVerdict: true,
      },
      {
        name: 'bonus trigger rate',
        unit: 'of rounds',
        theory: analysis.pBonusTrigger,
        simulated: n > 0 ? simulation.bonus.triggers / n : 0,
        sd: null,
        trials: n,
        support: { kind: 'rate' },
        inVerdict: true,
      },
    );
  }
  rows.push({
    name: 'hit frequency',
    unit: 'of rounds',
    theory: analysis.hitFrequency,
    simulated: simulation.hitFrequency,
    sd: null,
    trials: n,
    support: { kind: 'rate' },
    inVerdict: true,
  });
  const capHit = analysis.maxWin.capHit;
  if (analysis.maxWin.capCredits !== null && analysis.maxWin.canBind) {
    rows.push({
      name: 'max-win cap reached',
      unit: 'of rounds',
      theory: capHit,
      simulated: n > 0 ? simulation.cap.hits / n : 0,
      sd: null,
      trials: n,
      support: { kind: 'rate' },
      inVerdict: true,
    });
  }
  return rows.map(row);
}
