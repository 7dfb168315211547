/**
 * `npm run bench`: simulation speed of the bundled 5×3 20-line game — the hot loop alone on a plain
 * thread, the worker pool on one thread and on every core, the scaling ratio, and 10 M rounds end to
 * end through the built CLI (start-up included); and, for comparison, the hot loop alone on plain
 * threads (this machine's own scaling ceiling); then rounds per second per core of every bundled
 * format-2 game and mode (`--no-format2` skips them). A benchmark, not a test: it asserts nothing.
 * Other benchmarks (RNGs, exact analysis, verify) live beside it and run after it (not with
 * `--sim-only`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Format 2: rounds per second per core of every bundled game that uses a format-2 mechanic, in every
 * mode, on the simulator's path for them (the engine's round flow with no recorder): the loop alone
 * on this thread (CPU time, best of 3 after a warm-up: steadier than the wall clock on a shared
 * host), and the worker pool on one thread over a whole run (start-up included). Skipped with
 * `--no-format2`.
 */
const { format2Mechanic } = await fromDist<typeof import('../../src/engine/classic.js')>('engine/classic.js');
const { createRng } = await fromDist<typeof import('../../src/rng/index.js')>('rng/index.js');
const chunkStats = await fromDist<typeof import('../../src/sim/chunk-stats.js')>('sim/chunk-stats.js');
const flowRound = await fromDist<typeof import('../../src/sim/flow-round.js')>('sim/flow-round.js');

/** The issue's targets (rounds per second per core), by game id. */
const FORMAT2_TARGETS: Readonly<Record<string, { what: string; target: number }>> = {
  'ember-falls': { what: '5×3 tumbling lines', target: 1e6 },
  'canyon-stampede': { what: '6-reel heights 2–7 ways', target: 1e6 },
  'prism-grove': { what: '7×7 cluster, tumbles', target: 3e5 },
  'starlit-bazaar': { what: '6×5 pay anywhere, tumbles', target: 3e5 },
};

function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function format2Bench(): Promise<void> {
  const files = readdirSync('configs')
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
  console.log(
    '\nformat 2: rounds per second per core (CPU time; the wall clock also counts the host’s other load), the round flow without a recorder',
  );
  for (const name of files) {
    const path = `configs/${name}`;
    const text2 = readFileSync(path, 'utf8');
    const first = parseGame(text2, { file: path });
    if (format2Mechanic(first) === null) continue;
    for (const mode of first.modes) {
      const g = parseGame(text2, { file: path, mode });
      const sim = flowRound.compileFlow(g);
      const acc = chunkStats.newAccumulator(true);
      // A round of a mode that starts in a feature plays a whole feature: fewer of them.
      const rounds = g.start === null ? 1_000_000 : 50_000;
      flowRound.simulateFlowRounds(sim, createRng('aes-128-ctr', 'warm-up', 0), rounds / 5, acc);
      let loop = 0;
      for (let run = 0; run < 3; run++) {
        chunkStats.resetAccumulator(acc);
        const from = process.cpuUsage();
        flowRound.simulateFlowRounds(sim, createRng('aes-128-ctr', 'bench', run), rounds, acc);
        loop = Math.max(loop, rounds / cpuSeconds(from));
      }
      // The pool's process CPU time covers its worker and the merging thread alike.
      const from = process.cpuUsage();
      const run = await simulate({
        game: g,
        spins: rounds * 2,
        seed: 'bench',
        rng: 'aes-128-ctr',
        threads: 1,
      });
      const poolCpu = (rounds * 2) / cpuSeconds(from);
      const target = mode === 'base' ? FORMAT2_TARGETS[g.id] : undefined;
      const goal = target === undefined ? '' : `   target ≥ ${M(target.target)} (${target.what})`;
      console.log(
        `  ${`${name} ${mode}`.padEnd(30)} loop ${M(loop)}; pool, 1 thread: ${M(poolCpu)} per CPU-second, ${M(run.spinsPerSecond)} wall (${M(rounds * 2).trim()} rounds, start-up included)${goal}`,
      );
    }
  }
}

if (!process.argv.includes('--no-format2')) await format2Bench();

// `npm run bench -- --sim-only` stops here.
const extras = process.argv.includes('--sim-only')
  ? []
  : [
      'test/bench/rng-bench.ts',
      'test/bench/math-bench.ts',
      'test/bench/format2-math-bench.ts',
      'test/bench/verify-bench.ts',
      'test/bench/shard-bench.ts',
    ];
for (const extra of extras) {
  if (!existsSync(extra)) continue;
  console.log(`\n— ${extra}`);
  spawnSync(process.execPath, ['--import', 'tsx', extra], { stdio: 'inherit' });
}
