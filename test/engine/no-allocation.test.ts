/**
 * The recorder-free round flow (what the simulator runs) allocates nothing per spin: its grid,
 * scratch and results are reused. Checked on the loader's format-2 games with a generator that
 * itself allocates nothing: over 50 000 spins (paid and free) after a warm-up, the heap grows by
 * less than 256 KB (one 16-byte object per spin would be 800 KB). Not a speed test.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RoundFlow } from '../../src/engine/round-flow.js';
import { listModes, parseGame } from '../../src/game/index.js';
import type { Rng } from '../../src/rng/rng.js';
import * as games from '../game/games-v2.js';

/** xorshift32 with its state in a typed array: no number is ever boxed. */
function quietRng(seed: number): Rng {
  const state = new Uint32Array([seed]);
  return {
    algorithm: 'xorshift32',
    int(bound: number): number {
      let x = state[0]!;
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      state[0] = x;
      return (x >>> 8) % bound;
    },
  };
}

const SPINS = 50_000;

describe('the round flow without a recorder allocates nothing per round', () => {
  for (const [name, build] of Object.entries(games)) {
    if (typeof build !== 'function') continue;
    const text = JSON.stringify((build as () => unknown)());
    for (const mode of listModes(text, { file: `${name}.json` })) {
      it(`${name}, mode ${mode}: ${SPINS} spins (xorshift seed 7)`, async () => {
        const game = parseGame(text, { file: `${name}.json`, variant: null, mode });
        const flow = new RoundFlow(game);
        const rng = quietRng(7);
        let warmSpins = 0;
        for (let i = 0; i < 2_000; i++) {
          flow.play(rng, null);
          warmSpins += 1 + flow.freeSpinsPlayed;
        }
        const rounds = Math.ceil(SPINS / (warmSpins / 2_000));
        for (let i = 0; i < rounds / 5; i++) flow.play(rng, null);
        const collections: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) collections.push(entry.startTime);
        });
        observer.observe({ entryTypes: ['gc'] });
        const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
        await tick();
        // Heap growth over the loop, on the runs no collection interrupted (a collection empties the
        // young generation). The smallest of three runs: the optimising compiler, finishing in the
        // background during the first runs, adds code to the heap too.
        let grown: number | null = null;
        for (let attempt = 0; attempt < 3; attempt++) {
          const start = performance.now();
          const heap = process.memoryUsage().heapUsed;
          let won = 0;
          let spins = 0;
          for (let i = 0; i < rounds; i++) {
            flow.play(rng, null);
            won += flow.total;
            spins += 1 + flow.freeSpinsPlayed;
          }
          const growth = process.memoryUsage().heapUsed - heap;
          const end = performance.now();
          await tick();
          expect(won).toBeGreaterThan(0);
          expect(spins).toBeGreaterThanOrEqual(SPINS / 2);
          if (!collections.some((t) => t >= start && t <= end)) grown = Math.min(grown ?? growth, growth);
        }
        observer.disconnect();
        // One 16-byte object per spin would be 800 KB; a few numbers boxed per round stay far below.
        expect(grown).not.toBeNull();
        expect(grown!).toBeLessThan(256 * 1024);
      });
    }
  }
});
