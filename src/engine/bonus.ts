import type { Rng } from '../rng/rng.js';
import { countInWindow } from './stops.js';
import type { Game, PrizeNode } from './model.js';
import type { BonusDraw } from './outcome.js';

/** The entry a draw selects: the first i with draw < cumulative[i]. */
export function entryOfDraw(cumulative: readonly number[], draw: number): number {
  let i = 0;
  while (draw >= cumulative[i]!) i++;
  return i;
}

/**
 * Evaluates a prize tree depth-first, one `rng.int(total)` per node, and returns the prize in
 * credits. Every draw is appended to `draws` when given.
 */
export function drawPrize(node: PrizeNode, rng: Rng, draws: BonusDraw[] | null): number {
  const draw = rng.int(node.total);
  const i = entryOfDraw(node.cumulative, draw);
  switch (node.kind) {
    case 'pick': {
      const value = node.values[i]!;
      draws?.push({ node: 'pick', bound: node.total, draw, result: value });
      return value;
    }
    case 'repeat': {
      const count = node.counts[i]!;
      draws?.push({ node: 'repeat', bound: node.total, draw, result: count });
      let sum = 0;
      for (let n = 0; n < count; n++) sum += drawPrize(node.each, rng, draws);
      return sum;
    }
    default: {
      const unknown: never = node;
      throw new Error(`unknown prize node ${String(unknown)}`);
    }
  }
}

/** Whether the paid spin's window (`window[reel][row]`) triggers the bonus. */
export function bonusTriggered(game: Game, window: readonly (readonly number[])[]): boolean {
  const bonus = game.bonus;
  if (bonus === null) return false;
  const trigger = bonus.trigger;
  switch (trigger.kind) {
    case 'anywhere':
      return countInWindow(window, trigger.symbol) >= trigger.count;
    case 'line':
      return game.paylines.some((line) => {
        for (let r = 0; r < trigger.count; r++) if (window[r]![line[r]!] !== trigger.symbol) return false;
        return true;
      });
    default: {
      const unknown: never = trigger;
      throw new Error(`unknown bonus trigger ${String(unknown)}`);
    }
  }
}
