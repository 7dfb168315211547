/**
 * Format 1's ways evaluation API, derived from the ways mechanic's reference evaluation
 * (src/engine/mechanics/ways/).
 */
import { evaluateWindow } from './spin.js';
import type { Game } from './model.js';

/** One ways rule's win before the free-spin multiplier and the cap. */
export interface WaysMatch {
  readonly rule: number;
  /** Reels in the run. */
  readonly count: number;
  /** Ways that pay, each weighted by its wilds' multipliers: Πn − Πm (a wild's own rule: Πn). */
  readonly ways: number;
  /** Credits: pay × ways. */
  readonly win: number;
}

/** Every ways rule evaluated on the window (`window[reel][row]`); the wins add up. */
export function waysMatches(game: Game, window: readonly (readonly number[])[]): WaysMatch[] {
  const matches: WaysMatch[] = [];
  for (const w of evaluateWindow(game, window).wins) {
    if (w.kind === 'ways') matches.push({ rule: w.rule, count: w.count, ways: w.ways, win: w.win });
  }
  return matches;
}
