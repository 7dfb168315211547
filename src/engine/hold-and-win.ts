/**
 * Hold and win, on the whole grid (`reels × rows` cells), as the spec's steps say:
 *
 * 1. The feature starts with the trigger symbol's cells of the counted window (ruling 32), each
 *    drawing its value in reel-major order — or, in a mode with `start.holdAndWin`, with n coins
 *    placed one draw at a time (`rng.int(empty cells)` picks the empty cell, reel-major, and its
 *    value is drawn at once).
 * 2. Respins: L = `respins`; per respin, per empty cell reel-major, `rng.int(coin + blank)`; a draw
 *    below `coin` lands a coin whose value is drawn at once. A landing resets L, else L − 1. The
 *    feature ends at L = 0, a full grid (at once when the start fills it), or `maxRespins` respins.
 * 3. The win: the coins' credits, plus the `fullGrid` tier when every cell holds a coin.
 */
import type { Rng } from '../rng/rng.js';
import type { CoinValue, Game, HoldAndWinFeature, WeightedList } from './model.js';
import type { RoundRecorder } from './round-recorder.js';
import { entryOf } from './spin-tables.js';

export class HoldAndWinPlayer {
  private readonly feature: HoldAndWinFeature;
  private readonly start: WeightedList<number> | null;
  private readonly cellCount: number;
  private readonly valueCumulative: Float64Array;
  private readonly valueCredits: Float64Array;
  private readonly startCumulative: Float64Array | null;
  /** Per cell the entry of `values` its coin drew, −1 when empty. */
  readonly coins: Int32Array;
  held = 0;
  /** Respins played in the last feature. */
  respinsPlayed = 0;
  fullGrid = false;

  constructor(game: Game, feature: HoldAndWinFeature) {
    this.feature = feature;
    this.start = game.start?.kind === 'holdAndWin' ? game.start.coins : null;
    this.cellCount = game.reels * game.rows;
    this.valueCumulative = Float64Array.from(feature.values.cumulative);
    this.valueCredits = Float64Array.from(feature.values.items, (v: CoinValue) => v.credits);
    this.startCumulative = this.start === null ? null : Float64Array.from(this.start.cumulative);
    this.coins = new Int32Array(this.cellCount).fill(-1);
  }

  /** Plays the feature triggered by the coins marked in `cells` (1); returns its win in credits. */
  playTriggered(rng: Rng, cells: Uint8Array, rec: RoundRecorder | null): number {
    this.coins.fill(-1);
    this.held = 0;
    rec?.holdAndWinStart();
    for (let c = 0; c < this.cellCount; c++) if (cells[c] === 1) this.place(rng, c, rec, 'initial');
    return this.respin(rng, rec);
  }

  /** A mode's `start.holdAndWin` round: draws n, places n coins, plays the respins. */
  playStart(rng: Rng, rec: RoundRecorder | null): number {
    const start = this.start;
    const cumulative = this.startCumulative;
    if (start === null || cumulative === null) throw new Error('the mode has no start.holdAndWin');
    this.coins.fill(-1);
    this.held = 0;
    const n = start.items[entryOf(cumulative, rng.int(start.total))]!;
    rec?.startHoldAndWin(n);
    rec?.holdAndWinStart();
    for (let i = 0; i < n && this.held < this.cellCount; i++) {
      let k = rng.int(this.cellCount - this.held);
      let c = 0;
      for (; ; c++) {
        if (this.coins[c]! >= 0) continue;
        if (k === 0) break;
        k--;
      }
      this.place(rng, c, rec, 'initial');
    }
    return this.respin(rng, rec);
  }

  private place(rng: Rng, cell: number, rec: RoundRecorder | null, phase: 'initial' | 'landing'): void {
    const value = entryOf(this.valueCumulative, rng.int(this.feature.values.total));
    this.coins[cell] = value;
    this.held++;
    rec?.coin(cell, value, phase);
  }

  private respin(rng: Rng, rec: RoundRecorder | null): number {
    const f = this.feature;
    const bound = f.coin + f.blank;
    let left = f.respins;
    let played = 0;
    while (this.held < this.cellCount && left > 0 && played < f.maxRespins) {
      played++;
      let landed = false;
      for (let c = 0; c < this.cellCount; c++) {
        if (this.coins[c]! >= 0) continue;
        if (rng.int(bound) < f.coin) {
          this.place(rng, c, rec, 'landing');
          landed = true;
        }
      }
      left = landed ? f.respins : left - 1;
      rec?.respinEnd(left);
    }
    this.respinsPlayed = played;
    let win = 0;
    for (let c = 0; c < this.cellCount; c++) {
      const v = this.coins[c]!;
      if (v >= 0) win += this.valueCredits[v]!;
    }
    this.fullGrid = this.held === this.cellCount;
    if (this.fullGrid && f.fullGrid !== null) win += f.fullGrid.credits;
    return win;
  }
}
