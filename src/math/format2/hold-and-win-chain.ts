/**
 * The hold-and-win feature's coin count, exactly: a Markov chain over (coins held n, respins left L)
 * stepped respin by respin, as `engine/hold-and-win.ts` plays it.
 *
 * Each respin draws `rng.int(coin + blank)` for every empty cell and a draw below `coin` lands a
 * coin, so with e = cells − n empty cells the number k of coins landing is Binomial(e, p),
 * p = coin / (coin + blank), whatever cells are empty or what the coins are worth (a landing's
 * value draw comes after its landing draw and decides nothing about the others). A landing sets
 * L = respins, none sets L = L − 1; the feature ends at L = 0, a full grid, or `maxRespins` respins.
 *
 * Why only the count matters (the trigger's coins sit on the cells of its window; a mode's
 * `start.holdAndWin` places its coins one draw at a time): given the set E of cells holding coins,
 * the next respin lands K ~ Binomial(cells − |E|, p) coins, independently of the past, and L, the
 * end and the next |E| are functions of (|E|, L, respins played, K). So (|E|, L, respins played) is
 * a Markov chain whose law depends on the starting set only through its size: every cell is
 * equivalent on the whole grid. `test/math/format2/hold-and-win.test.ts` checks it by walking every
 * draw of the engine's feature from every placement.
 *
 * Exact arithmetic: the probability of a path is an integer over B^(Σ empty cells), B = coin + blank.
 * After t respins every state's mass is kept as an integer numerator over B^(cells·t): a step
 * multiplies a state with e empty cells by C(e, k)·coin^k·blank^(e−k)·B^(cells−e), which sums to
 * B^cells over k. The numbers grow by cells·log2(B) bits a respin; past a fixed size the same chain
 * runs in doubles (`exact-double`).
 */
import type { HoldAndWinFeature } from '../../engine/model.js';
import { frac, toNumber } from '../fraction.js';
import type { Fraction } from '../fraction.js';

/** The distribution of the coins held when the feature ends, from `start` coins. */
export interface CoinCounts {
  readonly cells: number;
  readonly start: number;
  /** P(the feature ends holding n coins), n = 0 … cells; exact (null when computed in doubles). */
  readonly exact: readonly Fraction[] | null;
  /** The same in doubles. */
  readonly probability: Float64Array;
  /** E[respins played]: exact, or null when computed in doubles. */
  readonly respinsExact: Fraction | null;
  readonly respins: number;
  readonly precision: 'exact' | 'exact-double';
}

/** The exact chain is run while its numbers stay below this many bits (about 10 ms of bigint work here). */
const EXACT_BITS = 200_000;
/** …and while it makes at most this many multiply-adds. */
const EXACT_STEPS = 2_000_000;

/** An upper bound on the respins one feature can play from `start` coins. */
export function respinBound(feature: HoldAndWinFeature, cells: number, start: number): number {
  return Math.min(feature.maxRespins, (cells - Math.min(start, cells) + 1) * feature.respins);
}

/** The coin count at the end of the feature from `start` coins on a grid of `cells` cells. */
export function coinCounts(
  feature: HoldAndWinFeature,
  cells: number,
  start: number,
  options: { readonly exact?: boolean } = {},
): CoinCounts {
  const from = Math.min(start, cells);
  const respins = respinBound(feature, cells, from);
  const bits = cells * respins * Math.log2(feature.coin + feature.blank);
  const steps = respins * (cells - from + 1) * feature.respins * (cells + 1);
  const exact = options.exact ?? (bits <= EXACT_BITS && steps <= EXACT_STEPS);
  return exact ? exactCounts(feature, cells, from) : doubleCounts(feature, cells, from);
}

function binomials(n: number): bigint[][] {
  const rows: bigint[][] = [[1n]];
  for (let e = 1; e <= n; e++) {
    const prev = rows[e - 1]!;
    const row = [1n];
    for (let k = 1; k < e; k++) row.push(prev[k - 1]! + prev[k]!);
    row.push(1n);
    rows.push(row);
  }
  return rows;
}

