/**
 * The simulator's static kernel of a pay mechanic (its `fastKernel` face): what the window of a
 * static spin — stops drawn, nothing tumbles, no drawn values — pays, read from per-stop tables
 * compiled once per game. Its tables are filled by the mechanic's reference evaluation (the line
 * table by `LineProbe`, the ways n/m tables by `columnWays`), so the kernel has only lookups and
 * sums left to get wrong; `test/engine/tiny-games.contract.test.ts` checks it against the reference
 * on every stop combination of generated games.
 */
import type { Game } from '../model.js';
import type { StaticReels } from '../static-reels.js';

/**
 * Tables of credits, draw bounds and ways counts. Int32Array when every value a game can put in
 * them stays below 2^31 (every real game: the fastest to read), Float64Array otherwise (exact up to
 * 2^53, the loader's limit). One game uses one kind throughout, so the hot loop stays monomorphic.
 */
export type Table = Int32Array | Float64Array;

/** Makes tables of one kind. */
export interface TableKind {
  readonly wide: boolean;
  zeros(length: number): Table;
  from(values: ArrayLike<number>): Table;
}

export const NARROW: TableKind = {
  wide: false,
  zeros: (length) => new Int32Array(length),
  from: (values) => Int32Array.from(values),
};

export const WIDE: TableKind = {
  wide: true,
  zeros: (length) => new Float64Array(length),
  from: (values) => Float64Array.from(values),
};

/** The kernel of one reel set. */
export interface ReelsKernel {
  /** Credits the pay wins of the window at `stops` add up to (no scatter, no free-spin multiplier). */
  pay(stops: Int32Array): number;
}

/** The kernel of one game: what its reel sets share (the line-pay table), and each reel set's own tables. */
export interface GameKernel {
  reels(set: StaticReels): ReelsKernel;
}

export interface StaticKernel {
  compile(game: Game, tables: TableKind): GameKernel;
}
