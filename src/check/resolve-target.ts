import type { Game } from '../engine/model.js';
import type { RtpTarget } from '../certify/verdict-rtp-target.js';

export interface TargetFlags {
  readonly target: number | null;
  readonly tolerance: number | null;
}

/**
 * The target and tolerance a game is checked against: the game's (or its variant's) `rtp` key,
 * each part replaced by `--target` / `--tolerance` when given. Null when neither says both.
 */
export function resolveTarget(game: Game, flags: TargetFlags): RtpTarget | null {
  const target = flags.target ?? game.rtp?.target ?? null;
  const tolerance = flags.tolerance ?? game.rtp?.tolerance ?? null;
  if (target === null || tolerance === null) return null;
  const fromFlags = flags.target !== null || flags.tolerance !== null;
  const fromGame = game.rtp !== null && (flags.target === null || flags.tolerance === null);
  return {
    target,
    tolerance,
    source: fromFlags && fromGame ? 'declared and command line' : fromFlags ? 'command line' : 'declared',
  };
}
