import type { Game, ReelSet } from '../engine/model.js';
import type { SpinCombination } from './analysis-types.js';
import { waysCell } from './ways-combinations.js';

/**
 * An upper bound on one spin's win on `set`, in credits, before any free-spin multiplier: every
 * payline at the largest line pay that can occur on the set (or every ways rule at its pay times
 * the most ways each reel can give), plus the largest scatter pay that can occur.
 */
export function spinWinBound(game: Game, set: ReelSet, combinations: readonly SpinCombination[]): number {
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

/** What bounds one round's win: the largest win of each part and how many free spins can be played. */
export interface RoundBoundParts {
  /** The largest paid-spin win per class (award, bonus) that occurs, credits before the cap. */
  readonly paid: readonly { readonly spins: number; readonly bonus: boolean; readonly max: number }[];
  /** The largest win of one free spin, multiplier included (0 without free spins). */
  readonly freeSpin: number;
  /** The largest bonus prize (0 without a bonus). */
  readonly prize: number;
  /** Whether a free spin can retrigger (some retrigger count with spins to add can occur). */
  readonly retriggers: boolean;
  readonly maxSpins: number;
}

/**
 * An upper bound on one round's win before the max-win cap, honouring the feature's own limits:
 * over every paid-spin class that occurs, its largest paid win, plus the largest prize when it
 * triggers the bonus, plus — when it awards a free spins — the most spins the round can play (the
 * award when retriggers are off, else `maxSpins`) times the largest free-spin win. A bound: the
 * parts need not be reachable together.
 */
export function roundWinBound(parts: RoundBoundParts): number {
  let bound = 0;
  for (const c of parts.paid) {
    const spins = c.spins === 0 ? 0 : parts.retriggers ? parts.maxSpins : c.spins;
    bound = Math.max(bound, c.max + (c.bonus ? parts.prize : 0) + spins * parts.freeSpin);
  }
  return bound;
}
