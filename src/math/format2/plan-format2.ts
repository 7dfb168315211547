/**
 * What the exact analysis of a format-2 game can enumerate within the budget, and how: per reel set
 * (the paid spin's, the free spins'), whether its spins are enumerable at all, and how its value
 * draws are treated.
 *
 * - `"redraw"` refills draw new stops during a spin: not enumerated (simulated).
 * - Free spins with a meter, sticky wilds or `ladderScope: "feature"` are not independent spins of
 *   one reel set: not enumerated (simulated).
 * - Value draws are enumerated (every path) when the spins that makes fit the budget; else, where
 *   the win is linear in a symbol's values (ruling 35: multiplier symbols; random wilds of ways,
 *   clusters and pay anywhere with `"product"`, an expanding one only in ways), its table is
 *   replaced by the two-point table of the same mean (exact expectations, not the distribution);
 *   else the reel set is not enumerated.
 */
import type { Game, ReelSet, SymbolInfo } from '../../engine/model.js';
import type { ValueTreatment } from './spin-distribution.js';
import type { SpinRole } from './spin-enumerator.js';
import { spinSpace, twoPointList, valueBounds } from './spin-space.js';

/** The default budget: combinations (spins, value paths included) the enumeration may visit. */
export const SPIN_BUDGET = 2_000_000_000;

export type RolePlan =
  | {
      readonly role: SpinRole;
      readonly set: ReelSet;
      readonly enumerate: true;
      readonly values: ValueTreatment;
      /** The symbols whose tables are replaced by their two-point tables. */
      readonly twoPoint: readonly number[];
      readonly combinations: number;
      /** Expected spins played per combination (value paths at the reveal). */
      readonly branches: number;
    }
  | { readonly role: SpinRole; readonly set: ReelSet; readonly enumerate: false; readonly reason: string };

/** Whether a win is linear in this symbol's drawn values (format-2 ruling 35). */
export function linearInValues(game: Game, symbol: SymbolInfo): boolean {
  if (symbol.multiplierSymbol !== null) return true;
  if (symbol.multiplierDraw === null) return true;
  if (game.evaluation === 'lines' || game.wildMultipliers === 'sum') return false;
  // An expanded wild repeats one value on a reel: a factor of ways, a power in a cluster or a count.
  return !symbol.expand || game.evaluation === 'ways';
}

/** The game with the given symbols' value tables replaced by their two-point tables. */
export function withTwoPoint(game: Game, symbols: readonly number[]): Game {
  if (symbols.length === 0) return game;
  return {
    ...game,
    symbols: game.symbols.map((s) =>
      !symbols.includes(s.index)
        ? s
        : {
            ...s,
            multiplierDraw: s.multiplierDraw === null ? null : twoPointList(s.multiplierDraw),
            multiplierSymbol: s.multiplierSymbol === null ? null : twoPointList(s.multiplierSymbol),
          },
    ),
  };
}

/** E[value paths of the revealed window] per combination: Π over reels of E[Π branches of its cells]. */
export function revealBranches(game: Game, set: ReelSet): number {
  const bounds = valueBounds(game);
  const branchesOf = game.symbols.map((s) => {
    const t = s.multiplierDraw ?? s.multiplierSymbol;
    if (t === null) return 1;
    return bounds.find((b) => b.total === t.total)!.draws.length;
  });
  if (branchesOf.every((b) => b === 1)) return 1;
  const space = spinSpace(game, set);
  let product = 1;
  space.reels.forEach((states, r) => {
    const strip = set.reels[r]!.strip;
    let sum = 0;
    let total = 0;
    for (let j = 0; j < states.count; j++) {
      let b = 1;
      for (let k = 0; k < states.rows[j]!; k++)
        b *= branchesOf[strip[(states.stops[j]! + k) % strip.length]!]!;
      sum += states.weights[j]! * b;
      total += states.weights[j]!;
    }
    product *= sum / total;
  });
  return product;
}

