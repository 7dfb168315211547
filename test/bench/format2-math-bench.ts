/**
 * Format-2 exact-analysis benchmark (issue 11): the full-cycle spin enumeration with cascades
 * (combinations per second per core; target ≥ 2 M/s on a 5×3 tumbling lines game), the hold-and-win
 * coin chain (target < 50 ms), and `analyze` end to end on every bundled format-2 game and mode.
 * Runs the compiled package (`dist/`, built by `npm run bench`). A benchmark: it asserts nothing.
 *
 *   node --import tsx test/bench/format2-math-bench.ts [--bundled-budget N]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { COIN_GAME } from '../math/format2/coin-game.js';

async function fromDist<T>(path: string): Promise<T> {
  return (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as T;
}
const { parseGame, listModes } = await fromDist<typeof import('../../src/game/index.js')>('game/index.js');
const { SpinEnumerator } = await fromDist<typeof import('../../src/math/format2/spin-enumerator.js')>(
  'math/format2/spin-enumerator.js',
);
const { planSpins } =
  await fromDist<typeof import('../../src/math/format2/spin-plan.js')>('math/format2/spin-plan.js');
const { enumerateSpins } =
  await fromDist<typeof import('../../src/math/format2/spin-run.js')>('math/format2/spin-run.js');
const { holdAndWinOutcome, holdAndWinDistribution, startCounts } = await fromDist<
  typeof import('../../src/math/format2/hold-and-win-win.js')
>('math/format2/hold-and-win-win.js');
const { coinCounts } = await fromDist<typeof import('../../src/math/format2/hold-and-win-chain.js')>(
  'math/format2/hold-and-win-chain.js',
);
const { WorkBudget } = await fromDist<typeof import('../../src/math/work-budget.js')>('math/work-budget.js');
const { format2Mechanic } = await fromDist<typeof import('../../src/engine/classic.js')>('engine/classic.js');

const cores = availableParallelism();
const M = (n: number): string => `${(n / 1e6).toFixed(2)} M`;
console.log(`slotsim format-2 math benchmark, Node ${process.version}, ${cores} cores\n`);

/** Starfall 20 (5×3, 20 lines) relabelled slotsim/2, tumbling with a strip refill and a ladder. */
const starfall = JSON.parse(readFileSync('configs/starfall-20.json', 'utf8')) as Record<string, unknown>;
delete starfall.$schema;
const tumbling = parseGame(
  JSON.stringify({
    ...starfall,
    format: 'slotsim/2',
    cascade: { refill: 'strip', maxCascades: 20, ladder: [1, 2, 3, 5] },
  }),
  { file: 'tumbling-lines.json' },
);

// One core: the enumerator on the calling thread, CPU time of this process (best of 3).
{
  const e = new SpinEnumerator(tumbling, 'base');
  const tasks = planSpins(e.space, 'base', -1, 1, 1e9).slice(0, 6);
  e.run(tasks[0]!); // warm-up
  let best = 0;
  let combos = 0;
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    combos = 0;
    for (const task of tasks.slice(1)) combos += e.run(task).combinations;
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;
    best = Math.max(best, combos / seconds);
  }
  console.log(
    `spin enumeration, 1 core:      ${M(best)} combinations/s per CPU-second (5×3 tumbling lines, ${M(combos)} combinations a run, best of 3; every cascade played through the spin player, PAR tallies included)`,
  );
}

// Every core: the base reel set's whole cycle on the pool.
{
  const started = performance.now();
  const d = await enumerateSpins(tumbling, 'base', 'none', {
    threads: cores,
    leavesPerCombination: 1,
    cap: null,
  });
  const seconds = (performance.now() - started) / 1000;
  if ('exceeded' in d) throw new Error(d.exceeded);
  console.log(
    `spin enumeration, ${cores} threads:   ${seconds.toFixed(1)} s for the whole cycle (${M(d.combinations)} combinations, ${M(d.combinations / seconds)}/s, ${M(d.combinations / seconds / cores)}/s per core, pool start-up included)`,
  );
}

// Hold and win: the coin chain and the win distribution (best of 5 after a warm-up).
{
  const game = parseGame(JSON.stringify(COIN_GAME), { file: 'coin-harbor.json', mode: 'coins' });
  const feature = game.holdAndWin!;
  const cells = game.reels * game.rows;
  const time = (f: () => void): number => {
    f();
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const chain = time(() => {
    for (let n = 1; n <= cells; n++) coinCounts(feature, cells, n, { exact: true });
  });
  const start = game.start!;
  if (start.kind !== 'holdAndWin') throw new Error('no start');
  const outcome = time(() => void holdAndWinOutcome(feature, cells, startCounts(start.coins, cells)));
  const o = holdAndWinOutcome(feature, cells, startCounts(start.coins, cells));
  const distribution = time(
    () => void holdAndWinDistribution(feature, o, game.maxWinCredits!, new WorkBudget(1e9)),
  );
  console.log(
    `hold-and-win chain:            ${chain.toFixed(1)} ms for the exact chains from every start count (1 … ${cells}) of a 5×3 grid; ${outcome.toFixed(1)} ms the feature's exact moments, jackpots and full grid (mode start mixture); ${distribution.toFixed(1)} ms its whole win distribution`,
  );
}

// Every bundled format-2 game and mode, end to end through the CLI.
const budgetAt = process.argv.indexOf('--bundled-budget');
const budget = budgetAt >= 0 ? process.argv[budgetAt + 1]! : '2B';
for (const name of readdirSync('configs')
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const file = `configs/${name}`;
  const text = readFileSync(file, 'utf8');
  if (!text.includes('"slotsim/2"')) continue;
  let modes: readonly string[];
  try {
    modes = listModes(text, { file });
  } catch {
    continue;
  }
  for (const mode of modes) {
    const game = parseGame(text, { file, mode });
    if (format2Mechanic(game) === null) continue;
    const started = performance.now();
    const out = execFileSync(
      process.execPath,
      ['bin/slotsim.js', 'analyze', file, '--mode', mode, '--budget', budget, '--sim-spins', '2M', '--json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 },
    );
    const seconds = (performance.now() - started) / 1000;
    const a = JSON.parse(out) as { rtp: number; figures: { rtp: { precision: string } } };
    console.log(
      `analyze ${name} --mode ${mode}: ${seconds.toFixed(1)} s, RTP ${(a.rtp * 100).toFixed(4)}% (${a.figures.rtp.precision}), budget ${budget}`,
    );
  }
}
