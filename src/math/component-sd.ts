import type { Game } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { ratio } from '../stats/ratio.js';
import type { ComponentSd, Components, CountRow, Figure } from './analysis-types.js';
import type { PrizeMoments } from './bonus.js';
import type { CycleEnumeration } from './cycle-run.js';
import { frac, mul, toNumber } from './fraction.js';
import type { Fraction } from './fraction.js';
import type { ChainResult } from './free-spins-chain.js';
import type { RoundDistribution } from './round-distribution.js';

export interface ComponentSdInput {
  readonly game: Game;
  readonly enumeration: CycleEnumeration;
  readonly stake: number;
  readonly cap: number | null;
  /** The paid spin's line/ways RTP before the cap, to check the line/ways histogram against. */
  readonly linesRtp: Fraction;
  readonly components: Components<Figure>;
  readonly paidSpinSd: number | null;
  /** The paid spin's scatter counts (credits paid per count). */
  readonly scatterRows: readonly CountRow[];
  readonly bonus: { readonly p: Fraction; readonly prize: PrizeMoments } | null;
  /** The free-spin chain per award (uncapped), from `roundMoments`. */
  readonly chains: ReadonlyMap<number, ChainResult>;
  /** The capped whole-round distribution when the cap binds with features, else null. */
  readonly capped: RoundDistribution | null;
  /** Whether the cap can cut the bonus. */
  readonly bonusCut: boolean;
  readonly expectedSpins: number | null;
  readonly pTrigger: number;
}

/** sd from E[X²] and E[X] (× stake, so E[X] is a fraction of the stake and E[X²] of stake²). */
function sdOf(meanSquare: number, mean: number): number {
  return Math.sqrt(Math.max(0, meanSquare - mean * mean));
}

/** The exact variance of Σ w·x over a cycle, from bigint sums, as a double (× stake²). */
function exactVariance(s1: bigint, s2: bigint, cycle: bigint, stake: number): number {
  const s = BigInt(stake);
  return ratio(cycle * s2 - s1 * s1, cycle * cycle * s * s);
}

/**
 * Each component's sd per paid round, after the cap (see `ComponentSd`): the line/ways part from
 * the enumerated line/ways wins, the scatter part from the scatter counts less what the cap cuts
 * (every spin past the cap is listed with its parts), the free spins and the bonus from the chain
 * (or, with a binding cap, from the whole-round distribution's own second moments).
 */
export function componentSds(input: ComponentSdInput): ComponentSd {
  const { enumeration, stake, cap } = input;
  const base = enumeration.base;
  const cycle = base.cycle;
  const limit = cap ?? Number.POSITIVE_INFINITY;

  // Line/ways part: min(L, cap).
  let l1 = 0n;
  let l2 = 0n;
  let raw = 0n;
  for (const [pay, w] of base.pays) {
    raw += BigInt(pay) * w;
    const x = BigInt(Math.min(pay, limit));
    l1 += x * w;
    l2 += x * x * w;
  }
  const analytic = mul(input.linesRtp, frac(cycle * BigInt(stake)));
  if (analytic.d !== 1n || analytic.n !== raw) {
    throw new SlotsimError(
      'INTERNAL',
      `line/ways wins of the enumerated cycle (${raw}) and the per-reel analysis (${analytic.n}/${analytic.d}) disagree on ${input.game.id}`,
    );
  }
  const lines = Math.sqrt(exactVariance(l1, l2, cycle, stake));

  // Scatter part: min(S, cap − min(L, cap)); only spins past the cap differ from S.
  let c1 = 0n;
  let c2 = 0n;
  for (const row of input.scatterRows) {
    const v = BigInt(row.value);
    c1 += row.hits * v;
    c2 += row.hits * v * v;
  }
  for (const spin of base.overCap) {
    if (cap === null) break;
    const paidLines = Math.min(spin.pay, cap);
    const kept = BigInt(Math.max(0, Math.min(spin.scatter, cap - paidLines)));
    const s = BigInt(spin.scatter);
    c1 -= spin.weight * (s - kept);
    c2 -= spin.weight * (s * s - kept * kept);
  }
  const scatter = Math.sqrt(exactVariance(c1, c2, cycle, stake));

  const c = input.components;
  const d = input.capped;
  let freeSpins: number | null = null;
  let bonus: number | null = null;
  let spinsPerTrigger: number | null = null;
  if (input.game.freeSpins !== null) {
    if (d !== null) {
      freeSpins = sdOf(d.freeSquare / (stake * stake), c.freeSpins.value);
      if (d.freeSpinsPlayed > 0 && input.expectedSpins !== null) {
        spinsPerTrigger = sdOf(d.freeSpinsSquarePerRound / d.freeSpinsPlayed, input.expectedSpins);
      }
    } else if (c.freeSpins.precision !== 'uncapped') {
      let f2 = 0;
      let n2 = 0;
      base.classes.forEach((cls, k) => {
        const chain = input.chains.get(cls.spins);
        if (chain === undefined) return;
        let w = 0n;
        for (const weight of base.byClass[k]!.values()) w += weight;
        const p = ratio(w, cycle);
        f2 += p * chain.winSquare;
        n2 += p * chain.spinsSquare;
      });
      freeSpins = sdOf(f2 / (stake * stake), c.freeSpins.value);
      if (input.pTrigger > 0 && input.expectedSpins !== null) {
        spinsPerTrigger = sdOf(n2 / input.pTrigger, input.expectedSpins);
      }
    }
  }
  if (input.bonus !== null) {
    if (d !== null && input.bonusCut) bonus = sdOf(d.bonusSquare / (stake * stake), c.bonus.value);
    else if (c.bonus.precision !== 'uncapped') {
      const p = toNumber(input.bonus.p);
      bonus = sdOf((p * toNumber(input.bonus.prize.meanSquare)) / (stake * stake), c.bonus.value);
    }
  }
  return {
    lines: c.lines.precision === 'uncapped' ? null : lines,
    scatter: c.scatter.precision === 'uncapped' ? null : scatter,
    paidSpin: input.paidSpinSd,
    freeSpins,
    bonus,
    spinsPerTrigger,
  };
}
