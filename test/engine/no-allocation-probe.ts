/**
 * Run by `no-allocation.test.ts` in a plain Node process (the test runner's own instrumentation
 * allocates): plays each of the loader's format-2 games, every mode, through the recorder-free
 * round flow with a generator that allocates nothing, and prints per game how much the young
 * generation (where new objects go; compiled code does not) grew over about 30 000 spins.
 */
import { getHeapSpaceStatistics } from 'node:v8';
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

function youngBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
}

const SPINS = 30_000;
const WARM_ROUNDS = 10_000;
const results: { game: string; mode: string; spins: number; grown: number | null; won: number }[] = [];
// Counts only: a sum of credits past 2^30 would box a number in this loop (the probe's, not the engine's).
for (const [name, build] of Object.entries(games)) {
  if (typeof build !== 'function') continue;
  const text = JSON.stringify((build as () => unknown)());
  for (const mode of listModes(text, { file: `${name}.json` })) {
    const flow = new RoundFlow(parseGame(text, { file: `${name}.json`, variant: null, mode }));
    const rng = quietRng(7);
    let warmSpins = 0;
    // A long warm-up, so that the optimising compiler is done with the flow before any run is
    // measured (a deoptimisation under a loaded host once showed as ~1 MB of young growth).
    for (let i = 0; i < WARM_ROUNDS; i++) {
      flow.play(rng, null);
      warmSpins += 1 + flow.freeSpinsPlayed;
    }
    const rounds = Math.ceil(SPINS / (warmSpins / WARM_ROUNDS));
    // The smallest growth of five runs: a young collection during a run empties the generation
    // (the growth then looks negative or small, and the next run has the whole generation).
    let grown: number | null = null;
    let spins = 0;
    let won = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = youngBytes();
      spins = 0;
      for (let i = 0; i < rounds; i++) {
        flow.play(rng, null);
        if (flow.total > 0) won++;
        spins += 1 + flow.freeSpinsPlayed;
      }
      const growth = youngBytes() - before;
      if (growth >= 0) grown = Math.min(grown ?? growth, growth);
    }
    results.push({ game: name, mode, spins, grown, won });
  }
}
process.stdout.write(JSON.stringify(results));
