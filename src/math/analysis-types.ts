import type { EvaluationKind } from '../engine/model.js';
import type { NamedGameIdentity } from '../game/identity.js';
import type { DistributionRow } from '../stats/distribution.js';
import type { Fraction } from './fraction.js';
import type { Format2Analysis } from './format2/format2-types.js';
import type { RoundDistribution } from './round-distribution.js';

/**
 * The data `analyzeGame` and `analyze` return: figures only, no formatting (renderers live in
 * `src/report/analysis-*.ts`). Amounts are fractions of the stake unless named `credits`.
 */

/**
 * How a figure was obtained.
 * - `exact`: `exact` holds the exact fraction; `value` is it rounded to a double.
 * - `exact-double`: computed in double precision from exact inputs (the free-spin chain); relative error
 *   below about 1e-12, far below every printed digit.
 * - `exact-double` also labels the capped figures of a game whose max-win cap binds, from the
 *   dynamic programme over (credits won, spins) of `round-distribution.ts`.
 * - `uncapped`: exact for the game without its max-win cap, which can bind here — so not the
 *   game's figure (an upper bound for RTP parts). Only when the capped figures could not be computed
 *   (a state space too large); `analyze` then replaces these by simulated figures.
 * - `exact-expectation` (format 2): the mean is exact — `exact` holds it — but the figure's
 *   distribution was not computed (random values replaced by tables of the same mean, ruling 35),
 *   and the max-win cap is proved unable to bind (ruling 40).
 * - `simulated`: a Monte Carlo estimate; `interval99` is its 99% confidence interval.
 */
export type Precision = 'exact' | 'exact-double' | 'exact-expectation' | 'uncapped' | 'simulated';

export interface Figure {
  readonly value: number;
  /** The exact value when `precision` is `exact` (or `uncapped`, when that is exact). */
  readonly exact: Fraction | null;
  readonly precision: Precision;
  /** Simulated figures: the 99% confidence interval. */
  readonly interval99?: readonly [number, number];
}

export interface Components<T> {
  /** Line or ways wins of the paid spin. */
  readonly lines: T;
  /** The paid spin's scatter win. */
  readonly scatter: T;
  /** Every win of the free spins (line or ways and scatter, multiplier included). */
  readonly freeSpins: T;
  readonly bonus: T;
  /** Format 2: every hold-and-win win (absent for a classic game). */
  readonly holdAndWin?: T;
}

/** One symbol on one reel. */
export interface SymbolCount {
  readonly symbol: string;
  /** Strip positions showing it. */
  readonly stops: number;
  /** Their total weight (= stops on an unweighted strip). */
  readonly weight: bigint;
  /** Weighted reels: the weight with which each row shows it (rows differ by their offset). */
  readonly rowWeights: readonly bigint[] | null;
}

export interface ReelPar {
  readonly length: number;
  readonly drawBound: number;
  readonly weighted: boolean;
  /** Every symbol the reel shows, in the game's symbol order. */
  readonly symbols: readonly SymbolCount[];
}

export interface ReelSetPar {
  readonly name: string;
  /** Roles of the set: "paid spins", "free spins". */
  readonly usedFor: readonly string[];
  readonly cycle: bigint;
  readonly reels: readonly ReelPar[];
}

/**
 * One paying combination of a spin, with its exact frequency. The certify report's χ² test uses
 * `hits`/`trials`: each payline of each spin falls in exactly one line combination or none, each
 * ways rule in one (rule, count) or none, the scatter count in one entry or none.
 */
