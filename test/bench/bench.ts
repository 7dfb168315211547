/**
 * `npm run bench`: simulation speed of the bundled 5×3 20-line game — the hot loop alone on a plain
 * thread, the worker pool on one thread and on every core, the scaling ratio, and 10 M rounds end to
 * end through the built CLI (start-up included); and, for comparison, the hot loop alone on plain
 * threads (this machine's own scaling ceiling). A benchmark, not a test: it asserts nothing.
 * Other benchmarks (RNGs, exact analysis, verify) live beside it and run after it (not with
 * `--sim-only`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The compiled package (`dist/`, built by `npm run bench`), so the hot loop and the workers run
 * exactly what users run, not tsx's on-the-fly transform of src/.
 */
async function fromDist<T>(path: string): Promise<T> {
  return (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as T;
}
const { parseGame } = await fromDist<typeof import('../../src/game/index.js')>('game/index.js');
const { simulate } = await fromDist<typeof import('../../src/sim/simulate.js')>('sim/simulate.js');
const { CHUNK_ROUNDS } = await fromDist<typeof import('../../src/sim/plan.js')>('sim/plan.js');

export const BENCH_GAME = 'configs/starfall-20.json';

const file = BENCH_GAME;
const text = readFileSync(file, 'utf8');
const game = parseGame(text, { file });
const cores = availableParallelism();
const M = (n: number): string => `${(n / 1e6).toFixed(2)} M`;

/**
 * One simulation on the pool: rounds per second over the whole run (pool start-up, the workers'
 * compile and JIT warm-up included), and over its last 80 % (the steady state), from the times at
 * which chunks were merged.
 */
async function pooled(threads: number, rounds: number): Promise<{ whole: number; steady: number }> {
  const started = performance.now();
  let mark: { at: number; done: number } | null = null;
  let last = { at: started, done: 0 };
  const report = await simulate({
    game,
    spins: rounds,
    seed: 'bench',
    rng: 'aes-128-ctr',
    threads,
    onProgress: (done) => {
      last = { at: performance.now(), done };
      if (mark === null && done >= rounds / 5) mark = last;
    },
  });
  const from = mark ?? { at: started, done: 0 };
  return {
    whole: report.spinsPerSecond,
    steady: (last.done - from.done) / ((last.at - from.at) / 1000),
  };
}

/**
 * The hot loop alone on `threads` plain worker threads (no pool, no merging, start-up excluded):
 * what this machine's cores give the loop at best, for judging the pool's scaling against.
 */
async function rawThreads(threads: number, chunksEach: number): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const load = (p) => import(new URL(p, workerData.dist).href);
      const { parseGame } = await load('game/index.js');
      const { createRng } = await load('rng/index.js');
      const { newAccumulator, resetAccumulator } = await load('sim/chunk-stats.js');
      const { compileFast } = await load('sim/fast-game.js');
      const { simulateRounds } = await load('sim/fast-round.js');
      const fast = compileFast(parseGame(workerData.text, { file: 'game.json' }));
      const acc = newAccumulator();
      simulateRounds(fast, createRng('aes-128-ctr', 'warm-up', 0), 300000, acc);
      parentPort.postMessage('ready');
      parentPort.once('message', () => {
        const started = performance.now();
        for (let i = 0; i < workerData.chunks; i++) {
          resetAccumulator(acc);
          simulateRounds(fast, createRng('aes-128-ctr', 'bench', workerData.first + i), ${CHUNK_ROUNDS}, acc);
        }
        parentPort.postMessage(performance.now() - started);
      });
    })();`;
  const dist = new URL('../../dist/', import.meta.url).href;
  const workers = Array.from(
    { length: threads },
    (_, i) =>
      new Worker(code, { eval: true, workerData: { dist, text, chunks: chunksEach, first: i * chunksEach } }),
  );
  const next = (w: Worker): Promise<unknown> => new Promise((resolve) => w.once('message', resolve));
  await Promise.all(workers.map(next));
  const started = performance.now();
  for (const w of workers) w.postMessage('go');
  await Promise.all(workers.map(next));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return (threads * chunksEach * CHUNK_ROUNDS) / seconds;
}

console.log(`slotsim benchmark — ${game.name} (${file}), Node ${process.version}, ${cores} cores\n`);
// The machine is noisy (±25 %, more when its neighbours are busy): alternate one thread and every
// core several times and keep the best of each.
let rawOne = 0;
let rawAll = 0;
for (let run = 0; run < 3; run++) {
  rawOne = Math.max(rawOne, await rawThreads(1, 40));
  rawAll = Math.max(rawAll, await rawThreads(cores, 40));
}
console.log(`hot loop alone, one plain thread: ${M(rawOne)} paid rounds/s (best of 3)`);
const RUNS = 7;
const ones: { whole: number; steady: number }[] = [];
const alls: { whole: number; steady: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  ones.push(await pooled(1, 30_000_000));
  alls.push(await pooled(cores, 30_000_000));
}
const best = (xs: readonly { whole: number; steady: number }[], key: 'whole' | 'steady'): number =>
  Math.max(...xs.map((x) => x[key]));
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const one = best(ones, 'whole');
const all = best(alls, 'whole');
console.log(
  `worker pool, 1 thread:            ${M(one)} paid rounds/s (30 M rounds, start-up included, best of ${RUNS})`,
);
console.log(
  `worker pool, ${cores} threads:           ${M(all)} paid rounds/s (${M(all / cores)} per core, best of ${RUNS})`,
);
console.log(
  `scaling ${cores} threads / 1 thread:    ${(all / one).toFixed(2)}× (best against best); median of the ${RUNS} back-to-back pairs ${median(alls.map((a, i) => a.whole / ones[i]!.whole)).toFixed(2)}×`,
);
console.log(
  `  the same runs after warm-up (last 80 % of each): ${M(best(ones, 'steady'))} → ${M(best(alls, 'steady'))} rounds/s, ${(best(alls, 'steady') / best(ones, 'steady')).toFixed(2)}×; median pair ${median(alls.map((a, i) => a.steady / ones[i]!.steady)).toFixed(2)}×`,
);
console.log(
  `for comparison, the hot loop alone on ${cores} plain threads: ${M(rawAll)} rounds/s, ${(rawAll / rawOne).toFixed(2)}× one — this machine's own ceiling`,
);

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

// `npm run bench -- --sim-only` stops here.
const extras = process.argv.includes('--sim-only')
  ? []
  : [
      'test/bench/rng-bench.ts',
      'test/bench/math-bench.ts',
      'test/bench/format2-math-bench.ts',
      'test/bench/verify-bench.ts',
    ];
for (const extra of extras) {
  if (!existsSync(extra)) continue;
  console.log(`\n— ${extra}`);
  spawnSync(process.execPath, ['--import', 'tsx', extra], { stdio: 'inherit' });
}
