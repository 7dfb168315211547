/**
 * Certify's per-round detail for a game using a format-2 mechanic: a recorder attached to the
 * engine's round flow while it plays a detailed round (it draws nothing, so the round is the very
 * one the plain simulation plays). It counts what the statistical tests compare with the game
 * file's weights — the stops of paid and free spins, reel heights, drawn values, drawn free-spin
 * awards, hold-and-win coin values and landings, bonus prizes — and each paying combination of
 * the paid spin by its mechanic's `combinationKey`.
 */
import type { Grid } from '../engine/grid.js';
import { WinReport } from '../engine/mechanics/pay-mechanic.js';
import type { PayMechanic } from '../engine/mechanics/pay-mechanic.js';
import { payMechanic } from '../engine/mechanics/registry.js';
import type { Game, WeightedList } from '../engine/model.js';
import type { BonusDraw } from '../engine/outcome.js';
import type { CoinPhase, RoundRecorder, SpinSummary } from '../engine/round-recorder.js';
import type { DrawTally } from './draw-tally.js';
import { TallyCounter, weightsOf } from './draw-tally.js';

const spins = (v: number): string => `${v} spins`;

export class DetailRecorder implements RoundRecorder {
  readonly report = new WinReport();
  private readonly game: Game;
  private readonly mechanic: PayMechanic;
  private readonly cellCount: number;
  private free = false;

  /** Per reel of the paid spins' and the free spins' sets: how often each stop was revealed. */
  readonly paidStops: Float64Array[];
  readonly freeStops: Float64Array[];
  freeSpins = 0;
  /** Free-spin features played, and the spins each started with (after the `maxSpins` cut). */
  features = 0;
  readonly awards = new Map<number, number>();
  bonuses = 0;
  /** Bonus prizes before the cap (credits) → bonuses. */
  readonly prizes = new Map<number, number>();
  /** Paying combinations of the paid spin (every evaluation of it) → occurrences. */
  readonly combinations = new Map<string, number>();

  private readonly heights: TallyCounter[] | null;
  /** Per symbol: the tally of the values its cells draw, or null. */
  private readonly values: (TallyCounter | null)[];
  private readonly awardDraws: (TallyCounter | null)[];
  private readonly retriggerDraws: (TallyCounter | null)[];
  private readonly startSpins: TallyCounter | null;
  private readonly startCoins: TallyCounter | null;
  private readonly coinValues: TallyCounter | null;
  private readonly landings: TallyCounter | null;
  private held = 0;
  private landed = 0;
  private draws: BonusDraw[] = [];

  constructor(game: Game) {
    this.game = game;
    this.mechanic = payMechanic(game.evaluation);
    this.cellCount = game.reels * game.rows;
    this.paidStops = game.baseReelSet.reels.map((reel) => new Float64Array(reel.strip.length));
    this.freeStops = (game.freeSpins?.reelSet.reels ?? []).map((reel) => new Float64Array(reel.strip.length));
    this.heights =
      game.heights?.map((list, r) =>
        TallyCounter.of(`heights of reel ${r + 1}`, 'reels', list, (v) => `${v} rows`),
      ) ?? null;
    this.values = game.symbols.map((s) => {
      const list = s.multiplierDraw ?? s.multiplierSymbol;
      return list === null ? null : TallyCounter.of(`values of ${s.id}`, 'reels', list, (v) => `×${v}`);
    });
    const fs = game.freeSpins;
    const symbol = fs === null ? '' : game.symbols[fs.symbol]!.id;
    const drawn = (what: string, lists: readonly (WeightedList<number> | null)[]): (TallyCounter | null)[] =>
      lists.map((list, count) =>
        list === null ? null : TallyCounter.of(`${what} for ${count} × ${symbol}`, 'features', list, spins),
      );
    this.awardDraws = fs === null ? [] : drawn('drawn award', fs.awardDraws);
    this.retriggerDraws = fs === null ? [] : drawn('drawn retrigger', fs.retriggerDraws);
    const start = game.start;
    this.startSpins =
      start?.kind === 'freeSpins'
        ? TallyCounter.of(`free spins of mode ${game.mode}`, 'features', start.spins, spins)
        : null;
    this.startCoins =
      start?.kind === 'holdAndWin'
        ? TallyCounter.of(`starting coins of mode ${game.mode}`, 'features', start.coins, (v) => `${v} coins`)
        : null;
    const hw = game.holdAndWin;
    this.coinValues =
      hw === null
        ? null
        : new TallyCounter(
            'hold-and-win coin values',
            'features',
            hw.values.items.map((_, i) => i),
            weightsOf(hw.values),
            (i) => {
              const v = hw.values.items[i]!;
              return v.kind === 'value'
                ? `${v.value} (${v.credits} credits)`
                : `${v.tier} (${v.credits} credits)`;
            },
          );
    this.landings =
      hw === null
        ? null
        : new TallyCounter(
            'hold-and-win landings per empty cell',
            'features',
            [1, 0],
            [hw.coin, hw.blank],
            (v) => (v === 1 ? 'coin' : 'blank'),
          );
  }

