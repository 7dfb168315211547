/**
 * What a game file may ask for, beyond what the format spec says. Every limit is far above what a
 * real game uses, and low enough that the engine, the simulator, the exact analysis and the audit
 * log all handle whatever the loader accepts, exactly and in bounded time. The loader enforces each
 * one with the JSON path of the value that passes it; the README's "Limits" paragraph lists them.
 */

/** Grid size (also in the schema). */
export { MAX_REELS, MAX_ROWS } from './schema.js';

/** Symbols of one game: the simulator and the cycle enumeration keep a symbol in one byte. */
export const MAX_SYMBOLS = 255;

/**
 * `freeSpins.maxSpins`: the exact analysis's free-spin chain costs O(maxSpins² × retrigger
 * classes). Real games cap a feature at a few hundred to a few thousand spins (the spec's default
 * is 1000).
 */
export const MAX_FREE_SPINS = 10_000;

/**
 * Draws of one bonus: the largest `repeat` count along each path of the prize tree, multiplied
 * (plus the draws of the nodes themselves). A real pick bonus draws a few dozen times.
 */
export const MAX_BONUS_DRAWS = 10_000;

/**
 * Window cells one round can show: the grid's cells × (1 + maxSpins). It bounds a round's draws
 * and the size of its audit record (each shown cell is written once). A 5×3 game with 10,000 free
 * spins shows 150,015 cells.
 */
export const MAX_ROUND_CELLS = 500_000;

/**
 * One spin's line or ways and scatter wins (before a free-spin multiplier): the exact analysis
 * counts a spin's win together with its feature class (fewer than 2^15) in one double.
 */
export const MAX_SPIN_CREDITS = 2 ** 38;

/**
 * Every amount a round can reach — one spin's win, the bonus, the round's total — must be an
 * integer that doubles hold exactly: at most 2^53 − 1 credits.
 */
export const MAX_CREDITS = Number.MAX_SAFE_INTEGER;

/** Draw bounds (strip lengths, weight sums): what `rng.int` serves. */
export const MAX_DRAW_BOUND = 2 ** 32;

/** `maxSpins` when the file does not say. */
export const DEFAULT_MAX_SPINS = 1000;
