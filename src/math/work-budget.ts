/**
 * A bound on the arithmetic an exact computation may do (multiply-adds), so that a game whose state
 * space is too large is reported as such instead of running for minutes. Deterministic: the same
 * game and budget always give the same answer, on any machine.
 */
export class WorkBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  /** Records `operations` more; false (and nothing recorded) when that would pass the limit. */
  spend(operations: number): boolean {
    if (this.spent + operations > this.limit) return false;
    this.spent += operations;
    return true;
  }

  get used(): number {
    return this.spent;
  }
}
