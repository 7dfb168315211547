import { RoundFlow } from '../engine/round-flow.js';
import type { Game } from '../engine/model.js';
import { winBounds } from '../game/win-bounds.js';
import type { Rng } from '../rng/rng.js';
import type { ChunkAccumulator } from './chunk-stats.js';
import { carrySums, recordWin } from './chunk-stats.js';
import type { RoundRecorder } from '../engine/round-recorder.js';

/**
 * The simulator's path for a game that uses a format-2 mechanic: the engine's own round flow
 * (`engine/round-flow.ts`), the very code `playRound` runs with its outcome recorder, played with
 * no recorder — then a round allocates nothing and leaves its figures in the flow's fields. One
 * design, not two: a mechanic added to the engine is simulated with no change here.
 * `test/sim/flow-round.test.ts` plays seeded rounds through `playRound` and through this path and
 * compares every total.
 */
export interface FlowGame {
  readonly game: Game;
  readonly flow: RoundFlow;
  /**
   * Rounds whose credits sums cannot pass 2^53 − 1 (each round wins at most the game's round bound,
   * `win-bounds.ts`): a chunk is played in runs of this many, its sums carried into bigints between.
   */
  readonly roundsPerRun: number;
}

export function compileFlow(game: Game): FlowGame {
  return {
    game,
    flow: new RoundFlow(game),
    roundsPerRun: Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, winBounds(game).round))),
  };
}

// Indexes of `SQUARED` (square-sums.ts).
const LINES = 0;
const SCATTER = 1;
const FREE_SPINS = 2;
const BONUS = 3;
const HOLD_AND_WIN = 4;
const FREE_SPINS_PLAYED = 5;

/**
 * Plays `rounds` rounds of the game's mode, drawing from `rng`, and adds them to `acc` (with
 * `recorder`, each round also reports to it: certify's per-round detail, which draws nothing).
 */
export function simulateFlowRounds(
  sim: FlowGame,
  rng: Rng,
  rounds: number,
  acc: ChunkAccumulator,
  recorder: RoundRecorder | null = null,
): void {
  const flow = sim.flow;
  const squares = acc.squares;
  for (let round = 0; round < rounds; round++) {
    flow.play(rng, recorder);
    const total = flow.total;
    const lines = flow.lines;
    const scatter = flow.scatter;
    const freeSpins = flow.freeSpins;
    const bonus = flow.bonus;
    const holdAndWin = flow.holdAndWin;
    acc.rounds++;
    acc.total += total;
    acc.lines += lines;
    acc.scatter += scatter;
    acc.freeSpins += freeSpins;
    acc.bonus += bonus;
    acc.holdAndWin += holdAndWin;
    if (flow.freeSpinsTriggered) {
      acc.freeSpinsTriggers++;
      acc.freeSpinsPlayed += flow.freeSpinsPlayed;
    }
    if (flow.bonusPlayed) acc.bonusTriggers++;
    if (flow.holdAndWinPlayed) acc.holdAndWinTriggers++;
    if (total > 0) acc.hits++;
    if (flow.capped) acc.capHits++;
    recordWin(acc, total);
    if (squares !== null) {
      squares.add(LINES, lines);
      squares.add(SCATTER, scatter);
      squares.add(FREE_SPINS, freeSpins);
      squares.add(BONUS, bonus);
      squares.add(HOLD_AND_WIN, holdAndWin);
      squares.add(FREE_SPINS_PLAYED, flow.freeSpinsPlayed);
    }
  }
}

/** `simulateFlowRounds` in runs of `sim.roundsPerRun`, the credits sums carried after each (exact). */
export function simulateFlowRoundsExactly(
  sim: FlowGame,
  rng: Rng,
  rounds: number,
  acc: ChunkAccumulator,
): void {
  for (let left = rounds; left > 0; left -= sim.roundsPerRun) {
    simulateFlowRounds(sim, rng, Math.min(left, sim.roundsPerRun), acc);
    carrySums(acc);
  }
}
