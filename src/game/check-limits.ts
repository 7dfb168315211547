/**
 * The limits of `limits.ts`, checked on a compiled game (one variant): what a round can win, draw
 * and show. They run once every semantic check has passed, since they read the compiled tables.
 * Paths are paths of the merged game, as in `check-game.ts`.
 */
import { format2Mechanic } from '../engine/classic.js';
import type { Game, PrizeNode } from '../engine/model.js';
import type { JsonPath } from './json-path.js';
import {
  MAX_BONUS_DRAWS,
  MAX_CREDITS,
  MAX_FREE_SPINS,
  MAX_ROUND_CELLS,
  MAX_SPIN_CREDITS,
  MAX_STOP_CELLS,
  MAX_SYMBOLS,
} from './limits.js';
import type { Problem } from './problem.js';
import { payRuleBound, prizeDraws, scatterBound, spinPaysBound, winBounds } from './win-bounds.js';

/** A count of credits for a message: exact below 10^16, else in scientific notation. */
function amount(credits: number): string {
  return credits < 1e16 ? credits.toLocaleString('en-US') : credits.toPrecision(4).replace('+', '');
}

const EXACT = `at most 2^53 − 1 = ${MAX_CREDITS.toLocaleString('en-US')} credits, the largest amount counted exactly`;
const SPIN = `at most 2^38 = ${MAX_SPIN_CREDITS.toLocaleString('en-US')} credits in one spin, the largest the exact analysis counts exactly`;

/** The pay rule that can add most to one spin on the paid spins' reel set, for a path. */
function largestRule(game: Game): number {
  let best = 0;
  let at = 0;
  game.pays.forEach((_, i) => {
    const bound = payRuleBound(game, game.baseReelSet, i);
    if (bound > best) [best, at] = [bound, i];
  });
  return at;
}

/** The path of the `repeat` object with the largest count in a prize tree (the tree itself if none). */
function largestRepeat(node: PrizeNode, path: JsonPath): { path: JsonPath; count: number } {
  if (node.kind === 'pick') return { path, count: 0 };
  const below = largestRepeat(node.each, [...path, 'each']);
  const count = Math.max(0, ...node.counts);
  return count >= below.count ? { path: [...path, 'repeat'], count } : below;
}

