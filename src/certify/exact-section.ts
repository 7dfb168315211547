import type { Game } from '../engine/model.js';
import type { Analysis, Figure } from '../math/analysis-types.js';
import { toText } from '../math/fraction.js';
import type { ExactSection, FigureJson } from './report-types.js';

export function figureJson(figure: Figure): FigureJson {
  return {
    value: figure.value,
    precision: figure.precision,
    fraction: figure.precision === 'exact' && figure.exact !== null ? toText(figure.exact) : null,
  };
}

/** The exact analysis's headline figures, as the report shows them. */
export function exactSection(game: Game, analysis: Analysis): ExactSection {
  const c = analysis.components;
  return {
    exact: analysis.exact,
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
    topAward:
      analysis.topAward === null
        ? null
        : { label: analysis.topAward.label, x: analysis.topAward.x, oneIn: analysis.topAward.oneIn },
    declaredRtp: game.rtp === null ? null : { target: game.rtp.target, tolerance: game.rtp.tolerance },
  };
}
