/**
 * One spin of a format-2 game, exactly as the spec's "Draw order" and "Cascades" say:
 *
 * (a) heights, reels 0 … R−1 (every spin, free spins too: ruling 18); (b) stops; (c) the values
 * of the revealed window's value-carrying cells, reel-major (covered cells included: ruling 22);
 * then sticky wilds (free spins), expanding wilds (the topmost of a reel: ruling 25), and the
 * evaluation sequence: evaluate (× ladder(c)), end on no win or at `maxCascades` refills, remove
 * the wins' cells (less `keep`; none left: end, ruling 28), collapse, refill (`"strip"` walks the
 * strip up from the pointer; `"redraw"` draws a stop per reel with holes, ascending, keeping the
 * height: ruling 20), (d) the new cells' values, c + 1. Then the scatter on the counted window,
 * the multiplier symbols or the meter, the free-spin multiplier.
 *
 * The player owns the grid and its scratch: playing a spin allocates nothing unless a recorder is
 * attached. Its results are left in its fields for the round flow.
 */
import type { Rng } from '../rng/rng.js';
import { Grid } from './grid.js';
import { payMechanic } from './mechanics/registry.js';
import type { PayMechanic } from './mechanics/pay-mechanic.js';
import type { CascadeRule, Game } from './model.js';
import type { RoundRecorder } from './round-recorder.js';
import type { RevealTables } from './reveal-tables.js';
import { revealTablesOf } from './reveal-tables.js';
import type { DrawTable, ReelTables, SpinTables } from './spin-tables.js';
import { entryOf, ladderAt, reelTablesOf, stopOf } from './spin-tables.js';
import type { SpinPlayer } from './spin-players.js';

// Indexes of `SpinPlayer.sums`.
const PAY_RAW = 0;
const PAY = 1;
const SCATTER_RAW = 2;
const SCATTER = 3;
const SCATTER_PAY = 4;
const MULTIPLIER_SUM = 5;
const METER_SHOWN = 6;
const FACTOR = 7;
const MULTIPLIER = 8;
const METER = 9;

/** One draw from a numeric weighted table. */
export function drawItem(table: DrawTable, rng: Rng): number {
  const draw = rng.int(table.total);
  const byDraw = table.byDraw;
  return byDraw !== null ? byDraw[draw]! : table.items[entryOf(table.cumulative, draw)]!;
}

/** The spin player of a game whose spins need the grid: any format-2 mechanic. */
export class GridSpinPlayer implements SpinPlayer {
  readonly tables: SpinTables;
  readonly grid: Grid;
  readonly mechanic: PayMechanic;
  readonly baseName: string;
  private readonly baseReels: RevealTables;
  private readonly freeReels: RevealTables | null;
  private readonly cascade: CascadeRule | null;
  private readonly stickyWilds: boolean;
  private readonly meterOn: boolean;
  private readonly scatterEach: boolean;
  private readonly scatterInitial: boolean;
  private readonly bonusLineTrigger: { readonly symbol: number; readonly count: number } | null;
  /** The game counts something on the window: a scatter, a free-spin, bonus or coin trigger. */
  private readonly counting: boolean;

  // Results of the last spin. Amounts live in a typed array: a number field would box every
  // value stored in it (an allocation per spin).
  private readonly sums = new Float64Array(10);
  /** Σ of its evaluations' pay wins (ladder applied), before the factor and the multiplier. */
  get payRaw(): number {
    return this.sums[PAY_RAW]!;
  }
  /** payRaw × factor × multiplier (before the cap). */
  get pay(): number {
    return this.sums[PAY]!;
  }
  /** Scatter pays (every window's with `"each"`), before the multiplier. */
  get scatterRaw(): number {
    return this.sums[SCATTER_RAW]!;
  }
  /** scatterRaw × multiplier (before the cap). */
  get scatter(): number {
    return this.sums[SCATTER]!;
  }
  get scatterPay(): number {
    return this.sums[SCATTER_PAY]!;
  }
  get multiplierSum(): number {
    return this.sums[MULTIPLIER_SUM]!;
  }
  get meterShown(): number {
    return this.sums[METER_SHOWN]!;
  }
  get factor(): number {
    return this.sums[FACTOR]!;
  }
  get multiplier(): number {
    return this.sums[MULTIPLIER]!;
  }
  /** The meter's total T (free spins of one round). */
  get meter(): number {
    return this.sums[METER]!;
  }
  scatterCount = -1;
  /** The trigger counts whose award (paid spin) or retrigger (free spin) entry applied, in window order. */
  readonly awardCounts: Int32Array;
  awardParts = 0;
  /** Paid spin: a bonus `line` trigger on the first window; the `anywhere` symbol's count on the counted window. */
  bonusLine = false;
  bonusCount = 0;
  /** Paid spin: the hold-and-win trigger symbol's cells on the counted window (1) and their count. */
  readonly coinCells: Uint8Array;
  coinCount = 0;
  /** Evaluations of the last spin (refills + 1). */
  evaluations = 0;

