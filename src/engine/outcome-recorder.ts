/**
 * The recorder the engine's `playRound` attaches to the format-2 round flow: it turns the flow's
 * events into the round record (`RoundOutcomeV2`), in play order. One recorder per round.
 */
import type { Grid } from './grid.js';
import { WinReport } from './mechanics/pay-mechanic.js';
import type { Game } from './model.js';
import type {
  AwardPart,
  BonusDraw,
  BonusOutcome,
  Cell,
  CellValue,
  CoinOutcome,
  EvaluationOutcome,
  Expansion,
  FreeSpinOutcomeV2,
  FreeSpinsOutcomeV2,
  HoldAndWinOutcome,
  PayWinV2,
  RefillOutcome,
  RespinOutcome,
  RoundOutcomeV2,
  SpinOutcomeV2,
  StartOutcome,
  StickyCell,
} from './outcome.js';
import type { CoinPhase, RoundRecorder, SpinSummary } from './round-recorder.js';
import type { RoundFlow } from './round-flow.js';
import type { SpinTables } from './spin-tables.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type SpinBuild = Mutable<SpinOutcomeV2> & {
  values: CellValue[];
  sticky: StickyCell[];
  expanded: Expansion[];
  evaluations: EvaluationBuild[];
};
type FreeSpinBuild = SpinBuild & { retriggers: AwardPart[]; retrigger: number };
type EvaluationBuild = Mutable<EvaluationOutcome> & { wins: PayWinV2[] };
type HoldAndWinBuild = Mutable<HoldAndWinOutcome> & {
  initial: CoinOutcome[];
  respins: RespinOutcome[];
};

export class OutcomeRecorder implements RoundRecorder {
  readonly report = new WinReport();
  private readonly game: Game;
  private readonly t: SpinTables;
  private readonly rows: number;

  private start: StartOutcome | null = null;
  private placements: Cell[] | null = null;
  private paid: SpinBuild | null = null;
  private bonus: BonusOutcome | null = null;
  private draws: BonusDraw[] = [];
  private holdAndWin: HoldAndWinBuild | null = null;
  private landings: CoinOutcome[] = [];
  private freeSpins: (Mutable<FreeSpinsOutcomeV2> & { spins: FreeSpinOutcomeV2[] }) | null = null;
  private triggerParts: AwardPart[] = [];
  private spin: SpinBuild | null = null;
  private freeSpin: FreeSpinBuild | null = null;
  private evaluation: EvaluationBuild | null = null;

  constructor(tables: SpinTables) {
    this.t = tables;
    this.game = tables.game;
    this.rows = tables.rows;
  }

  private cell(c: number): Cell {
    const reel = Math.floor(c / this.rows);
    return [reel, c - reel * this.rows];
  }

  private currentSpin(): SpinBuild {
    if (this.spin === null) throw new Error('no spin is being recorded');
    return this.spin;
  }

  private currentEvaluation(): EvaluationBuild {
    if (this.evaluation === null) throw new Error('no evaluation is being recorded');
    return this.evaluation;
  }

  startFreeSpins(spins: number): void {
    this.start = { kind: 'freeSpins', spins };
  }

  startHoldAndWin(coins: number): void {
    const placements: Cell[] = [];
    this.placements = placements;
    this.start = { kind: 'holdAndWin', coins, placements };
  }

  spinStart(reelSet: string, free: boolean): void {
    const spin: SpinBuild = {
      reelSet,
      heights: null,
      stops: [],
      values: [],
      sticky: [],
      expanded: [],
      evaluations: [],
      scatter: null,
      multiplierSymbols: null,
      meter: null,
      factor: 1,
      multiplier: 1,
      payWin: 0,
      scatterWin: 0,
      win: 0,
    };
    if (free) {
      const freeSpin: FreeSpinBuild = { ...spin, retriggers: [], retrigger: 0 };
      this.freeSpin = freeSpin;
      this.spin = freeSpin;
      if (this.freeSpins === null) throw new Error('a free spin outside the feature');
      this.freeSpins.spins.push(freeSpin);
    } else {
      this.spin = spin;
      this.paid = spin;
    }
  }

  private currentFreeSpin(): FreeSpinBuild {
    if (this.freeSpin === null) throw new Error('no free spin is being recorded');
    return this.freeSpin;
  }

