/**
 * Exact statistics of one chunk of rounds, as accumulated by the fast path. Plain numbers that
 * stay exact (safe integers) within a chunk; merged across chunks in bigint by `stats.ts`.
 */

/** Round wins below this many credits are counted in a dense array, larger ones in a map. */
export const DENSE_WINS = 1 << 16;

export interface ChunkAccumulator {
  rounds: number;
  hits: number;
  total: number;
  lines: number;
  scatter: number;
  freeSpins: number;
  bonus: number;
  freeSpinsTriggers: number;
  freeSpinsPlayed: number;
  bonusTriggers: number;
  capHits: number;
  maxWin: number;
  readonly dense: Float64Array;
  readonly sparse: Map<number, number>;
}

/** What a chunk returns to the main thread: the accumulator with its histogram flattened. */
export interface ChunkStats {
  readonly index: number;
  readonly rounds: number;
  readonly hits: number;
  readonly total: number;
  readonly lines: number;
  readonly scatter: number;
  readonly freeSpins: number;
  readonly bonus: number;
  readonly freeSpinsTriggers: number;
  readonly freeSpinsPlayed: number;
  readonly bonusTriggers: number;
  readonly capHits: number;
  readonly maxWin: number;
  /** [win, count] pairs of the round-win histogram, ascending by win. */
  readonly histogram: readonly (readonly [number, number])[];
}

type Sums = Omit<ChunkAccumulator, 'dense' | 'sparse'>;

function zeroSums(): Sums {
  return {
    rounds: 0,
    hits: 0,
    total: 0,
    lines: 0,
    scatter: 0,
    freeSpins: 0,
    bonus: 0,
    freeSpinsTriggers: 0,
    freeSpinsPlayed: 0,
    bonusTriggers: 0,
    capHits: 0,
    maxWin: 0,
  };
}

export function newAccumulator(): ChunkAccumulator {
  return { ...zeroSums(), dense: new Float64Array(DENSE_WINS), sparse: new Map() };
}

/** Counts one round's win in the histogram (and in `maxWin`, which bounds the dense part used). */
export function recordWin(acc: ChunkAccumulator, win: number): void {
  if (win > acc.maxWin) acc.maxWin = win;
  if (win < DENSE_WINS) acc.dense[win]!++;
  else acc.sparse.set(win, (acc.sparse.get(win) ?? 0) + 1);
}

/** The dense histogram entries a chunk can have touched: wins 0 … min(maxWin, DENSE_WINS − 1). */
function denseUsed(acc: ChunkAccumulator): number {
  return Math.min(acc.maxWin, DENSE_WINS - 1) + 1;
}

/** Empties an accumulator for the next chunk (a worker reuses one: no 512 KB array per chunk). */
export function resetAccumulator(acc: ChunkAccumulator): void {
  acc.dense.fill(0, 0, denseUsed(acc));
  acc.sparse.clear();
  Object.assign(acc, zeroSums());
}

export function finishChunk(acc: ChunkAccumulator, index: number): ChunkStats {
  const histogram: [number, number][] = [];
  const used = denseUsed(acc);
  for (let win = 0; win < used; win++) {
    const count = acc.dense[win]!;
    if (count > 0) histogram.push([win, count]);
  }
  for (const [win, count] of [...acc.sparse].sort((a, b) => a[0] - b[0])) histogram.push([win, count]);
  const { dense: _dense, sparse: _sparse, ...sums } = acc;
  for (const [key, value] of Object.entries(sums)) {
    if (!Number.isSafeInteger(value)) {
      throw new Error(`chunk ${index}: ${key} = ${value} is not exact; use smaller chunks`);
    }
  }
  return { index, ...sums, histogram };
}
