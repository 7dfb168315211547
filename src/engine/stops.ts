import type { Rng } from '../rng/rng.js';
import type { Reel, ReelSet } from './model.js';

/** The stop a draw lands on: the draw itself, or on a weighted reel the first i with draw < w0+…+wi. */
export function stopOfDraw(reel: Reel, draw: number): number {
  const cumulative = reel.cumulative;
  if (cumulative === null) return draw;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (draw < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Draws one stop per reel, reel 0 first: `rng.int(L)` or `rng.int(W)` on a weighted reel. */
export function drawStops(reelSet: ReelSet, rng: Rng): number[] {
  const reels = reelSet.reels;
  const stops: number[] = [];
  for (let r = 0; r < reels.length; r++) {
    const reel = reels[r]!;
    stops.push(stopOfDraw(reel, rng.int(reel.drawBound)));
  }
  return stops;
}

/** `window[r][k]` = symbol index at row k of reel r: `strip[(stop + k) mod L]`. */
export function windowOf(reelSet: ReelSet, stops: readonly number[], rows: number): number[][] {
  const reels = reelSet.reels;
  const window: number[][] = [];
  for (let r = 0; r < reels.length; r++) {
    const strip = reels[r]!.strip;
    const stop = stops[r]!;
    const column: number[] = [];
    for (let k = 0; k < rows; k++) column.push(strip[(stop + k) % strip.length]!);
    window.push(column);
  }
  return window;
}

/** How many cells of the window show `symbol`. */
export function countInWindow(window: readonly (readonly number[])[], symbol: number): number {
  let n = 0;
  for (let r = 0; r < window.length; r++) {
    const column = window[r]!;
    for (let k = 0; k < column.length; k++) if (column[k] === symbol) n++;
  }
  return n;
}

/**
 * Every column a reel set can show, as symbol indices and as symbol ids: `[r][stop]` is reel r's
 * window column when it stops at `stop`. Made once per reel set, on first use, and shared by every
 * spin that shows the column (the id columns are frozen: outcomes share them).
 */
export interface WindowColumns {
  readonly symbols: readonly (readonly (readonly number[])[])[];
  readonly ids: readonly (readonly (readonly string[])[])[];
}

const columnsByReelSet = new WeakMap<ReelSet, WindowColumns>();

/** The reel set's `WindowColumns` (a game's reel sets each belong to that game and its rows). */
export function windowColumns(reelSet: ReelSet, rows: number, symbolIds: readonly string[]): WindowColumns {
  let columns = columnsByReelSet.get(reelSet);
  if (columns === undefined) {
    const symbols = reelSet.reels.map(({ strip }) =>
      strip.map((_, stop) => Array.from({ length: rows }, (_row, k) => strip[(stop + k) % strip.length]!)),
    );
    const ids = symbols.map((byStop) =>
      byStop.map((column) => Object.freeze(column.map((s) => symbolIds[s]!))),
    );
    columns = { symbols, ids };
    columnsByReelSet.set(reelSet, columns);
  }
  return columns;
}
