import type { Rng } from '../../rng/rng.js';
import { SlotsimError } from '../../errors.js';
import type { ValueBound } from './spin-space.js';

/** Value draws of one spin stay below this (cells × (1 + maxCascades) ≤ 100,000): one digit per bound. */
export const DRAW_DIGIT = 2 ** 17;

/** Serves the column states' draws, then the value draws of the current path. */
export class EnumerationRng implements Rng {
  readonly algorithm = 'enumeration';
  readonly fixed: Float64Array;
  served = 0;
  depth = 0;
  choice = new Int32Array(256);
  boundOf = new Int32Array(256);

  constructor(
    private readonly fixedCount: number,
    private readonly bounds: readonly ValueBound[],
  ) {
    this.fixed = new Float64Array(fixedCount);
  }

  /** Starts the next run of the current path. */
  restart(): void {
    this.served = 0;
    this.depth = 0;
  }

  int(bound: number): number {
    if (this.served < this.fixedCount) return this.fixed[this.served++]!;
    this.served++;
    const d = this.depth++;
    if (d >= this.choice.length) this.grow();
    const bounds = this.bounds;
    let b = 0;
    while (b < bounds.length && bounds[b]!.total !== bound) b++;
    if (b === bounds.length)
      throw new SlotsimError('INTERNAL', `unexpected draw bound ${bound} in an enumerated spin`);
    if (this.pathLength <= d) {
      this.choice[d] = 0;
      this.boundOf[d] = b;
      this.pathLength = d + 1;
    }
    return bounds[b]!.draws[this.choice[d]!]!;
  }

  pathLength = 0;

  private grow(): void {
    const choice = new Int32Array(this.choice.length * 2);
    const boundOf = new Int32Array(this.choice.length * 2);
    choice.set(this.choice);
    boundOf.set(this.boundOf);
    this.choice = choice;
    this.boundOf = boundOf;
  }

  /** Moves to the next path after a run; false when every path of the combination was played. */
  advance(): boolean {
    let d = this.depth - 1;
    while (d >= 0 && this.choice[d]! + 1 >= this.bounds[this.boundOf[d]!]!.draws.length) d--;
    if (d < 0) {
      this.pathLength = 0;
      return false;
    }
    this.choice[d]!++;
    this.pathLength = d + 1;
    return true;
  }
}