  // Feature state (free spins of one round); the meter T is in `sums`.
  /** Refills made so far in the feature (`ladderScope: "feature"`). */
  featureRefills = 0;
  /** Sticky wild per cell (−1: none) and its value. */
  private readonly sticky: Int32Array;
  private readonly stickyValue: Float64Array;

  constructor(tables: SpinTables) {
    const game: Game = tables.game;
    this.tables = tables;
    this.grid = new Grid(tables.reels, tables.rows, tables.symbolCount);
    this.mechanic = payMechanic(game.evaluation);
    this.baseReels = revealTablesOf(tables, reelTablesOf(game.baseReelSet));
    this.baseName = this.baseReels.reels.name;
    this.freeReels =
      game.freeSpins === null ? null : revealTablesOf(tables, reelTablesOf(game.freeSpins.reelSet));
    this.cascade = game.cascade;
    this.stickyWilds = game.freeSpins?.stickyWilds === true;
    this.meterOn = game.freeSpins?.multiplierMeter === true;
    this.scatterEach = game.cascade?.scatterCount === 'each';
    this.scatterInitial = game.cascade?.scatterCount === 'initial';
    const trigger = game.bonus?.trigger;
    this.bonusLineTrigger =
      trigger?.kind === 'line' ? { symbol: trigger.symbol, count: trigger.count } : null;
    this.counting =
      tables.scatterSymbol >= 0 ||
      tables.triggerSymbol >= 0 ||
      tables.bonusSymbol >= 0 ||
      tables.coinSymbol >= 0;
    this.awardCounts = new Int32Array((game.cascade?.maxCascades ?? 0) + 1);
    this.coinCells = new Uint8Array(tables.cellCount);
    this.sticky = new Int32Array(tables.cellCount).fill(-1);
    this.stickyValue = new Float64Array(tables.cellCount);
  }

  /** Starts a free-spin feature: meter 0, no sticky wilds, the ladder's count from 0. */
  resetFeature(): void {
    this.sums[METER] = 0;
    this.featureRefills = 0;
    if (this.stickyWilds) this.sticky.fill(-1);
  }

  get freeName(): string | null {
    return this.freeReels?.reels.name ?? null;
  }

