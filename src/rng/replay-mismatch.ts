import { SlotsimError } from '../errors.js';

/** How a replay departed from its recorded draws; `index` is the position of the draw asked for. */
export type ReplayMismatch =
  /** The round asked for a different bound than the one recorded at this position. */
  | {
      readonly kind: 'bound';
      readonly index: number;
      readonly recordedBound: number;
      readonly requestedBound: number;
    }
  /** The round asked for more draws than were recorded. */
  | { readonly kind: 'exhausted'; readonly index: number; readonly requestedBound: number }
  /** The recorded value is not an integer in [0, bound): the record cannot come from an `Rng`. */
  | { readonly kind: 'value'; readonly index: number; readonly bound: number; readonly value: number };

export function describeReplayMismatch(mismatch: ReplayMismatch): string {
  switch (mismatch.kind) {
    case 'bound':
      return `draw ${mismatch.index}: recorded int(${mismatch.recordedBound}) but the round asked for int(${mismatch.requestedBound})`;
    case 'exhausted':
      return `draw ${mismatch.index}: the round asked for int(${mismatch.requestedBound}) after all recorded draws were used`;
    case 'value':
      return `draw ${mismatch.index}: recorded value ${mismatch.value} is not an integer in [0, ${mismatch.bound})`;
    default:
      return unreachable(mismatch);
  }
}

/** Thrown by `ReplayRng` when a replay departs from the record (code BAD_FILE). */
export class ReplayMismatchError extends SlotsimError {
  readonly mismatch: ReplayMismatch;

  constructor(mismatch: ReplayMismatch) {
    super('BAD_FILE', `replay mismatch: ${describeReplayMismatch(mismatch)}`);
    this.name = 'ReplayMismatchError';
    this.mismatch = mismatch;
  }
}

function unreachable(value: never): never {
  throw new SlotsimError('INTERNAL', `unhandled replay mismatch ${JSON.stringify(value)}`);
}