function exactCounts(feature: HoldAndWinFeature, N: number, start: number): CoinCounts {
  const R = feature.respins;
  const c = BigInt(feature.coin);
  const b = BigInt(feature.blank);
  const B = c + b;
  const scale = B ** BigInt(N);
  // step[e][k]: the numerator of k landings among e empty cells, over B^N.
  const choose = binomials(N);
  const step = choose.map((row, e) =>
    row.map((C, k) => C * c ** BigInt(k) * b ** BigInt(e - k) * B ** BigInt(N - e)),
  );
  const final = new Array<bigint>(N + 1).fill(0n);
  let respinSum = 0n;
  let live = new Map<number, bigint>();
  if (start >= N) final[N] = 1n;
  else live.set(start * (R + 1) + R, 1n);
  let denominator = 1n;
  for (let t = 0; live.size > 0; t++) {
    // Masses are over B^(N·t); every respin played from here adds its probability to E[respins].
    for (const m of live.values()) respinSum += m;
    for (let n = 0; n <= N; n++) final[n]! *= scale;
    respinSum *= scale;
    denominator *= scale;
    const next = new Map<number, bigint>();
    const last = t + 1 >= feature.maxRespins;
    for (const [key, m] of live) {
      const n = Math.floor(key / (R + 1));
      const L = key % (R + 1);
      const e = N - n;
      const row = step[e]!;
      for (let k = 0; k <= e; k++) {
        const w = m * row[k]!;
        const n2 = n + k;
        const L2 = k > 0 ? R : L - 1;
        if (n2 === N || L2 === 0 || last) final[n2]! += w;
        else {
          const to = n2 * (R + 1) + L2;
          next.set(to, (next.get(to) ?? 0n) + w);
        }
      }
    }
    live = next;
  }
  const exact = final.map((x) => frac(x, denominator));
  const respinsExact = frac(respinSum, denominator);
  return {
    cells: N,
    start,
    exact,
    probability: Float64Array.from(exact, toNumber),
    respinsExact,
    respins: toNumber(respinsExact),
    precision: 'exact',
  };
}

function doubleCounts(feature: HoldAndWinFeature, N: number, start: number): CoinCounts {
  const R = feature.respins;
  const p = feature.coin / (feature.coin + feature.blank);
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logFactorial = new Float64Array(N + 1);
  for (let i = 1; i <= N; i++) logFactorial[i] = logFactorial[i - 1]! + Math.log(i);
  const step: Float64Array[] = [];
  for (let e = 0; e <= N; e++) {
    const row = new Float64Array(e + 1);
    for (let k = 0; k <= e; k++) {
      row[k] = Math.exp(
        logFactorial[e]! - logFactorial[k]! - logFactorial[e - k]! + k * logP + (e - k) * logQ,
      );
    }
    step.push(row);
  }
  const probability = new Float64Array(N + 1);
  let respins = 0;
  let live = new Map<number, number>();
  if (start >= N) probability[N] = 1;
  else live.set(start * (R + 1) + R, 1);
  for (let t = 0; live.size > 0; t++) {
    for (const m of live.values()) respins += m;
    const next = new Map<number, number>();
    const last = t + 1 >= feature.maxRespins;
    for (const [key, m] of live) {
      const n = Math.floor(key / (R + 1));
      const L = key % (R + 1);
      const e = N - n;
      const row = step[e]!;
      for (let k = 0; k <= e; k++) {
        const w = m * row[k]!;
        if (w === 0) continue;
        const n2 = n + k;
        const L2 = k > 0 ? R : L - 1;
        if (n2 === N || L2 === 0 || last) probability[n2]! += w;
        else {
          const to = n2 * (R + 1) + L2;
          next.set(to, (next.get(to) ?? 0) + w);
        }
      }
    }
    live = next;
  }
  return {
    cells: N,
    start,
    exact: null,
    probability,
    respinsExact: null,
    respins,
    precision: 'exact-double',
  };
}
