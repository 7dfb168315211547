/**
 * A reel set as the grid spin player reveals it (built once per player): what step (b) and (c) of
 * the draw order read, laid out so that a window is copied without a wrap test and the value draws
 * skip the reels that show no value-carrying cell.
 */
import type { ReelTables, SpinTables } from './spin-tables.js';

export interface RevealTables {
  readonly reels: ReelTables;
  /**
   * Per reel: its strip followed by its first `rows − 1` entries again (round and round if the
   * strip is shorter), so the window at any stop is `unrolled[stop … stop + height − 1]`.
   */
  readonly unrolled: readonly Int32Array[];
  /** Per reel and stop: the window's first value-carrying row (`rows` when none shows at any height). */
  readonly firstValue: readonly Int32Array[];
}

export function revealTablesOf(t: SpinTables, reels: ReelTables): RevealTables {
  const rows = t.rows;
  const unrolled = reels.strips.map((strip) =>
    Int32Array.from({ length: strip.length + rows - 1 }, (_, i) => strip[i % strip.length]!),
  );
  const firstValue = unrolled.map((window, r) =>
    Int32Array.from({ length: reels.strips[r]!.length }, (_, stop) => {
      let k = 0;
      while (k < rows && t.drawsValue[window[stop + k]!] !== 1) k++;
      return k;
    }),
  );
  return { reels, unrolled, firstValue };
}
