/** Semantic checks of the pay rules and the scatter pays. */
import { checkCounts, countEntries, scatterHere, symbolAt, type CheckContext } from './check-context.js';
import { creditsProblem } from './decimal.js';
import { describeValue } from './describe.js';
import { MAX_PAY_RULES } from './limits.js';

/** `lineBet` is null when the game does not define one (already reported): products are then not checked. */
export function checkPays(ctx: CheckContext, lineBet: number | null): void {
  const ways = (ctx.spec.evaluation ?? 'lines') === 'ways';
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
      if (symbolAt(ctx, [...path, 'symbol'], rule.symbol)?.scatter === true)
        ctx.report([...path, 'symbol'], scatterHere(rule.symbol));
      checkCounts(
        ctx,
        [...path, 'pays'],
        rule.pays,
        ctx.reels,
        ways ? 'reel count' : 'run length',
        'the reels',
      );
      if (lineBet === null) return;
      for (const [, pay, key] of countEntries(rule.pays)) {
        const problem = creditsProblem(pay, lineBet, 'line bet');
        if (problem !== null) ctx.report([...path, 'pays', key], problem);
      }
      return;
    }
    if (ways) {
      ctx.report(
        path,
        'a pattern in a ways game (expected { "symbol", "pays" } rules only: patterns are for lines games)',
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
      if (props?.scatter === true) ctx.report([...path, 'pattern', j], scatterHere(label));
    });
    if (lineBet === null) return;
    const problem = creditsProblem(rule.pay, lineBet, 'line bet');
    if (problem !== null) ctx.report([...path, 'pay'], problem);
  });
}

export function checkScatter(ctx: CheckContext): void {
  const { scatter } = ctx.spec;
  if (scatter === undefined) return;
  checkIsScatter(ctx, ['scatter', 'symbol'], scatter.symbol);
  checkCounts(ctx, ['scatter', 'pays'], scatter.pays, ctx.cells, 'count', 'the cells of the window');
  for (const [, pay, key] of countEntries(scatter.pays)) {
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
