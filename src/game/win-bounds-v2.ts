/**
 * Upper bounds on what a game using a format-2 mechanic can pay, in credits, read from the compiled
 * game alone (as `win-bounds.ts` does for the classic mechanics): sound — never below a win the
 * engine can produce — and tight enough that real games load. What each part of a round can win:
 *
 * - one window (one evaluation): lines, every payline at its best rule with the largest wild values
 *   it may hold (their product, or with `"sum"` their sum); ways, per rule its pay × the product of
 *   the most each reel can count (cells × the largest wild value; without cascades or expanding or
 *   sticky wilds, the most any window of consecutive stops counts); cluster, per rule the best
 *   packing of clusters into the grid's cells (the clusters of one symbol never share a cell), a
 *   cluster of n cells worth its pay × n − 1 wilds at the largest value; anywhere, per rule its best
 *   count; without wilds, the rules of cluster and anywhere share the grid's cells;
 * - one spin: every window of the cascade sequence at its ladder entry (`maxCascades` + 1 windows),
 *   × the multiplier symbols (every cell showing the largest value) or the meter (every free spin
 *   adding that much), × the free-spin multiplier, plus the scatter (each window's with `"each"`);
 * - hold and win: every cell holding the largest coin, plus the full-grid tier;
 * - the round: the paid spin, the bonus, hold and win and `maxSpins` free spins (or, in a mode with
 *   a start, its feature), cut to the max-win cap.
 *
 * Why the cap may bound a round whose spins could pass 2^53 (README, "Limits"): the engine builds
 * every win from non-negative integers with +, × and max only, and rounding to nearest is monotone
 * with 2^53 a double, so a value whose true size reaches 2^53 is never computed below 2^53, and the
 * cap's cut min(win, cap − total) is then exact. The one subtraction, ways' Πn − Πm, needs Πn
 * exact: `waysProducts` bounds it, and the loader refuses a game where it could pass 2^53 − 1.
 */
import type { CascadeRule, Game, KindRule, Ladder, ReelSet, SymbolInfo } from '../engine/model.js';
import { prizeBound } from './prize-bounds.js';
import type { WinBounds } from './win-bounds.js';

/** Work (cells² × rules) above which the cluster and anywhere bounds skip their exact packing. */
const PACKING_BUDGET = 20_000_000;

/** The largest multiplier a symbol's cell can carry: its drawn values' largest, or its fixed one. */
export function maxValue(symbol: SymbolInfo): number {
  return symbol.multiplierDraw === null ? symbol.multiplier : Math.max(...symbol.multiplierDraw.items);
}

/** The symbols a reel's strip holds. */
function stripSymbols(strip: readonly number[]): Set<number> {
  return new Set(strip);
}

/** The largest value of a wild on `strip` that stands for x (0: none). */
function wildOn(game: Game, strip: readonly number[], x: number): number {
  let most = 0;
  for (const s of stripSymbols(strip)) {
    if (game.symbols[s]!.wild && game.substitutes[s]![x]!) most = Math.max(most, maxValue(game.symbols[s]!));
  }
  return most;
}

/** How the involved wilds multiply a win: their product, or (`"sum"`) the sum of those of 2 or more, 1 if none. */
function combine(game: Game, values: readonly number[]): number {
  if (game.wildMultipliers === 'product') return values.reduce((acc, v) => acc * Math.max(1, v), 1);
  const sum = values.reduce((acc, v) => acc + (v >= 2 ? v : 0), 0);
  return Math.max(1, sum);
}

/** The wild multiplier of a cluster or anywhere win with up to `wilds` wild cells of value at most `w`. */
function manyWilds(game: Game, w: number, wilds: number): number {
  if (wilds <= 0 || w < 1) return 1;
  if (game.wildMultipliers === 'product') return w ** wilds;
  return w >= 2 ? wilds * w : 1;
}

