/**
 * Upper bounds on what a compiled game can pay, in credits, read from the file alone: what one
 * spin, the bonus and a whole round can win before and after the max-win cap. They are sound —
 * never below a win the engine can produce — and cheap (one pass over the strips), not tight.
 *
 * The loader refuses a game whose bounds pass 2^53 − 1 (every amount is then an exact integer in a
 * double), and the simulator uses the round bound to keep its sums exact.
 *
 * Computed in doubles: every term is a non-negative integer, so a bound that passes 2^53 − 1 in
 * exact arithmetic also does after rounding (2^53 is a double, and rounding is monotone).
 */
import { format2Mechanic } from '../engine/classic.js';
import type { Game, KindRule, PatternRule, Reel, ReelSet } from '../engine/model.js';
import { prizeBound } from './prize-bounds.js';
import { winBoundsV2 } from './win-bounds-v2.js';

export { prizeBound, prizeDraws } from './prize-bounds.js';

export interface WinBounds {
  /** One paid spin: its line or ways wins plus its scatter win, before the cap. */
  readonly paidSpin: number;
  /** One free spin, the feature's multiplier included, before the cap (0 without free spins). */
  readonly freeSpin: number;
  /** The bonus prize (0 without a bonus). */
  readonly bonus: number;
  /** Format 2: one hold-and-win feature (0 without one). */
  readonly holdAndWin: number;
  /** The round before the cap: paid spin + bonus + hold and win + maxSpins free spins. */
  readonly uncappedRound: number;
  /** The round: the uncapped bound, or the cap when it is lower. */
  readonly round: number;
}

/** The largest multiplier among the wilds on `reel` that `substitutes(wild)` accepts (1 if none). */
function wildMultiplier(game: Game, reel: Reel, substitutes: (wild: number) => boolean): number {
  let most = 1;
  for (const s of new Set(reel.strip)) {
    const symbol = game.symbols[s]!;
    if (symbol.wild && substitutes(s)) most = Math.max(most, symbol.multiplier);
  }
  return most;
}

/** One line's largest win under a kind rule: its pay for a run of k × the wilds that may stand in the run. */
function kindLineBound(game: Game, set: ReelSet, rule: KindRule): number {
  let best = 0;
  let product = 1;
  for (let k = 1; k < rule.pays.length && k <= set.reels.length; k++) {
    // A wild's own run is never multiplied.
    if (!rule.wild)
      product *= wildMultiplier(game, set.reels[k - 1]!, (w) => game.substitutes[w]![rule.symbol]!);
    if (rule.pays[k]! > 0) best = Math.max(best, rule.pays[k]! * product);
  }
  return best;
}

function patternLineBound(game: Game, set: ReelSet, rule: PatternRule): number {
  if (rule.pay === 0) return 0;
  let product = 1;
  rule.substitute.forEach((position, j) => {
    const reel = set.reels[j];
    if (reel !== undefined) product *= wildMultiplier(game, reel, (w) => position[w]!);
  });
  return rule.pay * product;
}

/**
 * One ways rule's largest win: for a run of k reels, its pay × the product over those reels of the
 * most that reel can count for X (every row showing X, or the best substituting wild).
 */
function waysRuleBound(game: Game, set: ReelSet, rule: KindRule): number {
  const perReel = set.reels.map((reel) => {
    let most = 0;
    for (const s of new Set(reel.strip)) {
      if (s === rule.symbol) most = Math.max(most, 1);
      else if (!rule.wild && game.substitutes[s]![rule.symbol]!)
        most = Math.max(most, game.symbols[s]!.multiplier);
    }
    return most * game.rows;
  });
  let best = 0;
  let ways = 1;
  for (let k = 1; k < rule.pays.length && k <= set.reels.length; k++) {
    ways *= perReel[k - 1]!;
    if (rule.pays[k]! > 0) best = Math.max(best, rule.pays[k]! * ways);
  }
  return best;
}

/** What one pay rule can add to one spin on `set` (all paylines, for a lines game). */
export function payRuleBound(game: Game, set: ReelSet, index: number): number {
  const rule = game.pays[index]!;
  if (game.evaluation === 'ways') return rule.kind === 'kind' ? waysRuleBound(game, set, rule) : 0;
  return (
    (rule.kind === 'kind' ? kindLineBound(game, set, rule) : patternLineBound(game, set, rule)) *
    game.paylines.length
  );
}

/** One spin on `set`: every line at the best line win (lines), or every rule at its best (ways), plus the scatter. */
export function spinPaysBound(game: Game, set: ReelSet): number {
  let pays = 0;
  if (game.evaluation === 'ways') {
    game.pays.forEach((_, i) => (pays += payRuleBound(game, set, i)));
  } else {
    // A line pays one match: the best rule, on every line.
    game.pays.forEach((_, i) => (pays = Math.max(pays, payRuleBound(game, set, i))));
  }
  return pays;
}

export function scatterBound(game: Game): number {
  return game.scatter === null ? 0 : Math.max(0, ...game.scatter.pays);
}

/**
 * The bounds of a game: those below for a classic game (everything format 1 can say), those of
 * `win-bounds-v2.ts` for a game using a format-2 mechanic.
 */
export function winBounds(game: Game): WinBounds {
  return format2Mechanic(game) === null ? classicWinBounds(game) : winBoundsV2(game);
}

function classicWinBounds(game: Game): WinBounds {
  const paidSpin = spinPaysBound(game, game.baseReelSet) + scatterBound(game);
  const feature = game.freeSpins;
  const freeSpin =
    feature === null ? 0 : (spinPaysBound(game, feature.reelSet) + scatterBound(game)) * feature.multiplier;
  const bonus = game.bonus === null ? 0 : prizeBound(game.bonus.prize);
  const uncappedRound = paidSpin + bonus + (feature === null ? 0 : feature.maxSpins * freeSpin);
  const cap = game.maxWinCredits;
  return {
    paidSpin,
    freeSpin,
    bonus,
    holdAndWin: 0,
    uncappedRound,
    round: cap === null ? uncappedRound : Math.min(cap, uncappedRound),
  };
}
