/**
 * What one round produced, in full: what a game server shows, an audit log records and replay
 * compares. Every `win` is in credits, after the free-spin multiplier and after the max-win cap,
 * so the parts of a round always add up to its total.
 */

/** One payline's paying match. */
export interface LineWin {
  readonly kind: 'line';
  /** Index of the payline in the game's `paylines`. */
  readonly line: number;
  /** Index of the rule in the game's `pays`. */
  readonly rule: number;
  /** The paying symbol of an X-of-a-kind rule, or the pattern's labels joined by "," */
  readonly symbol: string;
  /** Length of the run (X-of-a-kind) or of the pattern. */
  readonly count: number;
  /** Product of the multipliers of the wilds that substituted in the match (1 if none). */
  readonly multiplier: number;
  readonly win: number;
}

/** One ways rule's win. */
export interface WaysWin {
  readonly kind: 'ways';
  readonly rule: number;
  readonly symbol: string;
  /** Number of reels in the run. */
  readonly count: number;
  /** Ways paid, each weighted by its wilds' multipliers (Πn − Πm in the spec). */
  readonly ways: number;
  readonly win: number;
}

export type PayWin = LineWin | WaysWin;

export interface ScatterWin {
  readonly symbol: string;
  readonly count: number;
  readonly win: number;
}

export interface SpinOutcome {
  /** Name of the reel set the spin was drawn on. */
  readonly reelSet: string;
  /** The stop (top row index into the strip) of every reel. */
  readonly stops: readonly number[];
  /** `window[reel][row]`: symbol id shown. */
  readonly window: readonly (readonly string[])[];
  /** Line or ways wins, in evaluation order (lines by payline index; ways by rule index). */
  readonly wins: readonly PayWin[];
  readonly scatter: ScatterWin | null;
  /** Multiplier applied to every win of this spin (the free-spin multiplier, 1 on the paid spin). */
  readonly multiplier: number;
  /** Sum of this spin's wins. */
  readonly win: number;
}

export interface FreeSpinOutcome extends SpinOutcome {
  /** Spins this free spin added by retrigger, after the `maxSpins` cut (0 if none). */
  readonly retrigger: number;
}

export interface BonusDraw {
  /** "pick" or "repeat" */
  readonly node: 'pick' | 'repeat';
  readonly bound: number;
  readonly draw: number;
  /** The entry drawn: the prize in credits (pick) or the repeat count (repeat). */
  readonly result: number;
}

export interface BonusOutcome {
  readonly draws: readonly BonusDraw[];
  /** The bonus win in credits (after the cap). */
  readonly win: number;
}

export interface FreeSpinsOutcome {
  /** Spins awarded by the paid spin's trigger, after the `maxSpins` cut. */
  readonly awarded: number;
  readonly spins: readonly FreeSpinOutcome[];
  readonly win: number;
}

export interface RoundComponents {
  /** Line or ways wins of the paid spin. */
  readonly lines: number;
  /** The paid spin's scatter win. */
  readonly scatter: number;
  /** Every win of the free spins, line or ways and scatter. */
  readonly freeSpins: number;
  readonly bonus: number;
}

export interface RoundOutcome {
  /** Credits staked (the game's total bet). */
  readonly stake: number;
  readonly paid: SpinOutcome;
  readonly bonus: BonusOutcome | null;
  readonly freeSpins: FreeSpinsOutcome | null;
  readonly components: RoundComponents;
  readonly total: number;
  /** True when the max-win cap ended the round (the total reached the cap). */
  readonly capped: boolean;
}

// ---------------------------------------------------------------------------------------------
// Format 2: the round record of a `slotsim/2` game (a superset of the above, in play order).
// A format-1 game keeps `RoundOutcome` exactly; `isRoundOutcomeV2` tells the two apart.
// Plain JSON: numbers, strings, arrays, null. Every amount is in credits.
// ---------------------------------------------------------------------------------------------

/** A cell of the grid: `[reel, row]`, row 0 at the top. */
export type Cell = readonly [reel: number, row: number];

/** A value-carrying cell (a random-multiplier wild or a multiplier symbol) and its value. */
export interface CellValue {
  readonly cell: Cell;
  readonly value: number;
}

/** A sticky wild placed on a free spin's window (it covers what the cell showed). */
export interface StickyCell {
  readonly cell: Cell;
  readonly symbol: string;
  /** The wild's multiplier on that cell (drawn or fixed). */
  readonly value: number;
}

