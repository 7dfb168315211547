/**
 * The grid as bit sets, for the cluster flood: reel r is a lane of `rows` bits (row k is bit k of
 * its lane), `lanesPerWord` lanes to an int32 word, reels in order, in at most two words. Ascending
 * bits (word 0, then word 1) are ascending cells, the spec's reel-major order.
 */
export interface CellBits {
  readonly rows: number;
  readonly lanesPerWord: number;
  /** Words a grid-sized bit set takes (1 or 2). */
  readonly words: number;
  /** The bits of row 0 and of the last row of every lane (a shift by one row must not cross lanes). */
  readonly firstRows: number;
  readonly lastRows: number;
  /** `cellAt[32 × word + position]`: the cell of a bit (−1 past the lanes). */
  readonly cellAt: Int32Array;
}

/** Layouts by `reels × 32 + rows` (they never change: every grid of a shape shares one). */
const layouts = new Map<number, CellBits | null>();

/** The bit layout of a reels × rows grid, or null when a reel does not fit a word or the grid two. */
export function cellBitsOf(reels: number, rows: number): CellBits | null {
  // A lane shift by `rows` must stay below 32 (JavaScript takes shift counts mod 32).
  if (rows > 31) return null;
  const key = reels * 32 + rows;
  let layout = layouts.get(key);
  if (layout === undefined) {
    layout = buildCellBits(reels, rows);
    layouts.set(key, layout);
  }
  return layout;
}

function buildCellBits(reels: number, rows: number): CellBits | null {
  const lanesPerWord = Math.floor(32 / rows);
  const words = Math.ceil(reels / lanesPerWord);
  if (words > 2) return null;
  let firstRows = 0;
  let lastRows = 0;
  for (let lane = 0; lane < lanesPerWord; lane++) {
    firstRows |= 1 << (lane * rows);
    lastRows |= 1 << (lane * rows + rows - 1);
  }
  const cellAt = new Int32Array(64).fill(-1);
  for (let r = 0; r < reels; r++) {
    const at = 32 * Math.floor(r / lanesPerWord) + (r % lanesPerWord) * rows;
    for (let k = 0; k < rows; k++) cellAt[at + k] = r * rows + k;
  }
  return { rows, lanesPerWord, words, firstRows, lastRows, cellAt };
}

/**
 * The mutable spin grid of a format-2 game: one object per game (and thread), reused spin after
 * spin, so that playing a spin allocates nothing.
 *
 * Cell index `c = reel * rows + row` (row 0 at the top): ascending c restricted to the cells shown
 * is the spec's reel-major order.
 */
export class Grid {
  readonly reels: number;
  /** The largest height (`grid.rows`). */
  readonly rows: number;
  readonly cellCount: number;
  /** Rows shown per reel (`rows` without `grid.heights`). */
  readonly height: Int32Array;
  /** Symbol index per cell; −1 below a reel's height and in a hole. */
  readonly cells: Int32Array;
  /**
   * The value a value-carrying cell carries (a random-multiplier wild, a multiplier symbol; an
   * expanded or sticky wild carries its wild's). Stale elsewhere: read it only for those cells.
   */
  readonly values: Float64Array;
  /** The stop drawn per reel (the top row's strip index). */
  readonly stops: Int32Array;
  /** `"strip"` refills: the strip index of each reel's top cell (the spec's p). */
  readonly pointer: Int32Array;
  /** Cells marked for removal by the evaluation (1), cleared by the collapse. */
  readonly removed: Uint8Array;
  /** Holes per reel after the last collapse (the new cells are rows 0 … holes − 1). */
  readonly holes: Int32Array;
  /** `"redraw"` refills: the stop drawn for each reel in the last refill, −1 for reels without holes. */
  readonly refillStops: Int32Array;

  // Scratch of the pay mechanics (per-symbol sums, cluster flood fill, a win's cells).
  /** Per symbol: cells counted. */
  readonly counts: Float64Array;
  /** Per wild symbol: the product of its cells' values. */
  readonly wildProduct: Float64Array;
  /** Per wild symbol: the sum of its cells' values of 2 or more. */
  readonly wildSum: Float64Array;
  /** Per symbol, where its cells start in `byCell` (S + 1 entries). */
  readonly offsets: Int32Array;
  /** The shown cells grouped by symbol, ascending within a symbol. */
  readonly byCell: Int32Array;
  /** Flood-fill stack. */
  readonly stack: Int32Array;
  /** A win's cells, reel-major for every kind but cluster (flood order). */
  readonly winCells: Int32Array;
  /** Flood-fill visit marks (see `nextMark`). */
  readonly marks: Int32Array;
  /** The grid's bit layout (`cellBitsOf`), or null for a grid too large for it. */
  readonly bits: CellBits | null;
  /** Per symbol s, the bit set of its cells: words `2s` and `2s + 1` (empty without `bits`). */
  readonly symbolBits: Int32Array;
  private mark = 0;

  constructor(reels: number, rows: number, symbols: number) {
    this.reels = reels;
    this.rows = rows;
    this.cellCount = reels * rows;
    this.height = new Int32Array(reels).fill(rows);
    this.cells = new Int32Array(this.cellCount).fill(-1);
    this.values = new Float64Array(this.cellCount);
    this.stops = new Int32Array(reels);
    this.pointer = new Int32Array(reels);
    this.removed = new Uint8Array(this.cellCount);
    this.holes = new Int32Array(reels);
    this.refillStops = new Int32Array(reels).fill(-1);
    this.counts = new Float64Array(symbols);
    this.wildProduct = new Float64Array(symbols);
    this.wildSum = new Float64Array(symbols);
    this.offsets = new Int32Array(symbols + 1);
    this.byCell = new Int32Array(this.cellCount);
    this.stack = new Int32Array(this.cellCount);
    this.winCells = new Int32Array(this.cellCount);
    this.marks = new Int32Array(this.cellCount);
    this.bits = cellBitsOf(reels, rows);
    this.symbolBits = new Int32Array(this.bits === null ? 0 : 2 * symbols);
  }

  /**
   * Makes room for `n` fresh marks (see `nextMark`) and returns the first one's value: every
   * cell's mark is below it. Marks grow; they are cleared before they could overflow.
   */
  reserveMarks(n: number): number {
    if (this.mark + n >= 0x3fffffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    return this.mark + 1;
  }

  /** A mark no cell holds yet (after `reserveMarks`). */
  nextMark(): number {
    return ++this.mark;
  }
}
