/**
 * What the round flow asks of a spin player, and which player a game gets. A spin player plays one
 * spin (drawing exactly what the spec's draw order says) and leaves its results in its fields;
 * with a recorder attached it also tells the recorder what happened, as a grid of cells.
 *
 * - `StaticSpinPlayer` (static-spin-player.ts): a game whose spins are static — the classic
 *   mechanics, every format-1 game and every `slotsim/2` file that uses no new mechanic. Without a
 *   recorder it pays a window from its mechanic's static kernel (the simulator's speed); with one,
 *   through the reference evaluation on the grid.
 * - `GridSpinPlayer` (spin-player.ts): every other game — cascades, heights, drawn values, sticky
 *   and expanding wilds, cluster and pay-anywhere — always on the grid.
 */
import { format2Mechanic } from './classic.js';
import { payMechanic } from './mechanics/registry.js';
import type { Rng } from '../rng/rng.js';
import type { RoundRecorder, SpinSummary } from './round-recorder.js';
import { GridSpinPlayer } from './spin-player.js';
import type { SpinTables } from './spin-tables.js';
import { StaticSpinPlayer } from './static-spin-player.js';

export interface SpinPlayer extends SpinSummary {
  /** The reel sets' names: paid spins, free spins (null without free spins). */
  readonly baseName: string;
  readonly freeName: string | null;
  /** The last spin's pay wins × factor × multiplier, and its scatter win × multiplier (before the cap). */
  readonly pay: number;
  readonly scatter: number;
  /** The trigger counts whose award (paid spin) or retrigger (free spin) entry applied, in window order. */
  readonly awardCounts: Int32Array;
  readonly awardParts: number;
  /** Paid spin: a bonus `line` trigger; the `anywhere` trigger symbol's count. */
  readonly bonusLine: boolean;
  readonly bonusCount: number;
  /** Paid spin: the hold-and-win trigger symbol's cells (1) and their count. */
  readonly coinCells: Uint8Array;
  readonly coinCount: number;
  /** Windows the last spin evaluated (its refills + 1). */
  readonly evaluations: number;
  /** Starts a free-spin feature (meter, sticky wilds, the ladder's feature count). */
  resetFeature(): void;
  /** Plays a paid spin, or a free spin when `free`, its wins × `multiplier` (the free-spin multiplier). */
  play(rng: Rng, free: boolean, multiplier: number, rec: RoundRecorder | null): void;
}

/** The spin player of `tables.game`: static when its spins are and its mechanic has a static kernel. */
export function spinPlayerOf(tables: SpinTables): SpinPlayer {
  const game = tables.game;
  const kernel = payMechanic(game.evaluation).fastKernel;
  return kernel !== null && format2Mechanic(game) === null
    ? new StaticSpinPlayer(tables, kernel)
    : new GridSpinPlayer(tables);
}
