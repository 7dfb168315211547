import type { Game, KindRule } from './model.js';

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
