import type { Game } from '../engine/model.js';
import { ratio } from '../stats/ratio.js';
import type { CycleEnumeration, CycleHistogram } from './cycle-run.js';
import { convolveDistributions, prizeDistribution } from './prize-distribution.js';
import type { Distribution } from './prize-distribution.js';
import { WorkBudget } from './work-budget.js';

/**
 * The exact distribution of a whole round's win — the paid spin, the bonus prize and the free
 * spins — with every win at or above a limit lumped at the limit, computed in doubles from the
 * enumerated cycles (`exact-double`).
 *
 * The round's wins are all ≥ 0 and are added in play order, and the max-win cap ends a round when
 * its total reaches the cap: so the capped total is min(X, cap) of the uncapped total X with the same
 * draws, and min(X, limit) depends only on min(each part, limit). Given the paid spin's class
 * (award a, bonus b), its win P, the bonus prize B and the free spins' total F are independent:
 *
 *   min(X, limit) = min(P + b·B + F(a), limit).
 *
 * F(a) comes from a dynamic programme over the free spins as `engine/round.ts` plays them: the state
 * before free spin p + 1 is (spins allotted T, credits won so far f), T > p; a spin draws its win w
 * and its retrigger class k jointly (from the free reel set's enumerated cycle), f grows by
 * w × multiplier, T by min(adds(k), maxSpins − T), and the feature ends when p + 1 = T. Credits are
 * counted in units u (the gcd of every free-spin win), and f·u ≥ limit is absorbing. Probabilities
 * are non-negative and only multiplied and added, so the relative error stays near 1e-15 per
 * figure: far below every printed digit.
 *
 * With a cap (`capped`), the limit is the cap and the DP also gives what the cap changes: a free
 * spin is played only while the round's total P + b·B + f is below the cap, so with the mass
 * A(f) = Σₚ P(the feature reaches spin p + 1 with f so far), a triggered round starting from s
 * plays Σ_{f·u < cap − s} A(f) spins on average; free spins and a bonus triggered by a paid spin
 * that reached the cap are not played and not counted (see the README's readings of the spec).
 */
export interface RoundDistribution {
  /** Credits: every round win at or above it is counted at it. */
  readonly limit: number;
  /** True when `limit` is the game's max-win cap (then min(X, limit) is the round's win itself). */
  readonly capped: boolean;
  /** P(min(X, limit) = x) for x = 0 … limit − 1 (index = credits). */
  readonly below: Float64Array;
  /** P(X ≥ limit); with a cap, the share of rounds the cap ends. */
  readonly atLimit: number;
  /** E[min(X, limit)] and E[min(X, limit)²], credits and credits². */
  readonly mean: number;
  readonly meanSquare: number;
  /** E[min(P, limit)] and E[min(P + b·B, limit)], credits: what the paid spin and bonus add. */
  readonly paidMean: number;
  readonly paidAndBonusMean: number;
  /** Per paid round: P(the bonus is played), P(free spins are played), E[free spins played]. */
  readonly bonusPlayed: number;
  readonly freeSpinsPlayed: number;
  readonly freeSpinsPerRound: number;
  /** E[N²·1{played}] of the free spins N a round plays (E[N² | played] = this / freeSpinsPlayed). */
  readonly freeSpinsSquarePerRound: number;
  /** E[G²] of what the bonus adds to min(·, limit) (G = min(P + B, limit) − min(P, limit)), credits². */
  readonly bonusSquare: number;
  /** E[H²] of what the free spins add (H = min(X, limit) − min(P + b·B, limit)), credits². */
  readonly freeSquare: number;
  /** P(free spins are played with this award) per award size (spins), in ascending order. */
  readonly awards: readonly { readonly awarded: number; readonly probability: number }[];
  /** E[free spins played | played, award] per award (same order as `awards`). */
  readonly spinsByAward: readonly number[];
  /** Multiply-adds spent (the measure the budget bounds). */
  readonly operations: number;
}

