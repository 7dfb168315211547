/** Semantic checks of the pay rules and the scatter pays. */
import { checkCounts, gameKind, scatterHere, symbolAt, type CheckContext } from './check-context.js';
import { rangeEntries } from './count-keys.js';
import { creditsProblem } from './decimal.js';
import { describeValue } from './describe.js';
import { MAX_PAY_RULES } from './limits.js';
import type { JsonPath } from './json-path.js';
import type { SymbolPropsV2 } from './schema-v2.js';

/** `lineBet` is null when the game does not define one (already reported): products are then not checked. */
export function checkPays(ctx: CheckContext, lineBet: number | null): void {
  const { evaluation } = ctx;
  const firstRule = new Map<string, number>();
  if (ctx.spec.pays.length > MAX_PAY_RULES) {
    ctx.report(
      ['pays'],
      `${ctx.spec.pays.length.toLocaleString('en-US')} pay rules (expected at most ${MAX_PAY_RULES.toLocaleString('en-US')}: every line or window evaluation reads them all)`,
    );
    return;
  }
  ctx.spec.pays.forEach((rule, i) => {
    const path = ['pays', i];
    if ('symbol' in rule) {
      const props = symbolAt(ctx, [...path, 'symbol'], rule.symbol);
      if (props !== null) checkPaySymbol(ctx, [...path, 'symbol'], rule.symbol, props);
      if (props?.wild === true && (evaluation === 'cluster' || evaluation === 'anywhere')) {
        ctx.report(
          [...path, 'symbol'],
          `a pay rule of the wild ${describeValue(rule.symbol)} in ${gameKind(evaluation)} (expected a symbol that is not wild: wilds count for the symbols they substitute for)`,
        );
      }
      const first = firstRule.get(rule.symbol);
      if (first === undefined) firstRule.set(rule.symbol, i);
      else if (ctx.format === 2 && evaluation !== 'lines') {
        ctx.report(
          [...path, 'symbol'],
          `a second pay rule of ${describeValue(rule.symbol)} (the first is pays[${first}]; expected at most one pay rule per symbol in ${gameKind(evaluation)})`,
        );
      }
      const [what, max, limit] = COUNTS[evaluation];
      checkCounts(ctx, [...path, 'pays'], rule.pays, max === 'reels' ? ctx.reels : ctx.cells, what, limit);
      if (lineBet === null) return;
      for (const [{ key }, pay] of rangeEntries(rule.pays)) {
        const problem = creditsProblem(pay, lineBet, 'line bet');
        if (problem !== null) ctx.report([...path, 'pays', key], problem);
      }
      return;
    }
    if (evaluation !== 'lines') {
      ctx.report(
        path,
        `a pattern in ${gameKind(evaluation)} (expected { "symbol", "pays" } rules only: patterns are for lines games)`,
      );
      return;
    }
    if (rule.pattern.length > ctx.reels) {
      ctx.report(
        [...path, 'pattern'],
        `${rule.pattern.length} positions (expected at most ${ctx.reels}, one per reel)`,
      );
    }
    rule.pattern.forEach((label, j) => {
      const props = symbolAt(ctx, [...path, 'pattern', j], label, true);
      if (props !== null) checkPaySymbol(ctx, [...path, 'pattern', j], label, props);
    });
    if (lineBet === null) return;
    const problem = creditsProblem(rule.pay, lineBet, 'line bet');
    if (problem !== null) ctx.report([...path, 'pay'], problem);
  });
}

/** What a pay count is, per evaluation kind: its name, what bounds it, and how that is said. */
const COUNTS = {
  lines: ['run length', 'reels', 'the reels'],
  ways: ['reel count', 'reels', 'the reels'],
  cluster: ['cluster size', 'cells', 'the cells of the window'],
  anywhere: ['count', 'cells', 'the cells of the window'],
} as const;

/** A symbol a pay rule or pattern names must be one that pays: not a scatter, coin or multiplier symbol (ruling 11). */
function checkPaySymbol(ctx: CheckContext, path: JsonPath, id: string, props: SymbolPropsV2): void {
  if (props.scatter === true) ctx.report(path, scatterHere(id));
  else if (props.coin === true)
    ctx.report(
      path,
      `${describeValue(id)} is a coin, and a coin is never part of a pay (expected a symbol without "coin": true)`,
    );
  else if (props.multiplierSymbol !== undefined)
    ctx.report(
      path,
      `${describeValue(id)} is a multiplier symbol, which never pays (expected a symbol without "multiplierSymbol")`,
    );
}

export function checkScatter(ctx: CheckContext): void {
  const { scatter } = ctx.spec;
  if (scatter === undefined) return;
  checkIsScatter(ctx, ['scatter', 'symbol'], scatter.symbol);
  checkCounts(ctx, ['scatter', 'pays'], scatter.pays, ctx.cells, 'count', 'the cells of the window');
  for (const [{ key }, pay] of rangeEntries(scatter.pays)) {
    const problem = creditsProblem(pay, ctx.spec.bet.credits, 'total bet');
    if (problem !== null) ctx.report(['scatter', 'pays', key], problem);
  }
}

/** Scatter pays, free-spin triggers and `anywhere` bonus triggers count a scatter. */
export function checkIsScatter(ctx: CheckContext, path: readonly (string | number)[], id: string): void {
  const props = symbolAt(ctx, path, id);
  if (props !== null && props.scatter !== true) {
    ctx.report(path, `${describeValue(id)} is not a scatter (expected a symbol marked "scatter": true)`);
  }
}
