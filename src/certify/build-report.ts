import type { Game } from '../engine/model.js';
import type { Analysis } from '../math/analysis-types.js';
import type { SimulationDetail } from '../sim/detail-types.js';
import type { SimulationReport } from '../sim/simulate.js';
import { combinationGroups } from './combination-test.js';
import { componentRows } from './components.js';
import { componentsVerdict } from './verdict-components.js';
import { convergence } from './convergence.js';
import { exactSection } from './exact-section.js';
import { describeGame } from './game-description.js';
import { chiSquareFit } from './goodness-of-fit.js';
import { reelStripSets } from './reel-strips.js';
import { reelStopTests } from './reel-test.js';
import type { CertifyIdentification, CertifyReport, RngScope } from './report-types.js';
import { certifiableRngs, rngQuality } from './rng-scope.js';
import type { RngName } from '../rng/index.js';
import {
  combinationsSection,
  coverageSection,
  distributionSection,
  drawSections,
  reelSections,
  simulationSection,
} from './sections.js';
import { drawTests } from './draw-tests.js';
import { featureTests } from './feature-tests.js';
import { featuresVerdict } from './verdict-features.js';
import { distributionSkewness, histogramSkewness } from './moments.js';
import type { Skewness } from './moments.js';
import { serialTest } from './serial-test.js';
import { overallStatus } from './verdict.js';
import { combinationsVerdict } from './verdict-combinations.js';
import { rngVerdict } from './verdict-rng.js';
import { rtpExactVerdict } from './verdict-rtp-exact.js';
import type { ExactRtpInput } from './verdict-rtp-exact.js';
import { rtpTargetVerdict } from './verdict-rtp-target.js';
import type { TargetRtpInput } from './verdict-rtp-target.js';
import { volatilitySection } from './volatility-section.js';

export interface BuildReportInput {
  readonly game: Game;
  readonly analysis: Analysis;
  readonly simulation: SimulationReport;
  readonly detail: SimulationDetail;
  /** The simulation's round wins (credits → rounds), exactly. */
  readonly histogram: ReadonlyMap<number, bigint>;
  readonly identification: CertifyIdentification;
  readonly analysisSeconds: number;
}

/** The exact RTP and sd the verdicts may rely on (none when a binding cap leaves them inexact). */
export function exactRtpInput(
  analysis: Analysis,
  simulatedSd: number,
  skewness: Skewness | null = null,
): ExactRtpInput {
  const rtp = analysis.rtp;
  if (
    rtp.precision !== 'exact' &&
    rtp.precision !== 'exact-double' &&
    rtp.precision !== 'exact-expectation'
  ) {
    return { kind: 'unknown', reasons: analysis.notExact, uncappedRtp: analysis.uncapped?.rtp.value ?? null };
  }
  const sd = analysis.sd;
  const exactSd = sd !== null && (sd.precision === 'exact' || sd.precision === 'exact-double');
  return {
    kind: 'known',
    rtp: rtp.value,
    // An exact expectation is an exact mean: for the RTP, exact (its distribution is not used).
    precision: rtp.precision === 'exact-expectation' ? 'exact' : rtp.precision,
    sd: exactSd ? sd.value : simulatedSd,
    sdSource: exactSd ? 'exact' : 'simulated',
    skewness,
  };
}

export function targetRtpInput(
  analysis: Analysis,
  simulation: SimulationReport | null,
  skewness: Skewness | null = null,
): TargetRtpInput {
  const rtp = analysis.rtp;
  // An exact expectation's mean is exact (`exact` holds it): the RTP is a mean.
  if ((rtp.precision === 'exact' || rtp.precision === 'exact-expectation') && rtp.exact !== null) {
    return { kind: 'exact', rtp: rtp.value, fraction: rtp.exact };
  }
  if (rtp.precision === 'exact' || rtp.precision === 'exact-double')
    return { kind: 'exact-double', rtp: rtp.value };
  if (simulation === null) return { kind: 'unknown', reasons: analysis.notExact };
  return {
    kind: 'simulated',
    reasons: analysis.notExact,
    rtp: simulation.rtp,
    interval99: simulation.confidence['99'],
    rounds: simulation.spins,
    sd: simulation.sd,
    skewness: skewness?.value ?? null,
  };
}

function detailDescription(detail: SimulationDetail, rounds: number): string {
  const share =
    detail.rounds === rounds
      ? 'all'
      : `the first ${detail.rounds.toLocaleString('en-US')} of the ${rounds.toLocaleString('en-US')}`;
  return `The paying-combination, reel-stop and serial-correlation tests use ${share} simulated rounds (in play order), replayed one by one through a probe of every draw; the RTP figures use all rounds.`;
}

/** The skewness of one round's win: exact from the whole-round distribution, else the simulation's. */
export function roundSkewness(analysis: Analysis, histogram: ReadonlyMap<number, bigint>): Skewness | null {
  const d = analysis.round?.distribution ?? null;
  const exact = d === null ? null : distributionSkewness(d);
  if (exact !== null) return { value: exact, source: 'exact' };
  const simulated = histogramSkewness(histogram);
  return simulated === null ? null : { value: simulated, source: 'simulated' };
}

/**
 * A paying combination's key (`PayMechanic.combinationKey`, or `scatter:COUNT`) in words:
 * "R cluster of 8", "A ×4 (wilds ×6)", "H ×12 anywhere", "A ×5 ways", "SCAT ×3 scatter".
 */
