/**
 * What a game file may ask for, beyond what the format spec says. Every limit is far above what a
 * real game uses, and low enough that the engine, the simulator, the exact analysis and the audit
 * log all handle whatever the loader accepts, exactly and in bounded time. The loader enforces each
 * one with the JSON path of the value that passes it; the README's "Limits" paragraph lists them.
 */

/** Grid size (also in the schema). */
export { MAX_REELS, MAX_ROWS } from './schema.js';

/** A game file's size: a real one is well under a megabyte; the reader holds the whole text. */
export const MAX_GAME_FILE_BYTES = 64 * 1024 * 1024;

/** Symbols of one game: the simulator and the cycle enumeration keep a symbol in one byte. */
export const MAX_SYMBOLS = 255;

/** Stops of one strip. Virtual reels of real games have hundreds, rarely a few thousand. */
export const MAX_STOPS = 100_000;

/** Paylines. Real games have up to 100 (more are ways games). */
export const MAX_PAYLINES = 1000;

/** Pay rules. Real games have a few dozen; every line evaluation reads them all. */
export const MAX_PAY_RULES = 1000;

/**
 * Stops of a reel set × paylines (lines games) or × pay rules (ways games): the simulator keeps
 * one entry per stop and payline or rule, 5 to 16 bytes each (2^24 of them: 84 to 268 MB).
 */
export const MAX_STOP_CELLS = 2 ** 24;

/**
 * `freeSpins.maxSpins`: the exact analysis's free-spin chain costs O(maxSpins² × retrigger
 * classes). Real games cap a feature at a few hundred to a few thousand spins (the spec's default
 * is 1000).
 */
export const MAX_FREE_SPINS = 10_000;

/**
 * Draws of one bonus: the largest `repeat` count along each path of the prize tree, multiplied
 * (plus the draws of the nodes themselves). A real pick bonus draws a few dozen times at most (the
 * bundled ones 16 and 4). The exact analysis of a tree (the chance that it pays nothing, a power of
 * a fraction per repeat count) grows fast with its draws: 100 take 0.15 s, 1,000 took minutes.
 */
export const MAX_BONUS_DRAWS = 100;

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