/** An expanding wild that filled its reel: the reel's topmost cell of it, and the value every cell carries. */
export interface Expansion {
  readonly reel: number;
  readonly symbol: string;
  readonly value: number;
}

interface WinBaseV2 {
  /** Index of the rule in the game's `pays`. */
  readonly rule: number;
  /** The paying symbol, or the pattern's labels joined by "," */
  readonly symbol: string;
  /** Run length (lines), reels in the run (ways), cluster size (cluster), n (anywhere). */
  readonly count: number;
  /** The cells the win holds, reel-major (a cascade removes them). */
  readonly cells: readonly Cell[];
  /** The pay entry in credits (× `lineBet`): per line, per way, per cluster, per rule. */
  readonly pay: number;
  /** The involved wilds' multipliers, combined by `wildMultipliers` (1 for ways: they are in `ways`). */
  readonly wildMultiplier: number;
  /** The cascade ladder's factor on this window (1 without cascades). */
  readonly ladder: number;
  /** `pay × ways × wildMultiplier × ladder` (ways is 1 outside ways games). */
  readonly win: number;
}

export interface LineWinV2 extends WinBaseV2 {
  readonly kind: 'line';
  /** Index of the payline in the game's `paylines`. */
  readonly line: number;
}

export interface WaysWinV2 extends WinBaseV2 {
  readonly kind: 'ways';
  /** Πn − Πm of the spec: ways that pay, each weighted by its wilds' multipliers (a wild's own rule: Πn). */
  readonly ways: number;
}

export interface ClusterWinV2 extends WinBaseV2 {
  readonly kind: 'cluster';
}

export interface AnywhereWinV2 extends WinBaseV2 {
  readonly kind: 'anywhere';
}

export type PayWinV2 = LineWinV2 | WaysWinV2 | ClusterWinV2 | AnywhereWinV2;

/** A scatter count that paid: its pay in credits before the free-spin multiplier. */
export interface ScatterPayV2 {
  readonly symbol: string;
  readonly count: number;
  readonly pay: number;
}

/** One part of a free-spin award or retrigger: the trigger count and the spins of its entry. */
export interface AwardPart {
  readonly count: number;
  readonly spins: number;
  /** True when the entry is a weighted table (the spins were drawn). */
  readonly drawn: boolean;
}

/** What a cascade refill put in the holes. */
export interface RefillOutcome {
  /** `"redraw"`: the stop drawn for each reel with holes, ascending; empty for `"strip"`. */
  readonly stops: readonly { readonly reel: number; readonly stop: number }[];
  /** The new cells, reel-major, with their symbols. */
  readonly cells: readonly { readonly cell: Cell; readonly symbol: string }[];
  /** Values drawn for the new value-carrying cells, in draw order (reel-major). */
  readonly values: readonly CellValue[];
}

/** One evaluation of a spin's window (one step of a tumble sequence; a spin without cascades has one). */
export interface EvaluationOutcome {
  /** `window[reel][row]`: symbol ids, the cells each reel shows. */
  readonly window: readonly (readonly string[])[];
  /** The window's value-carrying cells and their values, reel-major. */
  readonly values: readonly CellValue[];
  /** The ladder factor of this window. */
  readonly ladder: number;
  /** Pay wins, in evaluation order (lines by payline; ways, cluster, anywhere by rule). */
  readonly wins: readonly PayWinV2[];
  /** The sum of `wins`. */
  readonly payWin: number;
  /** `"scatterCount": "each"` only: the scatter pay of this window, or null. */
  readonly scatter: ScatterPayV2 | null;
  /**
   * `"scatterCount": "each"` only: the trigger count whose award (paid spin) or retrigger (free
   * spin) entry applied on this window, or null. Its spins are in the award parts, in window order.
   */
  readonly award: number | null;
  /** The cells removed after this window (the union of the wins' cells, less `keep`); empty at the end. */
  readonly removed: readonly Cell[];
  /** The refill that led to the next window, or null when the sequence ended here. */
  readonly refill: RefillOutcome | null;
}

