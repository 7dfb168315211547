/**
 * Format 1's line and ways evaluation as it was written before the mechanics seam (issue 10): an
 * independent oracle, kept for the tests only. The engine now pays every window through its pay
 * mechanic's reference evaluation (src/engine/mechanics/); tests compare that with this code, so
 * that format 1's meaning is checked against a second implementation, not against itself.
 */
import type { Game, KindRule, PatternRule } from '../../src/engine/model.js';

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
  const pays = game.pays;
  let best: LineMatch | null = null;
  for (let i = 0; i < pays.length; i++) {
    const rule = pays[i]!;
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

/** One ways rule's win before the free-spin multiplier and the cap. */
export interface WaysMatch {
  readonly rule: number;
  /** Reels in the run. */
  readonly count: number;
  /** Ways that pay, each weighted by its wilds' multipliers: Πn − Πm (a wild's own rule: Πn). */
  readonly ways: number;
  /** Credits: pay × ways. */
  readonly win: number;
}

function waysOf(game: Game, rule: KindRule, window: readonly (readonly number[])[]): WaysMatch | null {
  const x = rule.symbol;
  let allWays = 1;
  let wildWays = 1;
  let run = 0;
  for (; run < window.length; run++) {
    let n = 0;
    let m = 0;
    for (const s of window[run]!) {
      if (s === x) n++;
      else if (!rule.wild && game.substitutes[s]![x]!) {
        const multiplier = game.symbols[s]!.multiplier;
        n += multiplier;
        m += multiplier;
      }
    }
    if (n === 0) break;
    allWays *= n;
    wildWays *= m;
  }
  const pay = rule.pays[run] ?? 0;
  const ways = rule.wild ? allWays : allWays - wildWays;
  if (pay === 0 || ways === 0) return null;
  return { rule: rule.index, count: run, ways, win: pay * ways };
}

/** Every ways rule evaluated on the window (`window[reel][row]`); the wins add up. */
export function waysMatches(game: Game, window: readonly (readonly number[])[]): WaysMatch[] {
  const matches: WaysMatch[] = [];
  for (const rule of game.pays) {
    if (rule.kind !== 'kind') continue;
    const match = waysOf(game, rule, window);
    if (match !== null) matches.push(match);
  }
  return matches;
}

/** A window's wins as format 1 evaluated them: every paying payline (or ways rule), then the scatter. */
export function oracleWindow(
  game: Game,
  window: readonly (readonly number[])[],
): {
  wins: { rule: number; count: number; line: number; multiplier: number; ways: number; win: number }[];
  scatter: number;
} {
  const wins: { rule: number; count: number; line: number; multiplier: number; ways: number; win: number }[] =
    [];
  if (game.evaluation === 'lines') {
    game.paylines.forEach((payline, line) => {
      const m = bestLineMatch(
        game,
        payline.map((row, r) => window[r]![row]!),
      );
      if (m !== null)
        wins.push({ rule: m.rule, count: m.count, line, multiplier: m.multiplier, ways: 1, win: m.win });
    });
  } else {
    for (const m of waysMatches(game, window))
      wins.push({ rule: m.rule, count: m.count, line: -1, multiplier: 1, ways: m.ways, win: m.win });
  }
  let scatter = 0;
  if (game.scatter !== null) {
    let n = 0;
    for (const column of window) for (const s of column) if (s === game.scatter.symbol) n++;
    scatter = game.scatter.pays[n] ?? 0;
  }
  return { wins, scatter };
}
