/**
 * What the analysis of a format-2 game adds to `Analysis` (`Analysis.format2`): how each part was
 * computed, which figures were left to a simulation, and the PAR data of the new mechanics.
 * Figures are fractions of the mode's cost (per round) or of the spin's stake (per spin) as named.
 */
import type { Figure } from '../analysis-types.js';
import type { PerReelInfo } from './per-reel-route.js';
import type { ValueTreatment } from './spin-distribution.js';

/** A reel set's spins, enumerated. */
export interface SpinEnumerationInfo {
  readonly role: 'base' | 'free';
  readonly reelSet: string;
  /** Heights × stops combinations visited, and spins played (one per path of their value draws). */
  readonly combinations: number;
  readonly spins: number;
  readonly values: ValueTreatment;
  /** The cycle (Π per-reel height × stop bounds) and the denominator of the exact weights. */
  readonly cycle: bigint;
  readonly denominator: bigint;
  readonly threads: number;
  readonly elapsedSeconds: number;
}

/** A reel set whose spins were not enumerated, and why. */
export interface SpinsNotEnumerated {
  readonly role: 'base' | 'free';
  readonly reelSet: string;
  readonly reason: string;
}

/** One paying combination of a spin (PAR table). */
export interface WinPar {
  /** The mechanic's combination key (`line:RULE:COUNT:MULT`, `cluster:RULE:SIZE`, …). */
  readonly key: string;
  readonly kind: 'line' | 'ways' | 'cluster' | 'anywhere';
  /** "A ×5", "A ×3 (wilds ×4)". */
  readonly label: string;
  readonly rule: number;
  readonly symbol: string;
  /** Run, reels, cluster size or count. */
  readonly count: number;
  /** Lines: the wild multiplier of the win; else null (ways, clusters and counts are keyed without it). */
  readonly wildMultiplier: number | null;
  /** Expected occurrences per spin of its reel set (every cascade step counted). */
  readonly perSpin: Figure;
  readonly oneIn: number;
  /** Its credits per spin as paid (ladder and multiplier symbols included; not the free-spin multiplier), × stake. */
  readonly rtp: Figure;
}

/** A count and its probability. */
export interface CountPar {
  readonly count: number;
  readonly probability: Figure;
  readonly oneIn: number;
}

/** Cascade statistics of one reel set's spins. */
export interface CascadePar {
  readonly role: 'base' | 'free';
  /** Windows evaluated per spin (1 + cascades): their distribution. */
  readonly windows: readonly CountPar[];
  /** E[cascades per spin], and E[cascades | the first window paid]. */
  readonly averageCascades: Figure;
  readonly averageChain: Figure | null;
  /** Pay credits by evaluation index (0: the first window), × stake per spin, and their share. */
  readonly byIndex: readonly { readonly index: number; readonly rtp: Figure; readonly share: number }[];
  /** The share of the pay return won after the first window. */
  readonly tumbleShare: number;
}

export interface HeightsPar {
  /** Per reel, the probability of each height. */
  readonly reels: readonly (readonly { readonly rows: number; readonly probability: Figure }[])[];
  /** Cells shown (Σ heights) and ways (Π heights): their distributions. */
  readonly ways: readonly { readonly ways: number; readonly probability: Figure }[];
  readonly averageWays: Figure;
}

export interface MultiplierPar {
  /** Each value-carrying symbol's table. */
  readonly symbols: readonly {
    readonly symbol: string;
    readonly kind: 'wild' | 'multiplier symbol';
    readonly values: readonly { readonly value: number; readonly probability: Figure }[];
    readonly mean: Figure;
  }[];
  /** Paying paid spins: the factor the multiplier symbols applied (1: none shown), when values were enumerated. */
  readonly factors: readonly { readonly factor: number; readonly probability: Figure }[] | null;
  /** Paying paid spins: multiplier-symbol cells on the final window. */
  readonly cells: readonly CountPar[];
}

export interface JackpotPar {
  readonly tier: string;
  /** Credits, and × cost. */
  readonly credits: number;
  readonly x: number;
  /** P(the tier is paid at least once) in one feature, and per round of the mode. */
  readonly perFeature: Figure;
  readonly perRound: Figure;
  readonly oneInFeatures: number;
  readonly oneInRounds: number;
  /** E[coins of this tier] per feature. */
  readonly expectedCoins: Figure;
}

export interface HoldAndWinPar {
  /** "6+ × COIN on the paid spin" or "the mode's start". */
  readonly trigger: string;
  /** P(the feature is played) per round. */
  readonly pTrigger: Figure;
  readonly oneInRounds: number;
  /** The coins it starts with (given it is played). */
  readonly starts: readonly CountPar[];
  /** The coins it ends with. */
  readonly finalCoins: readonly CountPar[];
  /** E[win] per feature (× cost), its sd, and the largest win a feature can pay (× cost). */
  readonly meanWin: Figure;
  readonly sdWin: number;
  readonly maxWin: number;
  readonly respins: Figure;
  readonly fullGrid: {
    readonly perFeature: Figure;
    readonly perRound: Figure;
    readonly oneInFeatures: number;
    readonly oneInRounds: number;
  };
  readonly jackpots: readonly JackpotPar[];
  /** How the coin-count chain was computed. */
  readonly chain: 'exact' | 'exact-double';
}

/** The mode as a whole (one line of the modes table). */
export interface ModePar {
  readonly mode: string;
  readonly cost: number;
  readonly start: 'none' | 'freeSpins' | 'holdAndWin';
  readonly rtp: Figure;
  readonly hitFrequency: Figure | null;
  /** P(a round plays free spins), P(it plays hold and win): 1 in a mode that starts in it. */
  readonly freeSpinsRate: Figure | null;
  readonly holdAndWinRate: Figure | null;
  /** P(the max-win cap ends a round), when known. */
  readonly capRate: Figure | null;
  /** The largest round win (a bound) in credits and × cost. */
  readonly maxExposure: number;
}

export interface Format2Analysis {
  readonly mode: string;
  readonly cost: number;
  /** Combinations the enumeration may visit (`--budget`). */
  readonly budget: number;
  readonly spins: {
    readonly base: SpinEnumerationInfo | SpinsNotEnumerated | null;
    readonly free: SpinEnumerationInfo | SpinsNotEnumerated | null;
  };
  /**
   * The reel sets whose means came from the per-reel exact form (no cascade: ways from per-reel
   * products and count convolutions) because they could not be enumerated, and whether those means
   * are the game's figures or its figures before a cap that can bind (`beforeCap`).
   */
  readonly perReel: {
    readonly base: PerReelInfo | null;
    readonly free: PerReelInfo | null;
    readonly beforeCap: boolean;
  } | null;
  /** The figures left to a simulation, named. */
  readonly simulated: readonly string[];
  readonly wins: { readonly base: readonly WinPar[]; readonly free: readonly WinPar[] };
  readonly cascades: { readonly base: CascadePar | null; readonly free: CascadePar | null };
  readonly heights: HeightsPar | null;
  readonly multipliers: MultiplierPar | null;
  readonly holdAndWin: HoldAndWinPar | null;
  readonly modeSummary: ModePar;
}
