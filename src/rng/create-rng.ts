import { BufferedRng } from './buffered-rng.js';
import type { RngName } from './rng-names.js';
import type { Rng } from './rng.js';
import { streamFiller } from './stream-filler.js';

/**
 * The seeded generator `name` for stream `stream` (a simulation chunk's index) of `seed`, any
 * non-empty string. Same (name, seed, stream), same draws on every machine; distinct streams and
 * seeds use unrelated keys (see `streamFiller`). BAD_INPUT for an unknown name, an empty seed or
 * a stream that is not a non-negative safe integer.
 */
export function createRng(name: RngName, seed: string, stream: number): Rng {
  return new BufferedRng(name, streamFiller(name, seed, stream));
}
