/** Semantic checks of `symbols` and `groups`. */
import { checkDrawBound, symbolAt, type CheckContext } from './check-context.js';
import { describeValue } from './describe.js';
import type { SymbolPropsV2 } from './schema-v2.js';

/** The roles a symbol may have, at most one each (format-2 ruling 10). */
function roles(props: SymbolPropsV2): string[] {
  return [
    props.wild === true ? 'wild' : null,
    props.scatter === true ? 'scatter' : null,
    props.coin === true ? 'coin' : null,
    props.multiplierSymbol !== undefined ? 'multiplier symbol' : null,
  ].filter((role) => role !== null);
}

export function checkSymbols(ctx: CheckContext): void {
  if (ctx.symbolIds.length === 0) ctx.report(['symbols'], 'no symbols (expected at least one)');
  for (const [id, props] of ctx.symbols) {
    const path = ['symbols', id];
    const wild = props.wild === true;
    const held = roles(props);
    if (ctx.format === 1 && held.length > 1) {
      ctx.report(path, 'both wild and scatter (expected at most one of "wild": true and "scatter": true)');
    } else if (held.length > 1) {
      ctx.report(
        path,
        `${held.length === 2 ? 'both ' : ''}${held.slice(0, -1).join(', ')} and ${held.at(-1) ?? ''} (expected at most one of "wild": true, "scatter": true, "coin": true and "multiplierSymbol")`,
      );
    }
    if (props.expand !== undefined && !wild) {
      ctx.report(
        [...path, 'expand'],
        'an expand flag on a symbol that is not wild (expected "wild": true, or no "expand")',
      );
    }
    if (Array.isArray(props.multiplier)) {
      checkDrawBound(
        ctx,
        [...path, 'multiplier'],
        props.multiplier.map((e) => e.weight),
      );
    }
    if (props.multiplierSymbol !== undefined) {
      checkDrawBound(
        ctx,
        [...path, 'multiplierSymbol'],
        props.multiplierSymbol.map((e) => e.weight),
      );
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
      } else if (props?.coin === true || props?.multiplierSymbol !== undefined) {
        const role = props.coin === true ? 'coin' : 'multiplier symbol';
        ctx.report(
          [...path, k],
          `${describeValue(member)} is a ${role}, and groups are for patterns, which never hold one (expected a symbol that pays)`,
        );
      }
      if (members.indexOf(member) < k)
        ctx.report([...path, k], `${describeValue(member)} is listed twice (expected each member once)`);
    });
  }
}
