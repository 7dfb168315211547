import type { Game, ReelSet } from '../engine/model.js';
import type { Combination } from './analysis-types.js';
import { waysCell } from './ways-combinations.js';

/**
 * An upper bound on one spin's win on `set`, in credits, before any free-spin multiplier: every
 * payline at the largest line pay that can occur on the set (or every ways rule at its pay times
 * the most ways each reel can give), plus the largest scatter pay that can occur.
 */
export function spinWinBound(game: Game, set: ReelSet, combinations: readonly Combination[]): number {
  let pays = 0;
  if (game.evaluation === 'lines') {
    const best = Math.max(0, ...combinations.filter((c) => c.kind === 'line').map((c) => c.pay));
    pays = best * game.paylines.length;
  } else {
    for (const rule of game.pays) {
      if (rule.kind !== 'kind') continue;
      const maxN = set.reels.map((reel) => {
        let most = 0;
        for (let stop = 0; stop < reel.strip.length; stop++)
          most = Math.max(most, waysCell(game, rule, reel, stop).n);
        return most;
      });
      let ways = 1;
      let best = 0;
      for (let k = 1; k <= set.reels.length; k++) {
        ways *= maxN[k - 1]!;
        best = Math.max(best, (rule.pays[k] ?? 0) * ways);
      }
      pays += best;
    }
  }
  const scatter = Math.max(0, ...combinations.filter((c) => c.kind === 'scatter').map((c) => c.pay));
  return pays + scatter;
}
