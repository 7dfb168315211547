import { describe, expect, it } from 'vitest';
import { MIN_ROUNDS_FOR_INTERVAL, RtpTally } from '../../src/audit/rtp-tally.js';

describe("the log's RTP interval", () => {
  it('is clipped at 0 and marked when the rounds are too few to mean anything', () => {
    // 5 rounds staking 20: four lose, one wins 400. RTP = 400/100 = 4; per-round x = win/stake =
    // (0,0,0,0,20): mean 4, sample variance (400 − 5·16)/4 = 80, sd = 8.944; half-width
    // 2.5758·8.944/√5 = 10.30, so the raw interval is [−6.30, 14.30].
    const t = new RtpTally();
    for (let i = 0; i < 4; i++) t.add(20, 0);
    t.add(20, 400);
    const f = t.figures({ value: 0.95, precision: 'exact' });
    expect(f.rtp).toBe(4);
    expect(f.interval99![0]).toBe(0);
    expect(f.interval99![1]).toBeCloseTo(4 + (2.5758293035489004 * Math.sqrt(80)) / Math.sqrt(5), 9);
    expect(f.tooFewRounds).toBe(true);
    expect(f.exactInInterval).toBeNull();
  });

  it('is not marked with enough rounds whose interval stays above 0', () => {
    // Every round wins 19 of 20: sd 0, the interval is the point 0.95.
    const t = new RtpTally();
    for (let i = 0; i < MIN_ROUNDS_FOR_INTERVAL; i++) t.add(20, 19);
    const f = t.figures({ value: 0.95, precision: 'exact' });
    expect(f.tooFewRounds).toBe(false);
    expect(f.interval99).toEqual([0.95, 0.95]);
    expect(f.exactInInterval).toBe(true);
  });
});
