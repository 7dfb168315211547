/**
 * Free spins awarded by a spin's award entries, exactly. A spin's class lists the trigger counts
 * whose award (paid spin) or retrigger (free spin) entry applied, in window order: one with
 * `"final"` or `"initial"` scatter counting, one per counting window with `"each"`. Each entry is
 * a fixed number of spins or a table drawn when the award is made (independently of everything
 * else), and the entries of one spin add up; the trigger's total is then cut to `maxSpins`
 * (a retrigger's is cut by the free-spin chain, which knows how many spins are left).
 */
import type { FreeSpinsFeature, WeightedList } from '../../engine/model.js';
import { add, frac, mul, ZERO } from '../fraction.js';
import type { Fraction } from '../fraction.js';

/** Spins → probability. */
export type SpinsDistribution = ReadonlyMap<number, Fraction>;

function tableDistribution(table: WeightedList<number>): Map<number, Fraction> {
  const out = new Map<number, Fraction>();
  table.items.forEach((spins, i) => {
    const w = table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!);
    out.set(spins, add(out.get(spins) ?? ZERO, frac(w, table.total)));
  });
  return out;
}

/** The spins one entry awards (count c of the trigger symbol). */
export function entryDistribution(
  feature: FreeSpinsFeature,
  count: number,
  retrigger: boolean,
): Map<number, Fraction> {
  const drawn = (retrigger ? feature.retriggerDraws : feature.awardDraws)[count] ?? null;
  if (drawn !== null) return tableDistribution(drawn);
  const fixed = (retrigger ? feature.retrigger : feature.awards)[count] ?? 0;
  return new Map([[fixed, frac(1)]]);
}

/** The spins a spin's entries award together (a trigger's cut to `maxSpins`). */
export function awardDistribution(
  feature: FreeSpinsFeature,
  counts: readonly number[],
  retrigger: boolean,
): Map<number, Fraction> {
  let total = new Map<number, Fraction>([[0, frac(1)]]);
  for (const count of counts) {
    const entry = entryDistribution(feature, count, retrigger);
    const next = new Map<number, Fraction>();
    for (const [a, p] of total)
      for (const [b, q] of entry) next.set(a + b, add(next.get(a + b) ?? ZERO, mul(p, q)));
    total = next;
  }
  if (retrigger) return total;
  const cut = new Map<number, Fraction>();
  for (const [spins, p] of total) {
    const s = Math.min(spins, feature.maxSpins);
    cut.set(s, add(cut.get(s) ?? ZERO, p));
  }
  return cut;
}

/** A `start.freeSpins` table's spins, cut to `maxSpins`. */
export function startSpinsDistribution(
  feature: FreeSpinsFeature,
  table: WeightedList<number>,
): Map<number, Fraction> {
  const cut = new Map<number, Fraction>();
  for (const [spins, p] of tableDistribution(table)) {
    const s = Math.min(spins, feature.maxSpins);
    cut.set(s, add(cut.get(s) ?? ZERO, p));
  }
  return cut;
}
