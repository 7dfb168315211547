/** One draw of an `Rng`: `int(bound)` returned `value`. What the audit log records and replay serves. */
export interface Draw {
  readonly bound: number;
  readonly value: number;
}
