import type { Game } from '../engine/model.js';

/**
 * Which game a log and each of its records are of: what verify replays the rounds on. Written out
 * member by member (not taken from the reports' game identity) so that a format-1 game's records
 * keep their bytes whatever the reports come to say about a game.
 */
export interface GameIdentity {
  readonly id: string;
  readonly version: string;
  /** The variant played; null for the game as written. */
  readonly variant: string | null;
  /** SHA-256 (hex) of the game file's bytes. */
  readonly sha256: string;
  /**
   * A format-2 game's bet mode ("base" for the game as written). A format-1 game's records have
   * no `mode` member: such a game has only its base mode, and its records stay as they were.
   */
  readonly mode?: string;
}

/** The identity the records of a game's rounds carry. */
export function loggedGameIdentity(game: Game): GameIdentity {
  const identity = { id: game.id, version: game.version, variant: game.variant, sha256: game.sha256 };
  return game.format === 1 ? identity : { ...identity, mode: game.mode };
}

/** The mode a record names: its `mode`, or "base" for a format-1 record (which names none). */
export function modeOf(identity: GameIdentity): string {
  return identity.mode ?? 'base';
}
