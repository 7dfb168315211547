import type { Game, Reel, ReelSet } from '../../src/engine/model.js';

function truncateReel(reel: Reel, stops: number): Reel {
  if (reel.strip.length <= stops) return reel;
  const strip = reel.strip.slice(0, stops);
  const weights = reel.weights?.slice(0, stops) ?? null;
  const cumulative =
    weights === null ? null : weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
  return { strip, weights, cumulative, drawBound: cumulative?.at(-1) ?? strip.length };
}

/**
 * The same game — symbols, pays, paylines, features — on reels cut to their first `stops` stops:
 * a different game, but one whose cycle is small enough to enumerate in a test, so the per-reel
 * analysis and the enumeration can be compared on every bundled game's rules.
 */
export function truncated(game: Game, stops: number): Game {
  const sets = new Map<ReelSet, ReelSet>();
  const cut = (set: ReelSet): ReelSet => {
    let out = sets.get(set);
    if (out === undefined) {
      out = { name: set.name, reels: set.reels.map((reel) => truncateReel(reel, stops)) };
      sets.set(set, out);
    }
    return out;
  };
  return {
    ...game,
    reelSets: Object.fromEntries(Object.entries(game.reelSets).map(([name, set]) => [name, cut(set)])),
    baseReelSet: cut(game.baseReelSet),
    freeSpins: game.freeSpins === null ? null : { ...game.freeSpins, reelSet: cut(game.freeSpins.reelSet) },
  };
}
