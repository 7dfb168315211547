/**
 * A designer's quick simulation of format-2 games, mode by mode, through the engine's recorder-free
 * round flow (the simulator's path): not a test, it asserts nothing.
 *
 *   node --import tsx test/bench/format2-games.ts [--rounds N] [--seed S] [--variant V] [--mode M] [--json] FILE...
 *
 * For every mode of each file (or the one named): the RTP per credit staked in the mode with its
 * 99 % and 99.9 % intervals (mean ± z·sd/√N), hit frequency, sd per round (× cost), the components,
 * the feature and cap rates, how the wins are spread, the largest wins, and the rounds per
 * CPU-second of one thread (host noise included: measure again before relying on it).
 * Rounds draw from `aes-128-ctr` with the seed given (default "design"), stream 0.
 */
import { readFileSync } from 'node:fs';
import { RoundFlow } from '../../src/engine/round-flow.js';
import { listModes, listVariants, parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';

interface Options {
  rounds: number;
  seed: string;
  variant: string | null;
  mode: string | null;
  json: boolean;
  files: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { rounds: 1_000_000, seed: 'design', variant: null, mode: null, json: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rounds') o.rounds = Number(next().replace(/k$/i, '000').replace(/M$/, '000000'));
    else if (a === '--seed') o.seed = next();
    else if (a === '--variant') o.variant = next();
    else if (a === '--mode') o.mode = next();
    else if (a === '--json') o.json = true;
    else o.files.push(a);
  }
  if (!Number.isSafeInteger(o.rounds) || o.rounds < 2) throw new Error('--rounds must be a whole number ≥ 2');
  return o;
}

/** Upper edges (× cost) of the win-size buckets; the last bucket is open. */
const BUCKETS = [0, 1, 5, 20, 100, 1000];
const TOP = 5;

export interface ModeFigures {
  file: string;
  variant: string | null;
  mode: string;
  cost: number;
  rounds: number;
  seed: string;
  rtp: number;
  sd: number;
  skewness: number;
  ci99: [number, number];
  ci999: [number, number];
  target: { target: number; tolerance: number } | null;
  hitFrequency: number;
  components: Record<string, number>;
  freeSpins: { triggers: number; perTrigger: number } | null;
  holdAndWin: number;
  bonus: number;
  capHits: number;
  buckets: number[];
  top: number[];
  /** Evaluations (refills + 1) of each round's last spin, on average. */
  evaluations: number;
  roundsPerCpuSecond: number;
}

function simulateMode(
  file: string,
  text: string,
  variant: string | null,
  mode: string,
  o: Options,
): ModeFigures {
  const game = parseGame(text, { file, variant, mode });
  const flow = new RoundFlow(game);
  const rng = createRng('aes-128-ctr', o.seed, 0);
  const cost = game.cost;
  const bet = game.betCredits;
  let sum = 0;
  let sumSq = 0;
  let sumCube = 0;
  let hits = 0;
  let lines = 0;
  let scatter = 0;
  let freeSpins = 0;
  let holdAndWin = 0;
  let bonus = 0;
  let triggers = 0;
  let spinsPlayed = 0;
  let hwPlayed = 0;
  let bonusPlayed = 0;
  let capHits = 0;
  let evaluations = 0;
  const buckets = new Array<number>(BUCKETS.length + 1).fill(0);
  const top: number[] = [];
  const started = process.cpuUsage();
  for (let i = 0; i < o.rounds; i++) {
    flow.play(rng, null);
    const total = flow.total;
    sum += total;
    sumSq += total * total;
    const xc = total / cost;
    sumCube += xc * xc * xc;
    if (total > 0) hits++;
    lines += flow.lines;
    scatter += flow.scatter;
    freeSpins += flow.freeSpins;
    holdAndWin += flow.holdAndWin;
    bonus += flow.bonus;
    if (flow.freeSpinsTriggered) {
      triggers++;
      spinsPlayed += flow.freeSpinsPlayed;
    }
    if (flow.holdAndWinPlayed) hwPlayed++;
    if (flow.bonusPlayed) bonusPlayed++;
    if (flow.capped) capHits++;
    evaluations += flow.player.evaluations;
    const x = total / cost;
    let b = 0;
    while (b < BUCKETS.length && x > BUCKETS[b]!) b++;
    buckets[b]!++;
    if (top.length < TOP || total > top[top.length - 1]!) {
      top.push(total);
      top.sort((p, q) => q - p);
      if (top.length > TOP) top.pop();
    }
  }
  const used = process.cpuUsage(started);
  const n = o.rounds;
  const mean = sum / n;
  const sdCredits = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
  const rtp = mean / cost;
  const sd = sdCredits / cost;
  // Skewness of one round's win (per credit of cost), for Cochran's rule n > 25·g².
  const m3 = sumCube / n - 3 * rtp * (sumSq / n / (cost * cost)) + 2 * rtp ** 3;
  const skewness = sd > 0 ? m3 / sd ** 3 : 0;
  const half = (z: number) => (z * sd) / Math.sqrt(n);
  const staked = n * cost;
  return {
    file,
    variant,
    mode,
    cost,
    rounds: n,
    seed: o.seed,
    rtp,
    sd,
    skewness,
    ci99: [rtp - half(2.576), rtp + half(2.576)],
    ci999: [rtp - half(3.291), rtp + half(3.291)],
    target: game.rtp,
    hitFrequency: hits / n,
    components: {
      lines: lines / staked,
      scatter: scatter / staked,
      freeSpins: freeSpins / staked,
      holdAndWin: holdAndWin / staked,
      bonus: bonus / staked,
    },
    freeSpins:
      game.freeSpins === null ? null : { triggers, perTrigger: triggers > 0 ? spinsPlayed / triggers : 0 },
    holdAndWin: hwPlayed,
    bonus: bonusPlayed,
    capHits,
    buckets,
    top: top.map((t) => t / bet),
    evaluations: evaluations / n,
    roundsPerCpuSecond: n / ((used.user + used.system) / 1e6),
  };
}

const oneIn = (count: number, n: number): string => (count > 0 ? `1 in ${(n / count).toFixed(1)}` : 'never');

function print(f: ModeFigures): void {
  const p = (x: number, d = 5) => x.toFixed(d);
  const name = `${f.file}${f.variant === null ? '' : ` [${f.variant}]`} mode ${f.mode} (cost ${f.cost})`;
  const target = f.target === null ? 'no target' : `target ${f.target.target} ± ${f.target.tolerance}`;
  console.log(`${name}: ${f.rounds.toLocaleString('en-US')} rounds, seed "${f.seed}"`);
  console.log(
    `  RTP ${p(f.rtp)}  99% ${p(f.ci99[0])}–${p(f.ci99[1])}  99.9% ${p(f.ci999[0])}–${p(f.ci999[1])}  (${target})`,
  );
  console.log(
    `  hit frequency ${p(f.hitFrequency, 4)}, sd per round ${f.sd.toFixed(2)} × cost, skewness ${f.skewness.toFixed(1)} (Cochran: n > ${Math.ceil(25 * f.skewness ** 2).toLocaleString('en-US')})`,
  );
  const c = Object.entries(f.components)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${p(v)}`)
    .join(', ');
  console.log(`  components: ${c}`);
  const features: string[] = [];
  if (f.freeSpins !== null)
    features.push(
      `free spins ${oneIn(f.freeSpins.triggers, f.rounds)} (${f.freeSpins.perTrigger.toFixed(2)} spins)`,
    );
  if (f.holdAndWin > 0) features.push(`hold and win ${oneIn(f.holdAndWin, f.rounds)}`);
  if (f.bonus > 0) features.push(`bonus ${oneIn(f.bonus, f.rounds)}`);
  features.push(`cap ${oneIn(f.capHits, f.rounds)}`);
  console.log(`  ${features.join(', ')}`);
  const labels = [
    '0',
    ...BUCKETS.slice(1).map((b, i) => `${BUCKETS[i]}–${b}×`),
    `>${BUCKETS[BUCKETS.length - 1]}×`,
  ];
  console.log(
    `  wins (× cost): ${labels.map((l, i) => `${l} ${(f.buckets[i]! / f.rounds).toPrecision(3)}`).join(', ')}`,
  );
  console.log(`  largest (× bet): ${f.top.map((t) => t.toFixed(1)).join(', ')}`);
  console.log(
    `  ${(f.roundsPerCpuSecond / 1e3).toFixed(0)} k rounds per CPU-second (one thread); ${f.evaluations.toFixed(2)} evaluations in a round's last spin`,
  );
}

const o = parseArgs(process.argv.slice(2));
const all: ModeFigures[] = [];
for (const file of o.files) {
  const text = readFileSync(file, 'utf8');
  const variants = o.variant !== null ? [o.variant] : [null, ...listVariants(text, { file })];
  for (const variant of variants) {
    const modes = o.mode !== null ? [o.mode] : listModes(text, { file, variant });
    for (const mode of modes) {
      const f = simulateMode(file, text, variant, mode, o);
      all.push(f);
      if (!o.json) print(f);
    }
  }
}
if (o.json) console.log(JSON.stringify(all, null, 2));
