/**
 * The semantic checks of a structurally valid game file: everything that relates one part of the
 * game to another. They run on the game as written and on every variant merged in, since a file
 * is valid only if each of its games is.
 */
import { checkContext } from './check-context.js';
import { checkLimits } from './check-limits.js';
import { compileGame } from './compile-game.js';
import { checkBonus, checkFreeSpins, checkMaxWin } from './check-features.js';
import { checkBaseReelSet, checkPaylines, checkReelSets, resolveLineBet } from './check-layout.js';
import { checkPays, checkScatter } from './check-pays.js';
import { checkGroups, checkSymbols } from './check-symbols.js';
import {
  checkCascade,
  checkHeights,
  checkHoldAndWin,
  checkStickyWilds,
  checkWildMultipliers,
} from './check-v2-mechanics.js';
import { checkModes } from './check-v2-modes.js';
import type { GameSource } from './game-source.js';
import { formatPath, type JsonPath } from './json-path.js';
import type { Problem } from './problem.js';

/** Problems of one game (paths of the merged game, not yet mapped into the file). */
export function checkGame(source: GameSource): Problem[] {
  const ctx = checkContext(source);
  checkSymbols(ctx);
  checkGroups(ctx);
  checkPaylines(ctx);
  const lineBet = resolveLineBet(ctx);
  checkReelSets(ctx);
  checkBaseReelSet(ctx);
  checkPays(ctx, lineBet);
  checkScatter(ctx);
  checkFreeSpins(ctx);
  checkBonus(ctx, lineBet);
  checkMaxWin(ctx);
  checkHeights(ctx);
  checkWildMultipliers(ctx);
  checkCascade(ctx);
  checkStickyWilds(ctx);
  checkHoldAndWin(ctx, lineBet);
  checkModes(ctx, source);
  return ctx.problems;
}

/**
 * Problems of every game of a file, with file paths: those of the game as written, then those
 * each variant and mode adds. A problem a variant or mode causes in a key it does not override
 * starts "with variant …", "with mode …" or "with variant …, mode …".
 */
export function checkAllGames(sources: readonly GameSource[]): Problem[] {
  return inFile(sources, checkGame);
}

/**
 * Problems with the limits (`check-limits.ts`) of every game of a file, whose semantics are valid:
 * each game is compiled and its bounds read from the compiled tables.
 */
export function checkAllLimits(
  sources: readonly GameSource[],
  variants: readonly string[],
  modes: (variant: string | null) => readonly string[],
): Problem[] {
  return inFile(sources, (source) =>
    checkLimits(compileGame(source, { sha256: '', variants, modes: modes(source.variant) }), {
      maxSpins: source.spec.freeSpins?.maxSpins !== undefined,
    }),
  );
}

/** Problems of every game of a file, mapped to file paths, each reported once. */
function inFile(
  sources: readonly GameSource[],
  check: (source: GameSource) => readonly Problem[],
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const source of sources) {
    for (const problem of check(source)) {
      const path = source.filePath(problem.path);
      const key = `${formatPath(path)}\u0000${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const inVariant = source.variant !== null && path[0] !== 'variants';
      const inMode = source.modePath !== null && !startsWith(path, source.modePath);
      const where = [
        inVariant ? `variant ${JSON.stringify(source.variant)}` : null,
        inMode ? `mode ${JSON.stringify(source.mode)}` : null,
      ].filter((w) => w !== null);
      problems.push({
        path,
        message: where.length === 0 ? problem.message : `with ${where.join(', ')}: ${problem.message}`,
      });
    }
  }
  return problems;
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}
