import { format2Mechanic } from '../engine/classic.js';
import type { Game } from '../engine/model.js';
import type { FastGame } from './fast-game.js';
import { compileFast } from './fast-game.js';
import type { FlowGame } from './flow-round.js';
import { compileFlow } from './flow-round.js';

/**
 * A game compiled for the simulator: a classic game (everything format 1 can say) on the fast
 * path's lookup tables (`fast-game.ts`, unchanged), a game using a format-2 mechanic on the
 * engine's round flow (`flow-round.ts`). The figures of either are exact integer sums.
 */
export type SimGame =
  { readonly kind: 'classic'; readonly fast: FastGame } | { readonly kind: 'flow'; readonly flow: FlowGame };

export function compileSim(game: Game): SimGame {
  return format2Mechanic(game) === null
    ? { kind: 'classic', fast: compileFast(game) }
    : { kind: 'flow', flow: compileFlow(game) };
}
