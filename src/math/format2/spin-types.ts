/** The data a format-2 spin enumeration passes between its tasks, the pool and the merge. */

export type SpinRole = 'base' | 'free';

/** One task: the combinations whose leading `split` reels' states have prefix index in [from, to). */
export interface SpinTask {
  readonly role: SpinRole;
  readonly split: number;
  readonly from: number;
  readonly to: number;
  /** Credits: a spin whose win passes it is listed with its parts; −1 for none. */
  readonly cap: number;
  /** Leaves (spins played) the task may play; past them it stops and says so (`SpinPart.exceeded`). */
  readonly maxLeaves: number;
}

/** What a spin means for the rest of the round. */
export interface SpinClassInfo {
  /** A stable key (the same class has the same key in every task). */
  readonly key: string;
  /** The trigger counts whose award (paid spin) or retrigger (free spin) entry applied, in window order. */
  readonly awards: readonly number[];
  /** Paid spin: the bonus triggered. */
  readonly bonus: boolean;
  /** Paid spin: the hold-and-win trigger symbol's count on the counted window when it triggers, else 0. */
  readonly coins: number;
}

/** The PAR tallies of one signature (exact sums of leaf weights, and of weight × credits). */
export interface ParPart {
  /** `rule:count:wildMultiplier` → [Σ weight × occurrences, Σ weight × credits (× the spin's factor)]. */
  readonly wins: Map<string, readonly [bigint, bigint]>;
  /** Evaluations in the spin (1 + refills) → weight. */
  readonly evaluations: Map<number, bigint>;
  /** Evaluation index → Σ weight × its pay win (ladder and the spin's factor applied). */
  readonly cascadePay: Map<number, bigint>;
  /** Spins with a pay win: the factor that multiplied it (multiplier symbols; 1 without) → weight. */
  readonly factors: Map<number, bigint>;
  /** Spins with a pay win: multiplier-symbol cells on the final window → weight. */
  readonly multiplierCells: Map<number, bigint>;
  /** The counted window's scatter count → weight (not with `"each"`). */
  readonly scatterCounts: Map<number, bigint>;
  /** Paid spin: the hold-and-win trigger symbol's cells on the counted window → weight. */
  readonly coinCounts: Map<number, bigint>;
}

/** Every tally of the leaves of one signature. */
export interface SignaturePart {
  /** Value draws made, per bound of `SpinSpace.valueBounds`. */
  readonly draws: readonly number[];
  /** Per class index: spin win (pay + scatter, credits, no free-spin multiplier, no cap) → weight. */
  readonly histogram: Map<number, Map<number, bigint>>;
  /** Σ weight × pay win and Σ weight × scatter win (credits). */
  readonly pay: bigint;
  readonly scatter: bigint;
  /** [pay, scatter, weight] of every leaf whose win passes the task's cap. */
  readonly overCap: (readonly [number, number, bigint])[];
  readonly par: ParPart;
}

export interface SpinPart {
  readonly role: SpinRole;
  readonly from: number;
  readonly combinations: number;
  readonly leaves: number;
  /** True when the task stopped at `maxLeaves` (its tallies are incomplete). */
  readonly exceeded: boolean;
  readonly classes: readonly SpinClassInfo[];
  readonly signatures: readonly SignaturePart[];
}
