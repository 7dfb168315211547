/**
 * The whole round's win distribution of a format-2 game with every win at or above a limit (the
 * max-win cap) lumped at it, in doubles (`exact-double`): the capped figures when the cap can bind.
 *
 * As for a classic game (`round-distribution.ts`, whose free-spin programme this reuses), every win
 * is ≥ 0 and the round ends once the total reaches the cap, so the capped total is min(X, cap) of
 * the uncapped total X with the same draws, and min(X, cap) depends only on min(each part, cap).
 * Given the paid spin's class the parts are independent: min(X, cap) = min(P + b·B + H(c) + F(A), cap),
 * built in play order — the paid spin's win, ⊛ the prize, ⊛ the hold-and-win win, then the free spins
 * from each award (a drawn award mixes its entries) by the programme over (spins allotted, credits
 * won so far). The means after each stage give what each part adds after the cap.
 */
import type { Game } from '../../engine/model.js';
import { ratio } from '../../stats/ratio.js';
import type { CycleHistogram, SpinClass } from '../cycle-run.js';
import type { Distribution } from '../prize-distribution.js';
import { convolveDistributions } from '../prize-distribution.js';
import {
  cappedMoments,
  featureCost,
  featureDistribution,
  freeClassTables,
  powerDistributions,
} from '../round-distribution.js';
import type { FeatureResult, SpinClassTable } from '../round-distribution.js';
import type { WorkBudget } from '../work-budget.js';
import { awardDistribution } from './awards.js';
import type { SpinDistribution } from './spin-distribution.js';

/** One class of rounds for the programme (probabilities in doubles, credits lumped at the limit). */
export interface CappedClass {
  /** The paid spin's win within the class: credits → P(win, class). */
  readonly paid: Distribution;
  readonly bonus: boolean;
  /** The hold-and-win win distribution of the feature the class plays, or null. */
  readonly holdAndWin: Distribution | null;
  /** Spins awarded → probability (empty: none). */
  readonly awards: ReadonlyMap<number, number>;
}

export interface CappedRound {
  readonly limit: number;
  /** P(min(X, limit) = x), x < limit, and P(X ≥ limit). */
  readonly below: Float64Array;
  readonly atLimit: number;
  readonly mean: number;
  readonly meanSquare: number;
  /** E[min(·, limit)] after the paid spin, the bonus and hold and win. */
  readonly paidMean: number;
  readonly afterBonusMean: number;
  readonly afterHoldAndWinMean: number;
  /** Per round: P(the bonus, hold and win, free spins are played), E[free spins played]. */
  readonly bonusPlayed: number;
  readonly holdAndWinPlayed: number;
  readonly freeSpinsPlayed: number;
  readonly freeSpinsPerRound: number;
  readonly operations: number;
}

