import { bestLineMatch, decidedByPrefix } from '../engine/lines.js';
import type { Game, KindRule, Reel, ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { refuseFormat2Mechanics } from '../engine/classic.js';
import { MAX_SYMBOLS } from '../game/limits.js';
import { winBounds } from '../game/win-bounds.js';
import { linePairs, prefixTables } from './line-prefix.js';

/**
 * A game compiled for the simulator's fast path: everything a spin needs is a typed-array read.
 * Built once per worker; `fast-round.ts` plays rounds on it without allocating.
 */

/** Weighted reels with at most this many weight units get a draw → stop lookup table… */
const MAX_STOP_TABLE = 1 << 20;
/** …while the tables of a reel set hold at most this many entries in all (16 MB); others search. */
const MAX_STOP_TABLES = 1 << 22;
/** Lines games with at most this many symbol combinations per line get a pay lookup table. */
export const MAX_LINE_TABLE = 1 << 24;
/** Up to this many combinations the table is filled eagerly and gets prefix tables (below). */
const MAX_EAGER_TABLE = 1 << 21;
/** Reel sets whose first two reels have at most this many stop pairs get pair tables (below). */
const MAX_STOP_PAIRS = 1 << 16;

/**
 * Tables of credits, draw bounds and ways counts. Int32Array when every value a game can put in
 * them stays below 2^31 (every real game: the fastest to read), Float64Array otherwise (exact up to
 * 2^53, the loader's limit). One game uses one kind throughout, so the hot loop stays monomorphic.
 */
export type Table = Int32Array | Float64Array;

/** Makes tables of one kind. */
export interface TableKind {
  readonly wide: boolean;
  zeros(length: number): Table;
  from(values: ArrayLike<number>): Table;
}

const NARROW: TableKind = {
  wide: false,
  zeros: (length) => new Int32Array(length),
  from: (values) => Int32Array.from(values),
};
const WIDE: TableKind = {
  wide: true,
  zeros: (length) => new Float64Array(length),
  from: (values) => Float64Array.from(values),
};

/** Whether some table of `game` can hold a value of 2^31 or more. */
function needsWideTables(game: Game): boolean {
  const limit = 2 ** 31 - 1;
  const bounds = winBounds(game);
  const maxMultiplier = Math.max(1, ...game.symbols.map((s) => s.multiplier));
  const maxDraw = Math.max(
    ...[game.baseReelSet, game.freeSpins?.reelSet ?? game.baseReelSet].flatMap((set) =>
      set.reels.map((reel) => reel.drawBound),
    ),
  );
  return (
    bounds.paidSpin >= limit ||
    bounds.freeSpin >= limit ||
    game.rows * maxMultiplier >= limit ||
    maxDraw >= limit
  );
}

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
  readonly decided: Table;
  /** `[pair]` … `[pair + 1]`: the range of the pair's open lines in `open` / `openIndex`. */
  readonly start: Int32Array;
  readonly open: Int32Array;
  readonly openIndex: Int32Array;
}

export interface FastReelSet {
  readonly reelCount: number;
  /** Per reel: the bound of its stop draw. */
  readonly bounds: Table;
  /** Per reel: draw → stop for weighted reels of at most 2^20 units (null: see `stopLookups`). */
  readonly stopOf: readonly (Int32Array | null)[];
  /**
   * Null when no reel of the set is weighted past 2^20 units. Otherwise, per reel: the running sums
   * of a heavy reel's weights, searched for the stop of a draw (null: `stopOf`, or the draw is the stop).
   */
  readonly searchOf: readonly (Float64Array | null)[] | null;
  /** Per reel: `[stop * lineCount + l]` = symbol on line l's row (lines games). */
  readonly lineSymbols: readonly Uint8Array[];
  /**
   * Per reel r: `[stop * lineCount + l]` = that symbol × S^r, its part of the line's table index.
   * Empty without a line-pay table (the index could pass 2^31).
   */
  readonly lineIndex: readonly Int32Array[];
  /** Lines decided by the first two reels (null: use `lineIndex` for every line). */
  readonly pairs: LinePairs | null;
  /** Per reel: `[stop * ruleCount + i]` = nⱼ / mⱼ of ways rule i (ways games). */
  readonly waysN: readonly Table[];
  readonly waysM: readonly Table[];
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
  /**
   * Rounds whose credits sums cannot pass 2^53 − 1 (each round wins at most the game's round bound,
   * `win-bounds.ts`): the fast path plays a chunk in runs of this many and carries the sums into
   * bigints between them. More than a chunk for every real game.
   */
  readonly roundsPerRun: number;
  readonly symbolCount: number;
  readonly lineCount: number;
  /** Int32Array or Float64Array tables (see `Table`). */
  readonly tables: TableKind;
  /**
   * `[symbol on reel 0 + S × (symbol on reel 1 + S × …)]` = credits the line pays; −1 = not yet
   * computed. Null when S^reels passes MAX_LINE_TABLE: each line is then evaluated by the engine.
   */
  readonly linePay: Table | null;
  /**
   * `[k]` for k = 2 … reels: by the symbols of the first k reels, what the line pays when the later
   * reels cannot change it, or −1. `[reels]` is `linePay` itself. Null without an eager table.
   */
  readonly prefixPay: readonly Table[] | null;
  readonly waysRules: readonly KindRule[];
  readonly waysPays: readonly Table[];
  /** Credits by count of scatter cells (all zero without scatter pays). */
  readonly scatterPays: Table;
  readonly base: FastReelSet;
  readonly free: FastReelSet | null;
}