  /** The value-carrying cells among the first `n[r]` rows of each reel, reel-major. */
  private valuesOf(g: Grid, fresh: boolean): CellValue[] {
    const values: CellValue[] = [];
    for (let r = 0; r < g.reels; r++) {
      const n = fresh ? g.holes[r]! : g.height[r]!;
      for (let k = 0; k < n; k++) {
        const c = r * g.rows + k;
        if (this.t.drawsValue[g.cells[c]!] === 1) values.push({ cell: [r, k], value: g.values[c]! });
      }
    }
    return values;
  }

  revealed(g: Grid): void {
    const spin = this.currentSpin();
    spin.heights = this.t.heights === null ? null : Array.from(g.height);
    spin.stops = Array.from(g.stops);
    spin.values = this.valuesOf(g, false);
  }

  stickyPlaced(g: Grid, cell: number): void {
    this.currentSpin().sticky.push({
      cell: this.cell(cell),
      symbol: this.t.symbolIds[g.cells[cell]!]!,
      value: g.values[cell]!,
    });
  }

  expanded(g: Grid, reel: number, cell: number): void {
    const s = g.cells[cell]!;
    const value = this.t.drawsValue[s] === 1 ? g.values[cell]! : this.t.fixedMultiplier[s]!;
    this.currentSpin().expanded.push({ reel, symbol: this.t.symbolIds[s]!, value });
  }

  evaluationStart(g: Grid, ladder: number): void {
    const window: string[][] = [];
    for (let r = 0; r < g.reels; r++) {
      const column: string[] = [];
      for (let k = 0; k < g.height[r]!; k++) column.push(this.t.symbolIds[g.cells[r * g.rows + k]!]!);
      window.push(column);
    }
    const evaluation: EvaluationBuild = {
      window,
      values: this.valuesOf(g, false),
      ladder,
      wins: [],
      payWin: 0,
      scatter: null,
      award: null,
      removed: [],
      refill: null,
    };
    this.evaluation = evaluation;
    this.currentSpin().evaluations.push(evaluation);
  }

  win(g: Grid): void {
    const r = this.report;
    const cells: Cell[] = [];
    for (let i = 0; i < r.cellCount; i++) cells.push(this.cell(g.winCells[i]!));
    const base = {
      rule: r.rule,
      symbol: this.t.ruleLabels[r.rule]!,
      count: r.count,
      cells,
      pay: r.pay,
      wildMultiplier: r.wildMultiplier,
      ladder: r.ladder,
      win: r.amount,
    };
    let win: PayWinV2;
    switch (r.kind) {
      case 'line':
        win = { kind: 'line', line: r.line, ...base };
        break;
      case 'ways':
        win = { kind: 'ways', ways: r.ways, ...base };
        break;
      case 'cluster':
        win = { kind: 'cluster', ...base };
        break;
      case 'anywhere':
        win = { kind: 'anywhere', ...base };
        break;
      default: {
        const unknown: never = r.kind;
        throw new Error(`unknown win kind ${String(unknown)}`);
      }
    }
    this.currentEvaluation().wins.push(win);
  }

  evaluationEnd(payWin: number, scatterCount: number, scatterPay: number, awardCount: number): void {
    const evaluation = this.currentEvaluation();
    evaluation.payWin = payWin;
    if (scatterCount >= 0) {
      evaluation.scatter = {
        symbol: this.t.symbolIds[this.t.scatterSymbol]!,
        count: scatterCount,
        pay: scatterPay,
      };
    }
    if (awardCount >= 0) evaluation.award = awardCount;
  }

  removed(g: Grid): void {
    const removed: Cell[] = [];
    for (let c = 0; c < g.cellCount; c++) if (g.removed[c] === 1) removed.push(this.cell(c));
    this.currentEvaluation().removed = removed;
  }

  refilled(g: Grid, redraw: boolean): void {
    const stops: { reel: number; stop: number }[] = [];
    const cells: { cell: Cell; symbol: string }[] = [];
    for (let r = 0; r < g.reels; r++) {
      const n = g.holes[r]!;
      if (n === 0) continue;
      if (redraw) stops.push({ reel: r, stop: g.refillStops[r]! });
      for (let k = 0; k < n; k++)
        cells.push({ cell: [r, k], symbol: this.t.symbolIds[g.cells[r * g.rows + k]!]! });
    }
    const refill: RefillOutcome = { stops, cells, values: this.valuesOf(g, true) };
    this.currentEvaluation().refill = refill;
  }

