/**
 * What the format-2 round flow tells a recorder, in play order. The engine's `playRound` attaches
 * the outcome recorder (`outcome-recorder.ts`), which builds the round record; the simulator
 * attaches none, and then the flow allocates nothing. Cells are grid indexes (`reel * rows + row`),
 * symbols are indexes; the recorder reads the grid when told to.
 */
import type { Grid } from './grid.js';
import type { WinSink } from './mechanics/pay-mechanic.js';
import type { BonusDraw } from './outcome.js';

/** What a spin left in the spin player when it ended (read by `spinEnd`). */
export interface SpinSummary {
  /** The counted window's scatter count (−1 with `"each"` or without a scatter) and pay in credits. */
  readonly scatterCount: number;
  readonly scatterPay: number;
  /** The multiplier symbols' sum on the final window when it applied, else −1. */
  readonly multiplierSum: number;
  /** Free spins with a meter: T after the spin; else −1. */
  readonly meterShown: number;
  readonly factor: number;
  readonly multiplier: number;
}

/** Where a coin came from: the trigger's window, a mode's start draws, or a respin. */
export type CoinPhase = 'initial' | 'landing';

export interface RoundRecorder extends WinSink {
  /** A mode's start draw of free spins. */
  startFreeSpins(spins: number): void;
  /** A mode's start draw of coins (their placements follow as `coin` events). */
  startHoldAndWin(coins: number): void;

  spinStart(reelSet: string, free: boolean): void;
  /** After the reveal's draws (heights, stops, values), before sticky and expanding wilds. */
  revealed(grid: Grid): void;
  stickyPlaced(grid: Grid, cell: number): void;
  expanded(grid: Grid, reel: number, cell: number): void;
  /** A window is about to be evaluated (its wins follow through the `WinSink`). */
  evaluationStart(grid: Grid, ladder: number): void;
  /**
   * The window's evaluation ended: its pay win; with `"each"` its scatter count and pay (−1, 0
   * otherwise) and the trigger count whose award entry applied (−1 for none).
   */
  evaluationEnd(payWin: number, scatterCount: number, scatterPay: number, awardCount: number): void;
  /** Cells marked in `grid.removed` are about to be removed. */
  removed(grid: Grid): void;
  /** The holes were refilled (see `grid.holes`, `grid.refillStops`) and the new values drawn. */
  refilled(grid: Grid, redraw: boolean): void;
  /** The spin ended; its pay and scatter wins as paid (after the cap). */
  spinEnd(summary: SpinSummary, payWin: number, scatterWin: number): void;

  /** One free-spin award entry was made: `spins` fixed or just drawn. Trigger parts come before `freeSpinsStart`. */
  award(count: number, spins: number, drawn: boolean, retrigger: boolean): void;
  /** A free spin's retrigger, after the `maxSpins` cut (after its `spinEnd`). */
  retrigger(spins: number): void;
  freeSpinsStart(awarded: number): void;
  freeSpinsEnd(win: number): void;

  /** The bonus's draws are pushed into this list. */
  bonusDraws(): BonusDraw[];
  bonusEnd(win: number): void;

  holdAndWinStart(): void;
  /** A coin placed on `cell` with value entry `value` of `holdAndWin.values`. */
  coin(cell: number, value: number, phase: CoinPhase): void;
  respinEnd(respinsLeft: number): void;
  /** The feature ended: per cell the value entry of its coin (−1: empty); its win as paid (after the cap). */
  holdAndWinEnd(coins: Int32Array, fullGrid: boolean, win: number): void;
}
