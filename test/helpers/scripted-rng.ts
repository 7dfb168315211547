import type { Rng } from '../../src/rng/rng.js';

/**
 * An Rng that serves a fixed script of draws and records the bounds it was asked for, so a test
 * can set up an exact outcome and check the draw order.
 */
export class ScriptedRng implements Rng {
  readonly algorithm = 'scripted';
  readonly bounds: number[] = [];
  private next = 0;

  constructor(private readonly values: readonly number[]) {}

  int(bound: number): number {
    const value = this.values[this.next++];
    if (value === undefined) throw new Error(`script exhausted at draw ${this.next} (bound ${bound})`);
    if (value >= bound) throw new Error(`scripted draw ${value} is not below bound ${bound}`);
    this.bounds.push(bound);
    return value;
  }

  get consumed(): number {
    return this.next;
  }
}
