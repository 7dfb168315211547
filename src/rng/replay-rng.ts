import type { Draw } from './draw.js';
import { ReplayMismatchError, type ReplayMismatch } from './replay-mismatch.js';
import type { Rng } from './rng.js';
import { assertValidBound } from './unbiased-int.js';

/**
 * Serves recorded draws back, in order, through the `Rng` interface (audit replay and
 * `slotsim verify`). Asking for a different bound than recorded, for more draws than recorded, or
 * being served an impossible recorded value throws `ReplayMismatchError`; the first mismatch is
 * also kept in `mismatch`, and every later draw throws it again. After the round, `allConsumed`
 * says whether the round used exactly the recorded draws.
 */
export class ReplayRng implements Rng {
  readonly algorithm: string;
  private readonly recorded: readonly Draw[];
  private index = 0;
  private firstMismatch: ReplayMismatch | null = null;

  /** `algorithm` is the recorded generator's name, reported as this replay's `algorithm`. */
  constructor(draws: readonly Draw[], algorithm = 'replay') {
    this.recorded = draws;
    this.algorithm = algorithm;
  }

  int(bound: number): number {
    assertValidBound(bound);
    if (this.firstMismatch !== null) throw new ReplayMismatchError(this.firstMismatch);
    const index = this.index;
    const draw = this.recorded[index];
    if (draw === undefined) return this.fail({ kind: 'exhausted', index, requestedBound: bound });
    if (draw.bound !== bound) {
      return this.fail({ kind: 'bound', index, recordedBound: draw.bound, requestedBound: bound });
    }
    const value = draw.value;
    if (!Number.isInteger(value) || value < 0 || value >= bound) {
      return this.fail({ kind: 'value', index, bound, value });
    }
    this.index = index + 1;
    return value;
  }

  /** How many recorded draws have been served. */
  get consumed(): number {
    return this.index;
  }

  /** How many recorded draws have not been served. */
  get remaining(): number {
    return this.recorded.length - this.index;
  }

  /** True when every recorded draw was served and no mismatch occurred. */
  get allConsumed(): boolean {
    return this.firstMismatch === null && this.index === this.recorded.length;
  }

  /** The first mismatch, or null while the replay follows the record. */
  get mismatch(): ReplayMismatch | null {
    return this.firstMismatch;
  }

  private fail(mismatch: ReplayMismatch): never {
    this.firstMismatch = mismatch;
    throw new ReplayMismatchError(mismatch);
  }
}