export interface Combination {
  /** Stable id, also what `classifyWindow` returns: "line:RULE:COUNT:MULT", "ways:RULE:COUNT", "scatter:COUNT". */
  readonly key: string;
  readonly kind: 'line' | 'ways' | 'scatter';
  /** "SEVEN ×4", "SEVEN ×4 (wilds ×3)", "pattern ANY7 ANY7 ANY7", "SCAT ×3 scatter". */
  readonly label: string;
  /** Index into the game's pays (null for scatter). */
  readonly rule: number | null;
  readonly count: number;
  /** Product of the substituting wilds' multipliers (lines; 1 otherwise). */
  readonly multiplier: number;
  /** Credits paid per occurrence: per line (lines), per way (ways), per spin (scatter). */
  readonly pay: number;
  /** Σ over paylines (lines) / ways rule / scatter of the weighted stop combinations where it occurs. */
  readonly hits: bigint;
  /** Chances per spin: the number of paylines (lines), 1 (ways, scatter). */
  readonly trials: number;
  /** hits / (cycle × trials): the chance on one payline (lines) or one spin. */
  readonly probability: Fraction;
  /** hits / cycle: expected occurrences per spin. */
  readonly perSpin: Fraction;
  /** Spins per occurrence, cycle / hits. */
  readonly oneIn: number;
  /** Ways: Σ ways paid over the cycle (weighted); credits = pay × ways. */
  readonly ways: bigint | null;
  /** Its contribution to the RTP of one spin of its reel set (fraction of the stake, before any free-spin multiplier). */
  readonly rtp: Fraction;
  /** Share of one spin's line/ways + scatter return (not of the game's RTP: see `shareOfGameRtp`). */
  readonly shareOfRtp: number;
  /**
   * Its contribution to the game's RTP per paid round, as paid: the paid spin's `rtp`, or for a
   * free spin `rtp` × the free-spin multiplier × E[free spins per paid round]. Before the max-win
   * cap. The paid spin's rows add up to its line/ways and scatter parts, the free spin's to the
   * free-spin part (uncapped).
   */
  readonly gameRtp: Figure;
  /** `gameRtp` as a share of `Analysis.parDenominator`. */
  readonly shareOfGameRtp: number;
}

/** A combination as one spin's PAR table knows it, before its worth to the game is known. */
export type SpinCombination = Omit<Combination, 'gameRtp' | 'shareOfGameRtp'>;

export interface CountRow {
  /** Cells of the symbol in the window. */
  readonly count: number;
  readonly hits: bigint;
  readonly probability: Fraction;
  readonly oneIn: number;
  /** Scatter: credits paid; trigger: spins awarded / added. */
  readonly value: number;
}

export interface FreeSpinsAnalysis {
  readonly symbol: string;
  readonly reelSet: string;
  readonly multiplier: number;
  readonly maxSpins: number;
  /** The paid spin's trigger counts (awards cut to maxSpins). */
  readonly triggers: readonly CountRow[];
  /** A free spin's retrigger counts (spins added before the cap's cut). */
  readonly retriggers: readonly CountRow[];
  /** P(a free spin retriggers). */
  readonly pRetrigger: Fraction;
  /** E[spins played] after an award of each size (retriggers and the cap included). */
  readonly spinsByAward: readonly { readonly awarded: number; readonly spins: Figure }[];
  readonly expectedSpinsPerTrigger: Figure;
  /** E[win of one free spin] (multiplier included), × stake. */
  readonly winPerSpin: Figure;
  /** E[free-spin win of a triggered round], × stake. */
  readonly winPerTrigger: Figure;
  /** E[free spins played per paid round] (uncapped): what a free-spin combination's per-spin return is worth to the game. */
  readonly spinsPerRound: Figure;
  /** The free reel set's own combinations (per free spin, before the multiplier). */
  readonly combinations: readonly Combination[];
  readonly cycle: bigint;
}

export interface BonusAnalysis {
  /** "3 × LO on a payline", "3+ × BONUS anywhere". */
  readonly trigger: string;
  readonly hits: bigint;
  readonly pTrigger: Figure;
  /** E[prize], × stake; its standard deviation; the largest prize, × stake. */
  readonly meanPrize: Figure;
  readonly sdPrize: number;
  readonly maxPrize: number;
}

export interface TopAward {
  /** The highest-paying single combination of the paid spin that can occur. */
  readonly label: string;
  readonly credits: number;
  readonly x: number;
  readonly oneIn: number;
}

/** The largest win of one spin and its chance (from the enumerated cycle). */
export interface LargestWin {
  readonly credits: number;
  readonly x: number;
  /** Weighted stop combinations of its reel set's cycle that give it. */
  readonly hits: bigint;
  /** Spins per occurrence: cycle / hits. */
  readonly oneIn: number;
}

