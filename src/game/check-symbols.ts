/** Semantic checks of `symbols` and `groups`. */
import { symbolAt, type CheckContext } from './check-context.js';
import { describeValue } from './describe.js';

export function checkSymbols(ctx: CheckContext): void {
  if (ctx.symbolIds.length === 0) ctx.report(['symbols'], 'no symbols (expected at least one)');
  for (const [id, props] of ctx.symbols) {
    const path = ['symbols', id];
    const wild = props.wild === true;
    if (wild && props.scatter === true) {
      ctx.report(path, 'both wild and scatter (expected at most one of "wild": true and "scatter": true)');
    }
    if (props.multiplier !== undefined && !wild) {
      ctx.report(
        [...path, 'multiplier'],
        'a multiplier on a symbol that is not wild (expected "wild": true, or no multiplier)',
      );
    }
    if (props.except !== undefined && !wild) {
      ctx.report(
        [...path, 'except'],
        'an except list on a symbol that is not wild (expected "wild": true, or no except list)',
      );
    }
    (props.except ?? []).forEach((other, k) => {
      const target = symbolAt(ctx, [...path, 'except', k], other);
      if (target?.wild === true) {
        ctx.report(
          [...path, 'except', k],
          `${describeValue(other)} is a wild, and a wild never substitutes for another wild (expected a symbol that is not wild)`,
        );
      }
    });
  }
}

export function checkGroups(ctx: CheckContext): void {
  for (const [id, members] of ctx.groups) {
    const path = ['groups', id];
    if (ctx.symbols.has(id))
      ctx.report(path, `group id ${describeValue(id)} is also a symbol id (expected a name no symbol has)`);
    if (members.length === 0) ctx.report(path, 'an empty group (expected at least one symbol id)');
    members.forEach((member, k) => {
      const props = symbolAt(ctx, [...path, k], member);
      if (props?.scatter === true) {
        ctx.report(
          [...path, k],
          `${describeValue(member)} is a scatter, and groups are for patterns, which scatters never join (expected a symbol without "scatter": true)`,
        );
      }
      if (members.indexOf(member) < k)
        ctx.report([...path, k], `${describeValue(member)} is listed twice (expected each member once)`);
    });
  }
}
