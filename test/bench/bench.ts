/**
 * `npm run bench`: simulation speed of the bundled 5×3 20-line game — the hot loop alone on this
 * thread, the worker pool on one thread and on every core, the scaling ratio, and 10 M rounds end to
 * end through the built CLI (start-up included). A benchmark, not a test: it asserts nothing.
 * Other benchmarks (RNGs, exact analysis, verify) live beside it and run after it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The compiled package (`dist/`, built by `npm run bench`), so the hot loop and the workers run
 * exactly what users run, not tsx's on-the-fly transform of src/.
 */
async function fromDist<T>(path: string): Promise<T> {
  return (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as T;
}
const { parseGame } = await fromDist<typeof import('../../src/game/index.js')>('game/index.js');
const { createRng } = await fromDist<typeof import('../../src/rng/index.js')>('rng/index.js');
const { newAccumulator } =
  await fromDist<typeof import('../../src/sim/chunk-stats.js')>('sim/chunk-stats.js');
const { compileFast } = await fromDist<typeof import('../../src/sim/fast-game.js')>('sim/fast-game.js');
const { simulateRounds } = await fromDist<typeof import('../../src/sim/fast-round.js')>('sim/fast-round.js');
const { simulate } = await fromDist<typeof import('../../src/sim/simulate.js')>('sim/simulate.js');

export const BENCH_GAME = 'configs/starfall-20.json';

const file = BENCH_GAME;
const text = readFileSync(file, 'utf8');
const game = parseGame(text, { file });
const cores = availableParallelism();
const M = (n: number): string => `${(n / 1e6).toFixed(2)} M`;

function hotLoop(rounds: number): number {
  const fast = compileFast(game);
  simulateRounds(fast, createRng('aes-128-ctr', 'warm-up', 0), 200_000, newAccumulator());
  const acc = newAccumulator();
  const started = performance.now();
  simulateRounds(fast, createRng('aes-128-ctr', 'bench', 0), rounds, acc);
  return rounds / ((performance.now() - started) / 1000);
}

async function pooled(threads: number, rounds: number): Promise<number> {
  const report = await simulate({
    game,
    spins: rounds,
    seed: 'bench',
    rng: 'aes-128-ctr',
    threads,
  });
  return report.spinsPerSecond;
}

console.log(`slotsim benchmark — ${game.name} (${file}), Node ${process.version}, ${cores} cores\n`);
const loop = Math.max(hotLoop(5_000_000), hotLoop(5_000_000));
console.log(`hot loop, this thread:          ${M(loop)} paid rounds/s`);
// The machine is noisy (±25 %): alternate one thread and every core three times, keep each best.
let one = 0;
let all = 0;
for (let run = 0; run < 3; run++) {
  one = Math.max(one, await pooled(1, 30_000_000));
  all = Math.max(all, await pooled(cores, 30_000_000));
}
console.log(`worker pool, 1 thread:          ${M(one)} paid rounds/s (best of 3)`);
console.log(
  `worker pool, ${cores} threads:         ${M(all)} paid rounds/s (${M(all / cores)} per core, best of 3)`,
);
console.log(`scaling ${cores} threads / 1 thread:  ${(all / one).toFixed(2)}×`);

{
  const started = performance.now();
  execFileSync(
    process.execPath,
    ['bin/slotsim.js', 'simulate', file, '--spins', '10M', '--seed', 'bench', '--json'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  console.log(`10 M rounds end to end (CLI):   ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

for (const extra of ['test/bench/rng-bench.ts', 'test/bench/math-bench.ts', 'test/bench/verify-bench.ts']) {
  if (!existsSync(extra)) continue;
  console.log(`\n— ${extra}`);
  spawnSync(process.execPath, ['--import', 'tsx', extra], { stdio: 'inherit' });
}
