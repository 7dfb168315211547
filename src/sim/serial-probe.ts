import type { Rng } from '../rng/rng.js';
import type { SerialSums } from './detail-types.js';

/**
 * An `Rng` that passes every draw through unchanged and adds it to the serial-correlation sums as
 * u = (draw + ½) / bound (as `DetailProbe` does for the classic path, without its stop mapping:
 * a format-2 round's draws are read by a recorder instead).
 */
export class SerialProbe implements Rng {
  readonly algorithm: string;
  private readonly inner: Rng;
  private draws = 0;
  private sum = 0;
  private sumOfSquares = 0;
  private sumOfProducts = 0;
  private first = 0;
  private previous = 0;

  constructor(inner: Rng) {
    this.inner = inner;
    this.algorithm = inner.algorithm;
  }

  int(bound: number): number {
    const draw = this.inner.int(bound);
    const u = (draw + 0.5) / bound;
    if (this.draws === 0) this.first = u;
    else this.sumOfProducts += this.previous * u;
    this.previous = u;
    this.draws++;
    this.sum += u;
    this.sumOfSquares += u * u;
    return draw;
  }

  serial(): SerialSums {
    return {
      draws: this.draws,
      sum: this.sum,
      sumOfSquares: this.sumOfSquares,
      sumOfProducts: this.sumOfProducts,
      first: this.draws === 0 ? null : this.first,
      last: this.draws === 0 ? null : this.previous,
    };
  }
}
