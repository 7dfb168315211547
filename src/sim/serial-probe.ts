import type { Rng } from '../rng/rng.js';
import type { SerialSums } from './detail-types.js';

/**
 * The serial-correlation sums of a stream of draws, each read as u = (draw + ½) / bound: shared by
 * `SerialProbe` (format 2) and `DetailProbe` (the classic path).
 */
export class SerialAccumulator {
  private draws = 0;
  private sum = 0;
  private sumOfSquares = 0;
  private sumOfProducts = 0;
  private first = 0;
  private previous = 0;

  add(draw: number, bound: number): void {
    const u = (draw + 0.5) / bound;
    if (this.draws === 0) this.first = u;
    else this.sumOfProducts += this.previous * u;
    this.previous = u;
    this.draws++;
    this.sum += u;
    this.sumOfSquares += u * u;
  }

  result(): SerialSums {
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

/**
 * An `Rng` that passes every draw through unchanged and adds it to the serial-correlation sums
 * (as `DetailProbe` does for the classic path, without its stop mapping: a format-2 round's draws
 * are read by a recorder instead).
 */
export class SerialProbe implements Rng {
  readonly algorithm: string;
  private readonly inner: Rng;
  private readonly sums = new SerialAccumulator();

  constructor(inner: Rng) {
    this.inner = inner;
    this.algorithm = inner.algorithm;
  }

  int(bound: number): number {
    const draw = this.inner.int(bound);
    this.sums.add(draw, bound);
    return draw;
  }

  serial(): SerialSums {
    return this.sums.result();
  }
}
