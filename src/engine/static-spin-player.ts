/**
 * The spin player of a game whose spins are static (see `spin-players.ts`): draw the stops, then
 * pay the window — from the mechanic's static kernel when no one records the spin (the simulator),
 * through the mechanic's reference evaluation on the grid when someone does (play, verify, replay).
 * The scatter, the free-spin trigger and the bonus triggers come from per-stop count tables.
 * Playing a spin without a recorder allocates nothing.
 */
import type { Rng } from '../rng/rng.js';
import { Grid } from './grid.js';
import type { Evaluate } from './mechanics/pay-mechanic.js';
import { payMechanic } from './mechanics/registry.js';
import type { GameKernel, ReelsKernel, StaticKernel, TableKind } from './mechanics/static-kernel.js';
import { NARROW, WIDE } from './mechanics/static-kernel.js';
import type { Game } from './model.js';
import type { RoundRecorder } from './round-recorder.js';
import type { SpinPlayer } from './spin-players.js';
import type { SpinTables } from './spin-tables.js';
import type { StaticReels } from './static-reels.js';
import { compileStaticReels, countCells, drawStaticStops } from './static-reels.js';
import { classicWinBounds } from './win-bounds.js';

// Indexes of `StaticSpinPlayer.sums`.
const PAY = 0;
const SCATTER = 1;
const SCATTER_PAY = 2;
const MULTIPLIER = 3;