/** Lines: one payline's best rule; every payline at it. */
function linesWindow(game: Game, set: ReelSet): number {
  const reels = set.reels;
  let best = 0;
  for (const rule of game.pays) {
    if (rule.kind === 'pattern') {
      if (rule.pay <= 0) continue;
      const values = rule.substitute.map((position, j) => {
        const strip = reels[j]?.strip ?? [];
        let most = 0;
        for (const s of stripSymbols(strip))
          if (position[s]!) most = Math.max(most, maxValue(game.symbols[s]!));
        return most;
      });
      best = Math.max(best, rule.pay * combine(game, values));
      continue;
    }
    for (let k = 1; k < rule.pays.length && k <= reels.length; k++) {
      const pay = rule.pays[k]!;
      if (pay <= 0) continue;
      // A wild's own run is never multiplied.
      const values = rule.wild ? [] : reels.slice(0, k).map((reel) => wildOn(game, reel.strip, rule.symbol));
      best = Math.max(best, pay * combine(game, values));
    }
  }
  return best * game.paylines.length;
}

/**
 * The most reel `strip` can count for a ways rule of x in one window of `rows` cells: x counts 1, a
 * wild standing for x its largest value. `consecutive`: the window shows consecutive stops (no
 * cascade, no expanding or sticky wild), so the most any such window counts; else every cell at the best.
 */
function waysReelCount(game: Game, strip: readonly number[], rule: KindRule, consecutive: boolean): number {
  const rows = game.rows;
  const value = (s: number): number => {
    if (s === rule.symbol) return 1;
    if (!rule.wild && game.symbols[s]!.wild && game.substitutes[s]![rule.symbol]!)
      return maxValue(game.symbols[s]!);
    return 0;
  };
  if (!consecutive) return rows * Math.max(0, ...[...stripSymbols(strip)].map(value));
  const L = strip.length;
  const v = strip.map(value);
  let window = 0;
  for (let k = 0; k < rows; k++) window += v[k % L]!;
  let most = window;
  for (let stop = 1; stop < L; stop++) {
    window += v[(stop - 1 + rows) % L]! - v[stop - 1]!;
    most = Math.max(most, window);
  }
  return most;
}

/** Whether a spin's windows show consecutive stops of each reel (nothing replaces or adds a cell). */
function consecutiveWindows(game: Game, free: boolean): boolean {
  if (game.cascade !== null) return false;
  if (game.symbols.some((s) => s.expand)) return false;
  return !(free && game.freeSpins?.stickyWilds === true);
}

/**
 * Per ways rule (index into `pays`, kind rules only): the largest product of the reels' counts any
 * paying run can reach — the value ways' Πn − Πm starts from, which must stay exact.
 */
export function waysProducts(game: Game, set: ReelSet, free: boolean): { rule: number; product: number }[] {
  if (game.evaluation !== 'ways') return [];
  const consecutive = consecutiveWindows(game, free);
  return game.pays.flatMap((rule, index) => {
    if (rule.kind !== 'kind') return [];
    let product = 1;
    let most = 0;
    for (let k = 1; k < rule.pays.length && k <= set.reels.length; k++) {
      product *= waysReelCount(game, set.reels[k - 1]!.strip, rule, consecutive);
      if (rule.pays[k]! > 0) most = Math.max(most, product);
    }
    return [{ rule: index, product: most }];
  });
}

function waysWindow(game: Game, set: ReelSet, free: boolean): number {
  const consecutive = consecutiveWindows(game, free);
  let total = 0;
  for (const rule of game.pays) {
    if (rule.kind !== 'kind') continue;
    let ways = 1;
    let best = 0;
    for (let k = 1; k < rule.pays.length && k <= set.reels.length; k++) {
      ways *= waysReelCount(game, set.reels[k - 1]!.strip, rule, consecutive);
      if (rule.pays[k]! > 0) best = Math.max(best, rule.pays[k]! * ways);
    }
    total += best;
  }
  return total;
}

