/**
 * The compiled game: what the engine, the simulator, the analyser and replay consume.
 *
 * A game file (`slotsim/1` or `slotsim/2`, see the format specs) is validated once by `src/game/`
 * and turned into this model: symbols become indexes, pays become integer credits, every lookup the hot loops need
 * is built here, and everything is frozen. Nothing downstream re-checks a compiled game.
 *
 * Conventions:
 * - Symbols are referred to by index into `Game.symbols`.
 * - Arrays "by count" have length `reels * rows + 1` and are indexed by a count (of cells, or the
 *   length of a run); 0 means "no entry" (a zero pay and a missing pay are the same thing).
 * - Every amount is in integer credits, already multiplied by its unit (line bet, total bet).
 */

/**
 * A weighted table drawn with one `rng.int(total)`: the draw d picks the first item i with
 * d < cumulative[i]. Format 2's lists keep their written order; version-1 style tables keyed by
 * numbers (`{ "9": 1, "10": 9 }`) are compiled in ascending numeric order of their keys.
 */
export interface WeightedList<T> {
  readonly items: readonly T[];
  /** Running sums of the weights (`cumulative[i] = w0 + … + wi`); every weight is a positive integer. */
  readonly cumulative: readonly number[];
  /** The sum of the weights: the draw's bound (at most 2^53 − 1). */
  readonly total: number;
}

export interface SymbolInfo {
  readonly id: string;
  readonly index: number;
  readonly wild: boolean;
  readonly scatter: boolean;
  /** The wild's fixed multiplier; 1 for every non-wild symbol and for a wild whose multiplier is drawn. */
  readonly multiplier: number;
  /** Format 2: a wild whose multiplier each cell draws when it appears (null: the fixed `multiplier`). */
  readonly multiplierDraw: WeightedList<number> | null;
  /**
   * Format 2: a multiplier symbol (neither wild nor scatter; never pays, never removed by a cascade):
   * the values a cell showing it draws. Null for every other symbol.
   */
  readonly multiplierSymbol: WeightedList<number> | null;
  /** Format 2: a hold-and-win coin (like a scatter: never in pays, lines, ways or clusters). */
  readonly coin: boolean;
  /** Format 2: an expanding wild (shows on every cell of a reel that shows it). */
  readonly expand: boolean;
}

export interface Reel {
  /** Symbol index of every stop, in strip order. */
  readonly strip: readonly number[];
  /** One positive integer weight per stop, or null for an unweighted strip. */
  readonly weights: readonly number[] | null;
  /**
   * Running sums of `weights` (`cumulative[i] = w0 + … + wi`), or null for an unweighted strip.
   * The stop of a draw d is the first i with d < cumulative[i].
   */
  readonly cumulative: readonly number[] | null;
  /** What the stop draw is bounded by: the strip length, or the sum of the weights. */
  readonly drawBound: number;
}

export interface ReelSet {
  readonly name: string;
  /** One reel per grid column. */
  readonly reels: readonly Reel[];
}

/** `{ "symbol": X, "pays": { "3": 50 } }`: X-of-a-kind (lines) or ways pays of X. */
export interface KindRule {
  readonly kind: 'kind';
  /** Position of the rule in the file's `pays` list (ties go to the earliest). */
  readonly index: number;
  readonly symbol: number;
  /** True when X is itself a wild: its run is X alone and is never multiplied. */
  readonly wild: boolean;
  /** Credits by run length (lines) or by number of reels in the run (ways), per line or way. */
  readonly pays: readonly number[];
}

/** `{ "pattern": [A0, …], "pay": P }` (lines games only). */
export interface PatternRule {
  readonly kind: 'pattern';
  readonly index: number;
  /** The pattern as written (symbol or group ids), for reports. */
  readonly labels: readonly string[];
  /**
   * `direct[j][s]`: symbol s matches position j as itself (s is Aj, or s is in group Aj).
   */
  readonly direct: readonly (readonly boolean[])[];
  /**
   * `substitute[j][s]`: symbol s is a wild that matches position j only by substituting for at
   * least one member of Aj (false wherever `direct[j][s]` is true).
   */
  readonly substitute: readonly (readonly boolean[])[];
  /** Credits per line. */
  readonly pay: number;
}

