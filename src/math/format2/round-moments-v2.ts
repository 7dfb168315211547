/**
 * The whole round of a format-2 game without the max-win cap, from its parts. A round is the paid
 * spin (or a mode's start), then the bonus, hold and win and the free spins its class starts. Given
 * the class k (award entries, bonus, coins), the paid spin's win P, the bonus prize B, the hold-and-
 * win win H and the free spins' total F are independent (each draws only its own draws), so with
 * Yₖ = bₖ·B + H(cₖ) + F(Aₖ), wₖ = P(k), s1ₖ = E[P·1ₖ], s2ₖ = E[P²·1ₖ], zₖ = P(P = 0, k):
 *
 *   E[X]     = Σₖ s1ₖ + wₖ·E[Yₖ]
 *   E[X²]    = Σₖ s2ₖ + 2·s1ₖ·E[Yₖ] + wₖ·E[Yₖ²]
 *   P(X = 0) = Σₖ zₖ · P(Yₖ = 0)
 *
 * with E[Yₖ²] = Σ of each part's second moment and twice the products of their means. Every figure
 * is exact while its inputs are (no free-spin chain, an exact coin chain), else in doubles.
 */
import type { HoldAndWinOutcome } from './hold-and-win-win.js';
import type { PrizeMoments } from '../bonus.js';
import { add, frac } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import { approx, exact, M_ONE, M_ZERO, madd, mmul, msum } from './maybe-exact.js';
import type { MaybeExact } from './maybe-exact.js';
import type { FeatureFigures } from './free-spin-model.js';

/** One class of rounds: its probability, the paid spin's moments within it, and the features it starts. */
export interface RoundClass {
  readonly weight: Fraction;
  /** E[P·1ₖ], E[P²·1ₖ] (null when the paid spin's distribution is not known), P(P = 0, k); credits. */
  readonly s1: Fraction;
  readonly s2: Fraction | null;
  readonly zero: Fraction;
  readonly bonus: boolean;
  /** The hold-and-win feature it plays, or null. */
  readonly holdAndWin: HoldAndWinOutcome | null;
  /** The spins awarded → probability (empty: no free spins). */
  readonly awards: ReadonlyMap<number, Fraction>;
}

export interface RoundMomentsV2 {
  /** Credits per round, by part. */
  readonly paid: MaybeExact;
  readonly bonus: MaybeExact;
  readonly holdAndWin: MaybeExact;
  readonly freeSpins: MaybeExact;
  readonly mean: MaybeExact;
  /** E[X²] (credits²), null when a distribution is not known. */
  readonly meanSquare: MaybeExact | null;
  readonly pZero: MaybeExact;
  readonly pBonus: Fraction;
  readonly pHoldAndWin: Fraction;
  readonly pFreeSpins: Fraction;
  /** E[free spins played] per round, and E[(spins)²·1{played}]. */
  readonly freeSpinsPerRound: MaybeExact;
}

function fig(f: { readonly value: number; readonly exact: Fraction | null }): MaybeExact {
  return f.exact === null ? approx(f.value) : exact(f.exact);
}

export function roundMomentsV2(
  classes: readonly RoundClass[],
  prize: PrizeMoments | null,
  feature: (awarded: number) => FeatureFigures,
): RoundMomentsV2 {
  const eb = prize === null ? M_ZERO : exact(prize.mean);
  const eb2 = prize === null ? M_ZERO : exact(prize.meanSquare);
  const pb0 = prize === null ? M_ONE : exact(prize.pZero);
  let paid = M_ZERO;
  let bonus = M_ZERO;
  let holdAndWin = M_ZERO;
  let freeSpins = M_ZERO;
  let meanSquare: MaybeExact | null = M_ZERO;
  let pZero = M_ZERO;
  let pBonus = frac(0);
  let pHoldAndWin = frac(0);
  let pFreeSpins = frac(0);
  let spins = M_ZERO;
  const two = exact(frac(2));
  for (const k of classes) {
    const w = exact(k.weight);
    const s1 = exact(k.s1);
    paid = madd(paid, s1);
    // The free spins given the class: mixtures over the award.
    let ef = M_ZERO;
    let ef2: MaybeExact | null = M_ZERO;
    let pf0 = k.awards.size === 0 ? M_ONE : M_ZERO;
    let es = M_ZERO;
    for (const [a, q] of k.awards) {
      const f = feature(a);
      const qe = exact(q);
      ef = madd(ef, mmul(qe, fig(f.win)));
      es = madd(es, mmul(qe, fig(f.spins)));
      pf0 = madd(pf0, mmul(qe, f.pZero));
      ef2 = ef2 === null || f.winSquare === null ? null : madd(ef2, mmul(qe, f.winSquare));
    }
    const hw = k.holdAndWin;
    const eh = hw === null ? M_ZERO : hw.mean;
    const eh2 = hw === null ? M_ZERO : hw.meanSquare;
    const b = k.bonus;
    bonus = madd(bonus, b ? mmul(w, eb) : M_ZERO);
    holdAndWin = madd(holdAndWin, mmul(w, fig(eh)));
    freeSpins = madd(freeSpins, mmul(w, ef));
    spins = madd(spins, mmul(w, es));
    if (b) pBonus = add(pBonus, k.weight);
    if (hw !== null) pHoldAndWin = add(pHoldAndWin, k.weight);
    if (k.awards.size > 0) pFreeSpins = add(pFreeSpins, k.weight);
    const ey = msum([b ? eb : M_ZERO, fig(eh), ef]);
    if (meanSquare !== null && k.s2 !== null && ef2 !== null) {
      const ebb = b ? eb : M_ZERO;
      const ey2 = msum([
        b ? eb2 : M_ZERO,
        fig(eh2),
        ef2,
        mmul(two, msum([mmul(ebb, fig(eh)), mmul(ebb, ef), mmul(fig(eh), ef)])),
      ]);
      meanSquare = msum([meanSquare, exact(k.s2), mmul(two, mmul(s1, ey)), mmul(w, ey2)]);
    } else meanSquare = null;
    // A hold-and-win feature always pays (every coin is worth something).
    const py0 = hw !== null ? M_ZERO : mmul(b ? pb0 : M_ONE, pf0);
    pZero = madd(pZero, mmul(exact(k.zero), py0));
  }
  return {
    paid,
    bonus,
    holdAndWin,
    freeSpins,
    mean: msum([paid, bonus, holdAndWin, freeSpins]),
    meanSquare,
    pZero,
    pBonus,
    pHoldAndWin,
    pFreeSpins,
    freeSpinsPerRound: spins,
  };
}
