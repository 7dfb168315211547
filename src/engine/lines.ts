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

/** Games with at most this many line combinations (S^reels) get a memo of their line matches. */
const MAX_MEMO_COMBINATIONS = 1 << 20;

/** `pairSlot`: the pair's line match is not known yet. */
const PAIR_UNKNOWN = -1;
/** `pairSlot`: the symbols after the first two can change the line's match. */
const PAIR_OPEN = -2;

/**
 * A game's memo of line matches by combination number: `symbol on reel 0 × S^(n−1) + … + symbol
 * on the last reel` (S symbols, n reels). `slot[c]` is −1 while combination c has not been seen,
 * else the index of its match in `matches` (`matches[0]` is null: the line does not pay).
 *
 * Most lines are decided by their first two symbols (no rule can run past them), so `pairSlot`
 * (`s0 × S + s1`, S² entries) answers those from a table small enough to stay in cache; the
 * full table (S^n entries, most of a megabyte for 11 symbols on 5 reels) is read only for the rest.
 */
export interface LineMemo {
  readonly slot: Int32Array;
  /** By the first two symbols: a slot as in `slot`, PAIR_UNKNOWN or PAIR_OPEN; null below 3 reels. */
  readonly pairSlot: Int32Array | null;
  readonly matches: (LineMatch | null)[];
}

const lineMemos = new WeakMap<Game, LineMemo | null>();

/** The game's line memo, made on first use; null when the game has too many combinations. */
export function lineMemoOf(game: Game): LineMemo | null {
  let memo = lineMemos.get(game);
  if (memo === undefined) {
    const symbolCount = game.symbols.length;
    const combinations = symbolCount ** game.reels;
    memo =
      combinations <= MAX_MEMO_COMBINATIONS
        ? {
            slot: new Int32Array(combinations).fill(-1),
            pairSlot: game.reels >= 3 ? new Int32Array(symbolCount * symbolCount).fill(PAIR_UNKNOWN) : null,
            matches: [null],
          }
        : null;
    lineMemos.set(game, memo);
  }
  return memo;
}

/**
 * Whether a line whose first symbols are `prefix` has the same best match whatever follows: no
 * kind rule's run can reach past the prefix (a run that stops inside it depends on it alone) and
 * no pattern longer than the prefix matches it so far. Checked against `bestLineMatch` over every
 * completion in `test/engine/lines.test.ts`.
 */
export function decidedByPrefix(game: Game, prefix: readonly number[]): boolean {
  for (const rule of game.pays) {
    if (rule.kind === 'kind') {
      const x = rule.symbol;
      if (prefix.every((s) => s === x || (!rule.wild && game.substitutes[s]![x]!))) return false;
    } else if (rule.direct.length > prefix.length) {
      if (prefix.every((s, j) => rule.direct[j]![s]! || rule.substitute[j]![s]!)) return false;
    }
  }
  return true;
}

/** `decidedByPrefix` of the first two symbols. */
export function decidedByPair(game: Game, a: number, b: number): boolean {
  return decidedByPrefix(game, [a, b]);
}

/** The memo slot of `line`'s match, computing and storing the match on first sight. */
function slotOf(game: Game, memo: LineMemo, line: readonly number[]): number {
  const match = bestLineMatch(game, line);
  if (match === null) return 0;
  memo.matches.push(match);
  return memo.matches.length - 1;
}

/**
 * `bestLineMatch` of the symbols along `payline` in a window (`window[reel][row]`), looked up in
 * `memo` when there is one (a line's match depends on its symbols alone). `scratch` receives the
 * line's symbols.
 */
export function paylineMatch(
  game: Game,
  memo: LineMemo | null,
  window: readonly (readonly number[])[],
  payline: readonly number[],
  scratch: number[],
): LineMatch | null {
  const symbolCount = game.symbols.length;
  const pairs = memo?.pairSlot ?? null;
  if (memo !== null && pairs !== null) {
    // Most lines are decided by their first two symbols: look those up before reading the rest.
    const pair = window[0]![payline[0]!]! * symbolCount + window[1]![payline[1]!]!;
    const known = pairs[pair]!;
    if (known >= 0) return memo.matches[known] ?? null;
    if (known === PAIR_UNKNOWN) {
      fillLine(window, payline, scratch);
      const slot = decidedByPair(game, scratch[0]!, scratch[1]!) ? slotOf(game, memo, scratch) : PAIR_OPEN;
      pairs[pair] = slot;
      if (slot !== PAIR_OPEN) return memo.matches[slot] ?? null;
    }
  }
  const key = fillLine(window, payline, scratch, symbolCount);
  if (memo === null) return bestLineMatch(game, scratch);
  let slot = memo.slot[key]!;
  if (slot < 0) {
    slot = slotOf(game, memo, scratch);
    memo.slot[key] = slot;
  }
  return memo.matches[slot] ?? null;
}

/** Writes the symbols along `payline` into `scratch` and returns their combination number. */
function fillLine(
  window: readonly (readonly number[])[],
  payline: readonly number[],
  scratch: number[],
  symbolCount = 0,
): number {
  let key = 0;
  for (let r = 0; r < payline.length; r++) {
    const s = window[r]![payline[r]!]!;
    scratch[r] = s;
    key = key * symbolCount + s;
  }
  return key;
}

/** The symbols along payline `line` of a window. */
export function lineSymbols(window: readonly (readonly number[])[], line: readonly number[]): number[] {
  const symbols = new Array<number>(line.length);
  for (let r = 0; r < line.length; r++) symbols[r] = window[r]![line[r]!]!;
  return symbols;
}