  /** Every tally, in a fixed order (the same for every chunk of a game). */
  tallies(): DrawTally[] {
    return [
      ...(this.heights ?? []),
      ...this.values,
      ...this.awardDraws,
      ...this.retriggerDraws,
      this.startSpins,
      this.startCoins,
      this.coinValues,
      this.landings,
    ].flatMap((t) => (t === null ? [] : [t.result()]));
  }

  startFreeSpins(n: number): void {
    this.startSpins?.countValue(n);
  }

  startHoldAndWin(coins: number): void {
    this.startCoins?.countValue(coins);
  }

  spinStart(_reelSet: string, free: boolean): void {
    this.free = free;
  }

  revealed(grid: Grid): void {
    const stops = this.free ? this.freeStops : this.paidStops;
    if (this.free) this.freeSpins++;
    for (let r = 0; r < grid.reels; r++) stops[r]![grid.stops[r]!]!++;
    if (this.heights !== null)
      for (let r = 0; r < grid.reels; r++) this.heights[r]!.countValue(grid.height[r]!);
    this.countValues(grid, false);
  }

  /** The values drawn for the cells shown (`fresh`: the refilled top rows only), as the engine draws them. */
  private countValues(grid: Grid, fresh: boolean): void {
    for (let r = 0; r < grid.reels; r++) {
      const n = fresh ? grid.holes[r]! : grid.height[r]!;
      for (let k = 0; k < n; k++) {
        const c = r * grid.rows + k;
        const s = grid.cells[c]!;
        if (s >= 0) this.values[s]?.countValue(grid.values[c]!);
      }
    }
  }

  stickyPlaced(): void {
    // Sticky wilds draw nothing.
  }

  expanded(): void {
    // Expansion draws nothing.
  }

  evaluationStart(): void {
    // Wins arrive through `win`.
  }

  win(): void {
    if (this.free) return;
    const r = this.report;
    this.count(this.mechanic.combinationKey(r.rule, r.count, r.wildMultiplier));
  }

  evaluationEnd(_payWin: number, scatterCount: number, scatterPay: number): void {
    if (!this.free && scatterPay > 0) this.count(`scatter:${scatterCount}`);
  }

  private count(key: string): void {
    this.combinations.set(key, (this.combinations.get(key) ?? 0) + 1);
  }

  removed(): void {
    // Removal draws nothing.
  }

  refilled(grid: Grid): void {
    this.countValues(grid, true);
  }

  spinEnd(summary: SpinSummary): void {
    if (!this.free && summary.scatterCount >= 0 && summary.scatterPay > 0) {
      this.count(`scatter:${summary.scatterCount}`);
    }
  }

  award(count: number, n: number, drawn: boolean, retrigger: boolean): void {
    if (drawn) (retrigger ? this.retriggerDraws : this.awardDraws)[count]?.countValue(n);
  }

  retrigger(): void {
    // The spins added are counted by `award`.
  }

  freeSpinsStart(awarded: number): void {
    this.features++;
    this.awards.set(awarded, (this.awards.get(awarded) ?? 0) + 1);
  }

  freeSpinsEnd(): void {
    this.free = false;
  }

  bonusDraws(): BonusDraw[] {
    this.draws = [];
    return this.draws;
  }

  bonusEnd(): void {
    let prize = 0;
    for (const d of this.draws) if (d.node === 'pick') prize += d.result;
    this.bonuses++;
    this.prizes.set(prize, (this.prizes.get(prize) ?? 0) + 1);
  }

  holdAndWinStart(): void {
    this.held = 0;
    this.landed = 0;
  }

  coin(_cell: number, value: number, phase: CoinPhase): void {
    this.coinValues?.countEntry(value);
    this.held++;
    if (phase === 'landing') this.landed++;
  }

  respinEnd(): void {
    // Each empty cell at the respin's start drew once: `landed` of them landed a coin.
    const empty = this.cellCount - (this.held - this.landed);
    this.landings?.countEntry(0, this.landed);
    this.landings?.countEntry(1, empty - this.landed);
    this.landed = 0;
  }

  holdAndWinEnd(): void {
    // Its win is in the round's figures.
  }
}
