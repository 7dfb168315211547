/** A simulated mean (per round, ÷ cost or a probability) with its 99 % interval. */
export interface SimulatedMean {
  readonly value: number;
  readonly interval99: readonly [number, number];
}
