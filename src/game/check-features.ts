/** Semantic checks of free spins, the bonus and the max win. */
import {
  checkCounts,
  checkDrawBound,
  countEntries,
  gameKind,
  scatterHere,
  symbolAt,
  type CheckContext,
} from './check-context.js';
import { checkReelSetName } from './check-layout.js';
import { checkIsScatter } from './check-pays.js';
import { creditsProblem } from './decimal.js';
import { describeValue } from './describe.js';
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
  checkAwardTables(ctx, [...path, 'trigger', 'awards'], freeSpins.trigger.awards);
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
    checkAwardTables(ctx, [...path, 'retrigger'], freeSpins.retrigger);
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
    if (ctx.evaluation !== 'lines') {
      ctx.report(
        [...triggerPath, 'line'],
        `a line trigger in ${gameKind(ctx.evaluation)} (expected "anywhere": ${gameKind(ctx.evaluation).replace(/^an? /, '')}s have no lines)`,
      );
    }
    const props = symbolAt(ctx, [...triggerPath, 'line', 'symbol'], symbol);
    if (props?.scatter === true) ctx.report([...triggerPath, 'line', 'symbol'], scatterHere(symbol));
    else if (props?.coin === true || props?.multiplierSymbol !== undefined) {
      ctx.report(
        [...triggerPath, 'line', 'symbol'],
        `${describeValue(symbol)} is a ${props.coin === true ? 'coin' : 'multiplier symbol'}, which is never part of a line (expected a symbol that pays on lines)`,
      );
    }
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
  checkDrawBound(ctx, [...path, key], weights);
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

/**
 * Format 2: drawn awards (`{ "9": 1, "10": 9 }`, spins → weight) must have an entry, a servable
 * draw bound, and spin counts that count exactly.
 */
function checkAwardTables(
  ctx: CheckContext,
  path: JsonPath,
  awards: Readonly<Record<string, number | Readonly<Record<string, number>>>>,
): void {
  for (const [key, award] of Object.entries(awards)) {
    if (typeof award === 'number') continue;
    checkWeightTable(ctx, [...path, key], award, 'spin count');
  }
}

/**
 * A version-1 style weighted table (a drawn award, a mode's start): at least one entry, keys that
 * count exactly, weights that add up to a draw bound.
 */
export function checkWeightTable(
  ctx: CheckContext,
  path: JsonPath,
  table: Readonly<Record<string, number>>,
  what: string,
): void {
  const entries = countEntries(table);
  if (entries.length === 0) ctx.report(path, `an empty table (expected at least one ${what} → weight)`);
  for (const [count, , key] of entries) {
    if (!Number.isSafeInteger(count))
      ctx.report([...path, key], `${what} ${key} is too large (expected at most ${Number.MAX_SAFE_INTEGER})`);
  }
  checkDrawBound(
    ctx,
    path,
    entries.map(([, weight]) => weight),
  );
}

export function checkMaxWin(ctx: CheckContext): void {
  const { maxWin } = ctx.spec;
  if (maxWin === undefined) return;
  const problem = creditsProblem(maxWin, ctx.spec.bet.credits, 'total bet');
  if (problem !== null) ctx.report(['maxWin'], problem);
}
