/**
 * Upper bounds on what a compiled game can pay. A classic game's live with the engine
 * (`engine/win-bounds.ts`: the simulator's kernels size their tables by them), a format-2
 * mechanic's in `win-bounds-v2.ts`; `winBounds` picks the one that applies.
 */
import { format2Mechanic } from '../engine/classic.js';
import type { Game } from '../engine/model.js';
import { classicWinBounds, type WinBounds } from '../engine/win-bounds.js';
import { winBoundsV2 } from './win-bounds-v2.js';

export * from '../engine/win-bounds.js';

/** The bounds of a game: `classicWinBounds` for a classic game, `winBoundsV2` for a game using a format-2 mechanic. */
export function winBounds(game: Game): WinBounds {
  return format2Mechanic(game) === null ? classicWinBounds(game) : winBoundsV2(game);
}
