import type { RngName } from '../rng/index.js';

/** How far a seeded generator can be trusted statistically, as its authors and the literature report it. */
export interface RngQuality {
  readonly level: 'cryptographic' | 'statistical' | 'weak';
  readonly note: string;
}

const QUALITY: Readonly<Record<RngName, RngQuality>> = {
  'aes-128-ctr': {
    level: 'cryptographic',
    note: 'AES-128 in counter mode (NIST SP 800-38A known-answer vectors checked)',
  },
  chacha20: {
    level: 'cryptographic',
    note: 'the ChaCha20 keystream (RFC 8439 known-answer vectors checked)',
  },
  alea: { level: 'statistical', note: 'reported to pass all of TestU01 BigCrush; not cryptographic' },
  tychei: { level: 'statistical', note: 'no systematic BigCrush failures reported; not cryptographic' },
  xorshift7: { level: 'statistical', note: 'no systematic BigCrush failures reported; not cryptographic' },
  xor4096: { level: 'statistical', note: 'no systematic BigCrush failures reported; not cryptographic' },
  xor128: { level: 'weak', note: 'reported to fail TestU01 BigCrush (MatrixRank, LinearComp)' },
  xorwow: { level: 'weak', note: 'reported to fail TestU01 BigCrush (CollisionOver, SimpPoker, LinearComp)' },
  arc4: {
    level: 'weak',
    note: 'the RC4 keystream, whose statistical biases are known (Fluhrer–McGrew digraph biases)',
  },
};

export function rngQuality(name: RngName): RngQuality {
  return QUALITY[name];
}

/** The generators certification accepts: every one not known to be statistically weak. */
export function certifiableRngs(): RngName[] {
  return (Object.keys(QUALITY) as RngName[]).filter((name) => QUALITY[name].level !== 'weak');
}
