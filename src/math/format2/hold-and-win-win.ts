/**
 * What a hold-and-win feature pays: the coin count at its end (`hold-and-win-chain.ts`) with the
 * coins' values. Every coin draws its value when it is placed, from the same table, independently
 * of everything else the feature draws; so given the final count n the win is the sum of n
 * independent values, plus the `fullGrid` tier when n is the whole grid:
 *
 *   W | n  =  V₁ + … + Vₙ + [n = cells]·G,
 *   E[W]  = Σₙ P(n)·(n·E[V] + [n = cells]·G),
 *   E[W²] = Σₙ P(n)·(n·E[V²] + n(n − 1)·E[V]² + [n = cells]·(2·n·E[V]·G + G²)).
 *
 * Jackpots are values like any other: a tier of probability q per coin appears at least once with
 * probability Σₙ P(n)·(1 − (1 − q)ⁿ). The whole distribution is the mixture over n of the n-fold
 * convolution of the value distribution, in doubles (`exact-double`), every win at or above a
 * limit lumped at it.
 */
import type { HoldAndWinFeature, WeightedList } from '../../engine/model.js';
import { add, frac, mul, sub, sum, toNumber, ZERO, ONE } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import type { WorkBudget } from '../work-budget.js';
import { coinCounts } from './hold-and-win-chain.js';
import type { CoinCounts } from './hold-and-win-chain.js';

/** A figure that is exact when `exact` is set (else `value` is exact-double). */
export interface MaybeExact {
  readonly value: number;
  readonly exact: Fraction | null;
}

function maybe(exact: Fraction | null, value: number): MaybeExact {
  return exact === null ? { value, exact: null } : { value: toNumber(exact), exact };
}

/** The coin values of a feature, in credits. */
export interface CoinValueTable {
  readonly credits: readonly number[];
  readonly weights: readonly bigint[];
  readonly total: bigint;
  /** The jackpot tier of each entry, or null for a plain value. */
  readonly tiers: readonly (string | null)[];
  /** E[V], E[V²] in credits. */
  readonly mean: Fraction;
  readonly meanSquare: Fraction;
  readonly max: number;
}

export function coinValueTable(feature: HoldAndWinFeature): CoinValueTable {
  const list = feature.values;
  const weights = list.cumulative.map((c, i) => BigInt(c - (i === 0 ? 0 : list.cumulative[i - 1]!)));
  const credits = list.items.map((v) => v.credits);
  const total = BigInt(list.total);
  let s1 = 0n;
  let s2 = 0n;
  credits.forEach((x, i) => {
    s1 += weights[i]! * BigInt(x);
    s2 += weights[i]! * BigInt(x) * BigInt(x);
  });
  return {
    credits,
    weights,
    total,
    tiers: list.items.map((v) => (v.kind === 'jackpot' ? v.tier : null)),
    mean: frac(s1, total),
    meanSquare: frac(s2, total),
    max: Math.max(...credits),
  };
}

/** One jackpot tier's odds in one feature. */
export interface JackpotOdds {
  readonly tier: string;
  readonly credits: number;
  /** P(a coin of this tier is placed at least once). */
  readonly coin: MaybeExact;
  /** E[coins of this tier placed]. */
  readonly expectedCoins: MaybeExact;
  /** P(the tier is paid at least once: a coin, or the full grid when it is the fullGrid tier). */
  readonly won: MaybeExact;
}

/** One hold-and-win feature (from a fixed start count, or a mixture of them), in credits. */
export interface HoldAndWinOutcome {
  readonly cells: number;
  /** P(n coins at the end), n = 0 … cells. */
  readonly counts: readonly MaybeExact[];
  readonly precision: 'exact' | 'exact-double';
  readonly mean: MaybeExact;
  readonly meanSquare: MaybeExact;
  readonly pFullGrid: MaybeExact;
  readonly respins: MaybeExact;
  readonly jackpots: readonly JackpotOdds[];
  /** The largest win any feature can pay (every cell at the largest value, plus the full grid). */
  readonly max: number;
  /** The count distributions it mixes, by start count (for the whole distribution). */
  readonly parts: readonly {
    readonly start: number;
    readonly weight: MaybeExact;
    readonly counts: CoinCounts;
  }[];
}

/** A start count and its probability (exact). */
export interface StartCount {
  readonly count: number;
  readonly probability: Fraction;
}

