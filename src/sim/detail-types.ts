/**
 * Optional per-round detail of a simulation, for the certification report's statistical tests:
 * paying-combination counts, stop counts per reel and the serial correlation of the draws. Only
 * `certify` asks for it (`runChunks({ detailRounds })`); plain `simulate` never runs this code.
 */
import type { DrawTally } from './draw-tally.js';

/** A paying combination of the paid spin, as the simulator saw it (matched to the PAR table by fields). */
export interface DetailCombination {
  readonly kind: 'line' | 'ways' | 'scatter';
  /** Index of the pay rule in the game's `pays` (null for scatter). */
  readonly rule: number | null;
  /** Run length, pattern length, reels in the way, or scatter count. */
  readonly count: number;
  /** Product of the substituting wilds' multipliers (lines; 1 otherwise). */
  readonly multiplier: number;
}

export interface DetailCombinationCount extends DetailCombination {
  /** Occurrences over every payline (lines), every ways rule and the scatter of every detailed spin. */
  readonly all: number;
  /** Occurrences in the sampled trials (one trial per spin, see `DetailGroup`). */
  readonly sampled: number;
}

/**
 * A group of independent trials for the χ² test: every detailed paid spin is one trial of exactly
 * one group, chosen by its index in the chunk (round i → group i mod G), never by its outcome. The
 * `lines` group looks at one payline per trial (rotating: payline ⌊i / G⌋ mod L), a `ways` group at
 * one ways rule, the `scatter` group at the scatter count. Within a group each trial shows one
 * combination of that group or none, so the counts are multinomial and groups are independent.
 */
export interface DetailGroup {
  readonly kind: 'lines' | 'ways' | 'scatter';
  /** The ways rule's index in `pays` (ways groups), else null. */
  readonly rule: number | null;
  readonly trials: number;
}

/** Sums of the normalized draws u = (draw + ½) / bound, for the lag-1 serial correlation. */
export interface SerialSums {
  readonly draws: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  /** Σ uᵢ·uᵢ₊₁ over successive draws of one stream. */
  readonly sumOfProducts: number;
  /** The first and last u of the stream (null when it drew nothing). */
  readonly first: number | null;
  readonly last: number | null;
}

/**
 * What the detailed rounds' features showed, for the coverage tests. Trial free spins are those a
 * round plays whatever their outcomes — the first of each feature when a max-win cap could end it,
 * else the spins of the first award — so their windows are independent draws of the free reel set.
 */
export interface FeatureDetail {
  /** Free-spin features played, and how many of them started with each award (spins). */
  readonly features: number;
  readonly awards: readonly { readonly awarded: number; readonly count: number }[];
  /** Trial free spins, and their paying combinations (every payline, and one group in rotation). */
  readonly freeTrials: number;
  readonly freeCombinations: readonly DetailCombinationCount[];
  readonly freeGroups: readonly DetailGroup[];
  /** Per free reel: how often each stop was drawn on a trial free spin. */
  readonly freeStopCounts: readonly (readonly number[])[];
  /** Bonuses played, and how many paid each prize (credits, before the cap). */
  readonly bonuses: number;
  readonly prizes: readonly { readonly prize: number; readonly count: number }[];
}

/**
 * Format 2's own detail (a game using a format-2 mechanic, played through the round flow with
 * `DetailRecorder`): the tallies of its weighted draws, and its paid spin's paying combinations by
 * key (observed only: their exact probabilities are the exact analysis's, which does not exist yet).
 */
export interface Format2Detail {
  readonly tallies: readonly DrawTally[];
  readonly combinations: readonly { readonly key: string; readonly all: number }[];
}

/** Detail of one chunk (its first `rounds` rounds). */
export interface ChunkDetail {
  readonly rounds: number;
  readonly combinations: readonly DetailCombinationCount[];
  readonly groups: readonly DetailGroup[];
  /** Per base reel: how often each stop was drawn on the paid spin. */
  readonly stopCounts: readonly (readonly number[])[];
  readonly serial: SerialSums;
  readonly features: FeatureDetail;
  /** A game using a format-2 mechanic: its own detail; null on the classic path. */
  readonly format2: Format2Detail | null;
}

/** The detail of a whole simulation, merged in chunk order. */
export interface SimulationDetail {
  /** The first `rounds` rounds of the simulation (in chunk order) were played with detail. */
  readonly rounds: number;
  readonly combinations: readonly DetailCombinationCount[];
  readonly groups: readonly DetailGroup[];
  readonly stopCounts: readonly (readonly number[])[];
  readonly features: FeatureDetail;
  /** A game using a format-2 mechanic: its own detail, merged; null on the classic path. */
  readonly format2: Format2Detail | null;
  readonly serial: {
    readonly draws: number;
    /** Successive pairs within a stream (chunks draw from separate streams). */
    readonly pairs: number;
    readonly sum: number;
    readonly sumOfSquares: number;
    readonly sumOfProducts: number;
    /** Σ of the first / second member of every pair. */
    readonly sumOfLeading: number;
    readonly sumOfTrailing: number;
  };
}