/** What the max-win cap means for this game, and the largest wins it can pay (max exposure). */
export interface MaxWinAnalysis {
  /** The cap in credits and × stake, or null. */
  readonly capCredits: number | null;
  readonly capX: number | null;
  /**
   * An upper bound on one round's total win before the cap, credits (`roundWinBound`): per paid-spin
   * class its largest win, the largest prize, and the most free spins the round can play (the award
   * without retriggers, else maxSpins) times the largest free-spin win. A bound, not a reachable win.
   */
  readonly roundBound: number;
  /** Where the bound's per-spin maxima come from: the enumerated cycles (exact) or per-reel bounds. */
  readonly roundBoundFrom: 'enumeration' | 'per-reel bounds';
  /** The largest paid-spin win (exact when enumerated, else a bound), credits before the cap. */
  readonly paidSpinBound: number;
  /** The largest win of one free spin, multiplier included (0 without free spins). */
  readonly freeSpinBound: number;
  /** The most free spins one round can play (0 without free spins). */
  readonly freeSpinsBound: number;
  /** True when a round can reach the cap (exactly known when `capHit` is given, else from the bound). */
  readonly canBind: boolean;
  /** P(a round reaches the cap), when it was computed exactly; null otherwise. */
  readonly capHit: Figure | null;
  /** The largest paid-spin win before the cap and its odds (null: the cycle was not enumerated). */
  readonly largestPaidSpin: LargestWin | null;
  /**
   * The largest win of one free spin, multiplier included, before the cap, and its odds per free
   * spin (null: no free spins, or not enumerated). The cap, when lower, cuts it.
   */
  readonly largestFreeSpin: LargestWin | null;
}

/**
 * The standard deviation of each part of one paid round, × stake (as the simulation reports the
 * parts, after the cap), and of the free spins a triggered round plays: what each component's z
 * needs. Null where unknown (the cycle not enumerated, or the cap's figures not computed).
 */
export interface ComponentSd {
  readonly lines: number | null;
  readonly scatter: number | null;
  /** Line/ways and scatter together: the paid spin's own win after the cap. */
  readonly paidSpin: number | null;
  readonly freeSpins: number | null;
  readonly bonus: number | null;
  /** Of the number of free spins one triggered round plays. */
  readonly spinsPerTrigger: number | null;
}

/** The exact distribution of a whole round's win (paid spin, bonus and free spins together). */
export interface WholeRound {
  /** Null when it was not computed; `reason` says why. */
  readonly distribution: RoundDistribution | null;
  readonly reason: string | null;
}

/** The paid spin's own win over its whole cycle (features excluded); from an enumeration. */
export interface PaidSpinCycle {
  readonly cycle: bigint;
  readonly combinations: number;
  /** Share of paid spins whose own win (after the cap) is above zero. */
  readonly hitFrequency: Figure;
  /** RTP of the paid spin alone (after the cap), exact. */
  readonly rtp: Figure;
  /** Variance (exact, × stake²) and standard deviation (× stake) of the paid spin's own win. */
  readonly variance: Figure;
  readonly sd: number;
  readonly distribution: readonly DistributionRow[];
  /** Paid-spin win (credits, after the cap) → weighted stop combinations. */
  readonly histogram: ReadonlyMap<number, bigint>;
  /** The largest paid-spin win and its chance. */
  readonly maxWin: {
    readonly credits: number;
    readonly x: number;
    readonly hits: bigint;
    readonly oneIn: number;
  };
  /** The free spins' reel set: cycle and hit frequency of one free spin (null without free spins). */
  readonly freeSpin: {
    readonly cycle: bigint;
    readonly combinations: number;
    readonly hitFrequency: Figure;
  } | null;
  readonly threads: number;
  readonly elapsedSeconds: number;
}

export interface RtpRange {
  readonly rounds: number;
  readonly '90': readonly [number, number];
  readonly '95': readonly [number, number];
  readonly '99': readonly [number, number];
}

export interface Volatility {
  /** VI = z × sd for each confidence level (90% is the industry's usual figure). */
  readonly '90': number;
  readonly '95': number;
  readonly '99': number;
}

