import { bestLineMatch, decidedByPrefix } from '../engine/lines.js';
import type { Game, KindRule, Reel, ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { refuseFormat2Mechanics } from '../engine/classic.js';
import { linePairs, prefixTables } from './line-prefix.js';

/**
 * A game compiled for the simulator's fast path: everything a spin needs is a typed-array read.
 * Built once per worker; `fast-round.ts` plays rounds on it without allocating.
 */

/** Weighted reels with at most this many weight units get a draw → stop lookup table. */
const MAX_STOP_TABLE = 1 << 20;
/** Lines games with at most this many symbol combinations per line get a pay lookup table. */
export const MAX_LINE_TABLE = 1 << 24;
/** Up to this many combinations the table is filled eagerly and gets prefix tables (below). */
const MAX_EAGER_TABLE = 1 << 21;
/** Reel sets whose first two reels have at most this many stop pairs get pair tables (below). */
const MAX_STOP_PAIRS = 1 << 16;

/**
 * Lines by the stops of the first two reels. For most lines the symbols on reels 0 and 1 already
 * decide the pay (no run can start, or a 2-of-a-kind that nothing after can change); those pays
 * are summed per stop pair once. The few lines still open are listed per pair with their partial
 * table index, and the hot loop extends only those, reel by reel, until a prefix table decides.
 */
export interface LinePairs {
  /** Stops of reel 1. */
  readonly stride: number;
  /** `[stop0 * stride + stop1]`: credits of the lines the two reels decide. */
  readonly decided: Int32Array;
  /** `[pair]` … `[pair + 1]`: the range of the pair's open lines in `open` / `openIndex`. */
  readonly start: Int32Array;
  readonly open: Int32Array;
  readonly openIndex: Int32Array;
}

export interface FastReelSet {
  readonly reelCount: number;
  /** Per reel: the bound of its stop draw. */
  readonly bounds: Int32Array;
  /** Per reel: draw → stop for weighted reels (null: the draw is the stop). */
  readonly stopOf: readonly (Int32Array | null)[];
  /** Per reel: `[stop * lineCount + l]` = symbol on line l's row (lines games). */
  readonly lineSymbols: readonly Uint8Array[];
  /** Per reel r: `[stop * lineCount + l]` = that symbol × S^r, its part of the line's table index. */
  readonly lineIndex: readonly Int32Array[];
  /** Lines decided by the first two reels (null: use `lineIndex` for every line). */
  readonly pairs: LinePairs | null;
  /** Per reel: `[stop * ruleCount + i]` = nⱼ / mⱼ of ways rule i (ways games). */
  readonly waysN: readonly Int32Array[];
  readonly waysM: readonly Int32Array[];
  /**
   * Per reel: cells showing the scatter / free-spin trigger / bonus symbol at each stop. When the
   * trigger symbol is the scatter, `freeSpinsCount` is the very same array as `scatterCount`.
   */
  readonly scatterCount: readonly Uint8Array[];
  readonly freeSpinsCount: readonly Uint8Array[];
  readonly bonusCount: readonly Uint8Array[];
}

export interface FastGame {
  readonly game: Game;
  readonly symbolCount: number;
  readonly lineCount: number;
  /** `[symbol on reel 0 + S × (symbol on reel 1 + S × …)]` = credits the line pays; −1 = not yet computed. */
  readonly linePay: Int32Array | null;
  /**
   * `[k]` for k = 2 … reels: by the symbols of the first k reels, what the line pays when the later
   * reels cannot change it, or −1. `[reels]` is `linePay` itself. Null without an eager table.
   */
  readonly prefixPay: readonly Int32Array[] | null;
  readonly waysRules: readonly KindRule[];
  readonly waysPays: readonly Int32Array[];
  /** Credits by count of scatter cells (all zero without scatter pays). */
  readonly scatterPays: Int32Array;
  readonly base: FastReelSet;
  readonly free: FastReelSet | null;
}

function stopTable(reel: Reel): Int32Array | null {
  if (reel.cumulative === null) return null;
  if (reel.drawBound > MAX_STOP_TABLE) {
    throw new SlotsimError(
      'INVALID_GAME',
      `weighted reel of ${reel.drawBound} weight units is too large to simulate`,
    );
  }
  const table = new Int32Array(reel.drawBound);
  let stop = 0;
  for (let d = 0; d < reel.drawBound; d++) {
    while (d >= reel.cumulative[stop]!) stop++;
    table[d] = stop;
  }
  return table;
}

function countTable(game: Game, reel: Reel, symbol: number | null): Uint8Array {
  const length = reel.strip.length;
  const table = new Uint8Array(length);
  if (symbol === null) return table;
  for (let stop = 0; stop < length; stop++) {
    let n = 0;
    for (let k = 0; k < game.rows; k++) if (reel.strip[(stop + k) % length] === symbol) n++;
    table[stop] = n;
  }
  return table;
}

function compileReelSet(
  game: Game,
  set: ReelSet,
  waysRules: readonly KindRule[],
  prefixPay: readonly Int32Array[] | null,
): FastReelSet {
  const lineCount = game.paylines.length;
  const ruleCount = waysRules.length;
  const bonusSymbol = game.bonus?.trigger.kind === 'anywhere' ? game.bonus.trigger.symbol : null;
  const lineSymbols: Uint8Array[] = [];
  const lineIndex: Int32Array[] = [];
  const symbolCount = game.symbols.length;
  const waysN: Int32Array[] = [];
  const waysM: Int32Array[] = [];
  set.reels.forEach((reel, r) => {
    const length = reel.strip.length;
    const at = (stop: number, k: number): number => reel.strip[(stop + k) % length]!;
    const lines = new Uint8Array(length * lineCount);
    const n = new Int32Array(length * ruleCount);
    const m = new Int32Array(length * ruleCount);
    for (let stop = 0; stop < length; stop++) {
      game.paylines.forEach((payline, l) => {
        lines[stop * lineCount + l] = at(stop, payline[r]!);
      });
      waysRules.forEach((rule, i) => {
        for (let k = 0; k < game.rows; k++) {
          const s = at(stop, k);
          if (s === rule.symbol) n[stop * ruleCount + i]!++;
          else if (!rule.wild && game.substitutes[s]![rule.symbol]!) {
            n[stop * ruleCount + i]! += game.symbols[s]!.multiplier;
            m[stop * ruleCount + i]! += game.symbols[s]!.multiplier;
          }
        }
      });
    }
    lineSymbols.push(lines);
    lineIndex.push(Int32Array.from(lines, (symbol) => symbol * symbolCount ** r));
    waysN.push(n);
    waysM.push(m);
  });
  const stopPairs = set.reels.length >= 2 ? set.reels[0]!.strip.length * set.reels[1]!.strip.length : 0;
  const pairs =
    prefixPay !== null && stopPairs > 0 && stopPairs <= MAX_STOP_PAIRS
      ? linePairs(lineIndex, lineCount, prefixPay[2]!)
      : null;
  const scatterCount = set.reels.map((reel) => countTable(game, reel, game.scatter?.symbol ?? null));
  return {
    reelCount: set.reels.length,
    bounds: Int32Array.from(set.reels, (reel) => reel.drawBound),
    stopOf: set.reels.map(stopTable),
    lineSymbols,
    lineIndex,
    pairs,
    waysN,
    waysM,
    scatterCount,
    freeSpinsCount:
      game.freeSpins?.symbol === game.scatter?.symbol
        ? scatterCount
        : set.reels.map((reel) => countTable(game, reel, game.freeSpins?.symbol ?? null)),
    bonusCount: set.reels.map((reel) => countTable(game, reel, bonusSymbol)),
  };
}

export function compileFast(game: Game): FastGame {
  refuseFormat2Mechanics(game, 'the simulator');
  const symbolCount = game.symbols.length;
  if (symbolCount > 255) throw new SlotsimError('INVALID_GAME', 'the simulator supports at most 255 symbols');
  let linePay: Int32Array | null = null;
  let prefixPay: Int32Array[] | null = null;
  if (game.evaluation === 'lines') {
    const combinations = symbolCount ** game.reels;
    if (combinations <= MAX_LINE_TABLE) linePay = new Int32Array(combinations).fill(-1);
    if (linePay !== null && combinations <= MAX_EAGER_TABLE) {
      fillLineTable(game, symbolCount, linePay);
      if (game.reels >= 2) prefixPay = prefixTables(game.reels, symbolCount, linePay);
    }
  }
  const waysRules =
    game.evaluation === 'ways' ? game.pays.filter((rule): rule is KindRule => rule.kind === 'kind') : [];
  return {
    game,
    symbolCount,
    lineCount: game.paylines.length,
    linePay,
    prefixPay,
    waysRules,
    waysPays: waysRules.map((rule) => Int32Array.from(rule.pays)),
    scatterPays:
      game.scatter === null ? new Int32Array(game.reels * game.rows + 1) : Int32Array.from(game.scatter.pays),
    base: compileReelSet(game, game.baseReelSet, waysRules, prefixPay),
    free: game.freeSpins === null ? null : compileReelSet(game, game.freeSpins.reelSet, waysRules, prefixPay),
  };
}

/**
 * Fills the whole line-pay table, every entry computed by the engine's own `bestLineMatch` — once
 * for all the combinations that share a prefix which decides the line (`decidedByPrefix`), so a
 * table of S^reels entries costs a few thousand evaluations instead of S^reels.
 */
function fillLineTable(game: Game, symbolCount: number, table: Int32Array): void {
  const reels = game.reels;
  const line = new Array<number>(reels).fill(0);
  /** `line[0…k−1]` is set; `base` is its part of the index and `place` is S^k (reel 0 the lowest digit). */
  const fill = (k: number, base: number, place: number): void => {
    if (k === reels) {
      table[base] = bestLineMatch(game, line)?.win ?? 0;
      return;
    }
    if (k >= 2 && decidedByPrefix(game, line.slice(0, k))) {
      // Whatever line[k…] holds, the match is the same.
      const win = bestLineMatch(game, line)?.win ?? 0;
      for (let index = base; index < table.length; index += place) table[index] = win;
      return;
    }
    for (let s = 0; s < symbolCount; s++) {
      line[k] = s;
      fill(k + 1, base + s * place, place * symbolCount);
    }
  };
  fill(0, 0, 1);
}

/** Credits one line pays for the symbols encoded in `index` (computed by the engine itself). */
export function linePayOf(fast: FastGame, index: number): number {
  const line: number[] = [];
  let rest = index;
  for (let r = 0; r < fast.game.reels; r++) {
    line.push(rest % fast.symbolCount);
    rest = Math.floor(rest / fast.symbolCount);
  }
  return bestLineMatch(fast.game, line)?.win ?? 0;
}
