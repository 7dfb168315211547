import type { Game, KindRule, Reel, ReelSet } from '../engine/model.js';
import { stopWeight, symbolAt } from './reel-stats.js';

/** One ways rule paying for a run of `count` reels, over a cycle. */
export interface WaysCombinationCount {
  readonly rule: number;
  readonly count: number;
  /** Credits one way pays (the rule's pay for this count). */
  readonly pay: number;
  /** Weighted stop combinations in which the rule pays with a run of exactly `count` reels. */
  readonly hits: bigint;
  /** Σ over those combinations of the ways paid (Πn − Πm, wild multipliers included), weighted. */
  readonly ways: bigint;
}

export function waysCombinationKey(rule: number, count: number): string {
  return `ways:${rule}:${count}`;
}

/** nⱼ and mⱼ of the spec for one reel stop: cells of X plus wild multipliers, and the wild part. */
export function waysCell(game: Game, rule: KindRule, reel: Reel, stop: number): { n: number; m: number } {
  let n = 0;
  let m = 0;
  for (let k = 0; k < game.rows; k++) {
    const s = symbolAt(reel, stop, k);
    if (s === rule.symbol) n++;
    else if (!rule.wild && game.substitutes[s]![rule.symbol]!) {
      n += game.symbols[s]!.multiplier;
      m += game.symbols[s]!.multiplier;
    }
  }
  return { n, m };
}

/** Per-reel weighted sums a rule's closed form needs. */
interface ReelWaysSums {
  readonly total: bigint;
  /** Weight of stops with n > 0, with n = 0, and with n > 0 made of wilds alone (n = m). */
  readonly present: bigint;
  readonly absent: bigint;
  readonly wildOnly: bigint;
  /** Σ weight × n and Σ weight × m. */
  readonly n: bigint;
  readonly m: bigint;
}

function reelSums(game: Game, rule: KindRule, reel: Reel): ReelWaysSums {
  let present = 0n;
  let absent = 0n;
  let wildOnly = 0n;
  let nSum = 0n;
  let mSum = 0n;
  for (let stop = 0; stop < reel.strip.length; stop++) {
    const w = BigInt(stopWeight(reel, stop));
    const { n, m } = waysCell(game, rule, reel, stop);
    if (n === 0) absent += w;
    else {
      present += w;
      if (n === m) wildOnly += w;
    }
    nSum += w * BigInt(n);
    mSum += w * BigInt(m);
  }
  return { total: BigInt(reel.drawBound), present, absent, wildOnly, n: nSum, m: mSum };
}

/**
 * Every paying (rule, run length) of a ways game, in closed form: the reels are independent, so
 * for a run of exactly k reels (nⱼ > 0 for j < k, n_k = 0 or k = R)
 *   hits = (Π present − Π wildOnly) × absent_k × Π_{j>k} total   (ways = Πn − Πm > 0 unless every nⱼ = mⱼ)
 *   ways = (Π Σwn − Π Σwm)          × absent_k × Π_{j>k} total
 * A wild's own rule has m = 0 throughout, so both reduce to its own cells.
 */
export function waysCombinations(game: Game, set: ReelSet): WaysCombinationCount[] {
  const out: WaysCombinationCount[] = [];
  const reels = set.reels;
  for (const rule of game.pays) {
    if (rule.kind !== 'kind') continue;
    const sums = reels.map((reel) => reelSums(game, rule, reel));
    let present = 1n;
    let wildOnly = 1n;
    let n = 1n;
    let m = 1n;
    for (let k = 1; k <= reels.length; k++) {
      const last = sums[k - 1]!;
      present *= last.present;
      wildOnly *= last.wildOnly;
      n *= last.n;
      m *= last.m;
      const pay = rule.pays[k] ?? 0;
      if (pay === 0) continue;
      let tail = 1n;
      if (k < reels.length) {
        tail = sums[k]!.absent;
        for (let j = k + 1; j < reels.length; j++) tail *= sums[j]!.total;
      }
      const hits = (present - wildOnly) * tail;
      if (hits === 0n) continue;
      out.push({ rule: rule.index, count: k, pay, hits, ways: (n - m) * tail });
    }
  }
  return out;
}
