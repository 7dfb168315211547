import type { Draw } from './draw.js';
import type { Rng } from './rng.js';

/**
 * Wraps an `Rng` and records every draw, in order, for the audit log. A draw that throws (a bad
 * bound) is not recorded. Not for the simulator's hot loop: each draw allocates a record.
 */
export class RecordingRng implements Rng {
  readonly algorithm: string;
  private readonly inner: Rng;
  private recorded: Draw[] = [];

  constructor(inner: Rng) {
    this.inner = inner;
    this.algorithm = inner.algorithm;
  }

  int(bound: number): number {
    const value = this.inner.int(bound);
    this.recorded.push({ bound, value });
    return value;
  }

  /** The draws recorded since the last `takeDraws()` (a live view; copy it to keep it). */
  get draws(): readonly Draw[] {
    return this.recorded;
  }

  /** Returns the draws recorded since the last call and starts a new, empty record. */
  takeDraws(): Draw[] {
    const taken = this.recorded;
    this.recorded = [];
    return taken;
  }
}