  /**
   * Plays one spin (a paid spin, or a free spin on the free-spin reels when `free`), its wins ×
   * `multiplier` (the free-spin multiplier). Results are left in the player's fields.
   */
  play(rng: Rng, free: boolean, multiplier: number, rec: RoundRecorder | null): void {
    const t = this.tables;
    const g = this.grid;
    const reveal = free ? this.freeReels : this.baseReels;
    if (reveal === null) throw new Error('the game has no freeSpins');
    const reels = reveal.reels;
    this.reveal(rng, reveal);
    rec?.revealed(g);
    if (free && this.stickyWilds) this.placeSticky(rec);
    if (t.anyExpand) this.expandWilds(rec);
    if (free && this.stickyWilds) this.captureSticky();
    this.bonusLine = !free && this.bonusLineTrigger !== null && this.lineTriggered(this.bonusLineTrigger);

    const sums = this.sums;
    this.awardParts = 0;
    sums[SCATTER_RAW] = 0;
    this.scatterCount = -1;
    sums[SCATTER_PAY] = 0;
    if (this.counting && !this.scatterEach && (this.cascade === null || this.scatterInitial)) {
      // The window is still as revealed unless wilds expanded or stuck: then its cells are counted.
      const asRevealed = !t.anyExpand && !(free && this.stickyWilds);
      this.countWindow(free, asRevealed ? reveal : null);
    }

    const cascade = this.cascade;
    const evaluate = this.mechanic.evaluate;
    let payRaw = 0;
    let refills = 0;
    if (cascade === null) {
      rec?.evaluationStart(g, 1);
      payRaw = evaluate(t, g, 1, rec, false);
      rec?.evaluationEnd(payRaw, -1, 0, -1);
    } else {
      const ladder = free ? cascade.freeLadder : cascade.ladder;
      const c0 = free && cascade.ladderScope === 'feature' ? this.featureRefills : 0;
      const max = cascade.maxCascades;
      while (true) {
        const factor = ladderAt(ladder, c0 + refills);
        const canRefill = refills < max;
        rec?.evaluationStart(g, factor);
        const pay = evaluate(t, g, factor, rec, canRefill);
        payRaw += pay;
        let applied = false;
        if (this.scatterEach) applied = this.scatterWindow(free, canRefill, pay, rec);
        else rec?.evaluationEnd(pay, -1, 0, -1);
        if ((pay <= 0 && !applied) || !canRefill) break;
        if (!this.removeWinningCells(rec)) break;
        this.collapse();
        this.refill(rng, reels, cascade.refill === 'redraw');
        rec?.refilled(g, cascade.refill === 'redraw');
        refills++;
      }
      if (free) this.featureRefills += refills;
      if (this.counting && !this.scatterEach && !this.scatterInitial) this.countWindow(free, null);
      else if (this.counting && this.scatterEach) this.countTriggers(free);
    }
    this.evaluations = refills + 1;

    let factor = 1;
    sums[MULTIPLIER_SUM] = -1;
    sums[METER_SHOWN] = -1;
    if (payRaw > 0 && t.anyMultiplierSymbol) {
      let sum = 0;
      let shown = false;
      for (let c = 0; c < t.cellCount; c++) {
        const s = g.cells[c]!;
        if (s >= 0 && t.multiplierSymbol[s] === 1) {
          sum += g.values[c]!;
          shown = true;
        }
      }
      if (free && this.meterOn) {
        sums[METER] = sums[METER]! + sum;
        if (sums[METER] > 0) factor = sums[METER]!;
      } else if (shown) {
        factor = sum;
        sums[MULTIPLIER_SUM] = sum;
      }
      if (free && this.meterOn && shown) sums[MULTIPLIER_SUM] = sum;
    }
    if (free && this.meterOn) sums[METER_SHOWN] = sums[METER]!;
    sums[FACTOR] = factor;
    sums[MULTIPLIER] = multiplier;
    sums[PAY_RAW] = payRaw;
    sums[PAY] = payRaw * factor * multiplier;
    sums[SCATTER] = sums[SCATTER_RAW] * multiplier;
  }

  /** (a) heights, (b) stops, the cells, (c) the values of the value-carrying cells, reel-major. */
  private reveal(rng: Rng, reveal: RevealTables): void {
    const t = this.tables;
    const g = this.grid;
    const reels = reveal.reels;
    const cells = g.cells;
    const rows = t.rows;
    const heights = t.heights;
    if (heights !== null) {
      for (let r = 0; r < t.reels; r++) g.height[r] = drawItem(heights[r]!, rng);
    }
    for (let r = 0; r < t.reels; r++) {
      const stop = stopOf(reels.cumulative[r]!, rng.int(reels.bounds[r]!));
      g.stops[r] = stop;
      g.pointer[r] = stop;
      const unrolled = reveal.unrolled[r]!;
      const h = g.height[r]!;
      const base = r * rows;
      for (let k = 0; k < h; k++) cells[base + k] = unrolled[stop + k]!;
      for (let k = h; k < rows; k++) cells[base + k] = -1;
    }
    if (!t.anyValue) return;
    // (c), each reel from its first value-carrying cell.
    for (let r = 0; r < t.reels; r++) {
      const base = r * rows;
      const h = g.height[r]!;
      for (let k = reveal.firstValue[r]![g.stops[r]!]!; k < h; k++) {
        const s = cells[base + k]!;
        if (t.drawsValue[s] === 1) g.values[base + k] = drawItem(t.valueTable[s]!, rng);
      }
    }
  }

  /** (d) The values of the value-carrying cells a refill brought (the top `holes[r]` rows), reel-major. */
  private drawRefillValues(rng: Rng): void {
    const t = this.tables;
    const g = this.grid;
    for (let r = 0; r < t.reels; r++) {
      const base = r * t.rows;
      const n = g.holes[r]!;
      for (let k = 0; k < n; k++) {
        const s = g.cells[base + k]!;
        if (s >= 0 && t.drawsValue[s] === 1) g.values[base + k] = drawItem(t.valueTable[s]!, rng);
      }
    }
  }

