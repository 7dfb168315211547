import type { Game } from './model.js';
import { SlotsimError } from '../errors.js';

/**
 * The first format-2 mechanic a compiled game uses, in words, or null when the game is classic:
 * everything it does can be said in format 1 (a format-1 file, or a `slotsim/2` file that uses no
 * new mechanic). Code that implements only the classic mechanics asks this before playing a game.
 */
export function format2Mechanic(game: Game): string | null {
  let found = mechanicOf.get(game);
  if (found === undefined) {
    found = firstFormat2Mechanic(game);
    mechanicOf.set(game, found);
  }
  return found;
}

const mechanicOf = new WeakMap<Game, string | null>();

function firstFormat2Mechanic(game: Game): string | null {
  if (game.evaluation === 'cluster' || game.evaluation === 'anywhere')
    return `"${game.evaluation}" evaluation`;
  if (game.wildMultipliers !== 'product') return `"wildMultipliers": "${game.wildMultipliers}"`;
  if (game.heights !== null) return 'variable reel heights (grid.heights)';
  if (game.cascade !== null) return 'cascades';
  if (game.holdAndWin !== null) return 'hold and win';
  if (game.start !== null) return `a mode that starts in a feature ("${game.mode}")`;
  if (game.cost !== game.betCredits) return `a mode whose cost is not the bet ("${game.mode}")`;
  for (const s of game.symbols) {
    if (s.multiplierDraw !== null) return `a wild with drawn multipliers ("${s.id}")`;
    if (s.multiplierSymbol !== null) return `a multiplier symbol ("${s.id}")`;
    if (s.coin) return `a coin symbol ("${s.id}")`;
    if (s.expand) return `an expanding wild ("${s.id}")`;
  }
  const fs = game.freeSpins;
  if (fs !== null) {
    if (fs.stickyWilds) return 'sticky wilds';
    if (fs.multiplierMeter) return 'a multiplier meter';
    if (fs.awardDraws.some((d) => d !== null) || fs.retriggerDraws.some((d) => d !== null))
      return 'drawn free-spin awards';
  }
  return null;
}

/**
 * Refuses a game that uses a format-2 mechanic where only the classic mechanics are implemented
 * (BAD_INPUT, exit 2): such a game must never be played or analysed by rules that ignore part of it.
 */
export function refuseFormat2Mechanics(game: Game, what: string): void {
  const mechanic = format2Mechanic(game);
  if (mechanic !== null) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${what} does not support ${mechanic} yet (game "${game.id}"): format-2 mechanics are still being built`,
    );
  }
}
