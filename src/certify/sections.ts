import type { Game } from '../engine/model.js';
import type { Analysis, Combination } from '../math/analysis-types.js';
import { toNumber } from '../math/fraction.js';
import type { SimulationDetail } from '../sim/detail-types.js';
import type { SimulationReport } from '../sim/simulate.js';
import { observeCombination } from './combination-test.js';
import type { FitResult } from './goodness-of-fit.js';
import type { ReelStopTest } from './reel-test.js';
import type {
  CombinationRow,
  CombinationsSection,
  DistributionSection,
  ReelSection,
  SimulationSection,
} from './report-types.js';

export function simulationSection(report: SimulationReport): SimulationSection {
  return {
    rounds: report.spins,
    rtp: report.rtp,
    components: report.components,
    hitFrequency: report.hitFrequency,
    sd: report.sd,
    confidence: report.confidence,
    freeSpins: report.freeSpins,
    bonus: report.bonus,
    maxWinObserved: report.maxWinObserved,
    maxWinObservedX: report.maxWinObservedX,
    cap: report.cap,
    totals: report.totals,
  };
}

/** Simulated win distribution, next to the exact one when the cycle was enumerated. */
export function distributionSection(
  game: Game,
  analysis: Analysis,
  report: SimulationReport,
): DistributionSection {
  const exact = analysis.paidSpin?.distribution ?? null;
  const features = game.freeSpins !== null || game.bonus !== null;
  return {
    exactScope: exact === null ? null : features ? 'paid spin only (features excluded)' : 'round',
    rows: report.distribution.map((row, i) => {
      const e = exact?.[i];
      return {
        bucket: row.bucket,
        simulated: { count: row.count, share: row.share, rtp: row.rtp, shareOfRtp: row.shareOfRtp },
        exact: e === undefined ? null : { share: e.share, rtp: e.rtp, shareOfRtp: e.shareOfRtp },
      };
    }),
  };
}

function combinationRow(
  c: Combination,
  spin: 'paid' | 'free',
  stake: number,
  detail: SimulationDetail | null,
): CombinationRow {
  const observation = detail === null || detail.rounds === 0 ? null : observeCombination(c, detail);
  return {
    key: c.key,
    spin,
    kind: c.kind,
    label: c.label,
    pay: c.pay,
    payX: c.pay / stake,
    hits: c.hits.toString(),
    trials: c.trials,
    probability: toNumber(c.probability),
    perSpin: toNumber(c.perSpin),
    oneIn: c.oneIn,
    rtp: toNumber(c.rtp),
    shareOfRtp: c.shareOfRtp,
    observed: observation?.observed ?? null,
    expected: observation?.expected ?? null,
  };
}

/** The PAR table (paid spin, then free spins), with observed counts and the χ² test. */
export function combinationsSection(
  analysis: Analysis,
  detail: SimulationDetail,
  fit: FitResult | null,
  groups: readonly { readonly name: string; readonly trials: number }[],
): CombinationsSection {
  const stake = analysis.stake;
  return {
    rows: [
      ...analysis.combinations.map((c) => combinationRow(c, 'paid', stake, detail)),
      ...(analysis.freeSpins?.combinations ?? []).map((c) => combinationRow(c, 'free', stake, null)),
    ],
    test:
      fit === null
        ? null
        : {
            groups,
            statistic: Number.isFinite(fit.statistic) ? fit.statistic : null,
            dof: fit.dof,
            pValue: fit.pValue,
            classes: fit.classes,
          },
  };
}

export function reelSections(tests: readonly ReelStopTest[]): ReelSection[] {
  return tests.map((t) => ({
    reel: t.reel,
    stops: t.stops,
    drawBound: t.drawBound,
    weighted: t.weighted,
    draws: t.draws,
    statistic: t.fit.statistic,
    dof: t.fit.dof,
    pValue: t.fit.pValue,
    observed: t.observed,
    expected: t.expected,
  }));
}