/** The start counts of a weighted table (a mode's `start.holdAndWin`), each cut to the grid. */
export function startCounts(table: WeightedList<number>, cells: number): StartCount[] {
  const byCount = new Map<number, bigint>();
  table.items.forEach((n, i) => {
    const w = BigInt(table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!));
    const count = Math.min(n, cells);
    byCount.set(count, (byCount.get(count) ?? 0n) + w);
  });
  return [...byCount]
    .sort((a, b) => a[0] - b[0])
    .map(([count, w]) => ({ count, probability: frac(w, BigInt(table.total)) }));
}

const countsCache = new WeakMap<HoldAndWinFeature, Map<string, CoinCounts>>();

/** `coinCounts`, memoised per feature, grid and start. */
export function cachedCoinCounts(feature: HoldAndWinFeature, cells: number, start: number): CoinCounts {
  let byStart = countsCache.get(feature);
  if (byStart === undefined) {
    byStart = new Map();
    countsCache.set(feature, byStart);
  }
  const key = `${cells}:${start}`;
  let counts = byStart.get(key);
  if (counts === undefined) {
    counts = coinCounts(feature, cells, start);
    byStart.set(key, counts);
  }
  return counts;
}

/**
 * The feature started by `starts` (a mixture of start counts whose probabilities add up to 1, or
 * the conditional distribution of a trigger's coin count).
 */
