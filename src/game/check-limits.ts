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
import { waysProducts } from './win-bounds-v2.js';

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

  if (format2Mechanic(game) !== null) {
    problems.push(...format2Limits(game, written));
    return problems;
  }
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

/**
 * The win limits of a game using a format-2 mechanic (`win-bounds-v2.ts`): its round, after the
 * max-win cap, at most 2^53 − 1 credits (so every amount the simulator adds is exact), and the ways
 * product Πn exact. A spin may bound higher when the cap bounds the round: the engine's sums and
 * products keep such a value at 2^53 or more, and the cap cuts it exactly. The exact analysis's
 * per-spin limit (2^38) applies to the classic mechanics only, the only ones it analyses yet.
 */
function format2Limits(game: Game, written: { readonly maxSpins: boolean }): Problem[] {
  const problems: Problem[] = [];
  const sets = [
    { set: game.baseReelSet, free: false },
    ...(game.freeSpins === null ? [] : [{ set: game.freeSpins.reelSet, free: true }]),
  ];
  const reported = new Set<number>();
  for (const { set, free } of sets) {
    for (const { rule, product } of waysProducts(game, set, free)) {
      if (product <= MAX_CREDITS || reported.has(rule)) continue;
      reported.add(rule);
      problems.push({
        path: ['pays', rule],
        message: `a window of reel set "${set.name}" can count up to ${amount(product)} ways for this rule (the product of each reel's cells × its largest wild value) (expected ${EXACT}: lower the wilds' values or the reels' rows)`,
      });
    }
  }
  const bounds = winBounds(game);
  if (bounds.round <= MAX_CREDITS) return problems;
  const feature = game.freeSpins;
  const freeSpins =
    feature === null || (game.start !== null && game.start.kind !== 'freeSpins')
      ? 0
      : feature.maxSpins * bounds.freeSpin;
  const parts: { credits: number; text: string; path: JsonPath }[] = [
    { credits: bounds.paidSpin, text: `the paid spin up to ${amount(bounds.paidSpin)}`, path: ['pays'] },
    { credits: bounds.bonus, text: `the bonus up to ${amount(bounds.bonus)}`, path: ['bonus'] },
    {
      credits: bounds.holdAndWin,
      text: `hold and win up to ${amount(bounds.holdAndWin)}`,
      path: ['holdAndWin'],
    },
    {
      credits: freeSpins,
      text: `${feature?.maxSpins ?? 0} free spins up to ${amount(bounds.freeSpin)} each`,
      path: written.maxSpins ? ['freeSpins', 'maxSpins'] : ['freeSpins'],
    },
  ].filter((p) => p.credits > 0);
  const largest = parts.reduce((a, b) => (b.credits > a.credits ? b : a), parts[0]!);
  problems.push({
    path: largest.path,
    message: `a round can win up to ${amount(bounds.round)} credits: ${parts.map((p) => p.text).join(', ')} (expected ${EXACT}: lower the pays, the ladder, the multipliers or maxSpins, or cap the round with "maxWin")`,
  });
  return problems;
}
