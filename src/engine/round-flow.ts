/**
 * One round of a format-2 game, written once: the mode's start draws or the paid spin → the bonus
 * → hold-and-win → the free spins (a drawn award right before the first free spin; a drawn
 * retrigger right after its spin), with the max-win cap in the spec's order (rulings 33, 34): a
 * spin's pay win, then its scatter win, the bonus, the hold-and-win win, each added once and cut
 * to fit; a spin and a hold-and-win feature are played to their end; once the cap is reached
 * nothing more is drawn.
 *
 * The engine's `playRound` runs it with the outcome recorder, `playRoundV1` with format 1's; the
 * simulator runs it with none, and then a round allocates nothing: its figures are left in the
 * flow's fields. The spin player (`spin-players.ts`) is the game's: static spins read their
 * mechanic's kernel, every other spin plays on the grid.
 */
import type { Rng } from '../rng/rng.js';
import { drawPrize, entryOfDraw } from './bonus.js';
import { HoldAndWinPlayer } from './hold-and-win.js';
import type { BonusFeature, FreeSpinsFeature, Game, HoldAndWinFeature, ModeStart } from './model.js';
import type { RoundRecorder } from './round-recorder.js';
import { drawItem } from './spin-player.js';
import type { SpinPlayer } from './spin-players.js';
import { spinPlayerOf } from './spin-players.js';
import type { SpinTables } from './spin-tables.js';
import { spinTablesOf } from './spin-tables.js';

// Indexes of `RoundFlow.sums`.
const TOTAL = 0;
const LINES = 1;
const SCATTER = 2;
const BONUS = 3;
const HOLD_AND_WIN = 4;
const FREE_SPINS = 5;

export class RoundFlow {
  readonly game: Game;
  readonly tables: SpinTables;
  readonly player: SpinPlayer;
  private readonly holdAndWinPlayer: HoldAndWinPlayer | null;
  private readonly start: ModeStart | null;
  private readonly bonusFeature: BonusFeature | null;
  private readonly holdAndWinFeature: HoldAndWinFeature | null;
  private readonly freeSpinsFeature: FreeSpinsFeature | null;
  /** The max-win cap in credits (+∞ without one). */
  private readonly limit: number;
  /** Whether a paid spin can lead to anything more (a bonus, hold-and-win, free spins). */
  private readonly hasFeatures: boolean;
  /**
   * Whether a round is one paid spin and nothing else (no mode start, no feature): then only the
   * spin's figures change from round to round (`playSpinOnly`).
   */
  private readonly spinOnly: boolean;

  // The last round's figures, in credits (after the cap); `TOTAL` is the running total while the
  // round plays. Amounts live in a typed array: a number field would box every value stored in it.
  private readonly sums = new Float64Array(6);
  /** Whether the round's total reached the cap (it then ended: nothing more is drawn). */
  capped = false;
  get total(): number {
    return this.sums[TOTAL]!;
  }
  /** The paid spin's pay wins (lines, ways, cluster or anywhere). */
  get lines(): number {
    return this.sums[LINES]!;
  }
  /** The paid spin's scatter win. */
  get scatter(): number {
    return this.sums[SCATTER]!;
  }
  get bonus(): number {
    return this.sums[BONUS]!;
  }
  get holdAndWin(): number {
    return this.sums[HOLD_AND_WIN]!;
  }
  get freeSpins(): number {
    return this.sums[FREE_SPINS]!;
  }
  /** Whether the round played the bonus, a hold-and-win feature, free spins; free spins played. */
  bonusPlayed = false;
  holdAndWinPlayed = false;
  freeSpinsPlayed = 0;
  freeSpinsTriggered = false;

