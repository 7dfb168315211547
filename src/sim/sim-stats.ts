import { ratio } from '../stats/ratio.js';
import type { ChunkStats } from './chunk-stats.js';
import { SQUARED } from './square-sums.js';
import type { Squared } from './square-sums.js';

/**
 * Exact statistics of a whole simulation: chunk statistics merged in chunk order, with bigint sums
 * so nothing is rounded however many rounds are played.
 */
export interface SimStats {
  rounds: bigint;
  hits: bigint;
  total: bigint;
  lines: bigint;
  scatter: bigint;
  freeSpins: bigint;
  bonus: bigint;
  holdAndWin: bigint;
  freeSpinsTriggers: bigint;
  freeSpinsPlayed: bigint;
  bonusTriggers: bigint;
  holdAndWinTriggers: bigint;
  capHits: bigint;
  maxWin: number;
  /** Round win (credits) → number of rounds. */
  readonly histogram: Map<number, bigint>;
  /** Exact sums of squares of the round's parts (format-2 path), null when a chunk kept none. */
  squares: Record<Squared, bigint> | null;
}

const SUMS = [
  'rounds',
  'hits',
  'total',
  'lines',
  'scatter',
  'freeSpins',
  'bonus',
  'holdAndWin',
  'freeSpinsTriggers',
  'freeSpinsPlayed',
  'bonusTriggers',
  'holdAndWinTriggers',
  'capHits',
] as const;

export function emptySimStats(): SimStats {
  return {
    rounds: 0n,
    hits: 0n,
    total: 0n,
    lines: 0n,
    scatter: 0n,
    freeSpins: 0n,
    bonus: 0n,
    holdAndWin: 0n,
    freeSpinsTriggers: 0n,
    freeSpinsPlayed: 0n,
    bonusTriggers: 0n,
    holdAndWinTriggers: 0n,
    capHits: 0n,
    maxWin: 0,
    histogram: new Map(),
    squares: null,
  };
}

export function addChunk(stats: SimStats, chunk: ChunkStats): void {
  const first = stats.rounds === 0n;
  for (const key of SUMS) stats[key] += BigInt(chunk[key]);
  // Squares are known only when every chunk kept them (one game plays one path).
  if (chunk.squares === null) stats.squares = null;
  else if (first) stats.squares = { ...chunk.squares };
  else if (stats.squares !== null) for (const key of SQUARED) stats.squares[key] += chunk.squares[key];
  stats.maxWin = Math.max(stats.maxWin, chunk.maxWin);
  for (const [win, count] of chunk.histogram) {
    stats.histogram.set(win, (stats.histogram.get(win) ?? 0n) + BigInt(count));
  }
}

/** Sum of squared round wins, exactly, from the histogram. */
export function sumOfSquares(histogram: ReadonlyMap<number, bigint>): bigint {
  let sum = 0n;
  for (const [win, count] of histogram) sum += BigInt(win) * BigInt(win) * count;
  return sum;
}

/** Population standard deviation of one round's win divided by the stake. */
export function roundSd(stats: SimStats, stake: number): number {
  const n = stats.rounds;
  if (n === 0n) return 0;
  const variance = ratio(n * sumOfSquares(stats.histogram) - stats.total * stats.total, n * n);
  return Math.sqrt(Math.max(variance, 0)) / stake;
}
