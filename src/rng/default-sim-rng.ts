import type { RngName } from './rng-names.js';

/**
 * The generator `simulate` uses unless told otherwise. AES-128-CTR (AES-NI through node:crypto)
 * measured as fast as the non-cryptographic generators here, so a reproducible simulation gets a
 * cryptographic keystream at no cost. Figures: test/bench/rng-bench.ts.
 */
export const DEFAULT_SIM_RNG: RngName = 'aes-128-ctr';
