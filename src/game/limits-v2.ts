/**
 * Limits of format 2 that the spec does not state: far above what a real game uses, low enough
 * that every round stays small (its draws, its audit record) and every table cheap to build. The
 * loader refuses a file past one with the JSON path of the value; the README lists them.
 */

/** `cascade.maxCascades`: real tumbling games end after a few dozen refills at most. */
export const MAX_CASCADES = 1000;

/** `holdAndWin.maxRespins`: a feature resets to 3 respins per landing; a 5×3 grid fills in 15. */
export const MAX_RESPINS = 1000;

/**
 * Cells one spin can show with a cascade, `reels × rows × (1 + maxCascades)`, and draws one
 * hold-and-win feature can make, `reels × rows × maxRespins` (one per empty cell per respin): each
 * bounds a spin's or a feature's draws and its part of the audit record. A 7×7 tumbling game with
 * 1000 cascades shows 49,049 cells; a 5×3 hold-and-win with 1000 respins draws at most 15,000 times.
 */
export const MAX_SPIN_CELLS = 100_000;

/**
 * Cells of a cluster or pay-anywhere grid (`reels × rows`): real ones have 30 to 64 (8×8); the
 * flood fill and the per-count pay tables are sized by it.
 */
export const MAX_CLUSTER_CELLS = 1024;

/** The largest draw bound of a format-1 file (what its draws were certified with). */
export const MAX_DRAW_BOUND_V1 = 2 ** 32;

/** The largest draw bound of a format-2 file: 2^53 − 1, the largest bound `rng.int` serves. */
export const MAX_DRAW_BOUND_V2 = Number.MAX_SAFE_INTEGER;
