import type { Draw } from '../rng/draw.js';
import type { Rng } from '../rng/rng.js';
import type { FastReelSet } from './fast-game.js';
import { searchStop } from './fast-round.js';
import type { SerialSums } from './detail-types.js';
import { SerialAccumulator } from './serial-probe.js';

/**
 * An `Rng` that passes every draw through unchanged and watches it: the first R draws of a round
 * are the paid spin's stops (format spec, "Stops, window and the random draws"), so it records
 * them (as stops, through the weighted reels' tables) and counts them per reel; every draw enters
 * the serial-correlation sums as u = (draw + ½) / bound, and the round's draws are kept so a round
 * that played a feature can be replayed in full. Call `startRound()` before each round.
 */
export class DetailProbe implements Rng {
  readonly algorithm: string;
  /** The paid spin's stops of the current round. */
  readonly stops: Int32Array;
  /** Per base reel, how often each stop was drawn. */
  readonly stopCounts: Float64Array[];
  private readonly inner: Rng;
  private readonly base: FastReelSet;
  private drawInRound = 0;
  /** Every draw of the current round: bounds and values (grown as needed). */
  private roundBounds = new Float64Array(64);
  private roundValues = new Float64Array(64);
  private readonly sums = new SerialAccumulator();

  constructor(inner: Rng, base: FastReelSet, stripLengths: readonly number[]) {
    this.inner = inner;
    this.algorithm = inner.algorithm;
    this.base = base;
    this.stops = new Int32Array(base.reelCount);
    this.stopCounts = stripLengths.map((length) => new Float64Array(length));
  }

  startRound(): void {
    this.drawInRound = 0;
  }

  int(bound: number): number {
    const draw = this.inner.int(bound);
    this.sums.add(draw, bound);
    const r = this.drawInRound++;
    if (r >= this.roundBounds.length) {
      const bounds = new Float64Array(this.roundBounds.length * 2);
      bounds.set(this.roundBounds);
      this.roundBounds = bounds;
      const values = new Float64Array(this.roundValues.length * 2);
      values.set(this.roundValues);
      this.roundValues = values;
    }
    this.roundBounds[r] = bound;
    this.roundValues[r] = draw;
    if (r < this.base.reelCount) {
      const table = this.base.stopOf[r]!;
      const sums = this.base.searchOf?.[r] ?? null;
      const stop = table !== null ? table[draw]! : sums !== null ? searchStop(sums, draw) : draw;
      this.stops[r] = stop;
      this.stopCounts[r]![stop]!++;
    }
    return draw;
  }

  /** Draws made by the current round so far (more than the reels: a feature was played). */
  get roundDrawCount(): number {
    return this.drawInRound;
  }

  /** The current round's draws, to replay it through the engine. */
  roundDraws(): Draw[] {
    const draws: Draw[] = [];
    for (let i = 0; i < this.drawInRound; i++) {
      draws.push({ bound: this.roundBounds[i]!, value: this.roundValues[i]! });
    }
    return draws;
  }

  serial(): SerialSums {
    return this.sums.result();
  }
}
