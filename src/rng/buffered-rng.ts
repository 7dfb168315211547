/**
 * The one `Rng` class behind every generator: a buffer of raw 32-bit words refilled by a
 * `WordFiller`, and the exact mappings from words to bounded integers (unbiased-int.ts).
 *
 * `int()` is the simulator's hottest call (tens of millions a second), so it is written for V8:
 * one class for every algorithm (call sites stay monomorphic), no allocation, and the common case
 * (a bound ≤ 2^21 whose first word is accepted early) inlined; rejections, large bounds and bad
 * bounds go through the cold `intSlow`. Up to 2^32 both paths implement exactly `mapWord` and
 * consume one word per attempt, so a generator's draws do not depend on which path ran; a bound
 * above 2^32 consumes two words per attempt (`mapWordPair`).
 */
import type { Rng } from './rng.js';
import {
  assertValidBound,
  DOUBLE_LEMIRE_MAX_BOUND,
  lemireThreshold,
  mapWord,
  mapWordPair,
  MAX_ONE_WORD_BOUND,
  TWO_POW_32,
  TWO_POW_NEG_32,
} from './unbiased-int.js';
import { BUFFER_WORDS, type WordFiller } from './word-filler.js';

export class BufferedRng implements Rng {
  readonly algorithm: string;
  private readonly fill: WordFiller;
  private readonly words: Uint32Array;
  private index: number;

  /** `fill` is first called on the first draw, not here. */
  constructor(algorithm: string, fill: WordFiller, bufferWords: number = BUFFER_WORDS) {
    this.algorithm = algorithm;
    this.fill = fill;
    this.words = new Uint32Array(bufferWords);
    this.index = bufferWords;
  }

  int(bound: number): number {
    if (bound <= DOUBLE_LEMIRE_MAX_BOUND && bound >= 1 && (bound | 0) === bound) {
      const m = this.nextWord() * bound; // < 2^53: exact
      const hi = Math.floor(m * TWO_POW_NEG_32);
      const lo = m - hi * TWO_POW_32;
      // The threshold 2^32 mod bound is below bound, so lo ≥ bound is always accepted.
      if (lo >= bound || lo >= lemireThreshold(bound)) return hi;
    }
    return this.intSlow(bound);
  }

  /** The next raw 32-bit word of the generator. */
  nextWord(): number {
    if (this.index === this.words.length) {
      this.fill(this.words);
      this.index = 0;
    }
    return this.words[this.index++]!;
  }

  /**
   * A bound above 2^21, a bad bound, or a rejected first word: draw until `mapWord` accepts (one
   * word per attempt), or for a bound above 2^32 until `mapWordPair` accepts (two words).
   */
  private intSlow(bound: number): number {
    assertValidBound(bound);
    if (bound <= MAX_ONE_WORD_BOUND) {
      for (;;) {
        const value = mapWord(this.nextWord(), bound);
        if (value >= 0) return value;
      }
    }
    for (;;) {
      const first = this.nextWord();
      const value = mapWordPair(first, this.nextWord(), bound);
      if (value >= 0) return value;
    }
  }
}
