/**
 * The recorder behind `playRoundV1`: builds format 1's round record (`RoundOutcome`) from what the
 * round flow tells it, exactly as format 1 has always recorded a round — the record existing audit
 * logs hold and `verify` replays byte for byte.
 *
 * Format 1 records every win after the free-spin multiplier and after the max-win cap, cut one win
 * at a time in play order (each line or ways win, then the scatter, the bonus, each free spin's
 * wins): the flow cuts a spin's pay wins as one amount, so the recorder cuts them again one by one
 * from the same running total, and checks that its cuts add up to what the flow paid.
 */
import { SlotsimError } from '../errors.js';
import type { Grid } from './grid.js';
import { WinReport } from './mechanics/pay-mechanic.js';
import type { Game } from './model.js';
import type {
  BonusDraw,
  BonusOutcome,
  FreeSpinOutcome,
  FreeSpinsOutcome,
  PayWin,
  RoundOutcome,
  ScatterWin,
  SpinOutcome,
} from './outcome.js';
import type { RoundFlow } from './round-flow.js';
import type { RoundRecorder, SpinSummary } from './round-recorder.js';
import type { SpinTables } from './spin-tables.js';
import { format1PayWin } from './spin.js';
import { windowColumns } from './stops.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What format 1's record needs of a game, made once per game: its shared window columns by reel set. */
interface V1Context {
  readonly columns: ReadonlyMap<string, readonly (readonly (readonly string[])[])[]>;
}

const contexts = new WeakMap<Game, V1Context>();
/** The last game's context: verify and play replay one game round after round. */
let last: { game: Game | null; context: V1Context | null } = { game: null, context: null };

function contextOf(t: SpinTables): V1Context {
  if (last.game === t.game && last.context !== null) return last.context;
  let context = contexts.get(t.game);
  if (context === undefined) {
    const columns = new Map<string, readonly (readonly (readonly string[])[])[]>();
    for (const set of Object.values(t.game.reelSets)) {
      columns.set(set.name, windowColumns(set, t.rows, t.symbolIds).ids);
    }
    context = { columns };
    contexts.set(t.game, context);
  }
  last = { game: t.game, context };
  return context;
}

function notFormat1(what: string): never {
  throw new SlotsimError('INTERNAL', `format 1's round record has no ${what}`);
}

export class V1OutcomeRecorder implements RoundRecorder {
  readonly report = new WinReport();
  private readonly game: Game;
  private readonly t: SpinTables;
  private readonly limit: number | null;
  private readonly context: V1Context;
  /** Credits paid so far in the round, after the cap (format 1's running total). */
  private paidSoFar = 0;

  private reelSet = '';
  private columns: readonly (readonly (readonly string[])[])[] = [];
  private free = false;
  private stops: number[] = [];
  private window: (readonly string[])[] = [];
  /** The spin's pay wins, their `win` as evaluated until the spin's end cuts them. */
  private wins: Mutable<PayWin>[] = [];
  private paid: SpinOutcome | null = null;
  private bonus: BonusOutcome | null = null;
  private draws: BonusDraw[] = [];
  private freeSpins: Mutable<FreeSpinsOutcome> | null = null;
  private spins: Mutable<FreeSpinOutcome>[] = [];

  constructor(tables: SpinTables) {
    this.t = tables;
    this.game = tables.game;
    this.limit = tables.game.maxWinCredits;
    this.context = contextOf(tables);
  }

  /** Format 1's cut: the part of `win` that fits under the cap, added to the running total. */
  private cut(win: number): number {
    if (this.limit === null) {
      this.paidSoFar += win;
      return win;
    }
    const paid = Math.min(win, this.limit - this.paidSoFar);
    this.paidSoFar += paid;
    return paid;
  }

  spinStart(reelSet: string, free: boolean): void {
    const columns = this.context.columns.get(reelSet);
    if (columns === undefined) throw new SlotsimError('INTERNAL', `no reel set "${reelSet}"`);
    this.reelSet = reelSet;
    this.columns = columns;
    this.free = free;
    this.wins = [];
  }

