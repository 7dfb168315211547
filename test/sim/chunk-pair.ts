/** One chunk of rounds played by the detailed engine and by the simulator's fast path, for comparison. */
import { playRoundV1 } from '../../src/engine/round.js';
import type { Game } from '../../src/engine/model.js';
import { createRng } from '../../src/rng/index.js';
import { finishChunk, newAccumulator, recordWin } from '../../src/sim/chunk-stats.js';
import { compileFast } from '../../src/sim/fast-game.js';
import { simulateRounds } from '../../src/sim/fast-round.js';

/** Plays rounds through the detailed engine and accumulates exactly what the fast path does. */
export function detailedChunk(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  const acc = newAccumulator();
  for (let i = 0; i < rounds; i++) {
    const o = playRoundV1(game, rng);
    acc.rounds++;
    acc.total += o.total;
    acc.lines += o.components.lines;
    acc.scatter += o.components.scatter;
    acc.freeSpins += o.components.freeSpins;
    acc.bonus += o.components.bonus;
    if (o.freeSpins !== null) {
      acc.freeSpinsTriggers++;
      acc.freeSpinsPlayed += o.freeSpins.spins.length;
    }
    if (o.bonus !== null) acc.bonusTriggers++;
    if (o.capped) acc.capHits++;
    if (o.total > 0) acc.hits++;
    acc.maxWin = Math.max(acc.maxWin, o.total);
    recordWin(acc, o.total);
  }
  // One more draw from each stream: both paths must have consumed exactly the same draws.
  return { stats: finishChunk(acc, 0), next: rng.int(2 ** 32) };
}

export function fastChunk(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  const acc = newAccumulator();
  simulateRounds(compileFast(game), rng, rounds, acc);
  return { stats: finishChunk(acc, 0), next: rng.int(2 ** 32) };
}