function stopTable(reel: Reel, cumulative: readonly number[]): Int32Array {
  const table = new Int32Array(reel.drawBound);
  let stop = 0;
  for (let d = 0; d < reel.drawBound; d++) {
    while (d >= cumulative[stop]!) stop++;
    table[d] = stop;
  }
  return table;
}

/**
 * How each reel of a set turns a draw into a stop: a lookup table for weighted reels up to
 * MAX_STOP_TABLE units while the set's tables fit MAX_STOP_TABLES, a binary search over the
 * running sums for heavier ones (`searchOf`), the draw itself for unweighted reels.
 */
function stopLookups(set: ReelSet): Pick<FastReelSet, 'stopOf' | 'searchOf'> {
  let budget = MAX_STOP_TABLES;
  const stopOf = set.reels.map((reel) => {
    if (reel.cumulative === null || reel.drawBound > Math.min(MAX_STOP_TABLE, budget)) return null;
    budget -= reel.drawBound;
    return stopTable(reel, reel.cumulative);
  });
  const searchOf = set.reels.map((reel, r) =>
    reel.cumulative !== null && stopOf[r] === null ? Float64Array.from(reel.cumulative) : null,
  );
  return { stopOf, searchOf: searchOf.every((sums) => sums === null) ? null : searchOf };
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
  tables: TableKind,
  linePay: Table | null,
  prefixPay: readonly Table[] | null,
): FastReelSet {
  const lineCount = game.paylines.length;
  const ruleCount = waysRules.length;
  const bonusSymbol = game.bonus?.trigger.kind === 'anywhere' ? game.bonus.trigger.symbol : null;
  const lineSymbols: Uint8Array[] = [];
  const lineIndex: Int32Array[] = [];
  const symbolCount = game.symbols.length;
  const waysN: Table[] = [];
  const waysM: Table[] = [];
  set.reels.forEach((reel, r) => {
    const length = reel.strip.length;
    const at = (stop: number, k: number): number => reel.strip[(stop + k) % length]!;
    const lines = new Uint8Array(length * lineCount);
    const n = tables.zeros(length * ruleCount);
    const m = tables.zeros(length * ruleCount);
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
    lineIndex.push(
      linePay === null ? new Int32Array(0) : Int32Array.from(lines, (symbol) => symbol * symbolCount ** r),
    );
    waysN.push(n);
    waysM.push(m);
  });
  const stopPairs = set.reels.length >= 2 ? set.reels[0]!.strip.length * set.reels[1]!.strip.length : 0;
  const pairs =
    prefixPay !== null && stopPairs > 0 && stopPairs <= MAX_STOP_PAIRS
      ? linePairs(lineIndex, lineCount, prefixPay[2]!, tables)
      : null;
  const scatterCount = set.reels.map((reel) => countTable(game, reel, game.scatter?.symbol ?? null));
  return {
    reelCount: set.reels.length,
    bounds: tables.from(set.reels.map((reel) => reel.drawBound)),
    ...stopLookups(set),
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
  // The loader refuses more (limits.ts); a game built by hand past it is a caller's bug.
  if (symbolCount > MAX_SYMBOLS) {
    throw new SlotsimError('INTERNAL', `the simulator supports at most ${MAX_SYMBOLS} symbols`);
  }
  const tables = needsWideTables(game) ? WIDE : NARROW;
  const roundBound = winBounds(game).round;
  let linePay: Table | null = null;
  let prefixPay: Table[] | null = null;
  if (game.evaluation === 'lines') {
    const combinations = symbolCount ** game.reels;
    if (combinations <= MAX_LINE_TABLE) linePay = tables.zeros(combinations).fill(-1);
    if (linePay !== null && combinations <= MAX_EAGER_TABLE) {
      fillLineTable(game, symbolCount, linePay);
      if (game.reels >= 2) prefixPay = prefixTables(game.reels, symbolCount, linePay, tables);
    }
  }
  const waysRules =
    game.evaluation === 'ways' ? game.pays.filter((rule): rule is KindRule => rule.kind === 'kind') : [];
  return {
    game,
    roundsPerRun: Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, roundBound))),
    symbolCount,
    lineCount: game.paylines.length,
    tables,
    linePay,
    prefixPay,
    waysRules,
    waysPays: waysRules.map((rule) => tables.from(rule.pays)),
    scatterPays:
      game.scatter === null ? tables.zeros(game.reels * game.rows + 1) : tables.from(game.scatter.pays),
    base: compileReelSet(game, game.baseReelSet, waysRules, tables, linePay, prefixPay),
    free:
      game.freeSpins === null
        ? null
        : compileReelSet(game, game.freeSpins.reelSet, waysRules, tables, linePay, prefixPay),
  };
}

/**
 * Fills the whole line-pay table, every entry computed by the engine's own `bestLineMatch` — once
 * for all the combinations that share a prefix which decides the line (`decidedByPrefix`), so a
 * table of S^reels entries costs a few thousand evaluations instead of S^reels.
 */
function fillLineTable(game: Game, symbolCount: number, table: Table): void {
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