export interface CapSimulation {
  readonly spins: number;
  readonly seed: string;
  readonly rng: string;
  readonly threads: number;
  readonly elapsedSeconds: number;
}

export interface Analysis {
  readonly game: NamedGameIdentity;
  /** The bet mode analysed (format 2; absent: "base"). */
  readonly mode?: string;
  /**
   * Every figure is simulated: the game uses a mechanic the exact analysis does not cover yet
   * (`simulated-analysis.ts`); no PAR table of combinations, no exact feature tables.
   */
  readonly simulatedOnly?: boolean;
  /** Total stake and line bet of a paid round, in credits. */
  readonly stake: number;
  readonly lineBet: number;
  readonly evaluation: EvaluationKind;
  readonly paylines: number;
  /** The paid spin's cycle: product of the base reels' draw bounds. */
  readonly cycle: bigint;
  /** False when some figure could not be computed exactly (then `notExact` says why). */
  readonly exact: boolean;
  readonly notExact: readonly string[];
  /** What a reader must know about how the figures were computed. */
  readonly notes: readonly string[];
  readonly rtp: Figure;
  readonly components: Components<Figure>;
  /** Per paid round; retriggers are not triggers. */
  readonly pFreeSpinsTrigger: Figure;
  /** Every free spin played after a trigger, retriggers included, within the cap (null: no free spins). */
  readonly expectedFreeSpinsPerTrigger: Figure | null;
  readonly pBonusTrigger: Figure;
  /** Format 2: the hold-and-win part of the RTP and the feature's rate per round (absent: the game has none). */
  readonly holdAndWin?: Figure;
  readonly pHoldAndWinTrigger?: Figure;
  /** Whole round (features included). Null when the paid spin's cycle was not enumerated. */
  readonly hitFrequency: Figure | null;
  /** Standard deviation of one whole round's win, × stake (null: needs an enumeration). */
  readonly sd: Figure | null;
  readonly volatility: Volatility | null;
  readonly rtpRanges: readonly RtpRange[] | null;
  /** Figures for the game without its cap, when the cap can bind (else null). */
  readonly uncapped: {
    readonly rtp: Figure;
    readonly components: Components<Figure>;
    readonly sd: Figure | null;
    /** Format 2's per-reel route: the trigger rate and spins per trigger before the cap (absent: not given). */
    readonly pFreeSpinsTrigger?: Figure | null;
    readonly expectedFreeSpinsPerTrigger?: Figure | null;
  } | null;
  readonly reelSets: readonly ReelSetPar[];
  /** The paid spin's paying combinations (line or ways, then scatter). */
  readonly combinations: readonly Combination[];
  /**
   * What the combinations' `shareOfGameRtp` divide by: the game's RTP, or — when the max-win cap can
   * bind — the uncapped game's RTP, since the cap's cut is not assigned to any one combination.
   */
  readonly parDenominator: { readonly label: string; readonly value: number };
  /** The paid spin's scatter counts (null without a scatter). */
  readonly scatter: readonly CountRow[] | null;
  readonly freeSpins: FreeSpinsAnalysis | null;
  readonly bonus: BonusAnalysis | null;
  readonly topAward: TopAward | null;
  readonly maxWin: MaxWinAnalysis;
  /** How the paid spin's cycle was covered: not at all, inline (small cycle) or by `--full-cycle`. */
  readonly enumeration: 'none' | 'inline' | 'full-cycle';
  readonly paidSpin: PaidSpinCycle | null;
  /** The simulation that stands in for figures the cap makes inexact. */
  readonly simulation: CapSimulation | null;
  /**
   * The whole round's exact win distribution (`exact-double`): computed whenever a binding cap
   * needs it, or when asked (`AnalyzeGameOptions.wholeRound`); null when neither.
   */
  readonly round: WholeRound | null;
  /** Each component's sd per round (null without the enumerated cycles). */
  readonly componentSd: ComponentSd | null;
  /** Format 2: the credits staked per round of the mode analysed (`stake` is the same). */
  readonly cost?: number;
  /** Format 2: how each figure was obtained, and the PAR data of the new mechanics. */
  readonly format2?: Format2Analysis;
}
