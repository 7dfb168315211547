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
  /**
   * Per reel: `[i]` = cells showing the scatter (the free-spin trigger symbol) among `unrolled[0 … i − 1]`,
   * so a revealed window of height h at `stop` shows `[stop + h] − [stop]` of them. Empty without one.
   */
  readonly scatterBefore: readonly Int32Array[];
  readonly triggerBefore: readonly Int32Array[];
}

/** Running counts of `symbol` along each unrolled strip (see `RevealTables.scatterBefore`). */
function countsBefore(unrolled: readonly Int32Array[], symbol: number): Int32Array[] {
  if (symbol < 0) return unrolled.map(() => new Int32Array(0));
  return unrolled.map((window) => {
    const before = new Int32Array(window.length + 1);
    for (let i = 0; i < window.length; i++) before[i + 1] = before[i]! + (window[i] === symbol ? 1 : 0);
    return before;
  });
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
  return {
    reels,
    unrolled,
    firstValue,
    scatterBefore: countsBefore(unrolled, t.scatterSymbol),
    triggerBefore: countsBefore(unrolled, t.triggerSymbol),
  };
}