/** A free spin's distribution as the classic programme reads it: classes by spins added, drawn retriggers split. */
export function freeCycleHistogram(game: Game, free: SpinDistribution): CycleHistogram {
  const feature = game.freeSpins!;
  const perClass = free.classes.map((c) => awardDistribution(feature, c.awards, true));
  let scale = 1n;
  for (const d of perClass)
    for (const p of d.values()) if (scale % p.d !== 0n) scale *= p.d / gcd(scale, p.d);
  const byAdds = new Map<number, Map<number, bigint>>();
  free.classes.forEach((_, k) => {
    for (const [adds, p] of perClass[k]!) {
      let map = byAdds.get(adds);
      if (map === undefined) {
        map = new Map();
        byAdds.set(adds, map);
      }
      const factor = (p.n * scale) / p.d;
      for (const [win, w] of free.byClass[k]!) map.set(win, (map.get(win) ?? 0n) + w * factor);
    }
  });
  const adds = [...byAdds.keys()].sort((a, b) => a - b);
  const classes: SpinClass[] = adds.map((spins) => ({ spins, bonus: false }));
  return {
    role: 'free',
    cycle: free.denominator * scale,
    combinations: free.combinations,
    classes,
    byClass: adds.map((a) => byAdds.get(a)!),
    overCap: [],
    pays: new Map(),
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function gcdNumber(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function addTo(map: Map<number, number>, key: number, p: number): void {
  map.set(key, (map.get(key) ?? 0) + p);
}

/** The capped round, or why it was not computed (the budget). */
export function cappedRound(
  game: Game,
  classes: readonly CappedClass[],
  prize: Distribution | null,
  free: SpinDistribution | null,
  limit: number,
  budget: WorkBudget,
): CappedRound | { readonly tooLarge: string } {
  const feature = game.freeSpins;
  const awarded = [...new Set(classes.flatMap((c) => [...c.awards.keys()]))]
    .filter((a) => a > 0)
    .sort((a, b) => a - b);
  let unit = limit;
  let L = 1;
  let tables: SpinClassTable[] = [];
  let single: SpinClassTable | null = null;
  if (awarded.length > 0) {
    if (feature === null || free === null) return { tooLarge: 'the free spins were not enumerated' };
    const histogram = freeCycleHistogram(game, free);
    let g = 0;
    for (const map of histogram.byClass)
      for (const [win, w] of map) if (w > 0n && win > 0) g = gcdNumber(g, win * feature.multiplier);
    unit = g === 0 ? limit : g;
    L = Math.ceil(limit / unit);
    tables = freeClassTables(histogram, feature.multiplier, unit, L);
    single = tables.length === 1 && tables[0]!.adds === 0 ? tables[0]! : null;
    let cost = 0;
    if (single !== null) cost = powerDistributions(awarded, L, single, true).cost;
    else for (const a of awarded) cost += featureCost(a, feature.maxSpins, L, tables, budget.limit);
    if (!budget.spend(cost)) {
      return {
        tooLarge: `the free-spin states (${L.toLocaleString('en-US')} credit states × spins) take more than ${budget.limit.toExponential(0)} operations`,
      };
    }
  }

  const below = new Float64Array(limit);
  let atLimit = 0;
  let paidMean = 0;
  let afterBonusMean = 0;
  let afterHoldAndWinMean = 0;
  let bonusPlayed = 0;
  let holdAndWinPlayed = 0;
  const starts = new Map<number, Map<number, number>>();
  const tooLarge = {
    tooLarge: `combining the round's parts takes more than ${budget.limit.toExponential(0)} operations`,
  };
  for (const c of classes) {
    let dist: Map<number, number> = new Map();
    for (const [x, p] of c.paid) addTo(dist, Math.min(x, limit), p);
    for (const [x, p] of dist) paidMean += x * p;
    if (c.bonus && prize !== null) {
      for (const [x, p] of dist) if (x < limit) bonusPlayed += p;
      const next = convolveDistributions(dist, prize, limit, budget);
      if (next === null) return tooLarge;
      dist = next;
    }
    for (const [x, p] of dist) afterBonusMean += x * p;
    if (c.holdAndWin !== null) {
      for (const [x, p] of dist) if (x < limit) holdAndWinPlayed += p;
      const next = convolveDistributions(dist, c.holdAndWin, limit, budget);
      if (next === null) return tooLarge;
      dist = next;
    }
    for (const [x, p] of dist) afterHoldAndWinMean += x * p;
    for (const [x, p] of dist) {
      if (x >= limit) atLimit += p;
      else if (c.awards.size === 0) below[x]! += p;
      else {
        for (const [a, q] of c.awards) {
          let target = starts.get(a);
          if (target === undefined) {
            target = new Map();
            starts.set(a, target);
          }
          addTo(target, x, p * q);
        }
      }
    }
  }

  let freeSpinsPlayed = 0;
  let freeSpinsPerRound = 0;
  if (feature !== null && starts.size > 0) {
    const powers = single === null ? null : powerDistributions(awarded, L, single, false).results;
    for (const a of awarded) {
      const start = starts.get(a);
      if (start === undefined) continue;
      const result: FeatureResult = powers?.get(a) ?? featureDistribution(a, feature.maxSpins, L, tables);
      const prefix = new Float64Array(L + 1);
      for (let f = 0; f < L; f++) prefix[f + 1] = prefix[f]! + result.alive[f]!;
      let top = L - 1;
      while (top > 0 && result.final[top] === 0) top--;
      if (!budget.spend(start.size * (top + 1))) return tooLarge;
      for (const [s, ps] of start) {
        freeSpinsPlayed += ps;
        const reach = Math.min(L, Math.floor((limit - 1 - s) / unit) + 1);
        freeSpinsPerRound += ps * prefix[reach]!;
        for (let f = 0; f <= top; f++) {
          const q = result.final[f]!;
          if (q === 0) continue;
          const x = s + f * unit;
          if (x >= limit) atLimit += ps * q;
          else below[x]! += ps * q;
        }
        atLimit += ps * result.final[L]!;
      }
    }
  }
  const { mean, meanSquare } = cappedMoments(below, atLimit, limit);
  return {
    limit,
    below,
    atLimit,
    mean,
    meanSquare,
    paidMean,
    afterBonusMean,
    afterHoldAndWinMean,
    bonusPlayed,
    holdAndWinPlayed,
    freeSpinsPlayed,
    freeSpinsPerRound,
    operations: budget.used,
  };
}

/** The paid spin's win within each class, as probabilities (credits → P). */
export function paidByClass(base: SpinDistribution): Map<number, number>[] {
  return base.byClass.map((map) => {
    const out = new Map<number, number>();
    for (const [win, w] of map) if (w > 0n) out.set(win, ratio(w, base.denominator));
    return out;
  });
}
