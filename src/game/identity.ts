import type { Game } from '../engine/model.js';

/** Which game a record, report or figure is of: its id, version, variant and file hash. */
export interface GameIdentity {
  readonly id: string;
  readonly version: string;
  /** The variant played; null for the game as written. */
  readonly variant: string | null;
  /** SHA-256 (hex) of the game file's bytes. */
  readonly sha256: string;
}

/** The same with the game's display name, as reports show it. */
export interface NamedGameIdentity extends GameIdentity {
  readonly name: string;
}

export function gameIdentity(game: Game): GameIdentity {
  return { id: game.id, version: game.version, variant: game.variant, sha256: game.sha256 };
}

/** The name comes last, after the members `simulate --json` documents (shared/spec/cli.md). */
export function namedGameIdentity(game: Game): NamedGameIdentity {
  return { ...gameIdentity(game), name: game.name };
}
