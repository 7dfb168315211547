import type { PrizeNode } from '../engine/model.js';
import type { WorkBudget } from './work-budget.js';

/** A distribution over credits: value → probability (doubles from exact integer weights). */
export type Distribution = ReadonlyMap<number, number>;

function addTo(map: Map<number, number>, key: number, p: number): void {
  map.set(key, (map.get(key) ?? 0) + p);
}

/**
 * The distribution of the sum of two independent amounts, each sum at or above `limit` lumped at
 * `limit` (the order of a round's wins never matters to min(total, limit): all are ≥ 0).
 * Null when the budget runs out.
 */
export function convolveDistributions(
  a: Distribution,
  b: Distribution,
  limit: number,
  budget: WorkBudget,
): Map<number, number> | null {
  if (!budget.spend(a.size * b.size)) return null;
  const out = new Map<number, number>();
  for (const [x, p] of a) {
    if (p === 0) continue;
    for (const [y, q] of b) addTo(out, Math.min(x + y, limit), p * q);
  }
  return out;
}

/**
 * The exact distribution of a bonus prize tree in credits, computed in doubles: a pick is its
 * weighted values; a repeat of c draws of `each` is the c-fold convolution of `each`'s distribution,
 * mixed by the weights of c. Every term is a product of non-negative probabilities, so the relative
 * error stays near 1e-15. Prizes at or above `limit` are lumped at `limit`. Null when the tree's
 * distribution would cost more than the budget allows.
 */
export function prizeDistribution(
  node: PrizeNode,
  limit: number,
  budget: WorkBudget,
): Map<number, number> | null {
  const total = node.total;
  const weight = (i: number): number => node.cumulative[i]! - (i === 0 ? 0 : node.cumulative[i - 1]!);
  switch (node.kind) {
    case 'pick': {
      const out = new Map<number, number>();
      node.values.forEach((value, i) => addTo(out, Math.min(value, limit), weight(i) / total));
      return out;
    }
    case 'repeat': {
      const each = prizeDistribution(node.each, limit, budget);
      if (each === null) return null;
      const out = new Map<number, number>();
      let power: Map<number, number> | null = new Map([[0, 1]]);
      let done = 0;
      node.counts.forEach((count, i) => {
        while (power !== null && done < count) {
          power = convolveDistributions(power, each, limit, budget);
          done++;
        }
        if (power === null) return;
        const w = weight(i) / total;
        for (const [value, p] of power) addTo(out, value, w * p);
      });
      return power === null ? null : out;
    }
    default: {
      const unknown: never = node;
      throw new Error(`unknown prize node ${String(unknown)}`);
    }
  }
}
