/**
 * Adds a round's wins in play order and cuts the one that takes the round past the max-win cap.
 * Once the total reaches the cap the round is over: every later win is cut to zero and the
 * caller stops drawing.
 */
export class WinCap {
  /** [total so far] in a typed array: a double field would box a number on every store. */
  private readonly sums = new Float64Array(1);
  reached = false;

  constructor(private readonly limit: number | null) {}

  get total(): number {
    return this.sums[0]!;
  }

  /** Starts a new round (a cap reused round after round). */
  reset(): void {
    this.sums[0] = 0;
    this.reached = false;
  }

  /** Adds a win and returns the part of it that is paid. */
  add(win: number): number {
    const sums = this.sums;
    if (this.limit === null) {
      sums[0] = sums[0]! + win;
      return win;
    }
    const paid = Math.min(win, this.limit - sums[0]!);
    sums[0] = sums[0]! + paid;
    if (sums[0] >= this.limit) this.reached = true;
    return paid;
  }
}
