import type { Game } from '../engine/model.js';
import { parseGame } from '../game/index.js';
import { gameContentSha256 } from './game-content.js';

/** A game file as read for verification: its exact text and the SHA-256 of its bytes. */
export interface GameFileInput {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

/** The mode every game has: the game as written. */
const BASE = 'base';

/**
 * The compiled games of one file, by variant and bet mode, compiled on first use. Compiling the
 * game as written up front validates the file (an invalid game file throws INVALID_GAME).
 */
export class GameVariants {
  readonly file: GameFileInput;
  readonly base: Game;
  /** By variant (null: the game as written), then by mode. Looked up for every round. */
  private readonly compiled = new Map<string | null, Map<string, Game>>();

  constructor(file: GameFileInput) {
    this.file = file;
    this.base = parseGame(file.text, { file: file.path, variant: null, sha256: file.sha256 });
    this.compiled.set(null, new Map([[BASE, this.base]]));
  }

  private content: string | null | undefined;

  /** SHA-256 of the file's canonical content (game-content.ts). */
  get contentSha256(): string | null {
    this.content ??= gameContentSha256(this.file.text);
    return this.content;
  }

  /** The file's variants. */
  get names(): readonly string[] {
    return this.base.variants;
  }

  /** Whether the file defines the variant (null: the game as written) and, in it, the mode. */
  has(variant: string | null, mode: string = BASE): boolean {
    if (variant !== null && !this.base.variants.includes(variant)) return false;
    return mode === BASE || this.modes(variant).includes(mode);
  }

  /** The modes of a variant the file defines, "base" first (check `has(variant)` first). */
  modes(variant: string | null): readonly string[] {
    return this.get(variant).modes;
  }

  /** The compiled game of a variant and mode the file defines (check `has` first). */
  get(variant: string | null, mode: string = BASE): Game {
    let modes = this.compiled.get(variant);
    if (modes === undefined) {
      modes = new Map();
      this.compiled.set(variant, modes);
    }
    let game = modes.get(mode);
    if (game === undefined) {
      game = parseGame(this.file.text, { file: this.file.path, variant, mode, sha256: this.file.sha256 });
      modes.set(mode, game);
    }
    return game;
  }
}
