import type { Game } from '../engine/model.js';
import { parseGame } from '../game/index.js';
import { gameContentSha256 } from './game-content.js';

/** A game file as read for verification: its exact text and the SHA-256 of its bytes. */
export interface GameFileInput {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

/**
 * The compiled games of one file, by variant, compiled on first use. Compiling the game as
 * written up front validates the file (an invalid game file throws INVALID_GAME).
 */
export class GameVariants {
  readonly file: GameFileInput;
  readonly base: Game;
  private readonly compiled = new Map<string | null, Game>();

  constructor(file: GameFileInput) {
    this.file = file;
    this.base = parseGame(file.text, { file: file.path, variant: null, sha256: file.sha256 });
    this.compiled.set(null, this.base);
  }

  private content: string | null | undefined;

  /** SHA-256 of the file's canonical content (game-content.ts). */
  get contentSha256(): string | null {
    this.content ??= gameContentSha256(this.file.text);
    return this.content;
  }

  get names(): readonly string[] {
    return this.base.variants;
  }

  has(variant: string | null): boolean {
    return variant === null || this.base.variants.includes(variant);
  }

  /** The compiled game of a variant the file defines (check `has` first). */
  get(variant: string | null): Game {
    let game = this.compiled.get(variant);
    if (game === undefined) {
      game = parseGame(this.file.text, { file: this.file.path, variant, sha256: this.file.sha256 });
      this.compiled.set(variant, game);
    }
    return game;
  }
}
