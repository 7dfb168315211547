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