  revealed(g: Grid): void {
    const columns = this.columns;
    const stops: number[] = [];
    const window: (readonly string[])[] = [];
    for (let r = 0; r < g.reels; r++) {
      const stop = g.stops[r]!;
      stops.push(stop);
      window.push(columns[r]![stop]!);
    }
    this.stops = stops;
    this.window = window;
  }

  evaluationStart(): void {
    // A static spin evaluates one window; its wins follow.
  }

  win(): void {
    this.wins.push(format1PayWin(this.t, this.report, notFormat1));
  }

  evaluationEnd(): void {
    // The spin's amounts are cut at its end, once the multiplier is known.
  }

  spinEnd(summary: SpinSummary, payWin: number, scatterWin: number): void {
    const multiplier = summary.multiplier;
    const wins = this.wins;
    let lines = 0;
    for (let i = 0; i < wins.length; i++) {
      const w = wins[i]!;
      w.win = this.cut(w.win * multiplier);
      lines += w.win;
    }
    let scatter: ScatterWin | null = null;
    if (summary.scatterPay > 0) {
      scatter = {
        symbol: this.t.symbolIds[this.t.scatterSymbol]!,
        count: summary.scatterCount,
        win: this.cut(summary.scatterPay * multiplier),
      };
    }
    if (lines !== payWin || (scatter?.win ?? 0) !== scatterWin) {
      throw new SlotsimError(
        'INTERNAL',
        `format 1's record of a spin does not add up: wins ${lines} + ${scatter?.win ?? 0}, the round paid ${payWin} + ${scatterWin}`,
      );
    }
    const spin = {
      reelSet: this.reelSet,
      stops: this.stops,
      window: this.window,
      wins,
      scatter,
      multiplier,
      win: lines + (scatter?.win ?? 0),
    };
    // A free spin's record also carries its retrigger (set by `retrigger`).
    if (this.free) this.spins.push({ ...spin, retrigger: 0 });
    else this.paid = spin;
  }

  award(): void {
    // Format 1 records the award as `awarded` and each free spin's `retrigger`.
  }

  retrigger(spins: number): void {
    this.spins[this.spins.length - 1]!.retrigger = spins;
  }

  freeSpinsStart(awarded: number): void {
    this.spins = [];
    this.freeSpins = { awarded, spins: this.spins, win: 0 };
  }

  freeSpinsEnd(win: number): void {
    this.freeSpins!.win = win;
  }

  bonusDraws(): BonusDraw[] {
    this.draws = [];
    return this.draws;
  }

  bonusEnd(win: number): void {
    this.paidSoFar += win;
    this.bonus = { draws: this.draws, win };
  }

  startFreeSpins(): void {
    notFormat1('mode start');
  }

  startHoldAndWin(): void {
    notFormat1('mode start');
  }

  stickyPlaced(): void {
    notFormat1('sticky wild');
  }

  expanded(): void {
    notFormat1('expanding wild');
  }

  removed(): void {
    notFormat1('cascade');
  }

  refilled(): void {
    notFormat1('cascade');
  }

  holdAndWinStart(): void {
    notFormat1('hold and win');
  }

  coin(): void {
    notFormat1('hold and win');
  }

  respinEnd(): void {
    notFormat1('hold and win');
  }

  holdAndWinEnd(): void {
    notFormat1('hold and win');
  }

  /** The round record, once the flow has played the round. */
  outcome(flow: RoundFlow): RoundOutcome {
    const paid = this.paid;
    if (paid === null) throw new SlotsimError('INTERNAL', 'format 1 records a round with a paid spin');
    let lines = 0;
    for (const w of paid.wins) lines += w.win;
    return {
      stake: this.game.betCredits,
      paid,
      bonus: this.bonus,
      freeSpins: this.freeSpins,
      components: {
        lines,
        scatter: paid.scatter?.win ?? 0,
        freeSpins: this.freeSpins?.win ?? 0,
        bonus: this.bonus?.win ?? 0,
      },
      total: flow.total,
      capped: flow.capped,
    };
  }
}
