import type { Game } from '../engine/model.js';
import type { Analysis } from '../math/analysis-types.js';
import { frac, mul, sum, toNumber } from '../math/fraction.js';
import { prizeDistribution } from '../math/prize-distribution.js';
import { WorkBudget } from '../math/work-budget.js';
import type { SimulationDetail } from '../sim/detail-types.js';
import { combinationGroups } from './combination-test.js';
import { drawTests } from './draw-tests.js';
import type { DrawTest } from './draw-tests.js';
import { chiSquareFit } from './goodness-of-fit.js';
import type { FitResult } from './goodness-of-fit.js';
import { reelStopTests } from './reel-test.js';
import type { ReelStopTest } from './reel-test.js';

/** The coverage tests of the features, before they become a verdict and a section. */
export interface FeatureTests {
  readonly features: number;
  readonly freeTrials: number;
  readonly bonuses: number;
  /** Paying combinations of the trial free spins against one free spin's PAR table (null: no free spins). */
  readonly freeCombinations: FitResult | null;
  readonly freeGroups: readonly { readonly name: string; readonly trials: number }[];
  /** Stops of each free reel on the trial free spins against the reel's weights. */
  readonly freeReels: readonly ReelStopTest[];
  /** The award (spins) each feature started with, against its exact distribution (null: unknown). */
  readonly awards: {
    readonly rows: readonly {
      readonly awarded: number;
      readonly observed: number;
      readonly expected: number;
    }[];
    readonly fit: FitResult;
  } | null;
  /** The prize of each bonus (credits, before the cap) against the prize tree's distribution. */
  readonly prizes: FitResult | null;
  /**
   * Format 2: the features' own weighted draws against their weights — drawn awards, a mode's start
   * draw, hold-and-win coin values and landings.
   */
  readonly draws: readonly DrawTest[];
  /** Why a test could not be made, per test. */
  readonly notes: readonly string[];
}

/**
 * P(award | free spins played): without a binding cap, the paid spin's trigger counts (exact);
 * with one, the whole-round distribution's (a paid spin that reached the cap starts nothing).
 */
function awardChances(analysis: Analysis): Map<number, number> | null {
  const fs = analysis.freeSpins;
  if (fs === null) return null;
  const chances = new Map<number, number>();
  const capped = analysis.round?.distribution;
  if (analysis.maxWin.canBind) {
    if (capped === null || capped === undefined || !capped.capped) return null;
    const total = capped.awards.reduce((a, b) => a + b.probability, 0);
    for (const a of capped.awards) chances.set(a.awarded, a.probability / total);
    return chances;
  }
  const rows = fs.triggers.filter((row) => row.value > 0);
  const total = sum(rows.map((row) => row.probability));
  for (const row of rows) {
    chances.set(
      row.value,
      (chances.get(row.value) ?? 0) + toNumber(mul(row.probability, frac(total.d, total.n))),
    );
  }
  return chances;
}

/**
 * Coverage of the game's feature states by the detailed rounds: the paying combinations and reel
 * stops of the free spins played whatever their outcomes, the awards that started each feature,
 * and the bonus prizes, each a χ² test against the exact figures.
 */
export function featureTests(game: Game, analysis: Analysis, detail: SimulationDetail): FeatureTests {
  const f = detail.features;
  const notes: string[] = [];
  const fs = analysis.freeSpins;
  let freeCombinations: FitResult | null = null;
  let freeGroups: { name: string; trials: number }[] = [];
  let freeReels: ReelStopTest[] = [];
  let awards: FeatureTests['awards'] = null;
  if (fs === null && game.freeSpins !== null) {
    // No exact analysis of the free spins (a format-2 mechanic): their stops still follow the weights.
    freeReels = f.freeTrials > 0 ? reelStopTests(game.freeSpins.reelSet.reels, f.freeStopCounts) : [];
    notes.push(
      "the free spins' paying combinations and the awards have no exact probabilities yet (the exact analysis does not cover this game's mechanics): not tested",
    );
  }
  if (fs !== null && game.freeSpins !== null) {
    const groups = combinationGroups(fs.combinations, {
      groups: f.freeGroups,
      combinations: f.freeCombinations,
    });
    freeGroups = groups.map((g, i) => ({ name: g.name, trials: f.freeGroups[i]?.trials ?? 0 }));
    if (f.freeTrials > 0 && groups.length > 0) freeCombinations = chiSquareFit(groups);
    freeReels = f.freeTrials > 0 ? reelStopTests(game.freeSpins.reelSet.reels, f.freeStopCounts) : [];
    const chances = awardChances(analysis);
    if (chances === null)
      notes.push(
        'the awards have no exact distribution here (the cap binds and its figures were not computed)',
      );
    else if (f.features > 0) {
      const rows = [...chances].map(([awarded, p]) => ({
        awarded,
        observed: f.awards.find((a) => a.awarded === awarded)?.count ?? 0,
        expected: f.features * p,
      }));
      const unknown = f.awards.filter((a) => !chances.has(a.awarded));
      const fit = chiSquareFit([
        {
          name: 'awards',
          cells: [
            ...rows.map((r) => ({ label: `${r.awarded} spins`, observed: r.observed, expected: r.expected })),
            ...unknown.map((a) => ({
              label: `${a.awarded} spins (impossible)`,
              observed: a.count,
              expected: 0,
            })),
          ],
        },
      ]);
      awards = { rows, fit };
    }
  }
  let prizes: FitResult | null = null;
  if (game.bonus !== null && f.bonuses > 0) {
    const dist = prizeDistribution(game.bonus.prize, Number.POSITIVE_INFINITY, new WorkBudget(1e8));
    if (dist === null) notes.push('the bonus prize tree has too many outcomes to test');
    else {
      const seen = new Map(f.prizes.map((p) => [p.prize, p.count]));
      prizes = chiSquareFit([
        {
          name: 'bonus prizes',
          cells: [
            ...[...dist].map(([prize, p]) => ({
              label: `${prize} credits`,
              observed: seen.get(prize) ?? 0,
              expected: f.bonuses * p,
            })),
            ...f.prizes
              .filter((p) => !dist.has(p.prize))
              .map((p) => ({ label: `${p.prize} credits (impossible)`, observed: p.count, expected: 0 })),
          ],
        },
      ]);
    }
  }
  return {
    features: f.features,
    freeTrials: f.freeTrials,
    bonuses: f.bonuses,
    freeCombinations,
    freeGroups,
    freeReels,
    awards,
    prizes,
    draws: drawTests(detail.format2?.tallies ?? [], 'features'),
    notes,
  };
}
