import { SlotsimError } from '../errors.js';
import { SquareSums } from './square-sums.js';
import type { Squared } from './square-sums.js';

/**
 * Exact statistics of one chunk of rounds, as accumulated by the fast path: plain numbers, which
 * stay exact (safe integers) because the credits sums are carried into bigints (`carrySums`) before
 * they could pass 2^53; merged across chunks in bigint by `sim-stats.ts`.
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
  /** Format 2: hold-and-win wins (0 on the classic fast path, which has none). */
  holdAndWin: number;
  freeSpinsTriggers: number;
  freeSpinsPlayed: number;
  bonusTriggers: number;
  holdAndWinTriggers: number;
  capHits: number;
  maxWin: number;
  readonly dense: Float64Array;
  readonly sparse: Map<number, number>;
  /** The credits sums carried out of the plain numbers above (see `carrySums`). */
  readonly carried: Record<CreditSum, bigint>;
  /**
   * Exact sums of squares of each part of a round (and of the free spins a triggered round plays),
   * for the intervals of a simulated analysis: kept by the format-2 path only (`flow-round.ts`);
   * null on the classic fast path, whose figures the exact analysis gives.
   */
  readonly squares: SquareSums | null;
}

/** The sums of credits: each can pass 2^53 within a chunk when rounds win enough. */
export const CREDIT_SUMS = ['total', 'lines', 'scatter', 'freeSpins', 'bonus', 'holdAndWin'] as const;
export type CreditSum = (typeof CREDIT_SUMS)[number];

/** What a chunk returns to the main thread: the accumulator with its histogram flattened. */
export interface ChunkStats {
  readonly index: number;
  readonly rounds: number;
  readonly hits: number;
  readonly total: bigint;
  readonly lines: bigint;
  readonly scatter: bigint;
  readonly freeSpins: bigint;
  readonly bonus: bigint;
  readonly holdAndWin: bigint;
  readonly freeSpinsTriggers: number;
  readonly freeSpinsPlayed: number;
  readonly bonusTriggers: number;
  readonly holdAndWinTriggers: number;
  readonly capHits: number;
  readonly maxWin: number;
  /** [win, count] pairs of the round-win histogram, ascending by win. */
  readonly histogram: readonly (readonly [number, number])[];
  /** Exact sums of squares (format-2 path only, see `ChunkAccumulator.squares`). */
  readonly squares: Readonly<Record<Squared, bigint>> | null;
}

type Sums = Omit<ChunkAccumulator, 'dense' | 'sparse' | 'carried' | 'squares'>;

function zeroSums(): Sums {
  return {
    rounds: 0,
    hits: 0,
    total: 0,
    lines: 0,
    scatter: 0,
    freeSpins: 0,
    bonus: 0,
    holdAndWin: 0,
    freeSpinsTriggers: 0,
    freeSpinsPlayed: 0,
    bonusTriggers: 0,
    holdAndWinTriggers: 0,
    capHits: 0,
    maxWin: 0,
  };
}

function zeroCarried(): Record<CreditSum, bigint> {
  return { total: 0n, lines: 0n, scatter: 0n, freeSpins: 0n, bonus: 0n, holdAndWin: 0n };
}

/** A fresh accumulator; `squares` for the format-2 path (`flow-round.ts`), which keeps them. */
export function newAccumulator(squares = false): ChunkAccumulator {
  return {
    ...zeroSums(),
    dense: new Float64Array(DENSE_WINS),
    sparse: new Map(),
    carried: zeroCarried(),
    squares: squares ? new SquareSums() : null,
  };
}

/**
 * Moves the credits sums into `carried` (exactly: they are still safe integers) and zeroes them,
 * so the next rounds start from 0. The fast path calls it between runs of rounds short enough that
 * no sum can pass 2^53 within one (`FastGame.roundsPerRun`).
 */
export function carrySums(acc: ChunkAccumulator): void {
  for (const key of CREDIT_SUMS) {
    acc.carried[key] += BigInt(acc[key]);
    acc[key] = 0;
  }
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
  Object.assign(acc.carried, zeroCarried());
  acc.squares?.reset();
}

export function finishChunk(acc: ChunkAccumulator, index: number): ChunkStats {
  const histogram: [number, number][] = [];
  const used = denseUsed(acc);
  for (let win = 0; win < used; win++) {
    const count = acc.dense[win]!;
    if (count > 0) histogram.push([win, count]);
  }
  for (const [win, count] of [...acc.sparse].sort((a, b) => a[0] - b[0])) histogram.push([win, count]);
  const { dense: _dense, sparse: _sparse, carried, squares, ...sums } = acc;
  for (const [key, value] of Object.entries(sums)) {
    if (!Number.isSafeInteger(value)) {
      throw new SlotsimError('INTERNAL', `chunk ${index}: ${key} = ${value} is not exact`);
    }
  }
  const credits = (key: CreditSum): bigint => carried[key] + BigInt(sums[key]);
  return {
    index,
    ...sums,
    total: credits('total'),
    lines: credits('lines'),
    scatter: credits('scatter'),
    freeSpins: credits('freeSpins'),
    bonus: credits('bonus'),
    holdAndWin: credits('holdAndWin'),
    histogram,
    squares: squares === null ? null : squares.result(),
  };
}
