/** Game files read from disk: exact bytes, their SHA-256, and the compiled game. */
import { readFileSync, statSync } from 'node:fs';
import type { Game } from '../engine/model.js';
import { fileErrorReason } from '../errors.js';
import { GameFileError } from './game-error.js';
import { MAX_GAME_FILE_BYTES } from './limits.js';
import { parseGame, sha256Hex } from './parse-game.js';

export interface GameFileText {
  /**
   * The file decoded as UTF-8, byte-order mark kept, so that its UTF-8 encoding is the file's
   * exact bytes: a worker given this text computes the same SHA-256.
   */
  readonly text: string;
  /** SHA-256 (hex) of the file's bytes. */
  readonly sha256: string;
  readonly raw: Uint8Array;
}

/** Reads a game file; throws `GameFileError` (INVALID_GAME) if it cannot be read or is not UTF-8. */
export function readGameFile(path: string): GameFileText {
  let raw: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_GAME_FILE_BYTES) {
      throw new GameFileError(path, [
        {
          path: '',
          message: `a file of ${size.toLocaleString('en-US')} bytes (expected a game file of at most ${MAX_GAME_FILE_BYTES / 2 ** 20} MiB)`,
          location: null,
        },
      ]);
    }
    raw = readFileSync(path);
  } catch (error) {
    if (error instanceof GameFileError) throw error;
    throw new GameFileError(path, [
      { path: '', message: `cannot read the game file (${fileErrorReason(error)})`, location: null },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new GameFileError(path, [
      { path: '', message: 'not a UTF-8 text file (expected JSON in UTF-8)', location: null },
    ]);
  }
  return { text, sha256: sha256Hex(raw), raw };
}

/** Reads, validates and compiles one game of a file, in one variant and mode (see `parseGame`). */
export function loadGame(
  path: string,
  options: { readonly variant?: string | null | undefined; readonly mode?: string | null | undefined } = {},
): Game {
  const { text, sha256 } = readGameFile(path);
  return parseGame(text, {
    file: path,
    variant: options.variant ?? null,
    mode: options.mode ?? null,
    sha256,
  });
}