  private placeSticky(rec: RoundRecorder | null): void {
    const g = this.grid;
    for (let c = 0; c < g.cellCount; c++) {
      const s = this.sticky[c]!;
      if (s < 0) continue;
      g.cells[c] = s;
      g.values[c] = this.stickyValue[c]!;
      rec?.stickyPlaced(g, c);
    }
  }

  /** Every cell now showing a wild stays wild (with its value) for the rest of the feature (ruling 23). */
  private captureSticky(): void {
    const t = this.tables;
    const g = this.grid;
    for (let c = 0; c < g.cellCount; c++) {
      const s = g.cells[c]!;
      if (s < 0 || t.wild[s] !== 1 || this.sticky[c]! >= 0) continue;
      this.sticky[c] = s;
      this.stickyValue[c] = t.drawsValue[s] === 1 ? g.values[c]! : t.fixedMultiplier[s]!;
    }
  }

  /** Each reel showing an expanding wild shows its topmost one on every cell, with that cell's value. */
  private expandWilds(rec: RoundRecorder | null): void {
    const t = this.tables;
    const g = this.grid;
    for (let r = 0; r < t.reels; r++) {
      const base = r * t.rows;
      const h = g.height[r]!;
      for (let k = 0; k < h; k++) {
        const s = g.cells[base + k]!;
        if (t.expand[s] !== 1) continue;
        const value = t.drawsValue[s] === 1 ? g.values[base + k]! : t.fixedMultiplier[s]!;
        rec?.expanded(g, r, base + k);
        for (let j = 0; j < h; j++) {
          g.cells[base + j] = s;
          g.values[base + j] = value;
        }
        break;
      }
    }
  }

  /** A bonus `line` trigger: on some payline, reels 0 … count−1 show the symbol itself. */
  private lineTriggered(trigger: { readonly symbol: number; readonly count: number }): boolean {
    const t = this.tables;
    const cells = this.grid.cells;
    for (let l = 0, base = 0; l < t.lineCount; l++, base += t.reels) {
      let k = 0;
      while (k < trigger.count && cells[t.lineCells[base + k]!] === trigger.symbol) k++;
      if (k === trigger.count) return true;
    }
    return false;
  }

  /**
   * The counted window (`"final"`, `"initial"`, no cascade): scatter, award entry, bonus and coin
   * triggers. `revealed`: the window is exactly as `reveal` drew it from these tables, so the
   * scatter and trigger cells are counted per reel from their running counts instead of per cell.
   */
  private countWindow(free: boolean, revealed: RevealTables | null): void {
    const t = this.tables;
    const g = this.grid;
    const cells = g.cells;
    const scatter = t.scatterSymbol;
    const trigger = t.triggerSymbol;
    let scatters = 0;
    let triggers = 0;
    if (revealed !== null) {
      for (let r = 0; r < t.reels; r++) {
        const stop = g.stops[r]!;
        const end = stop + g.height[r]!;
        if (scatter >= 0) {
          const before = revealed.scatterBefore[r]!;
          scatters += before[end]! - before[stop]!;
        }
        if (trigger >= 0) {
          const before = revealed.triggerBefore[r]!;
          triggers += before[end]! - before[stop]!;
        }
      }
    } else {
      for (let c = 0; c < t.cellCount; c++) {
        const s = cells[c]!;
        if (s === scatter) scatters++;
        if (s === trigger) triggers++;
      }
    }
    if (t.scatterSymbol >= 0) {
      this.scatterCount = scatters;
      this.sums[SCATTER_PAY] = t.scatterPays[scatters]!;
      this.sums[SCATTER_RAW] = t.scatterPays[scatters]!;
    }
    if (t.triggerSymbol >= 0 && this.hasAward(free, triggers)) this.awardCounts[this.awardParts++] = triggers;
    this.countTriggers(free);
  }

  /** The bonus `anywhere` and hold-and-win triggers of a paid spin, on the current window. */
  private countTriggers(free: boolean): void {
    this.bonusCount = 0;
    this.coinCount = 0;
    if (free) return;
    const t = this.tables;
    const g = this.grid;
    if (t.bonusSymbol < 0 && t.coinSymbol < 0) return;
    for (let c = 0; c < t.cellCount; c++) {
      const s = g.cells[c]!;
      if (s === t.bonusSymbol) this.bonusCount++;
      const coin = s === t.coinSymbol ? 1 : 0;
      this.coinCells[c] = coin;
      this.coinCount += coin;
    }
  }