export function holdAndWinOutcome(
  feature: HoldAndWinFeature,
  cells: number,
  starts: readonly StartCount[],
): HoldAndWinOutcome {
  const values = coinValueTable(feature);
  const G = feature.fullGrid?.credits ?? 0;
  const parts = starts.map((s) => ({
    start: s.count,
    weight: maybe(s.probability, toNumber(s.probability)),
    counts: cachedCoinCounts(feature, cells, s.count),
  }));
  const exact = parts.every((p) => p.counts.exact !== null);
  // The mixed count distribution.
  const countsExact: Fraction[] | null = exact ? new Array<Fraction>(cells + 1).fill(ZERO) : null;
  const counts = new Float64Array(cells + 1);
  let respinsExact: Fraction | null = exact ? ZERO : null;
  let respins = 0;
  starts.forEach((s, i) => {
    const c = parts[i]!.counts;
    const w = toNumber(s.probability);
    for (let n = 0; n <= cells; n++) {
      counts[n]! += w * c.probability[n]!;
      if (countsExact !== null) countsExact[n] = add(countsExact[n]!, mul(s.probability, c.exact![n]!));
    }
    respins += w * c.respins;
    if (respinsExact !== null) respinsExact = add(respinsExact, mul(s.probability, c.respinsExact!));
  });
  const countFigures = Array.from({ length: cells + 1 }, (_, n) =>
    maybe(countsExact?.[n] ?? null, counts[n]!),
  );

  // Moments.
  const mu = values.mean;
  const v2 = values.meanSquare;
  const g = frac(G);
  const termMean = (n: number): Fraction => add(mul(frac(n), mu), n === cells ? g : ZERO);
  const termSquare = (n: number): Fraction =>
    add(
      add(mul(frac(n), v2), mul(frac(n * (n - 1)), mul(mu, mu))),
      n === cells ? add(mul(frac(2 * n * G), mu), mul(g, g)) : ZERO,
    );
  const muD = toNumber(mu);
  const v2D = toNumber(v2);
  let meanD = 0;
  let squareD = 0;
  for (let n = 0; n <= cells; n++) {
    const p = counts[n]!;
    meanD += p * (n * muD + (n === cells ? G : 0));
    squareD += p * (n * v2D + n * (n - 1) * muD * muD + (n === cells ? 2 * n * muD * G + G * G : 0));
  }
  const mean =
    countsExact === null ? null : sum(countsExact.map((p, n) => (p.n === 0n ? ZERO : mul(p, termMean(n)))));
  const meanSquare =
    countsExact === null ? null : sum(countsExact.map((p, n) => (p.n === 0n ? ZERO : mul(p, termSquare(n)))));

  // Jackpots: per tier, the chance a coin shows it.
  const tiers = [...new Set(values.tiers.filter((t): t is string => t !== null))];
  if (feature.fullGrid !== null && !tiers.includes(feature.fullGrid.tier)) tiers.push(feature.fullGrid.tier);
  const jackpots: JackpotOdds[] = tiers.map((tier) => {
    let w = 0n;
    values.tiers.forEach((t, i) => {
      if (t === tier) w += values.weights[i]!;
    });
    const q = frac(w, values.total);
    const miss = sub(ONE, q);
    const qD = toNumber(q);
    const isFullGrid = feature.fullGrid?.tier === tier;
    let coinD = 0;
    let wonD = 0;
    let expectedD = 0;
    for (let n = 0; n <= cells; n++) {
      const p = counts[n]!;
      const atLeastOne = 1 - (1 - qD) ** n;
      coinD += p * atLeastOne;
      expectedD += p * n * qD;
      wonD += p * (isFullGrid && n === cells ? 1 : atLeastOne);
    }
    let coin: Fraction | null = null;
    let won: Fraction | null = null;
    let expected: Fraction | null = null;
    if (countsExact !== null) {
      coin = ZERO;
      won = ZERO;
      expected = ZERO;
      let missPower = ONE;
      for (let n = 0; n <= cells; n++) {
        const p = countsExact[n]!;
        const atLeastOne = sub(ONE, missPower);
        coin = add(coin, mul(p, atLeastOne));
        won = add(won, mul(p, isFullGrid && n === cells ? ONE : atLeastOne));
        expected = add(expected, mul(p, mul(frac(n), q)));
        missPower = mul(missPower, miss);
      }
    }
    return {
      tier,
      credits: feature.jackpots[tier] ?? 0,
      coin: maybe(coin, coinD),
      expectedCoins: maybe(expected, expectedD),
      won: maybe(won, wonD),
    };
  });

  return {
    cells,
    counts: countFigures,
    precision: exact ? 'exact' : 'exact-double',
    mean: maybe(mean, meanD),
    meanSquare: maybe(meanSquare, squareD),
    pFullGrid: countFigures[cells]!,
    respins: maybe(respinsExact, respins),
    jackpots,
    max: cells * values.max + G,
    parts,
  };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The feature's win distribution in credits (doubles), every win at or above `limit` lumped at
 * `limit`; null when the convolutions would pass the budget.
 */
export function holdAndWinDistribution(
  feature: HoldAndWinFeature,
  outcome: HoldAndWinOutcome,
  limit: number,
  budget: WorkBudget,
): Map<number, number> | null {
  const values = coinValueTable(feature);
  const G = feature.fullGrid?.credits ?? 0;
  const cells = outcome.cells;
  let unit = G;
  for (const x of values.credits) unit = gcd(unit, x);
  if (unit === 0) unit = 1;
  const top = Math.ceil(limit / unit); // index `top` holds everything at or above the limit
  const total = toNumber(frac(values.total));
  const entries = values.credits.map((x, i) => ({
    offset: x / unit,
    p: toNumber(frac(values.weights[i]!)) / total,
  }));
  const needed = new Float64Array(cells + 1);
  for (const part of outcome.parts) {
    for (let n = 0; n <= cells; n++) needed[n]! += part.weight.value * part.counts.probability[n]!;
  }
  let last = 0;
  for (let n = 0; n <= cells; n++) if (needed[n]! > 0) last = n;
  // Cost: each power convolves its reach with the table.
  let cost = 0;
  let reach = 0;
  const maxOffset = Math.max(...entries.map((e) => e.offset));
  for (let n = 1; n <= last; n++) {
    cost += (reach + 1) * entries.length;
    reach = Math.min(top, reach + maxOffset);
  }
  if (!budget.spend(cost + (last + 1) * (top + 1))) return null;
  const out = new Map<number, number>();
  const credit = (index: number): number => (index >= top ? limit : index * unit);
  let power = new Float64Array(top + 1);
  power[0] = 1;
  reach = 0;
  for (let n = 0; n <= last; n++) {
    if (n > 0) {
      const next = new Float64Array(top + 1);
      for (let f = 0; f <= reach; f++) {
        const x = power[f]!;
        if (x === 0) continue;
        for (const e of entries) {
          const to = Math.min(top, f + e.offset);
          next[to]! += x * e.p;
        }
      }
      power = next;
      reach = Math.min(top, reach + maxOffset);
    }
    const pn = needed[n]!;
    if (pn === 0) continue;
    const bonus = n === cells ? G / unit : 0;
    for (let f = 0; f <= reach; f++) {
      const x = power[f]!;
      if (x === 0) continue;
      const key = credit(Math.min(top, f + bonus));
      out.set(key, (out.get(key) ?? 0) + pn * x);
    }
  }
  return out;
}
