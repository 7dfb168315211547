/**
 * A quick local measure of the format-2 round flow's speed (not a test; speed is never asserted):
 * rounds per second on one core, with no recorder (the simulator's path) and with the outcome
 * recorder (play and replay), for a 5×3 tumbling lines game and a 7×7 cluster game with tumbles.
 *
 *   node --import tsx test/engine/format2-speed.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import { RoundFlow } from '../../src/engine/round-flow.js';
import { playRoundV2 } from '../../src/engine/round.js';
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';

/** Starfall 20 (5×3, 20 lines) relabelled slotsim/2, tumbling with a strip refill and a ladder. */
function tumblingLines(): Game {
  const file = JSON.parse(readFileSync('configs/starfall-20.json', 'utf8')) as Record<string, unknown>;
  delete file.$schema;
  file.format = 'slotsim/2';
  file.cascade = { refill: 'strip', maxCascades: 20, ladder: [1, 2, 3, 5] };
  return parseGame(JSON.stringify(file), { file: 'tumbling-lines.json' });
}

/** A 7×7 cluster game: 7 paying symbols, a wild, a multiplier symbol, tumbles with a strip refill. */
function cluster7x7(): Game {
  const ids = ['H1', 'H2', 'H3', 'L1', 'L2', 'L3', 'L4', 'L5'];
  const weights = [4, 5, 6, 7, 8, 9, 10, 11];
  const strips = Array.from({ length: 7 }, (_, r) => {
    const strip: string[] = [];
    ids.forEach((id, i) => {
      for (let k = 0; k < weights[i]!; k++) strip.push(id);
    });
    strip.push('WILD', 'WILD', 'MULT');
    // A fixed shuffle per reel.
    let state = 12345 + r;
    for (let i = strip.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const j = state % (i + 1);
      [strip[i], strip[j]] = [strip[j]!, strip[i]!];
    }
    return strip;
  });
  const file = {
    format: 'slotsim/2',
    id: 'cluster-7x7',
    name: 'Cluster 7×7',
    version: '1',
    grid: { reels: 7, rows: 7 },
    bet: { credits: 20, lineBet: 2 },
    evaluation: 'cluster',
    symbols: {
      ...Object.fromEntries(ids.map((id) => [id, {}])),
      WILD: { wild: true },
      MULT: {
        multiplierSymbol: [
          { value: 2, weight: 60 },
          { value: 5, weight: 30 },
          { value: 10, weight: 10 },
        ],
      },
    },
    pays: ids.map((id, i) => ({
      symbol: id,
      pays: { '5-6': 1.5 * (8 - i), '7-9': 5 * (8 - i), '10-14': 15 * (8 - i), '15+': 75 * (8 - i) },
    })),
    reelSets: { base: strips },
    cascade: { refill: 'strip', maxCascades: 50, ladder: [1] },
  };
  return parseGame(JSON.stringify(file), { file: 'cluster-7x7.json' });
}

/** CPU seconds of this process (user + system) since `from`: steadier than the wall clock on a shared host. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

function measure(name: string, game: Game, rounds: number): void {
  const flow = new RoundFlow(game);
  // Warm up, then time the recorder-free flow (best of three, CPU time).
  const warm = createRng('aes-128-ctr', 'warm', 0);
  for (let i = 0; i < 50_000; i++) flow.play(warm, null);
  let best = 0;
  let won = 0;
  let evaluations = 0;
  for (let run = 0; run < 3; run++) {
    const rng = createRng('aes-128-ctr', 'speed', run);
    won = 0;
    evaluations = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < rounds; i++) {
      flow.play(rng, null);
      won += flow.total;
      evaluations += flow.player.evaluations;
    }
    best = Math.max(best, rounds / cpuSeconds(start));
  }
  const recorded = Math.min(rounds, 200_000);
  const rng2 = createRng('aes-128-ctr', 'speed', 0);
  const start2 = process.cpuUsage();
  for (let i = 0; i < recorded; i++) playRoundV2(game, rng2);
  const recordedRate = recorded / cpuSeconds(start2);
  console.log(
    `${name}: ${(best / 1e6).toFixed(2)} M rounds/s per CPU-second without a recorder ` +
      `(RTP ${(won / rounds / game.cost).toFixed(4)}, ${(evaluations / rounds).toFixed(2)} evaluations in a round's last spin); ` +
      `${(recordedRate / 1e3).toFixed(0)} k rounds/s with the outcome recorder`,
  );
}

const rounds = Number(process.argv[2] ?? 2_000_000);
measure('5×3 tumbling lines (starfall-20 + cascade)', tumblingLines(), rounds);
measure('7×7 cluster with tumbles', cluster7x7(), Math.floor(rounds / 4));
