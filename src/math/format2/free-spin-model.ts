/**
 * The free spins of a format-2 game from the enumerated distribution of one free spin. Without a
 * meter, sticky wilds or a feature-wide ladder the free spins are independent and identically
 * distributed (ruling 37), and whether a spin is played depends on earlier spins only, so
 * E[feature win] = E[spins played] × E[one spin's win] (Wald). E[spins played] is the award itself
 * without retriggers (exact), else the free-spin chain over (played, allotted) in doubles
 * (`exact-double`), whose classes are the retrigger classes of the free spin, each drawn retrigger
 * table split into its entries (its draw is independent of the spin's win).
 */
import type { Figure } from '../analysis-types.js';
import type { FreeSpinsFeature, Game } from '../../engine/model.js';
import { ratio } from '../../stats/ratio.js';
import { doubleFigure, exactFigure } from '../figures.js';
import { frac, mul, toNumber } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import { freeSpinsChain } from '../free-spins-chain.js';
import type { RetriggerClass } from '../free-spins-chain.js';
import { awardDistribution } from './awards.js';
import type { SpinDistribution } from './spin-distribution.js';
import { approx, exact } from './maybe-exact.js';
import type { MaybeExact } from './maybe-exact.js';

export interface FreeSpinModel {
  readonly feature: FreeSpinsFeature;
  /** E[W] of one free spin in credits, its multiplier included. */
  readonly mean: Fraction;
  /** E[W²]: exact when the values were enumerated (or there are none), else null. */
  readonly meanSquare: Fraction | null;
  /** P(W = 0) (never depends on values: each is at least 1). */
  readonly pZero: Fraction;
  /** P(a free spin retriggers). */
  readonly pRetrigger: Fraction;
  readonly classes: readonly RetriggerClass[];
}

export function freeSpinModel(game: Game, free: SpinDistribution): FreeSpinModel {
  const feature = game.freeSpins;
  if (feature === null) throw new Error('no free spins');
  const m = BigInt(feature.multiplier);
  const D = free.denominator;
  let s1 = 0n;
  let s2 = 0n;
  let zero = 0n;
  let retrigger = 0n;
  const classes: RetriggerClass[] = [];
  free.classes.forEach((c, k) => {
    let w = 0n;
    let c1 = 0n;
    let c2 = 0n;
    let z = 0n;
    for (const [win, weight] of free.byClass[k]!) {
      const x = BigInt(win) * m;
      w += weight;
      c1 += weight * x;
      c2 += weight * x * x;
      if (win === 0) z += weight;
    }
    s1 += c1;
    s2 += c2;
    zero += z;
    if (c.awards.length > 0) retrigger += w;
    for (const [adds, q] of awardDistribution(feature, c.awards, true)) {
      const qd = toNumber(q);
      classes.push({
        adds,
        p: ratio(w, D) * qd,
        e1: ratio(c1, D) * qd,
        e2: ratio(c2, D) * qd,
        zero: ratio(z, D) * qd,
      });
    }
  });
  return {
    feature,
    mean: frac(s1, D),
    meanSquare: free.values === 'two-point' ? null : frac(s2, D),
    pZero: frac(zero, D),
    pRetrigger: frac(retrigger, D),
    classes,
  };
}

/** The free spins played after an award, and what they win (credits). */
export interface FeatureFigures {
  /** E[spins played]: the award (exact) without retriggers, else the chain's. */
  readonly spins: Figure;
  readonly spinsSquare: number;
  /** E[F]: exact without retriggers, else exact-double. */
  readonly win: Figure;
  /** E[F²] when the free spin's distribution is known, and P(F = 0). */
  readonly winSquare: MaybeExact | null;
  readonly pZero: MaybeExact;
}

export function featureAfter(model: FreeSpinModel, awarded: number): FeatureFigures {
  if (awarded <= 0) {
    return {
      spins: exactFigure(frac(0)),
      spinsSquare: 0,
      win: exactFigure(frac(0)),
      winSquare: exact(frac(0)),
      pZero: exact(frac(1)),
    };
  }
  if (model.pRetrigger.n === 0n) {
    const a = frac(awarded);
    const win = mul(a, model.mean);
    const square =
      model.meanSquare === null
        ? null
        : frac(
            BigInt(awarded) * model.meanSquare.n * model.mean.d * model.mean.d +
              BigInt(awarded * (awarded - 1)) * model.mean.n * model.mean.n * model.meanSquare.d,
            model.meanSquare.d * model.mean.d * model.mean.d,
          );
    return {
      spins: exactFigure(a),
      spinsSquare: awarded * awarded,
      win: exactFigure(win),
      winSquare: square === null ? null : exact(square),
      pZero: exact(frac(model.pZero.n ** BigInt(awarded), model.pZero.d ** BigInt(awarded))),
    };
  }
  const chain = freeSpinsChain(awarded, model.feature.maxSpins, model.classes);
  return {
    spins: doubleFigure(chain.spins),
    spinsSquare: chain.spinsSquare,
    win: doubleFigure(chain.win),
    winSquare: model.meanSquare === null ? null : approx(chain.winSquare),
    pZero: approx(chain.pZero),
  };
}
