/**
 * A reel set compiled for static spins (stops drawn, nothing tumbles, no drawn values): what the
 * static spin player reads besides its mechanic's kernel — how a draw becomes a stop, and per stop
 * the symbols along each payline and the cells of the counted symbols. Built once per game.
 */
import type { Rng } from '../rng/rng.js';
import type { Table, TableKind } from './mechanics/static-kernel.js';
import type { Game, Reel, ReelSet } from './model.js';

/** Weighted reels with at most this many weight units get a draw → stop lookup table… */
const MAX_STOP_TABLE = 1 << 20;
/** …while the tables of a reel set hold at most this many entries in all (16 MB); others search. */
const MAX_STOP_TABLES = 1 << 22;

export interface StaticReels {
  readonly name: string;
  readonly reelCount: number;
  /** Per reel: the bound of its stop draw. */
  readonly bounds: Table;
  /** Per reel: draw → stop for weighted reels of at most 2^20 units (null: see `searchOf`). */
  readonly stopOf: readonly (Int32Array | null)[];
  /**
   * Null when no reel of the set is weighted past 2^20 units. Otherwise, per reel: the running sums
   * of a heavy reel's weights, searched for the stop of a draw (null: `stopOf`, or the draw is the stop).
   */
  readonly searchOf: readonly (Float64Array | null)[] | null;
  /** Per reel: its strip (symbol per stop). */
  readonly strips: readonly Int32Array[];
  /** Per reel: `[stop * lineCount + l]` = symbol on payline l's row (lines games). */
  readonly lineSymbols: readonly Uint8Array[];
  /**
   * Per reel: cells showing the scatter / free-spin trigger / bonus symbol at each stop. When the
   * trigger symbol is the scatter, `freeSpinsCount` is the very same array as `scatterCount`.
   */
  readonly scatterCount: readonly Uint8Array[];
  readonly freeSpinsCount: readonly Uint8Array[];
  readonly bonusCount: readonly Uint8Array[];
}

function stopTable(reel: Reel, cumulative: readonly number[]): Int32Array {
  const table = new Int32Array(reel.drawBound);
  let stop = 0;
  for (let d = 0; d < reel.drawBound; d++) {
    while (d >= cumulative[stop]!) stop++;
    table[d] = stop;
  }
  return table;
}

/**
 * How each reel of a set turns a draw into a stop: a lookup table for weighted reels up to
 * MAX_STOP_TABLE units while the set's tables fit MAX_STOP_TABLES, a binary search over the
 * running sums for heavier ones (`searchOf`), the draw itself for unweighted reels.
 */
function stopLookups(set: ReelSet): Pick<StaticReels, 'stopOf' | 'searchOf'> {
  let budget = MAX_STOP_TABLES;
  const stopOf = set.reels.map((reel) => {
    if (reel.cumulative === null || reel.drawBound > Math.min(MAX_STOP_TABLE, budget)) return null;
    budget -= reel.drawBound;
    return stopTable(reel, reel.cumulative);
  });
  const searchOf = set.reels.map((reel, r) =>
    reel.cumulative !== null && stopOf[r] === null ? Float64Array.from(reel.cumulative) : null,
  );
  return { stopOf, searchOf: searchOf.every((sums) => sums === null) ? null : searchOf };
}

function countTable(game: Game, reel: Reel, symbol: number | null): Uint8Array {
  const length = reel.strip.length;
  const table = new Uint8Array(length);
  if (symbol === null) return table;
  for (let stop = 0; stop < length; stop++) {
    let n = 0;
    for (let k = 0; k < game.rows; k++) if (reel.strip[(stop + k) % length] === symbol) n++;
    table[stop] = n;
  }
  return table;
}

export function compileStaticReels(game: Game, set: ReelSet, tables: TableKind): StaticReels {
  const lineCount = game.paylines.length;
  const bonusSymbol = game.bonus?.trigger.kind === 'anywhere' ? game.bonus.trigger.symbol : null;
  const lineSymbols = set.reels.map((reel, r) => {
    const length = reel.strip.length;
    const lines = new Uint8Array(length * lineCount);
    for (let stop = 0; stop < length; stop++) {
      for (let l = 0; l < lineCount; l++) {
        lines[stop * lineCount + l] = reel.strip[(stop + game.paylines[l]![r]!) % length]!;
      }
    }
    return lines;
  });
  const scatterCount = set.reels.map((reel) => countTable(game, reel, game.scatter?.symbol ?? null));
  return {
    name: set.name,
    reelCount: set.reels.length,
    bounds: tables.from(set.reels.map((reel) => reel.drawBound)),
    ...stopLookups(set),
    strips: set.reels.map((reel) => Int32Array.from(reel.strip)),
    lineSymbols,
    scatterCount,
    freeSpinsCount:
      game.freeSpins?.symbol === game.scatter?.symbol
        ? scatterCount
        : set.reels.map((reel) => countTable(game, reel, game.freeSpins?.symbol ?? null)),
    bonusCount: set.reels.map((reel) => countTable(game, reel, bonusSymbol)),
  };
}

/** The first stop i with draw < sums[i] (binary search over the running sums of the weights). */
export function searchStop(sums: Float64Array, draw: number): number {
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (draw < sums[mid]!) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Draws one stop per reel into `stops`, reel 0 first, exactly as `stops.ts` does. */
export function drawStaticStops(set: StaticReels, rng: Rng, stops: Int32Array): void {
  if (set.searchOf !== null) {
    drawHeavyStops(set, set.searchOf, rng, stops);
    return;
  }
  for (let r = 0; r < set.reelCount; r++) {
    const draw = rng.int(set.bounds[r]!);
    const table = set.stopOf[r]!;
    stops[r] = table === null ? draw : table[draw]!;
  }
}

/** `drawStaticStops` for a set with a reel weighted past 2^20 units: that reel's stop is searched for. */
function drawHeavyStops(
  set: StaticReels,
  searchOf: readonly (Float64Array | null)[],
  rng: Rng,
  stops: Int32Array,
): void {
  for (let r = 0; r < set.reelCount; r++) {
    const draw = rng.int(set.bounds[r]!);
    const table = set.stopOf[r]!;
    const sums = searchOf[r]!;
    stops[r] = table !== null ? table[draw]! : sums !== null ? searchStop(sums, draw) : draw;
  }
}

/** Sum over reels of a per-stop count table. */
export function countCells(tables: readonly Uint8Array[], stops: Int32Array): number {
  let n = 0;
  for (let r = 0; r < tables.length; r++) n += tables[r]![stops[r]!]!;
  return n;
}