export interface SpinOutcomeV2 {
  readonly reelSet: string;
  /** Rows shown per reel (`grid.heights`), or null when every reel shows `rows`. */
  readonly heights: readonly number[] | null;
  readonly stops: readonly number[];
  /** The values drawn for the revealed window, in draw order (reel-major), covered cells included. */
  readonly values: readonly CellValue[];
  /** Sticky wilds placed on this free spin (before expansion), reel-major. */
  readonly sticky: readonly StickyCell[];
  /** Reels an expanding wild filled, ascending. */
  readonly expanded: readonly Expansion[];
  /** Every window evaluated, in order. */
  readonly evaluations: readonly EvaluationOutcome[];
  /** The counted window's scatter pay (`"final"` or `"initial"`), or null (none, or `"each"`). */
  readonly scatter: ScatterPayV2 | null;
  /** The sum of the multiplier symbols' values on the final window when they applied, else null. */
  readonly multiplierSymbols: number | null;
  /** Free spins with `multiplierMeter`: the feature's total T after this spin; else null. */
  readonly meter: number | null;
  /** What multiplied the pay wins: the multiplier symbols' sum, the meter, or 1. */
  readonly factor: number;
  /** The free-spin multiplier (1 on the paid spin). */
  readonly multiplier: number;
  /** Σ evaluations' `payWin` × `factor` × `multiplier`, after the cap. */
  readonly payWin: number;
  /** Scatter pays (every window's with `"each"`) × `multiplier`, after the cap. */
  readonly scatterWin: number;
  /** `payWin + scatterWin`. */
  readonly win: number;
}

export interface FreeSpinOutcomeV2 extends SpinOutcomeV2 {
  /** The retrigger entries that applied on this spin (drawn right after it). */
  readonly retriggers: readonly AwardPart[];
  /** Spins added, after the `maxSpins` cut. */
  readonly retrigger: number;
}

export interface FreeSpinsOutcomeV2 {
  /** The trigger's award entries (drawn right before the first free spin); empty in a `start` round. */
  readonly awards: readonly AwardPart[];
  /** Spins awarded by the trigger (or the mode's start draw), after the `maxSpins` cut. */
  readonly awarded: number;
  readonly spins: readonly FreeSpinOutcomeV2[];
  readonly win: number;
}

/** A hold-and-win coin: its cell and its value (`value` units, or a jackpot tier), in credits. */
export interface CoinOutcome {
  readonly cell: Cell;
  /** The coin's value in units (null for a jackpot). */
  readonly value: number | null;
  /** The jackpot tier (null for a value). */
  readonly jackpot: string | null;
  readonly credits: number;
}

export interface RespinOutcome {
  /** Coins landed on this respin, reel-major, with the values drawn at once. */
  readonly landings: readonly CoinOutcome[];
  /** L after this respin. */
  readonly respinsLeft: number;
}

export interface HoldAndWinOutcome {
  /** The coins the feature started with (the trigger's, reel-major; or the start's, in placement order). */
  readonly initial: readonly CoinOutcome[];
  readonly respins: readonly RespinOutcome[];
  /** Every coin at the end, reel-major. */
  readonly coins: readonly CoinOutcome[];
  /** The jackpot tiers won (coins reel-major, then `fullGrid`'s). */
  readonly jackpots: readonly string[];
  /** Every cell holds a coin. */
  readonly fullGrid: boolean;
  /** The feature's win, after the cap. */
  readonly win: number;
}

/** The start draws of a mode with `start` (the round has no paid spin). */
export type StartOutcome =
  | { readonly kind: 'freeSpins'; readonly spins: number }
  | { readonly kind: 'holdAndWin'; readonly coins: number; readonly placements: readonly Cell[] };

export interface RoundComponentsV2 extends RoundComponents {
  readonly holdAndWin: number;
}

export interface RoundOutcomeV2 {
  readonly format: 2;
  /** The bet mode played ("base" for the game as written). */
  readonly mode: string;
  /** Credits staked: the mode's cost (`bet.credits` for "base"). */
  readonly cost: number;
  readonly start: StartOutcome | null;
  /** The paid spin; null in a mode with `start`. */
  readonly paid: SpinOutcomeV2 | null;
  readonly bonus: BonusOutcome | null;
  readonly holdAndWin: HoldAndWinOutcome | null;
  readonly freeSpins: FreeSpinsOutcomeV2 | null;
  readonly components: RoundComponentsV2;
  readonly total: number;
  /** True when the max-win cap ended the round (the total reached the cap). */
  readonly capped: boolean;
}

/** The outcome of a round of either format. */
export type AnyRoundOutcome = RoundOutcome | RoundOutcomeV2;

/** True for the record of a format-2 game (format 1's `RoundOutcome` has no `format` member). */
export function isRoundOutcomeV2(outcome: AnyRoundOutcome): outcome is RoundOutcomeV2 {
  return 'format' in outcome;
}
