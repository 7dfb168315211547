/**
 * Adds a round's wins in play order and cuts the one that takes the round past the max-win cap.
 * Once the total reaches the cap the round is over: every later win is cut to zero and the
 * caller stops drawing.
 */
export class WinCap {
  total = 0;
  reached = false;

  constructor(private readonly limit: number | null) {}

  /** Adds a win and returns the part of it that is paid. */
  add(win: number): number {
    if (this.limit === null) {
      this.total += win;
      return win;
    }
    const paid = Math.min(win, this.limit - this.total);
    this.total += paid;
    if (this.total >= this.limit) this.reached = true;
    return paid;
  }
}
