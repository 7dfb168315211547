/**
 * The round's means from the means of its spins (`per-reel.ts`, or an enumeration's), before the
 * max-win cap. Given a paid spin's class (award entries, bonus, coins) its features are independent
 * of its win, and free spins without a meter, sticky wilds or a feature-wide ladder are i.i.d.
 * (ruling 37), so E[feature | award a] = E[spins played | a] × E[one free spin] (Wald), with
 * E[spins played | a] the retrigger chain run in exact fractions (`spins-played-exact.ts`):
 *
 *   E[round] = E[paid pay] + E[paid scatter] + Σₖ P(k)·(bₖ·E[prize] + E[H(cₖ)] + Σₐ P(a | k)·E[spins | a]·E[W]).
 *
 * Every figure is a mean: no second moment, no P(win = 0), no capped figure (those need the
 * distribution a per-reel form does not have).
 */
import type { Game } from '../../engine/model.js';
import { prizeMoments } from '../bonus.js';
import { add, div, frac, mul, ZERO } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import { awardDistribution } from './awards.js';
import type { FeatureFigures } from './free-spin-model.js';
import { approx } from './maybe-exact.js';
import type { MaybeExact } from './maybe-exact.js';
import { roundClasses } from './round-classes.js';
import { roundMomentsV2 } from './round-moments-v2.js';
import type { RoundClass } from './round-moments-v2.js';
import { holdAndWinOutcome } from './hold-and-win-win.js';
import type { HoldAndWinOutcome } from './hold-and-win-win.js';
import type { SpinDistribution } from './spin-distribution.js';
import type { SpinClassInfo } from './spin-types.js';
import type { PerReelSpin } from './per-reel.js';
import { exactSpinsPlayed } from './spins-played-exact.js';
import type { ExactRetriggerClass } from './spins-played-exact.js';

/** What the round needs of one spin: its mean wins, and per class its probability and E[win · 1{class}]. */
export interface SpinMeans {
  /** Credits, no free-spin multiplier, no cap. */
  readonly pay: Fraction;
  readonly scatter: Fraction;
  readonly classes: readonly {
    readonly info: SpinClassInfo;
    readonly weight: Fraction;
    readonly win: Fraction;
  }[];
  /** True when a value table was replaced by its mean (the win's distribution is not this one's). */
  readonly byMeans: boolean;
}

export function meansOfPerReel(game: Game, p: PerReelSpin): SpinMeans {
  return {
    pay: p.pay,
    scatter: p.scatter,
    classes: p.classes.map((c) => ({ info: c.info, weight: c.weight, win: add(c.pay, c.scatter) })),
    byMeans: game.symbols.some((s) => s.multiplierDraw !== null && s.multiplierDraw.items.length > 1),
  };
}

export function meansOfDistribution(d: SpinDistribution): SpinMeans {
  return {
    pay: frac(d.pay, d.denominator),
    scatter: frac(d.scatter, d.denominator),
    classes: d.classes.map((info, k) => {
      let w = 0n;
      let s1 = 0n;
      for (const [win, weight] of d.byClass[k]!) {
        w += weight;
        s1 += weight * BigInt(win);
      }
      return { info, weight: frac(w, d.denominator), win: frac(s1, d.denominator) };
    }),
    byMeans: d.values === 'two-point',
  };
}

/** The round's means before the cap, credits per round of the mode. */
export interface RoundMeans {
  readonly lines: Fraction;
  readonly scatter: Fraction;
  readonly bonus: MaybeExact;
  readonly holdAndWin: MaybeExact;
  readonly freeSpins: MaybeExact;
  readonly mean: MaybeExact;
  readonly pFreeSpins: Fraction;
  readonly pBonus: Fraction;
  readonly pHoldAndWin: Fraction;
  /** E[free spins played | a round plays them] (null: no free spins in the game). */
  readonly spinsPerTrigger: Fraction | null;
  /** E[one free spin's win], its multiplier included (null: none). */
  readonly freeSpinWin: Fraction | null;
  /** Some mean was computed with value tables replaced by their means. */
  readonly byMeans: boolean;
}

