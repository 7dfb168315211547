/**
 * The exact distribution of one spin of a reel set, merged from the enumeration's parts.
 *
 * A leaf that made kᵦ value draws of bound Tᵦ has probability weight / (cycle × Πᵦ Tᵦ^kᵦ). Merging
 * brings every signature to one denominator, cycle × Πᵦ Tᵦ^Kᵦ with Kᵦ the most draws of bound b any
 * leaf made, by multiplying its sums by Πᵦ Tᵦ^(Kᵦ − kᵦ). Every sum is then an exact bigint over
 * that denominator, and the weights add up to it (checked).
 */
import type { Game } from '../../engine/model.js';
import { SlotsimError } from '../../errors.js';
import { addInto } from './exact-tally.js';
import type { SpinClassInfo, SpinPart, SpinRole } from './spin-enumerator.js';
import type { SpinSpace } from './spin-space.js';

/** How the value draws were treated. */
export type ValueTreatment =
  /** The game has no value-carrying symbol on this reel set, or none is drawn. */
  | 'none'
  /** Every value draw enumerated: the whole distribution is exact. */
  | 'enumerated'
  /** Each value table replaced by the two-point table of the same mean: means exact, not the distribution. */
  | 'two-point';

export interface SpinPar {
  /** `rule:count:wildMultiplier` → [Σ weight × occurrences, Σ weight × credits]. */
  readonly wins: ReadonlyMap<string, readonly [bigint, bigint]>;
  readonly evaluations: ReadonlyMap<number, bigint>;
  readonly cascadePay: ReadonlyMap<number, bigint>;
  readonly factors: ReadonlyMap<number, bigint>;
  readonly multiplierCells: ReadonlyMap<number, bigint>;
  readonly scatterCounts: ReadonlyMap<number, bigint>;
  readonly coinCounts: ReadonlyMap<number, bigint>;
}

export interface SpinDistribution {
  readonly role: SpinRole;
  /** Every weight below is over this (the weights of all leaves add up to it). */
  readonly denominator: bigint;
  /** The reel set's cycle (Π per-reel height × stop bounds). */
  readonly cycle: bigint;
  readonly combinations: number;
  readonly leaves: number;
  readonly values: ValueTreatment;
  readonly classes: readonly SpinClassInfo[];
  /** Per class: spin win (credits: pay + scatter, no free-spin multiplier, no cap) → weight. */
  readonly byClass: readonly ReadonlyMap<number, bigint>[];
  /** Σ weight × pay win, Σ weight × scatter win. */
  readonly pay: bigint;
  readonly scatter: bigint;
  readonly overCap: readonly { readonly pay: number; readonly scatter: number; readonly weight: bigint }[];
  readonly par: SpinPar;
}

interface MutablePar {
  wins: Map<string, [bigint, bigint]>;
  evaluations: Map<number, bigint>;
  cascadePay: Map<number, bigint>;
  factors: Map<number, bigint>;
  multiplierCells: Map<number, bigint>;
  scatterCounts: Map<number, bigint>;
  coinCounts: Map<number, bigint>;
}

/** Merges the parts of one role (in task order) into its exact distribution. */
export function mergeSpinParts(
  game: Game,
  space: SpinSpace,
  role: SpinRole,
  parts: readonly SpinPart[],
  values: ValueTreatment,
): SpinDistribution {
  const bounds = space.valueBounds;
  const most = bounds.map(() => 0);
  for (const part of parts)
    for (const s of part.signatures) s.draws.forEach((k, b) => (most[b] = Math.max(most[b]!, k)));
  let valueDenominator = 1n;
  bounds.forEach((bound, b) => (valueDenominator *= BigInt(bound.total) ** BigInt(most[b]!)));
  const denominator = space.cycle * valueDenominator;

  const classIndex = new Map<string, number>();
  const classes: SpinClassInfo[] = [];
  const byClass: Map<number, bigint>[] = [];
  let pay = 0n;
  let scatter = 0n;
  const overCap: { pay: number; scatter: number; weight: bigint }[] = [];
  const par: MutablePar = {
    wins: new Map(),
    evaluations: new Map(),
    cascadePay: new Map(),
    factors: new Map(),
    multiplierCells: new Map(),
    scatterCounts: new Map(),
    coinCounts: new Map(),
  };
  let combinations = 0;
  let leaves = 0;
  for (const part of parts) {
    combinations += part.combinations;
    leaves += part.leaves;
    const local = part.classes.map((c) => {
      let k = classIndex.get(c.key);
      if (k === undefined) {
        k = classes.length;
        classIndex.set(c.key, k);
        classes.push(c);
        byClass.push(new Map());
      }
      return k;
    });
    for (const s of part.signatures) {
      let scale = 1n;
      s.draws.forEach((k, b) => (scale *= BigInt(bounds[b]!.total) ** BigInt(most[b]! - k)));
      for (const [cls, map] of s.histogram) addInto(byClass[local[cls]!]!, map, scale);
      pay += s.pay * scale;
      scatter += s.scatter * scale;
      for (const [p, x, w] of s.overCap) overCap.push({ pay: p, scatter: x, weight: w * scale });
      for (const [key, [hits, credits]] of s.par.wins) {
        const entry = par.wins.get(key) ?? [0n, 0n];
        par.wins.set(key, [entry[0] + hits * scale, entry[1] + credits * scale]);
      }
      addInto(par.evaluations, s.par.evaluations, scale);
      addInto(par.cascadePay, s.par.cascadePay, scale);
      addInto(par.factors, s.par.factors, scale);
      addInto(par.multiplierCells, s.par.multiplierCells, scale);
      addInto(par.scatterCounts, s.par.scatterCounts, scale);
      addInto(par.coinCounts, s.par.coinCounts, scale);
    }
  }
  let total = 0n;
  for (const map of byClass) for (const w of map.values()) total += w;
  if (total !== denominator) {
    throw new SlotsimError(
      'INTERNAL',
      `the ${role} spin enumeration of ${game.id} covered weight ${total}, not its denominator ${denominator}`,
    );
  }
  return {
    role,
    denominator,
    cycle: space.cycle,
    combinations,
    leaves,
    values,
    classes,
    byClass,
    pay,
    scatter,
    overCap,
    par,
  };
}
