/**
 * `node --import tsx test/bench/seam-bench.ts [DIST…] [--runs N]`: compares builds of slotsim on the
 * three speeds the mechanics seam must not lower — the simulator's hot loop (rounds per CPU-second
 * on starfall-20, northern-howl, thunder-anvil), the engine's format-1 round (`playRoundV1`, µs per
 * round: verify replays every round on it) and the full-cycle enumeration (stop combinations per
 * CPU-second, on the calling thread). Each DIST (default `dist`) is a compiled `dist/` folder; the
 * builds are measured alternately, `--runs` times (default 3), and the best figure of each is kept:
 * the host is noisy (±25 % and worse under load), and CPU time (`process.cpuUsage`) rather than
 * wall time leaves out the time other processes hold the core. Every figure is measured in a fresh
 * process that plays one game only, as a simulator worker and `verify` do (a process that mixes
 * games makes the engine's calls polymorphic, which is another measurement).
 * A benchmark, not a test: it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const GAMES = ['starfall-20', 'northern-howl', 'thunder-anvil'];
const CYCLE_GAMES = ['starfall-20', 'northern-howl'];

/** The measuring child: prints one JSON line of figures for the build at `dist`. */
const CHILD = String.raw`
const [dist, name, what] = process.argv.slice(1);
const load = (p) => import(new URL(p, dist).href);
const { readFileSync } = await import('node:fs');
const { parseGame } = await load('game/index.js');
const { createRng } = await load('rng/index.js');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const game = parseGame(readFileSync('configs/' + name + '.json', 'utf8'), { file: name });
let figure;
if (what === 'sim') {
  const { newAccumulator, resetAccumulator } = await load('sim/chunk-stats.js');
  const { compileFast } = await load('sim/fast-game.js');
  const { simulateRounds } = await load('sim/fast-round.js');
  const fast = compileFast(game);
  const acc = newAccumulator();
  simulateRounds(fast, createRng('aes-128-ctr', 'warm', 0), 500000, acc);
  figure = 0;
  for (let i = 0; i < 3; i++) {
    resetAccumulator(acc);
    const rng = createRng('aes-128-ctr', 'bench', i);
    const t = cpu();
    simulateRounds(fast, rng, 2000000, acc);
    figure = Math.max(figure, 2000000 / (cpu() - t));
  }
} else if (what === 'round') {
  const { playRoundV1 } = await load('engine/round.js');
  const warm = createRng('aes-128-ctr', 'warm', 0);
  for (let i = 0; i < 100000; i++) playRoundV1(game, warm);
  figure = Infinity;
  for (let k = 0; k < 3; k++) {
    const rng = createRng('aes-128-ctr', 'bench', k);
    const t = cpu();
    for (let i = 0; i < 200000; i++) playRoundV1(game, rng);
    figure = Math.min(figure, ((cpu() - t) / 200000) * 1e6);
  }
} else {
  const { enumerateCycles } = await load('math/cycle-run.js');
  const t = cpu();
  const e = await enumerateCycles(game, { threads: 0 });
  figure = (e.base.combinations + (e.free?.combinations ?? 0)) / (cpu() - t);
}
console.log(JSON.stringify(figure));
`;

interface Figures {
  sim: Record<string, number>;
  round: Record<string, number>;
  cycle: Record<string, number>;
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const dists = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
if (dists.length === 0) dists.push('dist');
const urls = dists.map((d) => pathToFileURL(`${resolve(d)}/`).href);

const best: Figures[] = dists.map(() => ({ sim: {}, round: {}, cycle: {} }));
const jobs = [
  ...GAMES.map((g) => ({ game: g, what: 'sim' as const })),
  ...GAMES.map((g) => ({ game: g, what: 'round' as const })),
  ...CYCLE_GAMES.map((g) => ({ game: g, what: 'cycle' as const })),
];
for (let run = 0; run < runs; run++) {
  for (const { game, what } of jobs) {
    urls.forEach((url, i) => {
      const text = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, url, game, what], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const figure = JSON.parse(text.trim().split('\n').pop()!) as number;
      const b = best[i]![what];
      b[game] = what === 'round' ? Math.min(b[game] ?? Infinity, figure) : Math.max(b[game] ?? 0, figure);
      console.error(`run ${run + 1}/${runs} ${dists[i]} ${what} ${game}: ${figure}`);
    });
  }
}

const M = (n: number): string => `${(n / 1e6).toFixed(2)} M/s`;
console.log(`best of ${runs} runs each, CPU time; builds measured alternately`);
dists.forEach((d, i) => {
  const b = best[i]!;
  console.log(`\n${d}`);
  for (const g of GAMES)
    console.log(`  simulate hot loop, ${g.padEnd(14)} ${M(b.sim[g]!)} rounds per CPU-second`);
  for (const g of GAMES)
    console.log(`  playRoundV1,       ${g.padEnd(14)} ${b.round[g]!.toFixed(2)} µs per round`);
  for (const g of CYCLE_GAMES)
    console.log(`  full cycle,        ${g.padEnd(14)} ${M(b.cycle[g]!)} combinations per CPU-second`);
});
