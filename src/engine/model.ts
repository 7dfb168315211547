/**
 * The compiled game: what the engine, the simulator, the analyser and replay consume.
 *
 * A game file (`slotsim/1`, see the format spec) is validated once by `src/game/` and turned into
 * this model: symbols become indexes, pays become integer credits, every lookup the hot loops need
 * is built here, and everything is frozen. Nothing downstream re-checks a compiled game.
 *
 * Conventions:
 * - Symbols are referred to by index into `Game.symbols`.
 * - Arrays "by count" have length `reels * rows + 1` and are indexed by a count (of cells, or the
 *   length of a run); 0 means "no entry" (a zero pay and a missing pay are the same thing).
 * - Every amount is in integer credits, already multiplied by its unit (line bet, total bet).
 */

export interface SymbolInfo {
  readonly id: string;
  readonly index: number;
  readonly wild: boolean;
  readonly scatter: boolean;
  /** The wild's multiplier; 1 for every non-wild symbol. */
  readonly multiplier: number;
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
  /** Spins awarded by count of trigger cells on the paid spin (0 = no award). */
  readonly awards: readonly number[];
  /** Spins added by count of trigger cells on a free spin (0 = none). */
  readonly retrigger: readonly number[];
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

export interface Game {
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
  readonly rows: number;
  /** Total stake of one paid round, in credits. */
  readonly betCredits: number;
  readonly lineBet: number;
  readonly symbols: readonly SymbolInfo[];
  /** Symbol id → index. */
  readonly symbolIndex: Readonly<Record<string, number>>;
  /** Group id → member symbol indexes. */
  readonly groups: Readonly<Record<string, readonly number[]>>;
  /**
   * `substitutes[w][x]`: wild w substitutes for symbol x. False for every non-wild w, for x a
   * wild, a scatter, the bonus's line-trigger symbol, or in w's `except` list.
   */
  readonly substitutes: readonly (readonly boolean[])[];
  readonly evaluation: 'lines' | 'ways';
  /** Lines games: each line's row index per reel. Empty for ways games. */
  readonly paylines: readonly (readonly number[])[];
  readonly pays: readonly PayRule[];
  readonly scatter: ScatterPays | null;
  readonly reelSets: Readonly<Record<string, ReelSet>>;
  /** The reel set of paid spins. */
  readonly baseReelSet: ReelSet;
  readonly freeSpins: FreeSpinsFeature | null;
  readonly bonus: BonusFeature | null;
  /** The cap on one round's total win as a multiple of the total bet, or null. */
  readonly maxWin: number | null;
  /** The same cap in credits (`maxWin × betCredits`), or null. */
  readonly maxWinCredits: number | null;
  /** Declared RTP target for the CI gate, or null. */
  readonly rtp: { readonly target: number; readonly tolerance: number } | null;
}
