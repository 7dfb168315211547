/**
 * nⱼ and mⱼ of every rule at every stop of every reel of a reel set, each computed by the ways
 * reference evaluation's own `columnWays` on the column that stop shows: what the ways mechanic's
 * kernel, full-cycle and per-reel faces read.
 */
import { Grid } from '../../grid.js';
import type { SpinTables } from '../../spin-tables.js';
import { columnWays } from './ways-evaluate.js';

export interface WaysColumns {
  /** Per reel: `[stop * rules + i]` = nⱼ / mⱼ of kind rule i (`tables.kinds[i]`) at that stop. */
  readonly n: readonly Float64Array[];
  readonly m: readonly Float64Array[];
}

/** `strips[r]`: reel r's strip (a reel set's, in order). */
export function waysColumns(t: SpinTables, strips: readonly (readonly number[] | Int32Array)[]): WaysColumns {
  const rules = t.kinds;
  const ruleCount = rules.length;
  const rows = t.rows;
  const grid = new Grid(t.reels, rows, t.symbolCount);
  const n: Float64Array[] = [];
  const m: Float64Array[] = [];
  strips.forEach((strip, r) => {
    const length = strip.length;
    const nr = new Float64Array(length * ruleCount);
    const mr = new Float64Array(length * ruleCount);
    for (let stop = 0; stop < length; stop++) {
      // The column reel r shows at this stop, placed as the spin player places it.
      for (let k = 0; k < rows; k++) grid.cells[r * rows + k] = strip[(stop + k) % length]!;
      for (let i = 0; i < ruleCount; i++) {
        const rule = rules[i]!;
        nr[stop * ruleCount + i] = columnWays(t, grid, r, rule.symbol, rule.wild);
        mr[stop * ruleCount + i] = grid.counts[rule.symbol]!;
      }
    }
    n.push(nr);
    m.push(mr);
  });
  return { n, m };
}