/** Per non-wild kind rule of a cluster or anywhere game: f(n), what a win of n cells can pay at most. */
function countPays(game: Game, set: ReelSet): { f: number[]; wilds: boolean }[] {
  const cells = game.reels * game.rows;
  const shown = new Set(set.reels.flatMap((reel) => [...stripSymbols(reel.strip)]));
  const out: { f: number[]; wilds: boolean }[] = [];
  for (const rule of game.pays) {
    if (rule.kind !== 'kind' || rule.wild) continue;
    let w = 0;
    for (const s of shown) {
      if (game.symbols[s]!.wild && game.substitutes[s]![rule.symbol]!)
        w = Math.max(w, maxValue(game.symbols[s]!));
    }
    const f = [0];
    for (let n = 1; n <= cells; n++) {
      const pay = rule.pays[n] ?? 0;
      // At least one cell shows the symbol itself: at most n − 1 are wilds.
      f.push(pay > 0 ? pay * manyWilds(game, w, n - 1) : 0);
    }
    out.push({ f, wilds: w > 0 });
  }
  return out;
}

/** The most clusters of one rule can pay in `cells` cells (they never share a cell): unbounded knapsack. */
function packClusters(f: readonly number[], cells: number): number {
  const best = new Array<number>(cells + 1).fill(0);
  for (let m = 1; m <= cells; m++) {
    let most = best[m - 1]!;
    for (let n = 1; n <= m; n++) if (f[n]! > 0) most = Math.max(most, best[m - n]! + f[n]!);
    best[m] = most;
  }
  return best[cells]!;
}

/** Per cell, the most a cluster can pay: a bound on any packing when the exact one costs too much. */
function perCell(f: readonly number[], cells: number): number {
  let ratio = 0;
  for (let n = 1; n < f.length; n++) ratio = Math.max(ratio, f[n]! / n);
  return ratio * cells;
}

function clusterWindow(game: Game, set: ReelSet): number {
  const cells = game.reels * game.rows;
  const rules = countPays(game, set);
  const exact = rules.length * cells * cells <= PACKING_BUDGET;
  if (!rules.some((r) => r.wilds)) {
    // No wild: every cell is in at most one cluster of one symbol — one packing for all rules.
    const f = [0];
    for (let n = 1; n <= cells; n++) f.push(Math.max(0, ...rules.map((r) => r.f[n]!)));
    return exact ? packClusters(f, cells) : perCell(f, cells);
  }
  // A wild cell may be in clusters of several symbols: each rule packs the whole grid.
  return rules.reduce((sum, r) => sum + (exact ? packClusters(r.f, cells) : perCell(r.f, cells)), 0);
}

function anywhereWindow(game: Game, set: ReelSet): number {
  const cells = game.reels * game.rows;
  const rules = countPays(game, set);
  if (rules.some((r) => r.wilds) || rules.length * cells * cells > PACKING_BUDGET) {
    return rules.reduce((sum, r) => sum + Math.max(0, ...r.f), 0);
  }
  // No wild: the rules' cells are disjoint — each rule pays one count, and the counts share the grid.
  let best = new Array<number>(cells + 1).fill(0);
  for (const r of rules) {
    const next = [...best];
    for (let m = 1; m <= cells; m++) {
      for (let n = 1; n <= m; n++) if (r.f[n]! > 0) next[m] = Math.max(next[m]!, best[m - n]! + r.f[n]!);
    }
    best = next;
  }
  return Math.max(0, ...best);
}

/** One window's pay wins on `set`, before the ladder and the spin's multipliers. */
export function windowBound(game: Game, set: ReelSet, free: boolean): number {
  switch (game.evaluation) {
    case 'lines':
      return linesWindow(game, set);
    case 'ways':
      return waysWindow(game, set, free);
    case 'cluster':
      return clusterWindow(game, set);
    case 'anywhere':
      return anywhereWindow(game, set);
    default: {
      const unknown: never = game.evaluation;
      throw new Error(`unknown evaluation ${String(unknown)}`);
    }
  }
}

