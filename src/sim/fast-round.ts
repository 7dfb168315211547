import type { Rng } from '../rng/rng.js';
import type { ChunkAccumulator } from './chunk-stats.js';
import { carrySums, recordWin } from './chunk-stats.js';
import type { FastGame } from './fast-game.js';

export { searchStop } from '../engine/static-reels.js';

/**
 * The simulator's hot loop: the engine's own round flow (`engine/round-flow.ts`) with no recorder,
 * so the rounds are exactly the engine's — same draws in the same order, same wins, same cap —
 * while the windows are paid from the mechanic's static kernel. `test/sim/fast-round.test.ts`
 * plays millions of seeded rounds through both and compares every total.
 */

/** Plays `rounds` paid rounds, drawing from `rng`, and adds them to `acc`. */
export function simulateRounds(fast: FastGame, rng: Rng, rounds: number, acc: ChunkAccumulator): void {
  const flow = fast.flow;
  for (let round = 0; round < rounds; round++) {
    flow.play(rng, null);
    const total = flow.total;
    if (flow.bonusPlayed) acc.bonusTriggers++;
    if (flow.freeSpinsTriggered) {
      acc.freeSpinsTriggers++;
      acc.freeSpinsPlayed += flow.freeSpinsPlayed;
    }
    acc.rounds++;
    acc.total += total;
    acc.lines += flow.lines;
    acc.scatter += flow.scatter;
    acc.bonus += flow.bonus;
    acc.freeSpins += flow.freeSpins;
    if (total > 0) acc.hits++;
    if (flow.capped) acc.capHits++;
    recordWin(acc, total);
  }
}

/**
 * `simulateRounds`, in runs of `fast.roundsPerRun` rounds with the credits sums carried into bigints
 * after each, so that they stay exact however much the rounds win. The same rounds, on the same
 * stream: a run continues where the previous one stopped.
 */
export function simulateRoundsExactly(fast: FastGame, rng: Rng, rounds: number, acc: ChunkAccumulator): void {
  for (let left = rounds; left > 0; left -= fast.roundsPerRun) {
    simulateRounds(fast, rng, Math.min(left, fast.roundsPerRun), acc);
    carrySums(acc);
  }
}
