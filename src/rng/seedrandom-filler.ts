import { createRequire } from 'node:module';
import type seedrandomModule from 'seedrandom';
import type { WordFiller } from './word-filler.js';

/**
 * seedrandom, loaded on first use: most runs draw from a node:crypto keystream, and loading
 * seedrandom costs a worker thread 13 ms of start-up.
 */
let loaded: typeof seedrandomModule | null = null;
function seedrandom(): typeof seedrandomModule {
  loaded ??= createRequire(import.meta.url)('seedrandom') as typeof seedrandomModule;
  return loaded;
}

/** The seedrandom algorithms slotsim offers; `arc4` is seedrandom's default `seedrandom()`. */
export type SeedrandomAlgorithm = 'alea' | 'arc4' | 'tychei' | 'xor128' | 'xor4096' | 'xorshift7' | 'xorwow';

/**
 * A filler drawing seedrandom's `int32()` words (as uint32). `seed` is used as given: callers pass
 * a derived fixed-length hex string, never a user's seed, because ARC4 treats a key and its
 * repetitions alike ('ab' ≡ 'abab').
 */
export function seedrandomFiller(algorithm: SeedrandomAlgorithm, seed: string): WordFiller {
  const lib = seedrandom();
  const prng = algorithm === 'arc4' ? lib(seed) : lib[algorithm](seed);
  return (words) => {
    for (let i = 0; i < words.length; i++) words[i] = prng.int32();
  };
}
