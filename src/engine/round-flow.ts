/**
 * One round of a format-2 game, written once: the mode's start draws or the paid spin → the bonus
 * → hold-and-win → the free spins (a drawn award right before the first free spin; a drawn
 * retrigger right after its spin), with the max-win cap in the spec's order (rulings 33, 34): a
 * spin's pay win, then its scatter win, the bonus, the hold-and-win win, each added once and cut
 * to fit; a spin and a hold-and-win feature are played to their end; once the cap is reached
 * nothing more is drawn.
 *
 * The engine's `playRound` runs it with the outcome recorder; the simulator runs it with none, and
 * then a round allocates nothing: its figures are left in the flow's fields.
 */
import type { Rng } from '../rng/rng.js';
import { drawPrize, entryOfDraw } from './bonus.js';
import { WinCap } from './cap.js';
import { HoldAndWinPlayer } from './hold-and-win.js';
import type { FreeSpinsFeature, Game } from './model.js';
import type { RoundRecorder } from './round-recorder.js';
import { drawItem, SpinPlayer } from './spin-player.js';
import type { ReelTables, SpinTables } from './spin-tables.js';
import { reelTablesOf, spinTablesOf } from './spin-tables.js';

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
  private readonly baseReels: ReelTables;
  private readonly freeReels: ReelTables | null;
  private readonly cap: WinCap;

  // The last round's figures, in credits (after the cap). Amounts live in a typed array: a
  // number field would box every value stored in it.
  private readonly sums = new Float64Array(6);
  capped = false;
  get total(): number {
    return this.sums[0]!;
  }
  /** The paid spin's pay wins (lines, ways, cluster or anywhere). */
  get lines(): number {
    return this.sums[1]!;
  }
  /** The paid spin's scatter win. */
  get scatter(): number {
    return this.sums[2]!;
  }
  get bonus(): number {
    return this.sums[3]!;
  }
  get holdAndWin(): number {
    return this.sums[4]!;
  }
  get freeSpins(): number {
    return this.sums[5]!;
  }
  /** Whether the round played the bonus, a hold-and-win feature, free spins; free spins played. */
  bonusPlayed = false;
  holdAndWinPlayed = false;
  freeSpinsPlayed = 0;
  freeSpinsTriggered = false;

  constructor(game: Game) {
    this.game = game;
    this.tables = spinTablesOf(game);
    this.player = new SpinPlayer(this.tables);
    this.holdAndWinPlayer = game.holdAndWin === null ? null : new HoldAndWinPlayer(game, game.holdAndWin);
    this.baseReels = reelTablesOf(game.baseReelSet);
    this.freeReels = game.freeSpins === null ? null : reelTablesOf(game.freeSpins.reelSet);
    this.cap = new WinCap(game.maxWinCredits);
  }

  /** Plays one round; its figures are left in the fields. */
  play(rng: Rng, rec: RoundRecorder | null): void {
    const game = this.game;
    const cap = this.cap;
    cap.reset();
    this.sums.fill(0);
    this.bonusPlayed = false;
    this.holdAndWinPlayed = false;
    this.freeSpinsPlayed = 0;
    this.freeSpinsTriggered = false;

    const start = game.start;
    if (start !== null) {
      switch (start.kind) {
        case 'freeSpins': {
          const feature = this.freeSpinsFeature();
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
    } else {
      this.playPaidRound(rng, rec);
    }
    this.sums[TOTAL] = cap.total;
    this.capped = cap.reached;
  }

  private playPaidRound(rng: Rng, rec: RoundRecorder | null): void {
    const game = this.game;
    const cap = this.cap;
    const player = this.player;
    rec?.spinStart(this.baseReels.name, false);
    player.play(rng, this.baseReels, false, 1, rec);
    this.sums[LINES] = cap.add(player.pay);
    this.sums[SCATTER] = cap.add(player.scatter);
    rec?.spinEnd(player, this.lines, this.scatter);

    const bonus = game.bonus;
    if (!cap.reached && bonus !== null) {
      const trigger = bonus.trigger;
      const triggered = trigger.kind === 'line' ? player.bonusLine : player.bonusCount >= trigger.count;
      if (triggered) {
        this.bonusPlayed = true;
        const prize = drawPrize(bonus.prize, rng, rec === null ? null : rec.bonusDraws());
        this.sums[BONUS] = cap.add(prize);
        rec?.bonusEnd(this.bonus);
      }
    }

    const holdAndWin = game.holdAndWin;
    if (!cap.reached && holdAndWin !== null && player.coinCount >= holdAndWin.count) {
      this.playHoldAndWin(rng, player.coinCells, rec);
    }

    if (!cap.reached && game.freeSpins !== null && player.awardParts > 0) {
      const feature = game.freeSpins;
      const spins = this.drawAwards(rng, false, rec);
      this.playFreeSpins(rng, feature, Math.min(spins, feature.maxSpins), rec);
    }
  }

  private playHoldAndWin(rng: Rng, cells: Uint8Array | null, rec: RoundRecorder | null): void {
    const hw = this.holdAndWinPlayer;
    if (hw === null) throw new Error('the game has no holdAndWin');
    this.holdAndWinPlayed = true;
    const win = cells === null ? hw.playStart(rng, rec) : hw.playTriggered(rng, cells, rec);
    this.sums[HOLD_AND_WIN] = this.cap.add(win);
    rec?.holdAndWinEnd(hw.coins, hw.fullGrid, this.holdAndWin);
  }

  private freeSpinsFeature(): FreeSpinsFeature {
    const feature = this.game.freeSpins;
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
    const cap = this.cap;
    const player = this.player;
    const reels = this.freeReels;
    if (reels === null) throw new Error('the game has no freeSpins');
    this.freeSpinsTriggered = true;
    player.resetFeature();
    rec?.freeSpinsStart(awarded);
    let remaining = awarded;
    let played = 0;
    let win = 0;
    while (remaining > 0) {
      rec?.spinStart(reels.name, true);
      player.play(rng, reels, true, feature.multiplier, rec);
      remaining--;
      played++;
      const pay = cap.add(player.pay);
      const scatter = cap.add(player.scatter);
      win += pay + scatter;
      rec?.spinEnd(player, pay, scatter);
      if (cap.reached) break;
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
