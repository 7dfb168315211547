import type { Game, KindRule, PatternRule } from './model.js';

/** The paying match of one line before the free-spin multiplier and the cap. */
export interface LineMatch {
  readonly rule: number;
  readonly count: number;
  /** Product of the multipliers of the wilds standing for other symbols (1 if none). */
  readonly multiplier: number;
  /** Credits: the rule's pay × multiplier. */
  readonly win: number;
}

function matchKind(game: Game, rule: KindRule, line: readonly number[]): LineMatch | null {
  const x = rule.symbol;
  let run = 0;
  let multiplier = 1;
  if (rule.wild) {
    while (run < line.length && line[run] === x) run++;
  } else {
    let holdsX = false;
    for (; run < line.length; run++) {
      const s = line[run]!;
      if (s === x) holdsX = true;
      else if (game.substitutes[s]![x]!) multiplier *= game.symbols[s]!.multiplier;
      else break;
    }
    if (!holdsX) return null;
  }
  const pay = rule.pays[run] ?? 0;
  if (pay === 0) return null;
  return { rule: rule.index, count: run, multiplier, win: pay * multiplier };
}

function matchPattern(game: Game, rule: PatternRule, line: readonly number[]): LineMatch | null {
  const k = rule.direct.length;
  let multiplier = 1;
  let wildsAlone = true;
  for (let j = 0; j < k; j++) {
    const s = line[j]!;
    const symbol = game.symbols[s]!;
    if (rule.direct[j]![s]!) {
      if (!symbol.wild) wildsAlone = false;
    } else if (rule.substitute[j]![s]!) {
      multiplier *= symbol.multiplier;
    } else {
      return null;
    }
  }
  if (wildsAlone) multiplier = 1;
  if (rule.pay === 0) return null;
  return { rule: rule.index, count: k, multiplier, win: rule.pay * multiplier };
}

/**
 * The one match a line pays: the highest after wild multipliers; on a tie the earliest rule.
 * `line` holds the symbol index on each reel along the payline.
 */
export function bestLineMatch(game: Game, line: readonly number[]): LineMatch | null {
  let best: LineMatch | null = null;
  for (const rule of game.pays) {
    let match: LineMatch | null;
    switch (rule.kind) {
      case 'kind':
        match = matchKind(game, rule, line);
        break;
      case 'pattern':
        match = matchPattern(game, rule, line);
        break;
      default: {
        const unknown: never = rule;
        throw new Error(`unknown pay rule ${String(unknown)}`);
      }
    }
    if (match !== null && (best === null || match.win > best.win)) best = match;
  }
  return best;
}

/** The symbols along payline `line` of a window. */
export function lineSymbols(window: readonly (readonly number[])[], line: readonly number[]): number[] {
  return line.map((row, r) => window[r]![row]!);
}