function drawsValues(game: Game, set: ReelSet): boolean {
  const carriers = new Set(
    game.symbols.filter((s) => s.multiplierDraw !== null || s.multiplierSymbol !== null).map((s) => s.index),
  );
  return set.reels.some((reel) => reel.strip.some((s) => carriers.has(s)));
}

/** The plan of the reel sets a game's mode spins: the paid spin's (unless the mode starts in a feature) and the free spins'. */
export function planFormat2(game: Game, budget: number): { base: RolePlan | null; free: RolePlan | null } {
  const base = game.start === null ? game.baseReelSet : null;
  const fs = game.freeSpins;
  const freePlayed = fs !== null && (game.start === null || game.start.kind === 'freeSpins');
  const sets: { role: SpinRole; set: ReelSet }[] = [];
  if (base !== null) sets.push({ role: 'base', set: base });
  if (freePlayed) sets.push({ role: 'free', set: fs.reelSet });
  let left = budget;
  const plans = sets.map(({ role, set }): RolePlan => {
    if (game.cascade?.refill === 'redraw') {
      return { role, set, enumerate: false, reason: 'its cascades refill by drawing new stops ("redraw")' };
    }
    if (role === 'free' && fs !== null) {
      const why = fs.multiplierMeter
        ? 'a multiplier meter'
        : fs.stickyWilds
          ? 'sticky wilds'
          : game.cascade?.ladderScope === 'feature'
            ? 'a cascade ladder that carries over between free spins ("ladderScope": "feature")'
            : null;
      if (why !== null)
        return { role, set, enumerate: false, reason: `its free spins are not independent (${why})` };
    }
    const combinations = spinSpace(game, set).combinations;
    if (!drawsValues(game, set)) {
      if (combinations > left) {
        return {
          role,
          set,
          enumerate: false,
          reason: `${combinations.toLocaleString('en-US')} combinations pass the budget of ${left.toLocaleString('en-US')}`,
        };
      }
      left -= combinations;
      return { role, set, enumerate: true, values: 'none', twoPoint: [], combinations, branches: 1 };
    }
    const full = revealBranches(game, set);
    if (combinations * full <= left) {
      left -= combinations * full;
      return { role, set, enumerate: true, values: 'enumerated', twoPoint: [], combinations, branches: full };
    }
    const linear = game.symbols.filter(
      (s) => (s.multiplierDraw !== null || s.multiplierSymbol !== null) && linearInValues(game, s),
    );
    if (linear.length > 0) {
      const twoPoint = linear.map((s) => s.index);
      const branches = revealBranches(withTwoPoint(game, twoPoint), set);
      if (combinations * branches <= left) {
        left -= combinations * branches;
        return { role, set, enumerate: true, values: 'two-point', twoPoint, combinations, branches };
      }
    }
    return {
      role,
      set,
      enumerate: false,
      reason: `${combinations.toLocaleString('en-US')} combinations × about ${full.toPrecision(3)} paths of their value draws pass the budget of ${left.toLocaleString('en-US')}`,
    };
  });
  return {
    base: plans.find((p) => p.role === 'base') ?? null,
    free: plans.find((p) => p.role === 'free') ?? null,
  };
}

/**
 * For a caller that wants the RTP alone (`check`): when one reel set cannot be enumerated, the RTP
 * is simulated whatever the other gives, so the other is not enumerated either (it can cost
 * minutes: ember-falls' paid spins, 6.3 × 10⁸ combinations, beside free spins that share a ladder).
 */
export function rtpOnlyPlans(plans: { base: RolePlan | null; free: RolePlan | null }): {
  base: RolePlan | null;
  free: RolePlan | null;
} {
  const blocked = [plans.base, plans.free].find((p) => p !== null && !p.enumerate);
  if (blocked === undefined || blocked.enumerate) return plans;
  const skip = (p: RolePlan | null): RolePlan | null =>
    p === null || !p.enumerate
      ? p
      : {
          role: p.role,
          set: p.set,
          enumerate: false,
          reason: `only the RTP was asked for, and it cannot be exact (the ${blocked.role === 'base' ? 'paid' : 'free'} spins: ${blocked.reason})`,
        };
  return { base: skip(plans.base), free: skip(plans.free) };
}
