/**
 * The recorder-free round flow (what the simulator runs) allocates nothing per spin: its grid,
 * scratch and results are reused, and its amounts live in typed arrays (a number field boxes
 * every value stored in it). Measured in a plain Node process (no-allocation-probe.ts) on the
 * loader's format-2 games, every mode: over about 30 000 spins the young generation grows by less
 * than 64 KB (one 16-byte object per spin would be 480 KB). Not a speed test.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface ProbeResult {
  readonly game: string;
  readonly mode: string;
  readonly spins: number;
  readonly grown: number | null;
  /** Rounds that won something. */
  readonly won: number;
}

describe('the round flow without a recorder allocates nothing per spin', () => {
  it('on every format-2 test game and mode (xorshift seed 7)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/engine/no-allocation-probe.ts'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as ProbeResult[];
    expect(results.length).toBeGreaterThanOrEqual(6);
    for (const r of results) {
      const where = `${r.game}, mode ${r.mode}`;
      expect(r.won, where).toBeGreaterThan(0);
      expect(r.spins, where).toBeGreaterThanOrEqual(15_000);
      expect(r.grown, where).not.toBeNull();
      expect(r.grown!, where).toBeLessThan(64 * 1024);
    }
  });
});
