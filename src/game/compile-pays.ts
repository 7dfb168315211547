/** Wild substitution and pay rules compiled to lookup tables (see `model.ts`). */
import type { PayRule, SymbolInfo } from '../engine/model.js';
import { byCount } from './compile-tables.js';
import { credits } from './decimal.js';
import type { GameSpec } from './game-source.js';

/**
 * `substitutes[w][x]`: wild w stands for x unless x is a wild, a scatter, a coin or a multiplier
 * symbol (format-2 ruling 15), the bonus's line-trigger symbol or in w's `except` list.
 */
export function compileSubstitutes(spec: GameSpec, symbols: readonly SymbolInfo[]): boolean[][] {
  const bonusTrigger =
    spec.bonus !== undefined && 'line' in spec.bonus.trigger ? spec.bonus.trigger.line.symbol : null;
  return symbols.map((w) => {
    const except = new Set(spec.symbols[w.id]?.except ?? []);
    return symbols.map(
      (x) =>
        w.wild &&
        !x.wild &&
        !x.scatter &&
        !x.coin &&
        x.multiplierSymbol === null &&
        x.id !== bonusTrigger &&
        !except.has(x.id),
    );
  });
}

export function compilePays(
  spec: GameSpec,
  symbols: readonly SymbolInfo[],
  symbolIndex: ReadonlyMap<string, number>,
  groups: ReadonlyMap<string, readonly number[]>,
  substitutes: readonly (readonly boolean[])[],
  lineBet: number,
): PayRule[] {
  const cells = spec.grid.reels * spec.grid.rows;
  return spec.pays.map((rule, index): PayRule => {
    if ('symbol' in rule) {
      const symbol = symbolIndex.get(rule.symbol) ?? -1;
      return {
        kind: 'kind',
        index,
        symbol,
        wild: symbols[symbol]?.wild ?? false,
        pays: byCount(cells, rule.pays, (pay) => credits(pay, lineBet)),
      };
    }
    const members = rule.pattern.map((label) => {
      const symbol = symbolIndex.get(label);
      return symbol === undefined ? (groups.get(label) ?? []) : [symbol];
    });
    const direct = members.map((m) => symbols.map((s) => m.includes(s.index)));
    const substitute = members.map((m, j) =>
      symbols.map(
        (s) =>
          !(direct[j]?.[s.index] ?? false) && s.wild && m.some((x) => substitutes[s.index]?.[x] === true),
      ),
    );
    return {
      kind: 'pattern',
      index,
      labels: [...rule.pattern],
      direct,
      substitute,
      pay: credits(rule.pay, lineBet),
    };
  });
}
