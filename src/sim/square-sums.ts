/**
 * Exact sums of squares for the intervals of a simulated analysis (see `ChunkAccumulator.squares`).
 */
/** What `SquareSums` squares, per round: the parts of its win, and the free spins a triggered round played. */
export const SQUARED = ['lines', 'scatter', 'freeSpins', 'bonus', 'holdAndWin', 'freeSpinsPlayed'] as const;
export type Squared = (typeof SQUARED)[number];

/** The largest x whose square is below 2^53 (so x · x is exact in a double). */
const EXACT_ROOT = 94_906_265;

/**
 * Exact sums of squares of non-negative integers, in doubles while they stay below 2^53 and carried
 * into bigints before they would pass it (a square past 2^53 goes to the bigint at once): the sums
 * are exact, so whatever the thread count they merge to the same figures.
 */
export class SquareSums {
  private readonly sums = new Float64Array(SQUARED.length);
  private readonly carried: bigint[] = SQUARED.map(() => 0n);

  /** Adds x² to sum i (an index of SQUARED). */
  add(i: number, x: number): void {
    if (x === 0) return;
    if (x > EXACT_ROOT) {
      this.carried[i]! += BigInt(x) * BigInt(x);
      return;
    }
    const square = x * x;
    const next = this.sums[i]! + square;
    // A true sum past 2^53 − 1 rounds to 2^53 or more: carry before adding.
    if (next <= Number.MAX_SAFE_INTEGER) this.sums[i] = next;
    else {
      this.carried[i]! += BigInt(this.sums[i]!);
      this.sums[i] = square;
    }
  }

  reset(): void {
    this.sums.fill(0);
    this.carried.fill(0n);
  }

  /** The sums, exactly. */
  result(): Record<Squared, bigint> {
    const out = {} as Record<Squared, bigint>;
    SQUARED.forEach((key, i) => (out[key] = this.carried[i]! + BigInt(this.sums[i]!)));
    return out;
  }
}