export type PayRule = KindRule | PatternRule;

export interface ScatterPays {
  readonly symbol: number;
  /** Credits by exact count of scatter cells in the window (already × total bet). */
  readonly pays: readonly number[];
}

export interface FreeSpinsFeature {
  /** The scatter symbol whose cells are counted for the trigger and retriggers. */
  readonly symbol: number;
  /**
   * Spins awarded by count of trigger cells on the paid spin (0 = no fixed award). A count whose
   * award is drawn (format 2) has 0 here and its table in `awardDraws`.
   */
  readonly awards: readonly number[];
  /** Format 2: by count, the table the award is drawn from, or null (fixed award or none). */
  readonly awardDraws: readonly (WeightedList<number> | null)[];
  /** Spins added by count of trigger cells on a free spin (0 = none; drawn ones: see `retriggerDraws`). */
  readonly retrigger: readonly number[];
  /** Format 2: by count, the table a retrigger is drawn from, or null. */
  readonly retriggerDraws: readonly (WeightedList<number> | null)[];
  /** Format 2: a cell that showed a wild in a free spin shows it (with its value) for the rest of the feature. */
  readonly stickyWilds: boolean;
  /** Format 2: the feature's multiplier meter (see the format-2 spec). */
  readonly multiplierMeter: boolean;
  readonly reelSet: ReelSet;
  /** Every free-spin win (line, ways and scatter) is multiplied by this. */
  readonly multiplier: number;
  /** At most this many free spins in one round, the first award included. */
  readonly maxSpins: number;
}

/** A weighted draw node of a bonus prize tree. Entries are in ascending numeric key order. */
export type PrizeNode =
  | {
      readonly kind: 'pick';
      /** Prize of each entry, in credits (value × the bonus's unit). */
      readonly values: readonly number[];
      readonly cumulative: readonly number[];
      readonly total: number;
    }
  | {
      readonly kind: 'repeat';
      /** How many times `each` is evaluated, per entry. */
      readonly counts: readonly number[];
      readonly cumulative: readonly number[];
      readonly total: number;
      readonly each: PrizeNode;
    };

export type BonusTrigger =
  /** N or more cells of scatter `symbol` anywhere in the window. */
  | { readonly kind: 'anywhere'; readonly symbol: number; readonly count: number }
  /** On some payline, reels 0 … count−1 all show `symbol` itself (wilds do not count). */
  | { readonly kind: 'line'; readonly symbol: number; readonly count: number };

export interface BonusFeature {
  readonly trigger: BonusTrigger;
  readonly prize: PrizeNode;
  /** "lineBet" or "bet": what the prize values were multiplied by (for reports). */
  readonly paysPer: 'lineBet' | 'bet';
}

/** A cascade ladder: `list` (entry c, the last repeating) or min(start + step·c, max). */
export type Ladder =
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'linear'; readonly start: number; readonly step: number; readonly max: number };

/** Format 2 `cascade` (tumbles). */
export interface CascadeRule {
  readonly refill: 'strip' | 'redraw';
  /** At most this many refills in one spin. */
  readonly maxCascades: number;
  readonly ladder: Ladder;
  /** The ladder of free spins (`freeLadder`, else `ladder`). */
  readonly freeLadder: Ladder;
  readonly ladderScope: 'spin' | 'feature';
  /** `keep[s]`: cells showing symbol s are never removed. */
  readonly keep: readonly boolean[];
  readonly scatterCount: 'final' | 'initial' | 'each';
}

/** A hold-and-win coin's value: credits (value × unit), or a jackpot tier's credits. */
export type CoinValue =
  | { readonly kind: 'value'; readonly value: number; readonly credits: number }
  | { readonly kind: 'jackpot'; readonly tier: string; readonly credits: number };

