/** What `simulate` shows when its rounds say little, and how many threads it really starts. */
import { describe, expect, it } from 'vitest';
import { runMain } from './in-process.js';

const BELLS = 'configs/three-bells.json';

async function json(args: readonly string[]) {
  const run = await runMain(['simulate', BELLS, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return { report: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
}

describe('simulate with too few rounds to mean anything', () => {
  it('--spins 1 shows no interval (it was zero-width), and says why', async () => {
    const { report } = await json(['--spins', '1', '--seed', 'one']);
    expect(report.confidence).toEqual({ '95': null, '99': null });
    expect(report.confidenceNote).toBe('no interval from 1 round: it needs at least 100');
    const text = await runMain(['simulate', BELLS, '--spins', '1', '--seed', 'one']);
    expect(text.stdout).toMatch(/95% interval +│ no interval from 1 round: it needs at least 100/);
  });

  it('200 rounds: the 99 % interval is clipped at 0, an RTP is never negative (seed clip)', async () => {
    // Three Bells: sd ≈ 7.4 per round, so ±2.58 × 7.4 / √200 ≈ ±1.35 around an RTP near 0.9.
    const { report } = await json(['--spins', '200', '--seed', 'clip']);
    const [low, high] = (report.confidence as Record<'99', [number, number]>)['99'];
    const rtp = report.rtp as number;
    const sd = report.sd as number;
    expect(rtp - (2.5758293035489004 * sd) / Math.sqrt(200)).toBeLessThan(0);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(rtp + (2.5758293035489004 * sd) / Math.sqrt(200), 12);
    expect(report.confidenceNote).toBeNull();
  });
});

describe('--threads', () => {
  it('256 for a 1,000-round run starts one worker, says so, and changes no figure (seed threads)', async () => {
    const many = await json(['--spins', '1000', '--seed', 'threads', '--threads', '256']);
    const one = await json(['--spins', '1000', '--seed', 'threads', '--threads', '1']);
    expect(many.report.threads).toBe(1);
    expect(many.stderr).toMatch(
      /note: --threads 256: using 1 worker thread \(the run has 1 chunk, one per thread at most\); the figures are the same/,
    );
    const figures = (r: Record<string, unknown>) => {
      const { elapsedSeconds: _e, spinsPerSecond: _s, ...rest } = r;
      return rest;
    };
    expect(figures(many.report)).toEqual(figures(one.report));
    expect(one.stderr).not.toMatch(/note/);
  });
});
