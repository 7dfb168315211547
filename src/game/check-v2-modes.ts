/**
 * Semantic checks of bet modes (format 2, "Bet modes"): each mode's own entry, once per variant
 * (its name, its start table), and what its start needs from the game it plays (the game with the
 * variant's keys and the mode's `replace` merged in, ruling 9).
 */
import { countEntries, type CheckContext } from './check-context.js';
import { checkWeightTable } from './check-features.js';
import { BASE_MODE, type GameSource } from './game-source.js';

export function checkModes(ctx: CheckContext, source: GameSource): void {
  const { modes } = ctx.spec;
  if (modes === undefined) return;
  if (source.mode === BASE_MODE) {
    for (const name of source.keys(['modes'])) {
      const mode = modes[name];
      if (mode === undefined) continue;
      const path = ['modes', name];
      if (name === BASE_MODE) {
        ctx.report(path, 'the mode name "base" is reserved for the game as written (expected another name)');
      }
      const start = mode.start;
      if (start === undefined) continue;
      if ('freeSpins' in start) {
        checkWeightTable(ctx, [...path, 'start', 'freeSpins'], start.freeSpins, 'number of spins');
        continue;
      }
      checkWeightTable(ctx, [...path, 'start', 'holdAndWin'], start.holdAndWin, 'number of coins');
      for (const [count, , key] of countEntries(start.holdAndWin)) {
        if (count > ctx.cells) {
          ctx.report(
            [...path, 'start', 'holdAndWin', key],
            `${key} starting coins cannot occur (expected 1 to ${ctx.cells}, the cells of the grid)`,
          );
        }
      }
    }
    return;
  }
  const start = source.modeEntry?.start;
  if (start === undefined) return;
  const path = ['modes', source.mode, 'start'];
  if ('freeSpins' in start && ctx.spec.freeSpins === undefined) {
    ctx.report(
      [...path, 'freeSpins'],
      'a start in free spins, in a game without free spins (expected "freeSpins" at the top level or in the mode\'s "replace")',
    );
  }
  if ('holdAndWin' in start && ctx.spec.holdAndWin === undefined) {
    ctx.report(
      [...path, 'holdAndWin'],
      'a start in hold-and-win, in a game without hold-and-win (expected "holdAndWin" at the top level or in the mode\'s "replace")',
    );
  }
}