  spinEnd(summary: SpinSummary, payWin: number, scatterWin: number): void {
    const spin = this.currentSpin();
    spin.scatter =
      summary.scatterCount >= 0 && summary.scatterPay > 0
        ? {
            symbol: this.t.symbolIds[this.t.scatterSymbol]!,
            count: summary.scatterCount,
            pay: summary.scatterPay,
          }
        : null;
    spin.multiplierSymbols = summary.multiplierSum >= 0 ? summary.multiplierSum : null;
    spin.meter = summary.meterShown >= 0 ? summary.meterShown : null;
    spin.factor = summary.factor;
    spin.multiplier = summary.multiplier;
    spin.payWin = payWin;
    spin.scatterWin = scatterWin;
    spin.win = payWin + scatterWin;
    this.evaluation = null;
  }

  award(count: number, spins: number, drawn: boolean, retrigger: boolean): void {
    const part: AwardPart = { count, spins, drawn };
    if (retrigger) this.currentFreeSpin().retriggers.push(part);
    else this.triggerParts.push(part);
  }

  retrigger(spins: number): void {
    this.currentFreeSpin().retrigger = spins;
  }

  freeSpinsStart(awarded: number): void {
    this.freeSpins = { awards: this.triggerParts, awarded, spins: [], win: 0 };
  }

  freeSpinsEnd(win: number): void {
    if (this.freeSpins !== null) this.freeSpins.win = win;
  }

  bonusDraws(): BonusDraw[] {
    this.draws = [];
    return this.draws;
  }

  bonusEnd(win: number): void {
    this.bonus = { draws: this.draws, win };
  }

  holdAndWinStart(): void {
    this.holdAndWin = { initial: [], respins: [], coins: [], jackpots: [], fullGrid: false, win: 0 };
    this.landings = [];
  }

  private coinOutcome(cell: number, value: number): CoinOutcome {
    const feature = this.game.holdAndWin;
    if (feature === null) throw new Error('the game has no holdAndWin');
    const v = feature.values.items[value]!;
    return v.kind === 'value'
      ? { cell: this.cell(cell), value: v.value, jackpot: null, credits: v.credits }
      : { cell: this.cell(cell), value: null, jackpot: v.tier, credits: v.credits };
  }

  coin(cell: number, value: number, phase: CoinPhase): void {
    const hw = this.holdAndWin;
    if (hw === null) throw new Error('no hold-and-win feature is being recorded');
    const coin = this.coinOutcome(cell, value);
    if (phase === 'initial') {
      hw.initial.push(coin);
      this.placements?.push(coin.cell);
    } else {
      this.landings.push(coin);
    }
  }

  respinEnd(respinsLeft: number): void {
    this.holdAndWin?.respins.push({ landings: this.landings, respinsLeft });
    this.landings = [];
  }

  holdAndWinEnd(coins: Int32Array, fullGrid: boolean, win: number): void {
    const hw = this.holdAndWin;
    const feature = this.game.holdAndWin;
    if (hw === null || feature === null) throw new Error('no hold-and-win feature is being recorded');
    const all: CoinOutcome[] = [];
    const jackpots: string[] = [];
    for (let c = 0; c < coins.length; c++) {
      const v = coins[c]!;
      if (v < 0) continue;
      const coin = this.coinOutcome(c, v);
      all.push(coin);
      if (coin.jackpot !== null) jackpots.push(coin.jackpot);
    }
    if (fullGrid && feature.fullGrid !== null) jackpots.push(feature.fullGrid.tier);
    hw.coins = all;
    hw.jackpots = jackpots;
    hw.fullGrid = fullGrid;
    hw.win = win;
  }

  /** The round record, once the flow has played the round. */
  outcome(flow: RoundFlow): RoundOutcomeV2 {
    return {
      format: 2,
      mode: this.game.mode,
      cost: this.game.cost,
      start: this.start,
      paid: this.paid,
      bonus: this.bonus,
      holdAndWin: this.holdAndWin,
      freeSpins: this.freeSpins,
      components: {
        lines: flow.lines,
        scatter: flow.scatter,
        freeSpins: flow.freeSpins,
        bonus: flow.bonus,
        holdAndWin: flow.holdAndWin,
      },
      total: flow.total,
      capped: flow.capped,
    };
  }
}
