import { refuseFormat2Mechanics } from '../engine/classic.js';
import type { GameKernel } from '../engine/mechanics/static-kernel.js';
import type { Game } from '../engine/model.js';
import { RoundFlow } from '../engine/round-flow.js';
import { StaticSpinPlayer } from '../engine/static-spin-player.js';
import type { StaticReels } from '../engine/static-reels.js';
import { winBounds } from '../game/win-bounds.js';
import { SlotsimError } from '../errors.js';
import { MAX_SYMBOLS } from '../game/limits.js';

/**
 * A game compiled for the simulator: the engine's own round flow, whose static spin player pays
 * windows from its mechanic's kernel (tables filled by the reference evaluation). Built once per
 * worker; `fast-round.ts` plays rounds on it without allocating.
 */

/** A reel set as the static spin player compiled it (draw → stop, per-stop counts). */
export type FastReelSet = StaticReels;

export interface FastGame {
  readonly game: Game;
  /**
   * Rounds whose credits sums cannot pass 2^53 − 1 (each round wins at most the game's round bound,
   * `win-bounds.ts`): the fast path plays a chunk in runs of this many and carries the sums into
   * bigints between them. More than a chunk for every real game.
   */
  readonly roundsPerRun: number;
  /** The round flow, its spin player and its mechanic's kernel (compiled eagerly). */
  readonly flow: RoundFlow;
  readonly player: StaticSpinPlayer;
  readonly kernel: GameKernel;
  readonly base: FastReelSet;
  readonly free: FastReelSet | null;
}

export function compileFast(game: Game): FastGame {
  refuseFormat2Mechanics(game, 'the simulator');
  // The loader refuses more (limits.ts); a game built by hand past it is a caller's bug.
  if (game.symbols.length > MAX_SYMBOLS) {
    throw new SlotsimError('INTERNAL', `the simulator supports at most ${MAX_SYMBOLS} symbols`);
  }
  const flow = new RoundFlow(game);
  const player = flow.player;
  if (!(player instanceof StaticSpinPlayer)) {
    throw new SlotsimError('INTERNAL', `the simulator has no static kernel for game "${game.id}"`);
  }
  const roundBound = winBounds(game).round;
  return {
    game,
    roundsPerRun: Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, roundBound))),
    flow,
    player,
    kernel: player.compileKernel(),
    base: player.base,
    free: player.free,
  };
}