export function combinationLabel(game: Game, key: string): string {
  const [kind, ...rest] = key.split(':');
  const n = rest.map(Number);
  if (kind === 'scatter') {
    const symbol = game.scatter === null ? 'scatter' : game.symbols[game.scatter.symbol]!.id;
    return `${symbol} ×${n[0]} scatter`;
  }
  const rule = game.pays[n[0]!];
  const name =
    rule === undefined
      ? `rule ${n[0]}`
      : rule.kind === 'kind'
        ? game.symbols[rule.symbol]!.id
        : `pattern ${rule.labels.join(' ')}`;
  switch (kind) {
    case 'line':
      return n[2] === 1 || n[2] === undefined ? `${name} ×${n[1]}` : `${name} ×${n[1]} (wilds ×${n[2]})`;
    case 'ways':
      return `${name} ×${n[1]} reels (ways)`;
    case 'cluster':
      return `${name} cluster of ${n[1]}`;
    case 'anywhere':
      return `${name} ×${n[1]} anywhere`;
    default:
      return key;
  }
}

/** Everything the report says, as data: figures, tests and verdicts. Pure. */
export function buildCertifyReport(input: BuildReportInput): CertifyReport {
  const { game, analysis, simulation, detail, identification } = input;
  const skewness = roundSkewness(analysis, input.histogram);
  const components = componentRows(analysis, simulation);
  const features = featureTests(game, analysis, detail);
  const quality = rngQuality(identification.rng as RngName);
  const rng: RngScope = {
    generator: identification.rng,
    quality,
    productionCertificate: identification.rngCertificate,
  };
  const nonCertifiable =
    quality.level === 'weak'
      ? [
          `the simulation generator ${identification.rng} is statistically weak (${quality.note}); certify with ${certifiableRngs().join(', ')}`,
        ]
      : [];
  const exact = exactRtpInput(analysis, simulation.sd, skewness);
  const fitGroups = combinationGroups(analysis.combinations, detail);
  const fit = detail.rounds > 0 && fitGroups.length > 0 ? chiSquareFit(fitGroups) : null;
  // A mode that starts in a feature has no paid spin: its stops are the free spins' (verdict 6).
  const reelTests = game.start === null ? reelStopTests(game.baseReelSet.reels, detail.stopCounts) : [];
  const reelDraws = drawTests(detail.format2?.tallies ?? [], 'reels');
  const simulatedOnly = analysis.simulatedOnly === true;
  const serial = serialTest(detail.serial);
  const groups = detail.groups.map((g, i) => ({ name: fitGroups[i]?.name ?? g.kind, trials: g.trials }));
  const verdicts = [
    rtpExactVerdict({
      exact,
      simulated: { rtp: simulation.rtp, rounds: simulation.spins },
      tolerance: game.rtp?.tolerance ?? null,
    }),
    rtpTargetVerdict({
      target: game.rtp === null ? null : { ...game.rtp, source: 'declared' },
      rtp: targetRtpInput(analysis, simulation, skewness),
    }),
    combinationsVerdict({
      fit,
      rounds: detail.rounds,
      groups: groups.length,
      ...(simulatedOnly
        ? {
            notApplicable: `the paying combinations have no exact probabilities yet${analysis.notExact.length === 0 ? '' : ` (${analysis.notExact.join('; ')})`}; the report lists those seen`,
          }
        : {}),
    }),
    rngVerdict({ reels: reelTests, serial, rounds: detail.rounds, scope: rng, draws: reelDraws }),
    componentsVerdict(components),
    featuresVerdict(
      features,
      game.freeSpins !== null || game.bonus !== null || game.holdAndWin !== null || features.draws.length > 0,
    ),
  ];
  const center =
    exact.kind === 'known'
      ? { value: exact.rtp, kind: 'exact' as const }
      : { value: simulation.rtp, kind: 'simulated' as const };
  const sd =
    exact.kind === 'known'
      ? { value: exact.sd, source: exact.sdSource }
      : { value: simulation.sd, source: 'simulated' as const };
  return {
    format: 'slotsim-certify/1',
    identification,
    overall: overallStatus(verdicts),
    certifiable: nonCertifiable.length === 0,
    nonCertifiable,
    rng,
    verdicts,
    exact: exactSection(game, analysis, simulation),
    simulation: simulationSection(simulation),
    components: { rows: components },
    convergence: convergence(simulation.chunks, game.cost, center, sd),
    distribution: distributionSection(game, analysis, input.histogram),
    combinations: combinationsSection(analysis, detail, fit, groups, (key) => combinationLabel(game, key)),
    reels: reelSections(reelTests),
    draws: [...drawSections(reelDraws, 'reels'), ...drawSections(features.draws, 'features')],
    serial,
    coverage: coverageSection(analysis, features),
    detail: { rounds: detail.rounds, description: detailDescription(detail, simulation.spins) },
    gameDescription: describeGame(game),
    reelStrips: reelStripSets(game),
    volatility: volatilitySection(analysis, simulation),
    timings: {
      analysisSeconds: input.analysisSeconds,
      simulationSeconds: simulation.elapsedSeconds,
      spinsPerSecond: simulation.spinsPerSecond,
    },
  };
}
