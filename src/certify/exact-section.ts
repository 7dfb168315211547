import type { Game } from '../engine/model.js';
import type { Analysis, Figure, LargestWin } from '../math/analysis-types.js';
import type { SimulationReport } from '../sim/simulate.js';
import { toText } from '../math/fraction.js';
import type { ExactSection, FigureJson, MaxExposure, WinOdds } from './report-types.js';

export function figureJson(figure: Figure): FigureJson {
  return {
    value: figure.value,
    precision: figure.precision,
    fraction: figure.precision === 'exact' && figure.exact !== null ? toText(figure.exact) : null,
  };
}

function odds(w: LargestWin | null): WinOdds | null {
  return w === null ? null : { credits: w.credits, x: w.x, oneIn: w.oneIn };
}

/** Max exposure: the largest wins of each kind, the cap and how often it is reached, and the bound. */
export function maxExposure(analysis: Analysis, simulation: SimulationReport): MaxExposure {
  const m = analysis.maxWin;
  const stake = analysis.stake;
  const n = simulation.spins;
  return {
    largestPaidSpin: odds(m.largestPaidSpin),
    largestFreeSpin: odds(m.largestFreeSpin),
    cap:
      m.capCredits === null
        ? null
        : {
            credits: m.capCredits,
            x: m.capCredits / stake,
            canBind: m.canBind,
            // Only a computed chance is "exact"; a simulated analysis's is the simulation's own.
            exactOneIn:
              m.capHit === null ||
              m.capHit.value === 0 ||
              (m.capHit.precision !== 'exact' && m.capHit.precision !== 'exact-double')
                ? null
                : 1 / m.capHit.value,
            simulatedHits: simulation.cap.hits,
            simulatedOneIn: simulation.cap.hits > 0 ? n / simulation.cap.hits : null,
          },
    largestObservedRound: { credits: simulation.maxWinObserved, x: simulation.maxWinObservedX, oneIn: null },
    roundBound: {
      credits: m.roundBound,
      x: m.roundBound / stake,
      from: m.roundBoundFrom,
      freeSpins: m.freeSpinsBound,
    },
  };
}

/** The free spins' multiplier, cap and retriggers: the analysis's, or the file's when it has none (format 2). */
function freeSpinsFacts(game: Game, analysis: Analysis): ExactSection['freeSpins'] {
  const fs = analysis.freeSpins;
  if (fs !== null) {
    return { multiplier: fs.multiplier, maxSpins: fs.maxSpins, retriggers: fs.pRetrigger.n > 0n };
  }
  const feature = game.freeSpins;
  if (feature === null) return null;
  return {
    multiplier: feature.multiplier,
    maxSpins: feature.maxSpins,
    retriggers: feature.retrigger.some((n) => n > 0) || feature.retriggerDraws.some((d) => d !== null),
  };
}

/** The exact analysis's headline figures, as the report shows them. */
export function exactSection(game: Game, analysis: Analysis, simulation: SimulationReport): ExactSection {
  const c = analysis.components;
  return {
    exact: analysis.exact,
    simulatedOnly: analysis.simulatedOnly === true,
    notExact: analysis.notExact,
    notes: analysis.notes,
    stake: analysis.stake,
    cycle: analysis.cycle.toString(),
    enumeration: analysis.enumeration,
    rtp: figureJson(analysis.rtp),
    components: {
      lines: figureJson(c.lines),
      scatter: figureJson(c.scatter),
      freeSpins: figureJson(c.freeSpins),
      bonus: figureJson(c.bonus),
      holdAndWin:
        analysis.holdAndWin === undefined || game.holdAndWin === null
          ? null
          : figureJson(analysis.holdAndWin),
    },
    hitFrequency: analysis.hitFrequency === null ? null : figureJson(analysis.hitFrequency),
    // The sd's `exact` holds the variance, not the sd: never print it as the sd's fraction.
    sd: analysis.sd === null ? null : { ...figureJson(analysis.sd), fraction: null },
    pFreeSpinsTrigger: figureJson(analysis.pFreeSpinsTrigger),
    expectedFreeSpinsPerTrigger:
      analysis.expectedFreeSpinsPerTrigger === null ? null : figureJson(analysis.expectedFreeSpinsPerTrigger),
    pBonusTrigger: figureJson(analysis.pBonusTrigger),
    volatilityIndex90: analysis.volatility?.['90'] ?? null,
    uncappedRtp: analysis.uncapped?.rtp.value ?? null,
    maxWin: {
      capX: analysis.maxWin.capX,
      canBind: analysis.maxWin.canBind,
      roundBoundX: analysis.maxWin.roundBound / analysis.stake,
    },
    freeSpins: freeSpinsFacts(game, analysis),
    maxExposure: maxExposure(analysis, simulation),
    declaredRtp: game.rtp === null ? null : { target: game.rtp.target, tolerance: game.rtp.tolerance },
  };
}
