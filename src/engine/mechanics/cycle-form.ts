/**
 * The full-cycle face of a pay mechanic (its `fullCycle`): what every stop combination of a reel
 * set pays, for the exact enumeration (`src/math/cycle-enumerate.ts`). The enumerator walks reels
 * 0 … R−2 depth first and tells the form each reel's stop, so the form keeps its state per depth
 * incrementally; at the bottom it asks for the pay of every stop of the last reel at once, and adds
 * the scatter, the classes and the weights itself. What a window pays is read through the
 * mechanic's reference evaluation (the lines probe, the ways columns), never written again here;
 * `test/engine/tiny-games.contract.test.ts` holds every form to a brute-force enumeration of the
 * reference.
 */
import type { Game, ReelSet } from '../model.js';

export interface CycleForm {
  /** Why the cycles of `set` cannot be enumerated by this form (too large to index), or null. */
  problem(game: Game, set: ReelSet): string | null;
  /** The walker of one reel set: its tables and per-depth state, reused by every task on that set. */
  compile(game: Game, set: ReelSet): CyclePays;
}

export interface CyclePays {
  /** An upper bound on one window's pay wins in credits (sizes the enumerator's histogram). */
  readonly payBound: number;
  /** Reel d stops at `stop` (reels 0 … d−1 are placed): depth d + 1's state from depth d's. */
  place(d: number, stop: number): void;
  /**
   * Reels 0 … R−2 are placed: `out[s]` = the pay wins of the window whose last reel stops at s
   * (an Int32Array when `payBound` stays below 2^31).
   */
  lastReel(out: Int32Array | Float64Array): void;
}
