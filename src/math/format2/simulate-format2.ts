/**
 * The simulation that stands in for the figures of a format-2 game the exact analysis cannot give:
 * rounds of the mode played through the engine's own round flow (no recorder), in chunks of
 * 100,000 rounds, chunk i drawing from stream i of the seed — so the figures depend on the game,
 * the seed, the generator and the number of rounds only. One thread: the format-2 simulator on the
 * worker pool (`slotsim simulate`) replaces it where it is available.
 */
import { RoundFlow } from '../../engine/round-flow.js';
import type { Game } from '../../engine/model.js';
import { SlotsimError } from '../../errors.js';
import { createRng } from '../../rng/index.js';
import type { RngName } from '../../rng/index.js';
import { interval } from '../../stats/confidence.js';

const CHUNK = 100_000;

import type { SimulatedMean } from './format2-types-sim.js';

export interface Format2Simulation {
  readonly rounds: number;
  readonly seed: string;
  readonly rng: RngName;
  readonly elapsedSeconds: number;
  readonly rtp: SimulatedMean;
  readonly components: {
    readonly lines: SimulatedMean;
    readonly scatter: SimulatedMean;
    readonly bonus: SimulatedMean;
    readonly holdAndWin: SimulatedMean;
    readonly freeSpins: SimulatedMean;
  };
  /** sd of a round's win ÷ cost. */
  readonly sd: number;
  readonly hitFrequency: SimulatedMean;
  readonly pFreeSpins: SimulatedMean;
  readonly pBonus: SimulatedMean;
  readonly pHoldAndWin: SimulatedMean;
  readonly capRate: SimulatedMean;
  /** Free spins played per round that played them. */
  readonly spinsPerTrigger: number;
}

const KEYS = [
  'total',
  'lines',
  'scatter',
  'bonus',
  'holdAndWin',
  'freeSpins',
  'hit',
  'fs',
  'bonusHit',
  'hw',
  'capped',
  'spins',
] as const;
type Key = (typeof KEYS)[number];

export async function simulateFormat2(
  game: Game,
  options: {
    readonly rounds: number;
    readonly seed: string;
    readonly rng: RngName;
    readonly signal?: AbortSignal;
  },
): Promise<Format2Simulation> {
  const started = performance.now();
  const flow = new RoundFlow(game);
  const sum = Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<Key, number>;
  const square = Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<Key, number>;
  const add = (k: Key, x: number): void => {
    sum[k] += x;
    square[k] += x * x;
  };
  for (let chunk = 0, done = 0; done < options.rounds; chunk++) {
    if (options.signal?.aborted) throw new SlotsimError('INTERRUPTED', 'simulation interrupted');
    const rng = createRng(options.rng, options.seed, chunk);
    const n = Math.min(CHUNK, options.rounds - done);
    for (let i = 0; i < n; i++) {
      flow.play(rng, null);
      add('total', flow.total);
      add('lines', flow.lines);
      add('scatter', flow.scatter);
      add('bonus', flow.bonus);
      add('holdAndWin', flow.holdAndWin);
      add('freeSpins', flow.freeSpins);
      if (flow.total > 0) add('hit', 1);
      if (flow.freeSpinsTriggered) add('fs', 1);
      if (flow.bonusPlayed) add('bonusHit', 1);
      if (flow.holdAndWinPlayed) add('hw', 1);
      if (flow.capped) add('capped', 1);
      add('spins', flow.freeSpinsPlayed);
    }
    done += n;
    // Let an interrupt through between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const n = options.rounds;
  const mean = (k: Key, scale: number): SimulatedMean => {
    const m = sum[k] / n;
    const sd = Math.sqrt(Math.max(0, square[k] / n - m * m));
    const [lo, hi] = interval(m / scale, sd / scale, n, 99);
    return { value: m / scale, interval99: [lo, hi] };
  };
  const cost = game.cost;
  const totalMean = sum.total / n;
  return {
    rounds: n,
    seed: options.seed,
    rng: options.rng,
    elapsedSeconds: (performance.now() - started) / 1000,
    rtp: mean('total', cost),
    components: {
      lines: mean('lines', cost),
      scatter: mean('scatter', cost),
      bonus: mean('bonus', cost),
      holdAndWin: mean('holdAndWin', cost),
      freeSpins: mean('freeSpins', cost),
    },
    sd: Math.sqrt(Math.max(0, square.total / n - totalMean * totalMean)) / cost,
    hitFrequency: mean('hit', 1),
    pFreeSpins: mean('fs', 1),
    pBonus: mean('bonusHit', 1),
    pHoldAndWin: mean('hw', 1),
    capRate: mean('capped', 1),
    spinsPerTrigger: sum.fs > 0 ? sum.spins / sum.fs : 0,
  };
}
