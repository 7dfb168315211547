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
  return format2Mechanics(game)[0] ?? null;
}

/** Every format-2 mechanic a compiled game uses, in words (empty for a classic game), in a fixed order. */
export function format2Mechanics(game: Game): string[] {
  const found: string[] = [];
  if (game.evaluation === 'cluster' || game.evaluation === 'anywhere')
    found.push(`"${game.evaluation}" evaluation`);
  if (game.wildMultipliers !== 'product') found.push(`"wildMultipliers": "${game.wildMultipliers}"`);
  if (game.heights !== null) found.push('variable reel heights (grid.heights)');
  if (game.cascade !== null) found.push('cascades');
  if (game.holdAndWin !== null) found.push('hold and win');
  if (game.start !== null) found.push(`a mode that starts in a feature ("${game.mode}")`);
  if (game.cost !== game.betCredits) found.push(`a mode whose cost is not the bet ("${game.mode}")`);
  for (const s of game.symbols) {
    if (s.multiplierDraw !== null) found.push(`a wild with drawn multipliers ("${s.id}")`);
    if (s.multiplierSymbol !== null) found.push(`a multiplier symbol ("${s.id}")`);
    if (s.coin) found.push(`a coin symbol ("${s.id}")`);
    if (s.expand) found.push(`an expanding wild ("${s.id}")`);
  }
  const fs = game.freeSpins;
  if (fs !== null) {
    if (fs.stickyWilds) found.push('sticky wilds');
    if (fs.multiplierMeter) found.push('a multiplier meter');
    if (fs.awardDraws.some((d) => d !== null) || fs.retriggerDraws.some((d) => d !== null))
      found.push('drawn free-spin awards');
  }
  return found;
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
