import type { Game, ReelSet } from '../engine/model.js';

/**
 * Every reel set of the game as a PAR sheet lists it: each reel's strip in order, with its weights,
 * and how many stops (and how much weight) each symbol has on each reel. Data only.
 */
export interface ReelStripSet {
  readonly name: string;
  /** "paid spins", "free spins"; empty when the game as certified never spins this set. */
  readonly usedFor: readonly string[];
  readonly reels: readonly ReelStrip[];
}

export interface ReelStrip {
  /** Symbol id of every stop, in strip order (stop 0 first). */
  readonly strip: readonly string[];
  /** One weight per stop, or null for an unweighted strip (every stop weighs 1). */
  readonly weights: readonly number[] | null;
  /** The draw bound: the strip length, or the sum of the weights. */
  readonly drawBound: number;
  /** Per symbol on this reel, in the game's symbol order: stops showing it and their total weight. */
  readonly counts: readonly { readonly symbol: string; readonly stops: number; readonly weight: number }[];
}

function reelStrip(game: Game, reel: ReelSet['reels'][number]): ReelStrip {
  const stops = new Array<number>(game.symbols.length).fill(0);
  const weight = new Array<number>(game.symbols.length).fill(0);
  reel.strip.forEach((s, i) => {
    stops[s]!++;
    weight[s]! += reel.weights?.[i] ?? 1;
  });
  return {
    strip: reel.strip.map((s) => game.symbols[s]!.id),
    weights: reel.weights === null ? null : [...reel.weights],
    drawBound: reel.drawBound,
    counts: game.symbols.flatMap((s) =>
      stops[s.index]! > 0 ? [{ symbol: s.id, stops: stops[s.index]!, weight: weight[s.index]! }] : [],
    ),
  };
}

/** The game's reel sets, the paid spins' first, then the free spins', then any other, by name. */
export function reelStripSets(game: Game): ReelStripSet[] {
  const free = game.freeSpins?.reelSet ?? null;
  const usedFor = (set: ReelSet): string[] => [
    ...(set === game.baseReelSet ? ['paid spins'] : []),
    ...(set === free ? ['free spins'] : []),
  ];
  const order = (set: ReelSet): number => (set === game.baseReelSet ? 0 : set === free ? 1 : 2);
  return Object.values(game.reelSets)
    .map((set, i) => ({ set, i }))
    .sort((a, b) => order(a.set) - order(b.set) || a.i - b.i)
    .map(({ set }) => ({
      name: set.name,
      usedFor: usedFor(set),
      reels: set.reels.map((reel) => reelStrip(game, reel)),
    }));
}