/** Whether some kernel table of `game` can hold a value of 2^31 or more (see `Table`). */
export function needsWideTables(game: Game): boolean {
  const limit = 2 ** 31 - 1;
  const bounds = classicWinBounds(game);
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

export class StaticSpinPlayer implements SpinPlayer {
  readonly game: Game;
  readonly tables: SpinTables;
  readonly tableKind: TableKind;
  readonly base: StaticReels;
  readonly free: StaticReels | null;
  readonly baseName: string;
  readonly freeName: string | null;
  /** The stops of the last spin. */
  readonly stops: Int32Array;
  private readonly staticKernel: StaticKernel;
  private readonly evaluate: Evaluate;
  /** The kernel of each reel set, compiled on the first spin no one records. */
  private baseKernel: ReelsKernel | null = null;
  private freeKernel: ReelsKernel | null = null;
  /** The grid a recorded spin is shown on, made on the first one. */
  private grid: Grid | null = null;
  private readonly lineCount: number;
  private readonly bonusLineSymbol: number;
  private readonly bonusLineCount: number;
  private readonly bonusAnywhere: boolean;
  private readonly hasFreeSpins: boolean;
  /** Whether a spin has triggers to count: free spins, or a bonus. */
  private readonly hasTriggers: boolean;
  /** Credits by scatter count (zeros without a scatter). */
  private readonly scatterPays: Float64Array;
  /** By trigger count: 1 when the paid spin's award / a free spin's retrigger has an entry for it. */
  private readonly awards: Uint8Array;
  private readonly retriggers: Uint8Array;

  // Results of the last spin. Amounts live in a typed array: a number field would box them.
  private readonly sums = new Float64Array(4);
  get pay(): number {
    return this.sums[PAY]!;
  }
  get scatter(): number {
    return this.sums[SCATTER]!;
  }
  /** Recorded spins only, as `multiplier`. */
  get scatterPay(): number {
    return this.sums[SCATTER_PAY]!;
  }
  get multiplier(): number {
    return this.sums[MULTIPLIER]!;
  }
  readonly multiplierSum = -1;
  readonly meterShown = -1;
  readonly factor = 1;
  /** The scatter's count (the recorders read it only when the scatter paid). Recorded spins only. */
  scatterCount = -1;
  readonly awardCounts = new Int32Array(1);
  awardParts = 0;
  bonusLine = false;
  bonusCount = 0;
  readonly coinCells = new Uint8Array(0);
  readonly coinCount = 0;
  readonly evaluations = 1;

  constructor(tables: SpinTables, kernel: StaticKernel) {
    const game = tables.game;
    this.game = game;
    this.tables = tables;
    this.staticKernel = kernel;
    this.evaluate = payMechanic(game.evaluation).evaluate;
    this.tableKind = needsWideTables(game) ? WIDE : NARROW;
    this.base = compileStaticReels(game, game.baseReelSet, this.tableKind);
    this.free =
      game.freeSpins === null ? null : compileStaticReels(game, game.freeSpins.reelSet, this.tableKind);
    this.baseName = this.base.name;
    this.freeName = this.free?.name ?? null;
    this.stops = new Int32Array(game.reels);
    this.lineCount = game.paylines.length;
    const trigger = game.bonus?.trigger ?? null;
    this.bonusLineSymbol = trigger?.kind === 'line' ? trigger.symbol : -1;
    this.bonusLineCount = trigger?.kind === 'line' ? trigger.count : 0;
    this.bonusAnywhere = trigger?.kind === 'anywhere';
    this.hasFreeSpins = game.freeSpins !== null;
    this.hasTriggers = this.hasFreeSpins || this.bonusLineCount > 0 || this.bonusAnywhere;
    const counts = game.reels * game.rows + 1;
    this.scatterPays = new Float64Array(counts);
    if (game.scatter !== null)
      for (let c = 0; c < counts; c++) this.scatterPays[c] = game.scatter.pays[c] ?? 0;
    const entry = (fixed: Float64Array, drawn: SpinTables['awardDraw'], c: number): number =>
      (fixed[c] ?? 0) > 0 || drawn[c] != null ? 1 : 0;
    this.awards = Uint8Array.from({ length: counts }, (_, c) =>
      entry(tables.awardFixed, tables.awardDraw, c),
    );
    this.retriggers = Uint8Array.from({ length: counts }, (_, c) =>
      entry(tables.retriggerFixed, tables.retriggerDraw, c),
    );
  }

  /** The kernel of the game, compiled now (the simulator compiles it before its first chunk). */
  compileKernel(): GameKernel {
    const kernel = this.staticKernel.compile(this.game, this.tableKind);
    this.baseKernel = kernel.reels(this.base);
    this.freeKernel = this.free === null ? null : kernel.reels(this.free);
    return kernel;
  }

  resetFeature(): void {
    // Static spins keep no state from one free spin to the next.
  }

  play(rng: Rng, free: boolean, multiplier: number, rec: RoundRecorder | null): void {
    const set = free ? this.free : this.base;
    if (set === null) throw new Error('the game has no freeSpins');
    const stops = this.stops;
    drawStaticStops(set, rng, stops);
    let payRaw: number;
    if (rec === null) {
      const kernel = free ? this.freeKernel : this.baseKernel;
      payRaw = (kernel ?? this.kernelOf(free)).pay(stops);
    } else {
      payRaw = this.recorded(set, rec);
    }
    const sums = this.sums;
    const scatterCells = countCells(set.scatterCount, stops);
    const scatterPay = this.scatterPays[scatterCells]!;
    if (this.hasTriggers) this.triggers(set, free, scatterCells);
    sums[PAY] = payRaw * multiplier;
    sums[SCATTER] = scatterPay * multiplier;
    if (rec !== null) {
      // What the recorders read at the spin's end (`SpinSummary`).
      this.scatterCount = scatterCells;
      sums[SCATTER_PAY] = scatterPay;
      sums[MULTIPLIER] = multiplier;
    }
  }

  /** The kernel of a reel set, compiled on the first spin no one records. */
  private kernelOf(free: boolean): ReelsKernel {
    this.compileKernel();
    return (free ? this.freeKernel : this.baseKernel)!;
  }

  /**
   * The last spin's free-spin award or retrigger entry and, on a paid spin, its bonus triggers.
   * Apart from `play` so that a game without them keeps `play` small enough to inline.
   */
  private triggers(set: StaticReels, free: boolean, scatterCells: number): void {
    const stops = this.stops;
    if (this.hasFreeSpins) {
      const count =
        set.freeSpinsCount === set.scatterCount ? scatterCells : countCells(set.freeSpinsCount, stops);
      this.awardCounts[0] = count;
      this.awardParts = (free ? this.retriggers : this.awards)[count]!;
    }
    if (!free) {
      if (this.bonusLineCount > 0) this.bonusLine = this.lineTriggered(set);
      if (this.bonusAnywhere) this.bonusCount = countCells(set.bonusCount, stops);
    }
  }

  /** The window shown on the grid and paid by the reference evaluation, every step told to `rec`. */
  private recorded(set: StaticReels, rec: RoundRecorder): number {
    const t = this.tables;
    const g = (this.grid ??= new Grid(t.reels, t.rows, t.symbolCount));
    const rows = t.rows;
    const stops = this.stops;
    for (let r = 0; r < set.reelCount; r++) {
      const strip = set.strips[r]!;
      const L = strip.length;
      const stop = stops[r]!;
      g.stops[r] = stop;
      g.pointer[r] = stop;
      for (let k = 0, i = stop; k < rows; k++) {
        g.cells[r * rows + k] = strip[i]!;
        if (++i === L) i = 0;
      }
    }
    rec.revealed(g);
    rec.evaluationStart(g, 1);
    const pay = this.evaluate(t, g, 1, rec, false);
    rec.evaluationEnd(pay, -1, 0, -1);
    return pay;
  }

  /** A bonus `line` trigger: on some payline, reels 0 … count−1 show the symbol itself. */
  private lineTriggered(set: StaticReels): boolean {
    const lineCount = this.lineCount;
    const stops = this.stops;
    const symbol = this.bonusLineSymbol;
    const count = this.bonusLineCount;
    for (let l = 0; l < lineCount; l++) {
      let r = 0;
      while (r < count && set.lineSymbols[r]![stops[r]! * lineCount + l] === symbol) r++;
      if (r === count) return true;
    }
    return false;
  }
}
