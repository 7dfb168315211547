/**
 * Exact-analysis benchmark: `analyzeGame` of the bundled 5×3 20-line game (target < 1 s) and its
 * full cycle — 32^5 = 33.5 M paid-spin combinations plus as many on the free-spin reels — on the
 * worker pool (target < 15 s on 2 cores), then every other bundled game's full cycle.
 * Run: node --import tsx test/bench/math-bench.ts. A benchmark, not a test: it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { format2Mechanic } from '../../src/engine/index.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame, enumerateCycles } from '../../src/math/index.js';

const cores = availableParallelism();
const M = (n: number): string => `${(n / 1e6).toFixed(1)} M`;

function load(file: string) {
  return parseGame(readFileSync(file, 'utf8'), { file });
}

const file = 'configs/starfall-20.json';
const game = load(file);
console.log(`slotsim math benchmark — ${game.name} (${file}), Node ${process.version}, ${cores} cores\n`);

let started = performance.now();
analyzeGame(game);
const cold = performance.now() - started;
started = performance.now();
const runs = 5;
for (let i = 0; i < runs; i++) analyzeGame(game);
const warm = (performance.now() - started) / runs;
console.log(`analyze (no enumeration):       ${cold.toFixed(0)} ms first call, ${warm.toFixed(0)} ms warm`);

for (const threads of [1, cores]) {
  started = performance.now();
  const e = await enumerateCycles(game, { threads });
  const seconds = (performance.now() - started) / 1000;
  const combos = e.base.combinations + (e.free?.combinations ?? 0);
  console.log(
    `full cycle, ${threads} thread(s):          ${seconds.toFixed(2)} s for ${M(e.base.combinations)} paid + ${M(e.free?.combinations ?? 0)} free-spin combinations (${M(combos / seconds)}/s, pool start-up included)`,
  );
  if (threads === cores) {
    started = performance.now();
    const a = analyzeGame(game, { enumeration: e });
    console.log(
      `analyze with the full cycle:    ${(performance.now() - started).toFixed(0)} ms (rtp ${a.rtp.value.toFixed(8)}, sd ${a.sd?.value.toFixed(5)})`,
    );
  }
}

if (existsSync('dist/cli/main.js')) {
  for (const args of [[], ['--full-cycle']]) {
    started = performance.now();
    execFileSync(process.execPath, ['bin/slotsim.js', 'analyze', file, ...args, '--json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const label = `analyze ${args.join(' ')} end to end (CLI):`.padEnd(32);
    console.log(`${label}${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
} else {
  console.log('analyze end to end (CLI):       skipped — run `npm run build` first');
}

console.log('\nOther bundled games, full cycle on every core:');
for (const name of readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()) {
  if (`configs/${name}` === file) continue;
  const other = load(`configs/${name}`);
  // A format-2 game has no classic full cycle (`analyze --full-cycle` refuses it): its own
  // enumeration is measured by format2-math-bench.ts.
  const mechanic = format2Mechanic(other);
  if (mechanic !== null) {
    console.log(`  ${name.padEnd(22)} format 2 (${mechanic}): see the format-2 math benchmark below`);
    continue;
  }
  started = performance.now();
  analyzeGame(other, { inlineLimit: 0 });
  const analyse = performance.now() - started;
  started = performance.now();
  const e = await enumerateCycles(other, { threads: cores });
  const seconds = (performance.now() - started) / 1000;
  const combos = e.base.combinations + (e.free?.combinations ?? 0);
  // The whole round's exact distribution (the capped figures, certify's exact column).
  started = performance.now();
  const whole = analyzeGame(other, { enumeration: e, wholeRound: true }).round;
  const round = performance.now() - started;
  const what =
    whole?.distribution == null
      ? 'not computed (state space past the budget)'
      : `${(whole.distribution.operations / 1e6).toFixed(0)} M multiply-adds`;
  console.log(
    `  ${name.padEnd(22)} analyze ${analyse.toFixed(0).padStart(4)} ms; full cycle ${seconds.toFixed(2).padStart(6)} s for ${M(combos).padStart(8)} combinations; whole round ${round.toFixed(0).padStart(5)} ms, ${what}`,
  );
}

if (existsSync('dist/cli/main.js')) {
  started = performance.now();
  execFileSync(process.execPath, ['bin/slotsim.js', 'analyze', 'configs/thunder-anvil.json', '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(
    `analyze thunder-anvil end to end (CLI, full cycle and capped figures): ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}