/** Why a distribution was not computed. */
export interface TooLarge {
  readonly tooLarge: string;
}

export interface RoundDistributionOptions {
  /** Credits at and above which wins are lumped. */
  readonly limit: number;
  /** Whether `limit` is the game's max-win cap. */
  readonly capped: boolean;
  /** Multiply-adds allowed (see `WorkBudget`). */
  readonly budget: number;
}

/**
 * The default budget: 10⁹ multiply-adds, about 3 s on one core of the project's machine
 * (3–4 × 10⁸ a second). One budget for every command, so analyze, check and certify compute the
 * same figures the same way.
 */
export const ROUND_DISTRIBUTION_BUDGET = 1_000_000_000;

export interface SpinClassTable {
  /** Spins a retrigger adds (before the maxSpins cut). */
  readonly adds: number;
  /** Ascending win offsets in units of u (below L), their probabilities, and the mass at or past L. */
  readonly offsets: Int32Array;
  readonly probabilities: Float64Array;
  /** tail[j]: the probability of offsets j, j + 1, … and of the overflow (so tail[n] = overflow). */
  readonly tail: Float64Array;
  readonly maxOffset: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The free reel set's classes as tables of win offsets (units of `unit`, multiplier applied). */
export function freeClassTables(
  free: CycleHistogram,
  multiplier: number,
  unit: number,
  L: number,
): SpinClassTable[] {
  return free.classes
    .map((c, k) => {
      const byOffset = new Map<number, bigint>();
      let overflowWeight = 0n;
      for (const [win, w] of free.byClass[k]!) {
        if (w === 0n) continue;
        const offset = (win * multiplier) / unit;
        if (offset >= L) overflowWeight += w;
        else byOffset.set(offset, (byOffset.get(offset) ?? 0n) + w);
      }
      const sorted = [...byOffset].sort((a, b) => a[0] - b[0]);
      const probabilities = Float64Array.from(sorted, ([, w]) => ratio(w, free.cycle));
      const tail = new Float64Array(sorted.length + 1);
      let weight = overflowWeight;
      tail[sorted.length] = ratio(weight, free.cycle);
      for (let j = sorted.length - 1; j >= 0; j--) {
        weight += sorted[j]![1];
        tail[j] = ratio(weight, free.cycle);
      }
      return {
        adds: c.spins,
        offsets: Int32Array.from(sorted, ([o]) => o),
        probabilities,
        tail,
        maxOffset: sorted.length === 0 ? 0 : sorted.at(-1)![0],
      };
    })
    .filter((c) => c.tail[0]! > 0); // a retrigger count the free reels cannot show adds nothing
}

export interface FeatureResult {
  /** P(F = f·u) for f < L, and (index L) P(F·u ≥ limit). */
  readonly final: Float64Array;
  /** A(f): Σ over spins of P(the spin is reached with f units won so far). */
  readonly alive: Float64Array;
  /** The same with spin p + 1 weighted by 2p + 1, for E[N²] = Σₚ (2p + 1)·P(N > p). */
  readonly alive2: Float64Array;
}

/**
 * Multiply-adds the feature DP will do from `awarded` spins (a dry run of its loops, tracking the
 * largest reachable offset per state instead of the vectors), or Infinity past `cap`.
 */
export function featureCost(
  awarded: number,
  maxSpins: number,
  L: number,
  classes: readonly SpinClassTable[],
  cap: number,
): number {
  let cost = 0;
  let current = new Map<number, number>([[awarded, 0]]);
  for (let p = 0; current.size > 0; p++) {
    const next = new Map<number, number>();
    for (const [T, top] of current) {
      for (const c of classes) {
        cost += (top + 1) * (c.offsets.length + 1);
        const to = T + Math.min(c.adds, maxSpins - T);
        if (to === p + 1) continue;
        const reach = Math.min(L - 1, top + c.maxOffset);
        next.set(to, Math.max(next.get(to) ?? 0, reach));
      }
      if (cost > cap) return Number.POSITIVE_INFINITY;
    }
    current = next;
  }
  return cost;
}

/** The free spins of one award (see the module comment); the budget has been checked. */
export function featureDistribution(
  awarded: number,
  maxSpins: number,
  L: number,
  classes: readonly SpinClassTable[],
): FeatureResult {
  const final = new Float64Array(L + 1);
  const alive = new Float64Array(L);
  const alive2 = new Float64Array(L);
  let current = new Map<number, { v: Float64Array; top: number }>();
  const start = new Float64Array(L);
  start[0] = 1;
  current.set(awarded, { v: start, top: 0 });
  for (let p = 0; current.size > 0; p++) {
    const next = new Map<number, { v: Float64Array; top: number }>();
    for (const [T, { v, top }] of current) {
      for (let f = 0; f <= top; f++) {
        alive[f]! += v[f]!;
        alive2[f]! += (2 * p + 1) * v[f]!;
      }
      for (const c of classes) {
        const to = T + Math.min(c.adds, maxSpins - T);
        let target: Float64Array;
        if (to === p + 1) target = final;
        else {
          let entry = next.get(to);
          if (entry === undefined) {
            entry = { v: new Float64Array(L), top: 0 };
            next.set(to, entry);
          }
          entry.top = Math.max(entry.top, Math.min(L - 1, top + c.maxOffset));
          target = entry.v;
        }
        const offsets = c.offsets;
        const probabilities = c.probabilities;
        const tail = c.tail;
        const n = offsets.length;
        let spilled = 0;
        for (let f = 0; f <= top; f++) {
          const x = v[f]!;
          if (x === 0) continue;
          let j = 0;
          for (; j < n; j++) {
            const o = f + offsets[j]!;
            if (o >= L) break;
            target[o]! += x * probabilities[j]!;
          }
          spilled += x * tail[j]!;
        }
        final[L]! += spilled;
      }
    }
    current = next;
  }
  return { final, alive, alive2 };
}

/**
 * Without retriggers every award a plays exactly a spins, so F(a) is the a-fold convolution of one
 * spin's win: the powers are built once, in ascending order, and each award reads its own (with
 * A(f) = Σ over the first a spins of the power before it). Multiply-adds: Σₙ (reach of power n) ×
 * (offsets + 1), returned by `dryRun` without computing anything.
 */
export function powerDistributions(
  awards: readonly number[],
  L: number,
  spin: SpinClassTable,
  dryRun: boolean,
): { cost: number; results: Map<number, FeatureResult> } {
  const results = new Map<number, FeatureResult>();
  const last = Math.max(0, ...awards);
  let cost = 0;
  let top = 0;
  let power = dryRun ? null : new Float64Array(L);
  if (power !== null) power[0] = 1;
  let overflow = 0;
  const alive = dryRun ? null : new Float64Array(L);
  const alive2 = dryRun ? null : new Float64Array(L);
  for (let n = 0; n < last; n++) {
    cost += (top + 1) * (spin.offsets.length + 1);
    const reach = Math.min(L - 1, top + spin.maxOffset);
    if (power !== null && alive !== null && alive2 !== null) {
      for (let f = 0; f <= top; f++) {
        alive[f]! += power[f]!;
        alive2[f]! += (2 * n + 1) * power[f]!;
      }
      const next = new Float64Array(L);
      const { offsets, probabilities, tail } = spin;
      for (let f = 0; f <= top; f++) {
        const x = power[f]!;
        if (x === 0) continue;
        let j = 0;
        for (; j < offsets.length; j++) {
          const o = f + offsets[j]!;
          if (o >= L) break;
          next[o]! += x * probabilities[j]!;
        }
        overflow += x * tail[j]!;
      }
      power = next;
      if (awards.includes(n + 1)) {
        const final = new Float64Array(L + 1);
        final.set(power);
        final[L] = overflow;
        results.set(n + 1, { final, alive: alive.slice(), alive2: alive2.slice() });
      }
    }
    top = reach;
  }
  return { cost, results };
}

/** Sparse distribution of a base class's paid-spin win (credits, lumped at `limit`). */
function paidDistribution(h: CycleHistogram, k: number, limit: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [win, w] of h.byClass[k]!) {
    if (w === 0n) continue;
    const x = Math.min(win, limit);
    out.set(x, (out.get(x) ?? 0) + ratio(w, h.cycle));
  }
  return out;
}