/** The round's means, from the paid spin's (null in a mode with `start`) and the free spin's. */
export function roundMeans(game: Game, base: SpinMeans | null, free: SpinMeans | null): RoundMeans {
  const fs = game.freeSpins;
  let classes: RoundClass[];
  if (game.start !== null) classes = roundClasses(game, null)!;
  else {
    if (base === null) throw new Error('no paid spin');
    const hw = game.holdAndWin;
    const cells = game.reels * game.rows;
    const outcomes = new Map<number, HoldAndWinOutcome>();
    classes = base.classes.map((c) => {
      let outcome: HoldAndWinOutcome | null = null;
      if (c.info.coins > 0 && hw !== null) {
        outcome = outcomes.get(c.info.coins) ?? null;
        if (outcome === null) {
          outcome = holdAndWinOutcome(hw, cells, [{ count: c.info.coins, probability: frac(1) }]);
          outcomes.set(c.info.coins, outcome);
        }
      }
      return {
        weight: c.weight,
        s1: c.win,
        s2: null,
        // Unknown from means; `pZero` of the moments is not used.
        zero: ZERO,
        bonus: c.info.bonus,
        holdAndWin: outcome,
        awards:
          c.info.awards.length > 0 && fs !== null ? awardDistribution(fs, c.info.awards, false) : new Map(),
      };
    });
  }
  const freeNeeded = classes.some((c) => c.awards.size > 0);
  if (freeNeeded && free === null) throw new Error('no free spin means');
  const multiplier = frac(fs?.multiplier ?? 1);
  const spinWin = free === null ? null : mul(add(free.pay, free.scatter), multiplier);
  // Retrigger classes of a free spin, each drawn table split into its entries.
  const retrigger: ExactRetriggerClass[] = [];
  if (free !== null && fs !== null) {
    const byAdds = new Map<number, Fraction>();
    for (const c of free.classes)
      for (const [adds, q] of awardDistribution(fs, c.info.awards, true))
        byAdds.set(adds, add(byAdds.get(adds) ?? ZERO, mul(c.weight, q)));
    for (const [adds, p] of byAdds) retrigger.push({ adds, p });
  }
  const spinsCache = new Map<number, Fraction>();
  const feature = (a: number): FeatureFigures => {
    let spins = spinsCache.get(a);
    if (spins === undefined) {
      spins = exactSpinsPlayed(a, fs!.maxSpins, retrigger);
      spinsCache.set(a, spins);
    }
    const win = mul(spins, spinWin!);
    return {
      spins: { value: Number.NaN, exact: spins, precision: 'exact' },
      spinsSquare: Number.NaN,
      win: { value: Number.NaN, exact: win, precision: 'exact' },
      winSquare: null,
      pZero: approx(Number.NaN),
    };
  };
  const prize = game.bonus === null ? null : prizeMoments(game.bonus.prize);
  const m = roundMomentsV2(classes, prize, feature);
  const spinsPerRound = m.freeSpinsPerRound.exact;
  return {
    lines: base?.pay ?? ZERO,
    scatter: base?.scatter ?? ZERO,
    bonus: m.bonus,
    holdAndWin: m.holdAndWin,
    freeSpins: m.freeSpins,
    mean: m.mean,
    pFreeSpins: m.pFreeSpins,
    pBonus: m.pBonus,
    pHoldAndWin: m.pHoldAndWin,
    spinsPerTrigger:
      fs === null || spinsPerRound === null || m.pFreeSpins.n === 0n
        ? null
        : div(spinsPerRound, m.pFreeSpins),
    freeSpinWin: spinWin,
    byMeans: (base?.byMeans ?? false) || (freeNeeded && (free?.byMeans ?? false)),
  };
}
