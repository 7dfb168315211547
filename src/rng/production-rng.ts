import { randomFillSync } from 'node:crypto';
import { BufferedRng } from './buffered-rng.js';
import type { Rng } from './rng.js';
import type { WordFiller } from './word-filler.js';

/** The name of the production generator: the operating system's CSPRNG through node:crypto. */
export const PRODUCTION_RNG_NAME = 'crypto';

/** Fills with node:crypto's CSPRNG (`randomFillSync`, 64 KiB at a time). Not seedable. */
export const cryptoFiller: WordFiller = (words) => {
  randomFillSync(words);
};

/** The production generator: unpredictable and not reproducible; record its draws to replay. */
export function createProductionRng(): Rng {
  return new BufferedRng(PRODUCTION_RNG_NAME, cryptoFiller);
}