/** Format 2 `holdAndWin` (coin respins on the whole grid). */
export interface HoldAndWinFeature {
  /** The coin symbol counted for the trigger, and its count (`count` or more cells trigger). */
  readonly symbol: number;
  readonly count: number;
  readonly respins: number;
  readonly maxRespins: number;
  /** A respin draws `rng.int(coin + blank)` per empty cell; below `coin` lands a coin. */
  readonly coin: number;
  readonly blank: number;
  readonly values: WeightedList<CoinValue>;
  /** Jackpot tier → credits. */
  readonly jackpots: Readonly<Record<string, number>>;
  /** The tier paid on top when every cell holds a coin, or null. */
  readonly fullGrid: { readonly tier: string; readonly credits: number } | null;
  readonly paysPer: 'bet' | 'lineBet';
}

/** A bet mode whose rounds start in a feature, with no paid spin. */
export type ModeStart =
  | { readonly kind: 'freeSpins'; readonly spins: WeightedList<number> }
  | { readonly kind: 'holdAndWin'; readonly coins: WeightedList<number> };

export type EvaluationKind = 'lines' | 'ways' | 'cluster' | 'anywhere';

export interface Game {
  /** The file's format version. */
  readonly format: 1 | 2;
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** The variant this model was compiled for; null for the game as written. */
  readonly variant: string | null;
  /** Every variant name the file defines. */
  readonly variants: readonly string[];
  /** SHA-256 (hex) of the game file's bytes. */
  readonly sha256: string;
  readonly reels: number;
  /** Rows of the grid; with `heights`, the largest height a reel can show. */
  readonly rows: number;
  /** Format 2 `grid.heights`: per reel, the table its height (rows shown) is drawn from; null: every reel shows `rows`. */
  readonly heights: readonly WeightedList<number>[] | null;
  /**
   * The total bet `bet.credits`: the unit of scatter, bonus, hold-and-win and `maxWin`, and the
   * stake of a round of the base mode (a mode's stake is `cost`).
   */
  readonly betCredits: number;
  readonly lineBet: number;
  readonly symbols: readonly SymbolInfo[];
  /** Symbol id → index. */
  readonly symbolIndex: Readonly<Record<string, number>>;
  /** Group id → member symbol indexes. */
  readonly groups: Readonly<Record<string, readonly number[]>>;
  /**
   * `substitutes[w][x]`: wild w substitutes for symbol x. False for every non-wild w, for x a
   * wild, a scatter, a coin or a multiplier symbol (format-2 ruling 15), the bonus's line-trigger
   * symbol, or in w's `except` list.
   */
  readonly substitutes: readonly (readonly boolean[])[];
  readonly evaluation: EvaluationKind;
  /** How the multipliers of the wilds involved in a win combine (format 1: always "product"). */
  readonly wildMultipliers: 'product' | 'sum';
  /** Lines games: each line's row index per reel. Empty for ways games. */
  readonly paylines: readonly (readonly number[])[];
  readonly pays: readonly PayRule[];
  readonly scatter: ScatterPays | null;
  readonly reelSets: Readonly<Record<string, ReelSet>>;
  /** The reel set of paid spins. */
  readonly baseReelSet: ReelSet;
  readonly freeSpins: FreeSpinsFeature | null;
  readonly bonus: BonusFeature | null;
  /** Format 2 tumbles, or null. */
  readonly cascade: CascadeRule | null;
  readonly holdAndWin: HoldAndWinFeature | null;
  /** The bet mode this model was compiled for: "base" for the game as written. */
  readonly mode: string;
  /** Every mode of the file (with the variant merged in): "base" first, then `modes` in written order. */
  readonly modes: readonly string[];
  /** Credits staked per round of this mode (`bet.credits` for "base", else the mode's `cost`). */
  readonly cost: number;
  /** A mode whose rounds start in a feature (no paid spin), or null. */
  readonly start: ModeStart | null;
  /** The cap on one round's total win as a multiple of the total bet, or null. */
  readonly maxWin: number | null;
  /** The same cap in credits (`maxWin × betCredits`), or null. */
  readonly maxWinCredits: number | null;
  /** Declared RTP target for the CI gate (of this mode), or null. */
  readonly rtp: { readonly target: number; readonly tolerance: number } | null;
}
