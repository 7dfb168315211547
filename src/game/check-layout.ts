/** Semantic checks of the bet, the paylines, the reel sets and the paid spins' reel set. */
import { checkDrawBound, gameKind, symbolAt, type CheckContext } from './check-context.js';
import { MAX_PAYLINES, MAX_STOPS } from './limits.js';
import { MAX_CLUSTER_CELLS } from './limits-v2.js';
import { describeValue, expectedOneOf } from './describe.js';

/** The line bet in credits as the game defines it, or null when it does not (reported). */
export function resolveLineBet(ctx: CheckContext): number | null {
  const { bet, paylines } = ctx.spec;
  if (bet.lineBet !== undefined) return bet.lineBet;
  if (ctx.evaluation !== 'lines') {
    ctx.report(
      ['bet', 'lineBet'],
      `missing (expected the line bet in credits: ${gameKind(ctx.evaluation)} must give it)`,
    );
    return null;
  }
  const lines = paylines?.length ?? 0;
  if (lines === 0) return null; // reported with the paylines
  if (bet.credits % lines !== 0) {
    ctx.report(
      ['bet', 'lineBet'],
      `missing, and bet.credits ${bet.credits} does not divide by the ${lines} paylines (expected "lineBet", or credits divisible by the number of paylines)`,
    );
    return null;
  }
  return bet.credits / lines;
}

const NO_LINES = {
  ways: '(expected no "paylines": ways games pay every way)',
  cluster: '(expected no "paylines": cluster games pay groups of adjacent cells)',
  anywhere: '(expected no "paylines": pay-anywhere games pay counts anywhere in the window)',
} as const;

export function checkPaylines(ctx: CheckContext): void {
  const { paylines } = ctx.spec;
  if (ctx.evaluation !== 'lines') {
    if (paylines !== undefined)
      ctx.report(['paylines'], `paylines in ${gameKind(ctx.evaluation)} ${NO_LINES[ctx.evaluation]}`);
    if ((ctx.evaluation === 'cluster' || ctx.evaluation === 'anywhere') && ctx.cells > MAX_CLUSTER_CELLS) {
      ctx.report(
        ['grid'],
        `${ctx.reels} × ${ctx.rows} = ${ctx.cells} cells (expected at most ${MAX_CLUSTER_CELLS} cells in ${gameKind(ctx.evaluation)})`,
      );
    }
    return;
  }
  if (paylines === undefined) {
    ctx.report(
      ['paylines'],
      `missing (expected the paylines of a lines game: a list of lines of ${ctx.reels} row indexes)`,
    );
    return;
  }
  if (paylines.length === 0) ctx.report(['paylines'], 'an empty list (expected at least one payline)');
  if (paylines.length > MAX_PAYLINES) {
    ctx.report(
      ['paylines'],
      `${paylines.length.toLocaleString('en-US')} paylines (expected at most ${MAX_PAYLINES.toLocaleString('en-US')}; a game that pays every line through the window is a ways game)`,
    );
    return;
  }
  paylines.forEach((line, i) => {
    if (line.length !== ctx.reels) {
      ctx.report(
        ['paylines', i],
        `a payline of ${line.length} row indexes (expected ${ctx.reels}, one per reel)`,
      );
    }
    line.forEach((row, r) => {
      if (row >= ctx.rows)
        ctx.report(
          ['paylines', i, r],
          `row ${row} is outside the grid (expected a row index from 0 to ${ctx.rows - 1})`,
        );
    });
  });
}

export function checkReelSets(ctx: CheckContext): void {
  if (ctx.reelSetNames.length === 0) ctx.report(['reelSets'], 'no reel sets (expected at least one)');
  for (const name of ctx.reelSetNames) {
    const reels = ctx.spec.reelSets[name] ?? [];
    const path = ['reelSets', name];
    if (reels.length !== ctx.reels) {
      ctx.report(
        path,
        `${reels.length} reel${reels.length === 1 ? '' : 's'} (expected ${ctx.reels}, one per grid column)`,
      );
    }
    reels.forEach((reel, r) => {
      const weighted = !Array.isArray(reel);
      const strip = weighted ? reel.strip : reel;
      const stripPath = weighted ? [...path, r, 'strip'] : [...path, r];
      if (strip.length === 0) ctx.report(stripPath, 'an empty strip (expected at least one symbol id)');
      if (strip.length > MAX_STOPS) {
        ctx.report(
          stripPath,
          `a strip of ${strip.length.toLocaleString('en-US')} stops (expected at most ${MAX_STOPS.toLocaleString('en-US')}; weights give a stop any probability)`,
        );
        return;
      }
      strip.forEach((id, k) => symbolAt(ctx, [...stripPath, k], id));
      if (!weighted) return;
      const weightsPath = [...path, r, 'weights'];
      if (reel.weights.length !== strip.length) {
        ctx.report(
          weightsPath,
          `${reel.weights.length} weights for ${strip.length} stops (expected one weight per stop)`,
        );
      }
      checkDrawBound(ctx, weightsPath, reel.weights);
    });
  }
}

/** The reel set a game's spins name must exist. */
export function checkReelSetName(ctx: CheckContext, path: readonly (string | number)[], name: string): void {
  if (ctx.reelSetNames.includes(name)) return;
  ctx.report(
    path,
    `no reel set ${describeValue(name)} ${expectedOneOf(name, ctx.reelSetNames, 'a reel set name, one of')}`,
  );
}

export function checkBaseReelSet(ctx: CheckContext): void {
  const named = ctx.spec.base?.reelSet;
  if (named !== undefined) checkReelSetName(ctx, ['base', 'reelSet'], named);
  else if (!ctx.reelSetNames.includes('base') && ctx.reelSetNames.length > 0) {
    ctx.report(
      ['reelSets'],
      `no reel set "base" for the paid spins (expected one named "base", or "base": { "reelSet": NAME } naming one of: ${ctx.reelSetNames.join(', ')})`,
    );
  }
}