/** The largest entry of a ladder (any cascade count). */
function ladderMax(ladder: Ladder): number {
  return ladder.kind === 'list' ? Math.max(...ladder.values) : Math.max(ladder.start, ladder.max);
}

/** Σ of the ladder's entries over one spin's windows (c = 0 … maxCascades; any c with `"feature"` scope). */
function ladderSum(cascade: CascadeRule | null, free: boolean): number {
  if (cascade === null) return 1;
  const ladder = free ? cascade.freeLadder : cascade.ladder;
  const windows = cascade.maxCascades + 1;
  if (free && cascade.ladderScope === 'feature') return windows * ladderMax(ladder);
  let sum = 0;
  for (let c = 0; c < windows; c++) {
    sum +=
      ladder.kind === 'list'
        ? ladder.values[Math.min(c, ladder.values.length - 1)]!
        : Math.min(ladder.start + ladder.step * c, ladder.max);
  }
  return sum;
}

/** The most the multiplier symbols of one window can add up to: every cell at its reel's largest value. */
function multiplierSymbols(game: Game, set: ReelSet): number {
  let sum = 0;
  for (const reel of set.reels) {
    let most = 0;
    for (const s of stripSymbols(reel.strip)) {
      const list = game.symbols[s]!.multiplierSymbol;
      if (list !== null) most = Math.max(most, ...list.items);
    }
    sum += most * game.rows;
  }
  return sum;
}

/** One spin on `set` (a free spin when `free`), every multiplier included, before the cap. */
export function spinBound(game: Game, set: ReelSet, free: boolean): number {
  const feature = game.freeSpins;
  const multiplier = free && feature !== null ? feature.multiplier : 1;
  const shown = multiplierSymbols(game, set);
  // The meter adds a spin's values to T on every paying free spin: at most maxSpins of them.
  const factor =
    free && feature?.multiplierMeter === true ? Math.max(1, feature.maxSpins * shown) : Math.max(1, shown);
  const pays = windowBound(game, set, free) * ladderSum(game.cascade, free) * factor;
  const scatter = game.scatter === null ? 0 : Math.max(0, ...game.scatter.pays);
  const scatterWindows = game.cascade?.scatterCount === 'each' ? game.cascade.maxCascades + 1 : 1;
  return (pays + scatter * scatterWindows) * multiplier;
}

/** One hold-and-win feature: every cell holding the largest coin, plus the full-grid tier. */
export function holdAndWinBound(game: Game): number {
  const hw = game.holdAndWin;
  if (hw === null) return 0;
  const coin = Math.max(0, ...hw.values.items.map((v) => v.credits));
  return game.reels * game.rows * coin + (hw.fullGrid?.credits ?? 0);
}

/** `winBounds` of a game using a format-2 mechanic. */
export function winBoundsV2(game: Game): WinBounds {
  const start = game.start;
  const feature = game.freeSpins;
  const paidSpin = start === null ? spinBound(game, game.baseReelSet, false) : 0;
  const freeSpin = feature === null ? 0 : spinBound(game, feature.reelSet, true);
  const bonus = start === null && game.bonus !== null ? prizeBound(game.bonus.prize) : 0;
  const holdAndWin = start === null || start.kind === 'holdAndWin' ? holdAndWinBound(game) : 0;
  const freeSpins = start === null || start.kind === 'freeSpins' ? (feature?.maxSpins ?? 0) * freeSpin : 0;
  const uncappedRound = paidSpin + bonus + holdAndWin + freeSpins;
  const cap = game.maxWinCredits;
  return {
    paidSpin,
    freeSpin,
    bonus,
    holdAndWin,
    uncappedRound,
    round: cap === null ? uncappedRound : Math.min(cap, uncappedRound),
  };
}
