import { SlotsimError } from '../errors.js';

/** The seeded generators, by their `--rng` names. */
export const RNG_NAMES = [
  'aes-128-ctr',
  'chacha20',
  'alea',
  'arc4',
  'tychei',
  'xor128',
  'xor4096',
  'xorshift7',
  'xorwow',
] as const;

export type RngName = (typeof RNG_NAMES)[number];

export function isRngName(name: string): name is RngName {
  return (RNG_NAMES as readonly string[]).includes(name);
}

/** `name` as an `RngName`, or a BAD_INPUT error listing the valid names. */
export function parseRngName(name: string): RngName {
  if (!isRngName(name)) {
    throw new SlotsimError('BAD_INPUT', `unknown rng "${name}"; expected one of: ${RNG_NAMES.join(', ')}`);
  }
  return name;
}