  constructor(game: Game) {
    this.game = game;
    this.tables = spinTablesOf(game);
    this.player = spinPlayerOf(this.tables);
    this.holdAndWinPlayer = game.holdAndWin === null ? null : new HoldAndWinPlayer(game, game.holdAndWin);
    this.start = game.start;
    this.bonusFeature = game.bonus;
    this.holdAndWinFeature = game.holdAndWin;
    this.freeSpinsFeature = game.freeSpins;
    this.limit = game.maxWinCredits ?? Number.POSITIVE_INFINITY;
    this.hasFeatures = game.bonus !== null || game.holdAndWin !== null || game.freeSpins !== null;
    this.spinOnly = this.start === null && !this.hasFeatures;
  }

  /**
   * The cap (rulings 33, 34): adds a win to the round's total and returns the part of it that is
   * paid — all of it, or what fits under the cap. Once the total reaches the cap the round is over.
   */
  private add(win: number): number {
    const sums = this.sums;
    const total = sums[TOTAL]!;
    const paid = Math.min(win, this.limit - total);
    sums[TOTAL] = total + paid;
    if (total + paid >= this.limit) this.capped = true;
    return paid;
  }

  /** Plays one round; its figures are left in the fields. */
  play(rng: Rng, rec: RoundRecorder | null): void {
    if (this.spinOnly) {
      this.playSpinOnly(rng, rec);
      return;
    }
    const sums = this.sums;
    sums[TOTAL] = 0;
    sums[LINES] = 0;
    sums[SCATTER] = 0;
    sums[BONUS] = 0;
    sums[HOLD_AND_WIN] = 0;
    sums[FREE_SPINS] = 0;
    this.capped = false;
    this.bonusPlayed = false;
    this.holdAndWinPlayed = false;
    this.freeSpinsPlayed = 0;
    this.freeSpinsTriggered = false;

    const start = this.start;
    if (start === null) this.playPaidRound(rng, rec);
    else this.playStart(rng, start, rec);
  }

  /** A round of a mode that starts with a draw instead of a paid spin. */
  private playStart(rng: Rng, start: ModeStart, rec: RoundRecorder | null): void {
    switch (start.kind) {
      case 'freeSpins': {
        const feature = this.freeSpinsOf();
        const spins = start.spins.items[entryOfDraw(start.spins.cumulative, rng.int(start.spins.total))]!;
        rec?.startFreeSpins(spins);
        this.playFreeSpins(rng, feature, Math.min(spins, feature.maxSpins), rec);
        break;
      }
      case 'holdAndWin':
        this.playHoldAndWin(rng, null, rec);
        break;
      default: {
        const unknown: never = start;
        throw new Error(`unknown mode start ${String(unknown)}`);
      }
    }
  }

  private playPaidRound(rng: Rng, rec: RoundRecorder | null): void {
    const player = this.player;
    const sums = this.sums;
    rec?.spinStart(player.baseName, false);
    player.play(rng, false, 1, rec);
    sums[LINES] = this.add(player.pay);
    sums[SCATTER] = this.add(player.scatter);
    rec?.spinEnd(player, this.lines, this.scatter);
    if (this.hasFeatures && !this.capped) this.playFeatures(rng, rec);
  }

  /**
   * `playPaidRound` for a game whose round is its paid spin alone (`spinOnly`): the fields only a
   * feature sets keep their first values, so they are not reset; without a cap, `add` would pay each
   * win whole and never cap, so the sums are written directly. The same figures, a few nanoseconds
   * less a round: the hot loop of a game like three-bells is about 50 ns.
   */
  private playSpinOnly(rng: Rng, rec: RoundRecorder | null): void {
    const player = this.player;
    const sums = this.sums;
    rec?.spinStart(player.baseName, false);
    player.play(rng, false, 1, rec);
    if (this.limit === Number.POSITIVE_INFINITY) {
      const pay = player.pay;
      const scatter = player.scatter;
      sums[TOTAL] = pay + scatter;
      sums[LINES] = pay;
      sums[SCATTER] = scatter;
    } else {
      sums[TOTAL] = 0;
      this.capped = false;
      sums[LINES] = this.add(player.pay);
      sums[SCATTER] = this.add(player.scatter);
    }
    rec?.spinEnd(player, this.lines, this.scatter);
  }

