/** The 99% half-width of a mean of 1e7 rounds of sd 10: 2.5758 × 10 / √1e7 = 0.0081455. */
export const HALF_WIDTH = (2.5758293035489004 * 10) / Math.sqrt(1e7);

/** Verdict 2's input for an RTP known only from 1e7 simulated rounds of sd 10 (a binding cap). */
export function simulatedRtp(rtp: number) {
  return {
    kind: 'simulated',
    reasons: ['the cap binds'],
    rtp,
    interval99: [rtp - HALF_WIDTH, rtp + HALF_WIDTH],
    rounds: 1e7,
    sd: 10,
    skewness: null,
  } as const;
}
