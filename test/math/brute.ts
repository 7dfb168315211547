import { bonusTriggered } from '../../src/engine/bonus.js';
import type { Game, ReelSet } from '../../src/engine/model.js';
import { evaluateWindow } from '../../src/engine/spin.js';
import { countInWindow, windowOf } from '../../src/engine/stops.js';

/**
 * Brute force through the engine itself: every stop combination of a reel set, with its weight
 * (the product of its stops' weights), and the window the engine shows for it.
 */
export function forEachWindow(
  game: Game,
  set: ReelSet,
  visit: (window: number[][], weight: bigint, stops: readonly number[]) => void,
): void {
  const stops = set.reels.map(() => 0);
  for (;;) {
    let weight = 1n;
    set.reels.forEach((reel, r) => {
      weight *= BigInt(reel.weights === null ? 1 : reel.weights[stops[r]!]!);
    });
    visit(windowOf(set, stops, game.rows), weight, stops);
    let r = set.reels.length - 1;
    while (r >= 0 && stops[r]! + 1 >= set.reels[r]!.strip.length) stops[r--] = 0;
    if (r < 0) return;
    stops[r]!++;
  }
}

/** A spin's raw win in credits (line or ways + scatter, no cap, no multiplier). */
export function spinWin(game: Game, window: readonly (readonly number[])[]): number {
  const wins = evaluateWindow(game, window);
  return wins.wins.reduce((s, w) => s + w.win, 0) + (wins.scatter?.win ?? 0);
}

/** The engine's view of a paid spin's class: (award cut to maxSpins, bonus triggered). */
export function paidClass(
  game: Game,
  window: readonly (readonly number[])[],
): { spins: number; bonus: boolean } {
  const fs = game.freeSpins;
  const spins = fs === null ? 0 : Math.min(fs.awards[countInWindow(window, fs.symbol)] ?? 0, fs.maxSpins);
  return { spins, bonus: bonusTriggered(game, window) };
}
