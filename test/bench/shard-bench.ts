/**
 * Shards and merge (`npm run bench`): what a shard costs on top of the work it does (process
 * start-up, the partial written and synced), and the merge of 10, 100 and 1,000 partials of one
 * 10⁹-round run (3,815 chunks) — wall time and peak memory (RSS) of `slotsim merge`, which must
 * stay flat as the partials grow in number. The partials are generated: real chunk statistics of
 * the bundled 5×3 game (8 chunks simulated once, their records repeated under every chunk index
 * of the plan), sealed and checksummed exactly as a shard writes them. A benchmark: it asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function fromDist<T>(path: string): Promise<T> {
  return (await import(new URL(`../../dist/${path}`, import.meta.url).href)) as T;
}
const { parseGame } = await fromDist<typeof import('../../src/game/index.js')>('game/index.js');
const { simulateChunks } = await fromDist<typeof import('../../src/sim/simulate.js')>('sim/simulate.js');
const { planChunks } = await fromDist<typeof import('../../src/sim/plan.js')>('sim/plan.js');
const { PartialWriter } =
  await fromDist<typeof import('../../src/shard/record-file.js')>('shard/record-file.js');
const { encodeHeader } =
  await fromDist<typeof import('../../src/shard/run-identity.js')>('shard/run-identity.js');
const { runIdentity, shardHeader } =
  await fromDist<typeof import('../../src/shard/shard-run.js')>('shard/shard-run.js');
const { chunkCodec } =
  await fromDist<typeof import('../../src/shard/stats-codec.js')>('shard/stats-codec.js');
type ChunkStats = import('../../src/sim/chunk-stats.js').ChunkStats;

const file = 'configs/starfall-20.json';
const text = readFileSync(file, 'utf8');
const game = parseGame(text, { file });
const dir = mkdtempSync(join(tmpdir(), 'slotsim-shard-bench-'));
const seconds = (from: number): number => (performance.now() - from) / 1000;

function timed(args: readonly string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, ['bin/slotsim.js', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  return seconds(started);
}

// 1. A shard's own cost: one chunk as a plain run, and as a shard writing its partial (best of 5 each).
{
  const plain: number[] = [];
  const shard: number[] = [];
  for (let i = 0; i < 5; i++) {
    plain.push(timed(['simulate', file, '--spins', '262144', '--seed', 'bench', '--threads', '1', '--json']));
    const partial = join(dir, `one-${i}.partial`);
    shard.push(
      timed([
        'simulate',
        file,
        '--spins',
        '262144',
        '--seed',
        'bench',
        '--threads',
        '1',
        '--shard',
        '0/1',
        '--partial',
        partial,
      ]),
    );
  }
  const p = Math.min(...plain);
  const s = Math.min(...shard);
  console.log(
    `one chunk (262,144 rounds), one thread, end to end: plain ${p.toFixed(2)} s, as a shard with its partial ${s.toFixed(2)} s (shard overhead ${((s - p) * 1000).toFixed(0)} ms)`,
  );
  const merge = timed(['merge', join(dir, 'one-0.partial'), '--json']);
  console.log(`merge of that one partial, end to end: ${merge.toFixed(2)} s (Node start-up included)`);
}

// 2. Merging 10, 100 and 1,000 partials of a 10⁹-round run.
const ROUNDS = 1_000_000_000;
const templates: ChunkStats[] = [];
await simulateChunks(
  { game, spins: 8 * 262_144, seed: 'bench', rng: 'aes-128-ctr', threads: 2 },
  { onChunk: (chunk) => templates.push(chunk) },
);
const plan = planChunks(ROUNDS);
const run = runIdentity({
  command: 'simulate',
  file,
  game,
  seed: 'bench',
  rng: 'aes-128-ctr',
  rounds: ROUNDS,
  detailRounds: null,
  rngCertificate: null,
});
console.log(
  `\nmerge of one ${ROUNDS.toExponential(0)}-round run (${plan.length.toLocaleString('en-US')} chunks), generated partials:`,
);
for (const shards of [10, 100, 1000]) {
  const folder = join(dir, `n${shards}`);
  mkdirSync(folder);
  const started = performance.now();
  const files: string[] = [];
  for (let index = 0; index < shards; index++) {
    const partial = join(folder, `shard-${index}.partial`);
    const writer = new PartialWriter(
      partial,
      encodeHeader(shardHeader({ run, shard: { index, count: shards }, partial, gameText: text })),
    );
    for (let i = index; i < plan.length; i += shards) {
      const chunk = { ...templates[i % templates.length]!, index: i, rounds: plan[i]!.rounds };
      writer.add({ record: 'chunk', key: i, data: chunkCodec.encode(chunk) });
    }
    writer.finish();
    files.push(partial);
  }
  const written = seconds(started);
  const time = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, 'bin/slotsim.js', 'merge', ...files, '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const [wall, rssKb] = (time.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  const ok = time.status === 0 && (JSON.parse(time.stdout) as { spins: number }).spins === ROUNDS;
  console.log(
    `  ${String(shards).padStart(5)} partials (${(files.reduce((n, f) => n + readFileSync(f).length, 0) / 2 ** 20).toFixed(0)} MiB, written in ${written.toFixed(1)} s): merge ${wall} s, peak RSS ${(Number(rssKb) / 1024).toFixed(0)} MiB${ok ? '' : ' — FAILED'}`,
  );
  rmSync(folder, { recursive: true, force: true });
}
rmSync(dir, { recursive: true, force: true });
