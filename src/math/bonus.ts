import type { BonusTrigger, Game, PrizeNode, ReelSet } from '../engine/model.js';
import { add, frac, mul, sub, sum } from './fraction.js';
import type { Fraction } from './fraction.js';
import { stopWeight, symbolAt, windowCellCounts } from './reel-stats.js';

/** The exact moments of a bonus prize, in credits. */
export interface PrizeMoments {
  /** E[B] */
  readonly mean: Fraction;
  /** E[B²] */
  readonly meanSquare: Fraction;
  /** P(B = 0) */
  readonly pZero: Fraction;
  /** The largest prize the tree can give. */
  readonly max: number;
}

/**
 * Moments of a prize tree, exactly. A pick is a weighted choice of a value; a repeat draws a count
 * c and adds c independent evaluations of `each`, so with e = E[each]:
 *   E[sum] = E[c]·e,  E[sum²] = E[c]·Var(each) + E[c²]·e²,  P(sum = 0) = E[P(each = 0)^c].
 * (The spec's example tree is E = E[repeat]·E[repeat]·E[pick].)
 */
export function prizeMoments(node: PrizeNode): PrizeMoments {
  const total = BigInt(node.total);
  const weights = node.cumulative.map((c, i) => BigInt(c - (i === 0 ? 0 : node.cumulative[i - 1]!)));
  switch (node.kind) {
    case 'pick': {
      let s1 = 0n;
      let s2 = 0n;
      let zero = 0n;
      node.values.forEach((v, i) => {
        const w = weights[i]!;
        s1 += w * BigInt(v);
        s2 += w * BigInt(v) * BigInt(v);
        if (v === 0) zero += w;
      });
      return {
        mean: frac(s1, total),
        meanSquare: frac(s2, total),
        pZero: frac(zero, total),
        max: Math.max(...node.values),
      };
    }
    case 'repeat': {
      const each = prizeMoments(node.each);
      let c1 = 0n;
      let c2 = 0n;
      const zeroParts: Fraction[] = [];
      node.counts.forEach((c, i) => {
        const w = weights[i]!;
        c1 += w * BigInt(c);
        c2 += w * BigInt(c) * BigInt(c);
        zeroParts.push(mul(frac(w, total), { n: each.pZero.n ** BigInt(c), d: each.pZero.d ** BigInt(c) }));
      });
      const meanCount = frac(c1, total);
      const meanSquareCount = frac(c2, total);
      const eachSquare = mul(each.mean, each.mean);
      return {
        mean: mul(meanCount, each.mean),
        meanSquare: add(mul(meanCount, sub(each.meanSquare, eachSquare)), mul(meanSquareCount, eachSquare)),
        pZero: sum(zeroParts),
        max: Math.max(...node.counts) * each.max,
      };
    }
    default: {
      const unknown: never = node;
      throw new Error(`unknown prize node ${String(unknown)}`);
    }
  }
}

/**
 * Weighted stop combinations of `set` that trigger the bonus (out of the cycle size).
 * - anywhere: the convolution of the per-reel counts of the symbol, summed from N up;
 * - line (reels 0…k−1 all show X itself on some payline): the chance that at least one payline
 *   holds, walked reel by reel over the stops grouped by which rows show X, carrying the set of
 *   paylines still complete; a branch ends when no payline is left.
 */
export function bonusTriggerHits(game: Game, set: ReelSet, trigger: BonusTrigger): bigint {
  switch (trigger.kind) {
    case 'anywhere': {
      const dist = windowCellCounts(set, game.rows, trigger.symbol);
      return dist.reduce((acc, hits, c) => (c >= trigger.count ? acc + hits : acc), 0n);
    }
    case 'line': {
      const k = Math.min(trigger.count, set.reels.length);
      // Per reel: weight of the stops by the set of rows (bit mask) showing X.
      const byRows = set.reels.slice(0, k).map((reel) => {
        const weights = new Map<number, bigint>();
        for (let stop = 0; stop < reel.strip.length; stop++) {
          let mask = 0;
          for (let row = 0; row < game.rows; row++)
            if (symbolAt(reel, stop, row) === trigger.symbol) mask |= 1 << row;
          weights.set(mask, (weights.get(mask) ?? 0n) + BigInt(stopWeight(reel, stop)));
        }
        return weights;
      });
      let rest = 1n;
      for (let r = k; r < set.reels.length; r++) rest *= BigInt(set.reels[r]!.drawBound);
      const walk = (r: number, lines: readonly number[], weight: bigint): bigint => {
        if (lines.length === 0) return 0n;
        if (r === k) return weight * rest;
        let hits = 0n;
        for (const [mask, w] of byRows[r]!) {
          const still = lines.filter((l) => (mask >> game.paylines[l]![r]!) & 1);
          hits += walk(r + 1, still, weight * w);
        }
        return hits;
      };
      return walk(
        0,
        game.paylines.map((_, l) => l),
        1n,
      );
    }
    default: {
      const unknown: never = trigger;
      throw new Error(`unknown bonus trigger ${String(unknown)}`);
    }
  }
}
