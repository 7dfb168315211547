/** The classes of a format-2 round and the features each one starts. */
import type { Game } from '../../engine/model.js';
import { frac, ZERO } from '../fraction.js';
import { awardDistribution, startSpinsDistribution } from './awards.js';
import { holdAndWinOutcome, startCounts } from './hold-and-win-win.js';
import type { HoldAndWinOutcome } from './hold-and-win-win.js';
import type { RoundClass } from './round-moments-v2.js';
import type { SpinDistribution } from './spin-distribution.js';

/** The round's classes from the paid spin's distribution (or the mode's start). */
export function roundClasses(game: Game, base: SpinDistribution | null): RoundClass[] | null {
  const cells = game.reels * game.rows;
  const fs = game.freeSpins;
  const hw = game.holdAndWin;
  const start = game.start;
  if (start !== null) {
    if (start.kind === 'freeSpins') {
      return [
        {
          weight: frac(1),
          s1: ZERO,
          s2: ZERO,
          zero: frac(1),
          bonus: false,
          holdAndWin: null,
          awards: startSpinsDistribution(fs!, start.spins),
        },
      ];
    }
    return [
      {
        weight: frac(1),
        s1: ZERO,
        s2: ZERO,
        zero: frac(1),
        bonus: false,
        holdAndWin: holdAndWinOutcome(hw!, cells, startCounts(start.coins, cells)),
        awards: new Map(),
      },
    ];
  }
  if (base === null) return null;
  const D = base.denominator;
  // One feature per start count, shared by the classes that start it.
  const outcomes = new Map<number, HoldAndWinOutcome>();
  const outcomeOf = (coins: number): HoldAndWinOutcome => {
    let o = outcomes.get(coins);
    if (o === undefined) {
      o = holdAndWinOutcome(hw!, cells, [{ count: coins, probability: frac(1) }]);
      outcomes.set(coins, o);
    }
    return o;
  };
  return base.classes.map((c, k) => {
    let w = 0n;
    let s1 = 0n;
    let s2 = 0n;
    let z = 0n;
    for (const [win, weight] of base.byClass[k]!) {
      w += weight;
      s1 += weight * BigInt(win);
      s2 += weight * BigInt(win) * BigInt(win);
      if (win === 0) z += weight;
    }
    return {
      weight: frac(w, D),
      s1: frac(s1, D),
      s2: base.values === 'two-point' ? null : frac(s2, D),
      zero: frac(z, D),
      bonus: c.bonus,
      holdAndWin: c.coins > 0 && hw !== null ? outcomeOf(c.coins) : null,
      awards: c.awards.length > 0 && fs !== null ? awardDistribution(fs, c.awards, false) : new Map(),
    };
  });
}
