import type { Game } from '../engine/model.js';
import { readGameFile, parseGame } from '../game/index.js';

/** Reads and validates a game file for a command: the compiled game (one variant and mode) and the exact text. */
export function openGame(
  file: string,
  variant: string | null,
  mode: string | null = null,
): { game: Game; text: string } {
  const { text, sha256 } = readGameFile(file);
  return { game: parseGame(text, { file, variant, mode, sha256 }), text };
}