  private hasAward(free: boolean, count: number): boolean {
    const t = this.tables;
    return free
      ? t.retriggerFixed[count]! > 0 || t.retriggerDraw[count] != null
      : t.awardFixed[count]! > 0 || t.awardDraw[count] != null;
  }

  /**
   * `"scatterCount": "each"`: the scatter pay and the award entry of this window; the cells of
   * the symbols whose entry applied join the removed cells (ruling 30). True when one applied.
   */
  private scatterWindow(free: boolean, mark: boolean, payWin: number, rec: RoundRecorder | null): boolean {
    const t = this.tables;
    const g = this.grid;
    let scatters = 0;
    let triggers = 0;
    for (let c = 0; c < t.cellCount; c++) {
      const s = g.cells[c]!;
      if (s === t.scatterSymbol) scatters++;
      if (s === t.triggerSymbol) triggers++;
    }
    const pay = t.scatterSymbol >= 0 ? t.scatterPays[scatters]! : 0;
    const award = t.triggerSymbol >= 0 && this.hasAward(free, triggers);
    if (pay > 0) this.sums[SCATTER_RAW] = this.sums[SCATTER_RAW]! + pay;
    if (award) this.awardCounts[this.awardParts++] = triggers;
    if (mark && (pay > 0 || award)) {
      for (let c = 0; c < t.cellCount; c++) {
        const s = g.cells[c]!;
        if ((pay > 0 && s === t.scatterSymbol) || (award && s === t.triggerSymbol)) g.removed[c] = 1;
      }
    }
    rec?.evaluationEnd(payWin, pay > 0 ? scatters : -1, pay, award ? triggers : -1);
    return pay > 0 || award;
  }

  /** Step 4: keeps the cells of `keep` symbols; false when no cell is left to remove (ruling 28). */
  private removeWinningCells(rec: RoundRecorder | null): boolean {
    const t = this.tables;
    const g = this.grid;
    let removed = 0;
    for (let c = 0; c < t.cellCount; c++) {
      if (g.removed[c] !== 1) continue;
      if (t.keep[g.cells[c]!] === 1) g.removed[c] = 0;
      else removed++;
    }
    if (removed > 0) rec?.removed(g);
    return removed > 0;
  }

  /** Step 5: on each reel the surviving cells fall to the bottom, keeping their order (and values). */
  private collapse(): void {
    const t = this.tables;
    const g = this.grid;
    const cells = g.cells;
    const values = g.values;
    for (let r = 0; r < t.reels; r++) {
      const base = r * t.rows;
      let w = g.height[r]! - 1;
      for (let k = w; k >= 0; k--) {
        const c = base + k;
        if (g.removed[c] === 1) {
          g.removed[c] = 0;
          continue;
        }
        if (w !== k) {
          cells[base + w] = cells[c]!;
          values[base + w] = values[c]!;
        }
        w--;
      }
      g.holes[r] = w + 1;
    }
  }

  /** Step 6: fills the top `holes[r]` rows of every reel, then draws the new cells' values. */
  private refill(rng: Rng, reels: ReelTables, redraw: boolean): void {
    const t = this.tables;
    const g = this.grid;
    for (let r = 0; r < t.reels; r++) {
      const n = g.holes[r]!;
      g.refillStops[r] = -1;
      if (n === 0) continue;
      const strip = reels.strips[r]!;
      const L = strip.length;
      const base = r * t.rows;
      if (redraw) {
        const q = stopOf(reels.cumulative[r]!, rng.int(reels.bounds[r]!));
        g.refillStops[r] = q;
        for (let j = 0, i = q; j < n; j++) {
          g.cells[base + j] = strip[i]!;
          if (++i === L) i = 0;
        }
      } else {
        const p = mod(g.pointer[r]! - n, L);
        for (let j = 0, i = p; j < n; j++) {
          g.cells[base + j] = strip[i]!;
          if (++i === L) i = 0;
        }
        g.pointer[r] = p;
      }
    }
    if (this.tables.anyValue) this.drawRefillValues(rng);
  }
}

function mod(a: number, n: number): number {
  const m = a % n;
  return m < 0 ? m + n : m;
}
