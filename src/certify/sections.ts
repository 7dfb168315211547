import type { Game } from '../engine/model.js';
import type { Analysis, Combination } from '../math/analysis-types.js';
import { frac, mul, sum, toNumber } from '../math/fraction.js';
import { exactDistributionRows } from '../math/round-table.js';
import { bucketTable } from '../stats/distribution.js';
import type { SimulationDetail } from '../sim/detail-types.js';
import type { SimulationReport } from '../sim/simulate.js';
import { observeCombination } from './combination-test.js';
import type { FeatureTests } from './feature-tests.js';
import type { FitResult } from './goodness-of-fit.js';
import type { ReelStopTest } from './reel-test.js';
import type { DrawTest } from './draw-tests.js';
import type {
  CoverageSection,
  FitSection,
  CombinationRow,
  CombinationsSection,
  DistributionSection,
  DrawSection,
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
    holdAndWin: report.holdAndWin,
    maxWinObserved: report.maxWinObserved,
    maxWinObservedX: report.maxWinObservedX,
    cap: report.cap,
    totals: report.totals,
  };
}

/**
 * The simulated win distribution of whole rounds, next to the exact one of whole rounds (paid
 * spin, bonus and free spins together) when it could be computed; with a cap, the cap has its own
 * bucket and there is none above it.
 */
export function distributionSection(
  game: Game,
  analysis: Analysis,
  histogram: ReadonlyMap<number, bigint>,
): DistributionSection {
  // A round stakes its mode's cost.
  const stake = game.cost;
  const cap = game.maxWinCredits;
  const simulated = bucketTable(histogram, stake, cap);
  const d = analysis.round?.distribution ?? null;
  const exact = d === null ? null : exactDistributionRows(d, stake, analysis.rtp.value);
  return {
    exactScope: exact === null ? null : 'round',
    exactPrecision: exact === null ? null : 'exact-double',
    exactReason:
      exact !== null
        ? null
        : analysis.simulatedOnly === true
          ? "the exact analysis does not cover this game's mechanics yet, so the exact whole-round distribution is unknown"
          : analysis.round === null
            ? 'the cycle was not enumerated, so the exact whole-round distribution is unknown'
            : `the exact whole-round distribution was ${analysis.round.reason ?? 'not computed'}`,
    cap: cap === null ? null : { credits: cap, x: cap / stake },
    rows: simulated.map((row, i) => {
      const e = exact?.[i];
      return {
        bucket: row.bucket,
        cap: row.cap,
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
  multiplier: number,
  cycle: bigint,
  detail: SimulationDetail | null,
): CombinationRow {
  const observation = detail === null || detail.rounds === 0 ? null : observeCombination(c, detail);
  const pay = c.pay * multiplier;
  return {
    key: c.key,
    spin,
    kind: c.kind,
    label: c.label,
    pay,
    payX: pay / stake,
    multiplier,
    basePay: c.pay,
    hits: c.hits.toString(),
    cycle: cycle.toString(),
    trials: c.trials,
    probability: toNumber(c.probability),
    perSpin: toNumber(c.perSpin),
    oneIn: c.oneIn,
    rtp: c.gameRtp.value,
    rtpPrecision: c.gameRtp.precision,
    shareOfRtp: c.shareOfGameRtp,
    observed: observation?.observed ?? null,
    expected: observation?.expected ?? null,
  };
}

/**
 * The PAR table (paid spin, then one free spin), with observed counts and the χ² test. Every row's
 * `rtp` is its worth to the game per paid round, and `shareOfRtp` its share of the named denominator.
 */
export function combinationsSection(
  analysis: Analysis,
  detail: SimulationDetail,
  fit: FitResult | null,
  groups: readonly { readonly name: string; readonly trials: number }[],
  label: (key: string) => string = (key) => key,
): CombinationsSection {
  const stake = analysis.stake;
  const fs = analysis.freeSpins;
  return {
    observed:
      detail.format2 === null
        ? null
        : detail.format2.combinations.map((c) => ({ key: c.key, label: label(c.key), count: c.all })),
    denominator: { ...analysis.parDenominator },
    freeSpinMultiplier: fs?.multiplier ?? null,
    rows: [
      ...analysis.combinations.map((c) => combinationRow(c, 'paid', stake, 1, analysis.cycle, detail)),
      ...(fs?.combinations ?? []).map((c) =>
        combinationRow(c, 'free', stake, fs!.multiplier, fs!.cycle, null),
      ),
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

export function fitSection(fit: FitResult): FitSection {
  return {
    statistic: Number.isFinite(fit.statistic) ? fit.statistic : null,
    dof: fit.dof,
    pValue: fit.pValue,
    classes: fit.classes,
    impossible: fit.impossible.map((c) => ({ label: c.label, observed: c.observed })),
  };
}

/** The credits the paid spin's whole cycle pays, exactly, from the per-reel PAR table (before the cap). */
function cycleCredits(analysis: Analysis): bigint {
  const total = sum(analysis.combinations.map((c) => c.rtp));
  const credits = mul(total, frac(analysis.cycle * BigInt(analysis.stake)));
  return credits.n / credits.d;
}

/** Coverage of every game state: the enumeration's agreement, and the features' tests. */
export function coverageSection(analysis: Analysis, t: FeatureTests): CoverageSection {
  const enumerated = analysis.paidSpin;
  return {
    fullCycle:
      enumerated === null
        ? null
        : `The full-cycle enumeration of the paid spin (${enumerated.combinations.toLocaleString('en-US')} stop combinations, ${analysis.cycle.toLocaleString('en-US')} weighted) reproduced the per-reel analytic RTP to the credit: ${cycleCredits(analysis).toLocaleString('en-US')} credits over the cycle, line/ways and scatter wins alike${enumerated.freeSpin === null ? '' : `; the free reel set's ${enumerated.freeSpin.combinations.toLocaleString('en-US')} stop combinations were enumerated too`}.`,
    features: t.features,
    freeTrials: t.freeTrials,
    bonuses: t.bonuses,
    freeCombinations:
      t.freeCombinations === null ? null : { ...fitSection(t.freeCombinations), groups: t.freeGroups },
    freeReels: reelSections(t.freeReels),
    awards: t.awards === null ? null : { rows: t.awards.rows, test: fitSection(t.awards.fit) },
    prizes: t.prizes === null ? null : fitSection(t.prizes),
    notes: t.notes,
  };
}

export function drawSections(tests: readonly DrawTest[], part: DrawSection['part']): DrawSection[] {
  return tests.map((t) => ({
    name: t.name,
    part,
    draws: t.draws,
    labels: t.labels,
    observed: t.observed,
    expected: t.expected,
    test: fitSection(t.fit),
  }));
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
