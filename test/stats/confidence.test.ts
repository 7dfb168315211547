import { describe, expect, it } from 'vitest';
import { clipInterval, interval, intervalProblem, MIN_INTERVAL_ROUNDS } from '../../src/stats/confidence.js';

describe('clipInterval', () => {
  it('cuts an interval to the range its quantity can take', () => {
    expect(clipInterval([-0.3, 1.2], [0, 200])).toEqual([0, 1.2]);
    expect(clipInterval([150, 260], [0, 200])).toEqual([150, 200]);
    expect(clipInterval([0.2, 0.4], [0, 1])).toEqual([0.2, 0.4]);
  });

  it('keeps a point interval outside the range at the nearest bound', () => {
    expect(clipInterval([-2, -1], [0, 1])).toEqual([0, 0]);
    expect(clipInterval([3, 4], [0, 1])).toEqual([1, 1]);
  });

  it('an RTP of 0.9 with sd 7.4 over 200 rounds: the 99 % interval reaches −0.45, clipped to 0', () => {
    // 2.5758 × 7.4 / √200 = 1.3478: 0.9 − 1.3478 < 0.
    const raw = interval(0.9, 7.4, 200, 99);
    expect(raw[0]).toBeCloseTo(-0.4478, 4);
    expect(clipInterval(raw, [0, 200])).toEqual([0, raw[1]]);
  });
});

describe('intervalProblem', () => {
  it(`no interval from fewer than ${MIN_INTERVAL_ROUNDS} rounds, nor from rounds that all won the same`, () => {
    expect(intervalProblem(1, 3)).toBe('no interval from 1 round: it needs at least 100');
    expect(intervalProblem(99, 3)).toBe('no interval from 99 rounds: it needs at least 100');
    expect(intervalProblem(100, 3)).toBeNull();
    expect(intervalProblem(5000, 0)).toBe(
      'no interval: all 5,000 rounds won the same, which says nothing of how much wins spread',
    );
  });
});