  /**
   * What follows a paid spin: the bonus, hold-and-win, the free spins. Apart from the spin so that
   * the spin's few lines stay small enough to inline into the simulator's loop.
   */
  private playFeatures(rng: Rng, rec: RoundRecorder | null): void {
    const player = this.player;
    const sums = this.sums;
    const bonus = this.bonusFeature;
    if (bonus !== null && !this.capped) {
      const trigger = bonus.trigger;
      const triggered = trigger.kind === 'line' ? player.bonusLine : player.bonusCount >= trigger.count;
      if (triggered) {
        this.bonusPlayed = true;
        const prize = drawPrize(bonus.prize, rng, rec === null ? null : rec.bonusDraws());
        sums[BONUS] = this.add(prize);
        rec?.bonusEnd(this.bonus);
      }
    }

    const holdAndWin = this.holdAndWinFeature;
    if (holdAndWin !== null && !this.capped && player.coinCount >= holdAndWin.count) {
      this.playHoldAndWin(rng, player.coinCells, rec);
    }

    const feature = this.freeSpinsFeature;
    if (feature !== null && player.awardParts > 0 && !this.capped) {
      const spins = this.drawAwards(rng, false, rec);
      this.playFreeSpins(rng, feature, Math.min(spins, feature.maxSpins), rec);
    }
  }

  private playHoldAndWin(rng: Rng, cells: Uint8Array | null, rec: RoundRecorder | null): void {
    const hw = this.holdAndWinPlayer;
    if (hw === null) throw new Error('the game has no holdAndWin');
    this.holdAndWinPlayed = true;
    const win = cells === null ? hw.playStart(rng, rec) : hw.playTriggered(rng, cells, rec);
    this.sums[HOLD_AND_WIN] = this.add(win);
    rec?.holdAndWinEnd(hw.coins, hw.fullGrid, this.holdAndWin);
  }

  private freeSpinsOf(): FreeSpinsFeature {
    const feature = this.freeSpinsFeature;
    if (feature === null) throw new Error('the game has no freeSpins');
    return feature;
  }

  /** The spins of the award entries the last spin made (fixed, or drawn now), in window order. */
  private drawAwards(rng: Rng, retrigger: boolean, rec: RoundRecorder | null): number {
    const t = this.tables;
    const player = this.player;
    const fixed = retrigger ? t.retriggerFixed : t.awardFixed;
    const drawn = retrigger ? t.retriggerDraw : t.awardDraw;
    let spins = 0;
    for (let i = 0; i < player.awardParts; i++) {
      const count = player.awardCounts[i]!;
      const table = drawn[count];
      const n = table != null ? drawItem(table, rng) : fixed[count]!;
      rec?.award(count, n, table != null, retrigger);
      spins += n;
    }
    return spins;
  }

  private playFreeSpins(
    rng: Rng,
    feature: FreeSpinsFeature,
    awarded: number,
    rec: RoundRecorder | null,
  ): void {
    if (awarded <= 0) return;
    const player = this.player;
    const reelSet = player.freeName;
    if (reelSet === null) throw new Error('the game has no freeSpins');
    this.freeSpinsTriggered = true;
    player.resetFeature();
    rec?.freeSpinsStart(awarded);
    let remaining = awarded;
    let played = 0;
    let win = 0;
    while (remaining > 0) {
      rec?.spinStart(reelSet, true);
      player.play(rng, true, feature.multiplier, rec);
      remaining--;
      played++;
      const pay = this.add(player.pay);
      const scatter = this.add(player.scatter);
      win += pay + scatter;
      rec?.spinEnd(player, pay, scatter);
      if (this.capped) break;
      if (player.awardParts > 0) {
        const more = this.drawAwards(rng, true, rec);
        const added = Math.min(more, feature.maxSpins - played - remaining);
        remaining += added;
        rec?.retrigger(added);
      }
    }
    this.freeSpinsPlayed = played;
    this.sums[FREE_SPINS] = win;
    rec?.freeSpinsEnd(win);
  }
}
