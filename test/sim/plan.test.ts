import { describe, expect, it } from 'vitest';
import { CHUNK_ROUNDS, planChunks, poolThreads } from '../../src/sim/plan.js';

describe('poolThreads', () => {
  it('never more threads than tasks: 256 asked for one chunk start one', () => {
    expect(poolThreads(256, planChunks(1000).length, 2)).toBe(1);
    expect(poolThreads(3, planChunks(2 * CHUNK_ROUNDS).length, 8)).toBe(2);
  });

  it('never more than 4 a core', () => {
    expect(poolThreads(100, 382, 2)).toBe(8);
    expect(poolThreads(100, 382, 32)).toBe(100);
  });

  it('keeps what was asked when it fits, and 0 (the calling thread) as 0', () => {
    expect(poolThreads(2, 382, 2)).toBe(2);
    expect(poolThreads(0, 382, 2)).toBe(0);
  });
});
