import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowOf } from '../../src/engine/stops.js';
import { parseGame } from '../../src/game/index.js';
import { classifyWindow } from '../../src/math/index.js';
import { createRng } from '../../src/rng/index.js';
import { finishChunk, newAccumulator } from '../../src/sim/chunk-stats.js';
import { runDetailChunk } from '../../src/sim/detail-chunk.js';
import { SpinClassifier } from '../../src/sim/detail-classify.js';
import { DetailProbe } from '../../src/sim/detail-probe.js';
import { simulateWithDetail } from '../../src/sim/detail-simulate.js';
import { compileFast } from '../../src/sim/fast-game.js';
import { simulateRounds } from '../../src/sim/fast-round.js';
import { simulate } from '../../src/sim/simulate.js';

const GAMES = [
  'three-bells',
  'crimson-sevens',
  'starfall-20',
  'northern-howl',
  'goldvein-mine',
  'lotus-lagoon',
  'thunder-anvil',
];

function load(name: string) {
  const file = `configs/${name}.json`;
  const text = readFileSync(file, 'utf8');
  return { file, text, game: parseGame(text, { file, variant: null }) };
}

function keyOf(c: { kind: string; rule: number | null; count: number; multiplier: number }): string {
  return c.kind === 'line'
    ? `line:${c.rule}:${c.count}:${c.multiplier}`
    : c.kind === 'ways'
      ? `ways:${c.rule}:${c.count}`
      : `scatter:${c.count}`;
}

describe('the detail path plays exactly the fast path rounds', () => {
  it.each(GAMES)('%s: same chunk statistics with and without detail (seed "d1")', (name) => {
    const { game } = load(name);
    const fast = compileFast(game);
    const rounds = 20_000;
    const plain = newAccumulator();
    simulateRounds(fast, createRng('aes-128-ctr', 'd1', 3), rounds, plain);
    const detailed = runDetailChunk(fast, createRng('aes-128-ctr', 'd1', 3), 3, rounds, 7_000);
    const { detail, ...stats } = detailed;
    expect(stats).toEqual(finishChunk(plain, 3));
    expect(detail.rounds).toBe(7_000);
    for (const counts of detail.stopCounts) expect(counts.reduce((a, b) => a + b, 0)).toBe(7_000);
    expect(detail.groups.reduce((a, g) => a + g.trials, 0)).toBe(7_000);
    expect(detail.serial.draws).toBeGreaterThanOrEqual(7_000 * game.reels);
  });
});

describe("the classifier agrees with the analysis's classifyWindow", () => {
  it.each(GAMES)('%s: every paying combination of 5,000 paid spins (seed "d2")', (name) => {
    const { game } = load(name);
    const fast = compileFast(game);
    const probe = new DetailProbe(
      createRng('aes-128-ctr', 'd2', 0),
      fast.base,
      game.baseReelSet.reels.map((r) => r.strip.length),
    );
    const classifier = new SpinClassifier(fast);
    const expected = new Map<string, number>();
    const acc = newAccumulator();
    for (let i = 0; i < 5_000; i++) {
      probe.startRound();
      simulateRounds(fast, probe, 1, acc);
      classifier.record(probe.stops, i);
      const window = windowOf(game.baseReelSet, [...probe.stops], game.rows);
      for (const key of classifyWindow(game, window)) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const observed = new Map(classifier.counts().map((c) => [keyOf(c), c.all]));
    expect(observed).toEqual(expected);
    // Sampled counts are a subset of all counts.
    for (const c of classifier.counts()) expect(c.sampled).toBeLessThanOrEqual(c.all);
  });
});

describe('simulateWithDetail', () => {
  it('gives the same figures as simulate and the same detail whatever the threads (seed "d3")', async () => {
    const { game } = load('starfall-20');
    const common = { game, spins: 600_000, seed: 'd3', rng: 'aes-128-ctr' as const };
    const plain = await simulate({ ...common, threads: 0 });
    const one = await simulateWithDetail({ ...common, threads: 0, detailRounds: 300_000 });
    const two = await simulateWithDetail({ ...common, threads: 2, detailRounds: 300_000 });
    const figures = (r: typeof plain) => ({ ...r, elapsedSeconds: 0, spinsPerSecond: 0, threads: 0 });
    expect(figures(one.report)).toEqual(figures(plain));
    expect(figures(two.report)).toEqual(figures(plain));
    expect(two.detail).toEqual(one.detail);
    // 300,000 rounds: the whole first chunk (262,144) and part of the second.
    expect(one.detail.rounds).toBe(300_000);
    expect(one.detail.serial.pairs).toBe(one.detail.serial.draws - 2);
  });
});
