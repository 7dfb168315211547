/**
 * Optional per-round detail of a simulation, for the certification report's statistical tests:
 * paying-combination counts, stop counts per reel and the serial correlation of the draws. Only
 * `certify` asks for it (`runChunks({ detailRounds })`); plain `simulate` never runs this code.
 */

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

/** Detail of one chunk (its first `rounds` rounds). */
export interface ChunkDetail {
  readonly rounds: number;
  readonly combinations: readonly DetailCombinationCount[];
  readonly groups: readonly DetailGroup[];
  /** Per base reel: how often each stop was drawn on the paid spin. */
  readonly stopCounts: readonly (readonly number[])[];
  readonly serial: SerialSums;
}

/** The detail of a whole simulation, merged in chunk order. */
export interface SimulationDetail {
  /** The first `rounds` rounds of the simulation (in chunk order) were played with detail. */
  readonly rounds: number;
  readonly combinations: readonly DetailCombinationCount[];
  readonly groups: readonly DetailGroup[];
  readonly stopCounts: readonly (readonly number[])[];
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
