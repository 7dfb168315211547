/**
 * The one random interface of slotsim. The engine, the simulator, the production round service
 * and audit replay all draw through it, and draw nothing else.
 */
export interface Rng {
  /** A uniform, unbiased integer in [0, bound). `bound` is an integer in [1, 2^53 − 1]. */
  int(bound: number): number;
  /** The algorithm's name as given to `--rng` (e.g. "aes-128-ctr", "crypto"). */
  readonly algorithm: string;
}