export function checkLimits(game: Game, written: { readonly maxSpins: boolean }): Problem[] {
  const problems: Problem[] = [];
  const report = (path: JsonPath, message: string): void => {
    problems.push({ path, message });
  };

  if (game.symbols.length > MAX_SYMBOLS) {
    report(
      ['symbols'],
      `${game.symbols.length} symbols (expected at most ${MAX_SYMBOLS}: the simulator and the cycle enumeration keep a symbol in one byte)`,
    );
  }

  const perStop =
    game.evaluation === 'lines'
      ? { count: game.paylines.length, what: 'paylines' }
      : { count: game.pays.filter((rule) => rule.kind === 'kind').length, what: 'pay rules' };
  for (const set of Object.values(game.reelSets)) {
    const stops = set.reels.reduce((sum, reel) => sum + reel.strip.length, 0);
    if (stops * perStop.count > MAX_STOP_CELLS) {
      report(
        ['reelSets', set.name],
        `${stops.toLocaleString('en-US')} stops × ${perStop.count} ${perStop.what} = ${amount(stops * perStop.count)} (expected at most 2^24 = ${MAX_STOP_CELLS.toLocaleString('en-US')}: the simulator keeps an entry per stop and ${perStop.what === 'paylines' ? 'payline' : 'rule'})`,
      );
    }
  }

  const feature = game.freeSpins;
  if (feature !== null && feature.maxSpins > MAX_FREE_SPINS) {
    report(
      ['freeSpins', 'maxSpins'],
      `${amount(feature.maxSpins)} free spins (expected at most ${MAX_FREE_SPINS.toLocaleString('en-US')}: the exact analysis of the free spins costs maxSpins² steps)`,
    );
  } else if (feature !== null) {
    const cells = game.reels * game.rows;
    const shown = cells * (1 + feature.maxSpins);
    if (shown > MAX_ROUND_CELLS) {
      report(
        written.maxSpins ? ['freeSpins', 'maxSpins'] : ['freeSpins'],
        `a round can show ${amount(shown)} window cells: ${cells} cells × (1 paid spin + ${feature.maxSpins} free spins${written.maxSpins ? '' : ', the default maxSpins'}) (expected at most ${MAX_ROUND_CELLS.toLocaleString('en-US')}: lower maxSpins to ${Math.floor(MAX_ROUND_CELLS / cells) - 1} or less)`,
      );
    }
  }

  const bonus = game.bonus;
  if (bonus !== null) {
    const draws = prizeDraws(bonus.prize);
    if (draws > MAX_BONUS_DRAWS) {
      report(
        largestRepeat(bonus.prize, ['bonus', 'prize']).path,
        `the bonus can make ${amount(draws)} draws in one round (expected at most ${MAX_BONUS_DRAWS.toLocaleString('en-US')}: the product of the largest repeat counts along the tree, plus one draw per node)`,
      );
    }
  }

  // The win bounds know the classic mechanics only; a game with a format-2 mechanic is refused by
  // the engine, the simulator and the analysis (for now), and its bounds are theirs to add.
  if (format2Mechanic(game) !== null) return problems;
  const bounds = winBounds(game);
  const scatter = scatterBound(game);
  if (bounds.paidSpin > MAX_SPIN_CREDITS) {
    const pays = spinPaysBound(game, game.baseReelSet);
    report(
      scatter > pays ? ['scatter', 'pays'] : ['pays', largestRule(game)],
      `a paid spin can win up to ${amount(bounds.paidSpin)} credits (expected ${SPIN})`,
    );
  }
  if (feature !== null) {
    const spin = bounds.freeSpin / feature.multiplier;
    if (spin > MAX_SPIN_CREDITS && feature.reelSet !== game.baseReelSet) {
      report(
        ['pays'],
        `a free spin can win up to ${amount(spin)} credits before its multiplier (expected ${SPIN})`,
      );
    } else if (spin <= MAX_SPIN_CREDITS && bounds.freeSpin > MAX_CREDITS) {
      report(
        ['freeSpins', 'multiplier'],
        `a free spin can win up to ${amount(bounds.freeSpin)} credits, its multiplier ${feature.multiplier} included (expected ${EXACT})`,
      );
    }
  }
  if (bonus !== null && bounds.bonus > MAX_CREDITS) {
    report(['bonus', 'prize'], `the bonus can pay up to ${amount(bounds.bonus)} credits (expected ${EXACT})`);
  }
  const spinsFit =
    bounds.paidSpin <= MAX_SPIN_CREDITS &&
    bounds.freeSpin <= MAX_CREDITS &&
    (feature === null || bounds.freeSpin / feature.multiplier <= MAX_SPIN_CREDITS);
  if (spinsFit && bounds.bonus <= MAX_CREDITS && bounds.round > MAX_CREDITS) {
    const parts = [`the paid spin up to ${amount(bounds.paidSpin)}`];
    if (bonus !== null) parts.push(`the bonus up to ${amount(bounds.bonus)}`);
    if (feature !== null) parts.push(`${feature.maxSpins} free spins up to ${amount(bounds.freeSpin)} each`);
    report(
      feature === null
        ? bonus === null
          ? []
          : ['bonus']
        : written.maxSpins
          ? ['freeSpins', 'maxSpins']
          : ['freeSpins'],
      `a round can win up to ${amount(bounds.round)} credits: ${parts.join(', ')} (expected ${EXACT}: lower the pays or maxSpins, or cap the round with "maxWin")`,
    );
  }
  return problems;
}
