import type { Game } from '../engine/model.js';
import { readGameFile, parseGame } from '../game/index.js';

/**
 * Reads and validates a game file for a command: the compiled game (of a variant and a bet mode,
 * "base" by default) and the exact text. An unknown variant or mode is bad input naming those there are.
 */
export function openGame(
  file: string,
  variant: string | null,
  mode: string | null = null,
): { game: Game; text: string } {
  const { text, sha256 } = readGameFile(file);
  return { game: parseGame(text, { file, variant, sha256, mode }), text };
}

/** ", mode buy (2,000 credits a round)" for a game of another mode than "base"; "" for "base". */
export function modeNote(game: Game): string {
  return game.mode === 'base'
    ? ''
    : `, mode ${game.mode} (${game.cost.toLocaleString('en-US')} credits a round)`;
}