/**
 * The whole round's win distribution (see `RoundDistribution`), or why it was not computed: the
 * bonus prize tree or the free-spin DP would pass the budget.
 */
export function roundDistribution(
  game: Game,
  enumeration: CycleEnumeration,
  options: RoundDistributionOptions,
): RoundDistribution | TooLarge {
  const { limit, capped } = options;
  const budget = new WorkBudget(options.budget);
  const base = enumeration.base;
  const feature = game.freeSpins;
  const free = enumeration.free;

  let prize: Distribution | null = null;
  if (game.bonus !== null) {
    prize = prizeDistribution(game.bonus.prize, limit, budget);
    if (prize === null) {
      return {
        tooLarge: `the bonus prize tree has too many outcomes to convolve within ${options.budget.toExponential(0)} operations`,
      };
    }
  }

  // Free spins: units, class tables, and the cost of every award's DP, checked before any of it runs.
  const awardsPlayed = [...new Set(base.classes.map((c) => c.spins).filter((a) => a > 0))].sort(
    (a, b) => a - b,
  );
  let unit = limit;
  let L = 1;
  let classes: SpinClassTable[] = [];
  let single: SpinClassTable | null = null;
  if (feature !== null && free !== null && awardsPlayed.length > 0) {
    let g = 0;
    for (const map of free.byClass)
      for (const [win, w] of map) if (w > 0n && win > 0) g = gcd(g, win * feature.multiplier);
    unit = g === 0 ? limit : g;
    L = Math.ceil(limit / unit);
    classes = freeClassTables(free, feature.multiplier, unit, L);
    // One class that adds nothing: no retriggers, every award plays exactly its spins.
    single = classes.length === 1 && classes[0]!.adds === 0 ? classes[0]! : null;
    let cost = 0;
    if (single !== null) cost = powerDistributions(awardsPlayed, L, single, true).cost;
    else for (const a of awardsPlayed) cost += featureCost(a, feature.maxSpins, L, classes, options.budget);
    if (!budget.spend(cost)) {
      const spins =
        single === null
          ? `spins allotted × spins played, up to ${feature.maxSpins}`
          : `up to ${Math.max(...awardsPlayed)} spins`;
      return {
        tooLarge: `the free-spin states (${L.toLocaleString('en-US')} credit states of ${unit} credits × ${spins}) take more than ${options.budget.toExponential(0)} operations`,
      };
    }
  }

  const below = new Float64Array(limit);
  let atLimit = 0;
  let paidMean = 0;
  let paidAndBonusMean = 0;
  let bonusPlayed = 0;
  let bonusSquare = 0;
  const starts = new Map<number, Map<number, number>>();
  for (let k = 0; k < base.classes.length; k++) {
    const c = base.classes[k]!;
    const paid = paidDistribution(base, k, limit);
    for (const [x, p] of paid) paidMean += x * p;
    let start: Map<number, number> = paid;
    if (c.bonus && prize !== null) {
      for (const [x, p] of paid) {
        if (x >= limit) continue;
        bonusPlayed += p;
        for (const [y, q] of prize) {
          const gain = Math.min(x + y, limit) - x;
          bonusSquare += p * q * gain * gain;
        }
      }
      const withPrize = convolveDistributions(paid, prize, limit, budget);
      if (withPrize === null) {
        return {
          tooLarge: `the paid spin and the bonus prize take more than ${options.budget.toExponential(0)} operations to combine`,
        };
      }
      start = withPrize;
    }
    for (const [x, p] of start) paidAndBonusMean += x * p;
    const target =
      c.spins === 0 || feature === null ? null : (starts.get(c.spins) ?? new Map<number, number>());
    if (target !== null) starts.set(c.spins, target);
    for (const [x, p] of start) {
      if (x >= limit) atLimit += p;
      else if (target === null) below[x]! += p;
      else target.set(x, (target.get(x) ?? 0) + p);
    }
  }

  let freeSpinsPlayed = 0;
  let freeSpinsPerRound = 0;
  let spinsSquare = 0;
  let freeSquare = 0;
  const awards: { awarded: number; probability: number }[] = [];
  const spinsByAward: number[] = [];
  if (feature !== null) {
    const powers = single === null ? null : powerDistributions(awardsPlayed, L, single, false).results;
    for (const awarded of awardsPlayed) {
      const start = starts.get(awarded);
      if (start === undefined) continue;
      const { final, alive, alive2 } =
        powers?.get(awarded) ?? featureDistribution(awarded, feature.maxSpins, L, classes);
      // Prefix sums of A(f): the spins a round starting from s plays are those with f·u < limit − s.
      const prefix = new Float64Array(L + 1);
      const prefix2 = new Float64Array(L + 1);
      for (let f = 0; f < L; f++) {
        prefix[f + 1] = prefix[f]! + alive[f]!;
        prefix2[f + 1] = prefix2[f]! + alive2[f]!;
      }
      let top = L - 1;
      while (top > 0 && final[top] === 0) top--;
      let played = 0;
      let spins = 0;
      if (!budget.spend(start.size * (top + 1))) {
        return {
          tooLarge: `combining the free spins with the paid spin takes more than ${options.budget.toExponential(0)} operations`,
        };
      }
      for (const [s, ps] of start) {
        played += ps;
        const reach = Math.min(L, Math.floor((limit - 1 - s) / unit) + 1);
        spins += ps * prefix[reach]!;
        spinsSquare += ps * prefix2[reach]!;
        for (let f = 0; f <= top; f++) {
          const q = final[f]!;
          if (q === 0) continue;
          const x = s + f * unit;
          const gain = Math.min(x, limit) - s;
          freeSquare += ps * q * gain * gain;
          if (x >= limit) atLimit += ps * q;
          else below[x]! += ps * q;
        }
        atLimit += ps * final[L]!;
        freeSquare += ps * final[L]! * (limit - s) * (limit - s);
      }
      awards.push({ awarded, probability: played });
      spinsByAward.push(played > 0 ? spins / played : 0);
      freeSpinsPlayed += played;
      freeSpinsPerRound += spins;
    }
  }

  const { mean, meanSquare } = cappedMoments(below, atLimit, limit);
  return {
    limit,
    capped,
    below,
    atLimit,
    mean,
    meanSquare,
    paidMean,
    paidAndBonusMean,
    bonusPlayed,
    freeSpinsPlayed,
    freeSpinsPerRound,
    freeSpinsSquarePerRound: spinsSquare,
    bonusSquare,
    freeSquare,
    awards,
    spinsByAward,
    operations: budget.used,
  };
}

/**
 * E[X] and E[X²] of a capped win: probability `below[x]` of each win x below the limit, and
 * `atLimit` of a win cut to the limit.
 */
export function cappedMoments(
  below: ArrayLike<number>,
  atLimit: number,
  limit: number,
): { mean: number; meanSquare: number } {
  let mean = limit * atLimit;
  let meanSquare = limit * limit * atLimit;
  for (let x = 1; x < limit; x++) {
    const p = below[x]!;
    if (p === 0) continue;
    mean += x * p;
    meanSquare += x * x * p;
  }
  return { mean, meanSquare };
}
