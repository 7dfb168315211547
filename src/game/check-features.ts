/** Semantic checks of free spins, the bonus and the max win. */
import { checkCounts, countEntries, scatterHere, symbolAt, type CheckContext } from './check-context.js';
import { checkReelSetName } from './check-layout.js';
import { MAX_DRAW_BOUND } from './limits.js';
import { checkIsScatter } from './check-pays.js';
import { creditsProblem } from './decimal.js';
import type { JsonPath } from './json-path.js';
import type { PrizeNodeFile } from './schema.js';

export function checkFreeSpins(ctx: CheckContext): void {
  const { freeSpins } = ctx.spec;
  if (freeSpins === undefined) return;
  const path = ['freeSpins'];
  checkIsScatter(ctx, [...path, 'trigger', 'symbol'], freeSpins.trigger.symbol);
  checkCounts(
    ctx,
    [...path, 'trigger', 'awards'],
    freeSpins.trigger.awards,
    ctx.cells,
    'count',
    'the cells of the window',
  );
  if (freeSpins.retrigger !== undefined) {
    checkCounts(
      ctx,
      [...path, 'retrigger'],
      freeSpins.retrigger,
      ctx.cells,
      'count',
      'the cells of the window',
      true,
    );
  }
  if (freeSpins.reelSet !== undefined) checkReelSetName(ctx, [...path, 'reelSet'], freeSpins.reelSet);
}

/** `unit` is what prize values multiply (line bet or total bet), null when undefined (already reported). */
export function checkBonus(ctx: CheckContext, lineBet: number | null): void {
  const { bonus } = ctx.spec;
  if (bonus === undefined) return;
  const triggerPath = ['bonus', 'trigger'];
  if ('anywhere' in bonus.trigger) {
    const { symbol, count } = bonus.trigger.anywhere;
    checkIsScatter(ctx, [...triggerPath, 'anywhere', 'symbol'], symbol);
    if (count > ctx.cells) {
      ctx.report(
        [...triggerPath, 'anywhere', 'count'],
        `${count} cells cannot occur (expected 1 to ${ctx.cells}, the cells of the window)`,
      );
    }
  } else {
    const { symbol, count } = bonus.trigger.line;
    if ((ctx.spec.evaluation ?? 'lines') === 'ways') {
      ctx.report(
        [...triggerPath, 'line'],
        'a line trigger in a ways game (expected "anywhere": ways games have no lines)',
      );
    }
    const props = symbolAt(ctx, [...triggerPath, 'line', 'symbol'], symbol);
    if (props?.scatter === true) ctx.report([...triggerPath, 'line', 'symbol'], scatterHere(symbol));
    if (count > ctx.reels) {
      ctx.report(
        [...triggerPath, 'line', 'count'],
        `${count} reels cannot occur (expected 1 to ${ctx.reels}, the reels)`,
      );
    }
  }
  const perBet = bonus.paysPer === 'bet';
  const unit = perBet ? ctx.spec.bet.credits : lineBet;
  checkPrize(ctx, ['bonus', 'prize'], bonus.prize, unit, perBet ? 'total bet' : 'line bet');
}

function checkPrize(
  ctx: CheckContext,
  path: JsonPath,
  node: PrizeNodeFile,
  unit: number | null,
  unitName: string,
): void {
  const key = 'pick' in node ? 'pick' : 'repeat';
  const entries = 'pick' in node ? node.pick : node.repeat;
  const weights = Object.values(entries);
  if (weights.length === 0)
    ctx.report(
      [...path, key],
      `an empty object (expected at least one ${key === 'pick' ? 'prize value' : 'count'} → weight)`,
    );
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total > MAX_DRAW_BOUND) {
    ctx.report(
      [...path, key],
      `the weights add up to ${total} (expected at most 2^32 = ${MAX_DRAW_BOUND}, the largest draw)`,
    );
  }
  if ('pick' in node) {
    if (unit === null) return;
    for (const value of Object.keys(node.pick)) {
      const problem = creditsProblem(Number(value), unit, unitName);
      if (problem !== null) ctx.report([...path, 'pick', value], problem);
    }
    return;
  }
  for (const [count, , countKey] of countEntries(node.repeat)) {
    if (!Number.isSafeInteger(count))
      ctx.report(
        [...path, 'repeat', countKey],
        `count ${countKey} is too large (expected at most ${Number.MAX_SAFE_INTEGER})`,
      );
  }
  checkPrize(ctx, [...path, 'each'], node.each, unit, unitName);
}

export function checkMaxWin(ctx: CheckContext): void {
  const { maxWin } = ctx.spec;
  if (maxWin === undefined) return;
  const problem = creditsProblem(maxWin, ctx.spec.bet.credits, 'total bet');
  if (problem !== null) ctx.report(['maxWin'], problem);
}
