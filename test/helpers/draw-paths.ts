/**
 * Enumerates the draw paths of a round: a recursive walk over every value of every draw, within
 * a budget of paths. At each draw the budget is shared among its values (every value gets a path
 * while the budget allows; past it, values spread evenly over the range), and a path whose budget
 * is spent follows fixed pseudo-random values to the end of the round. Every run is a complete
 * round; `visit` sees each one with its draws.
 */
import type { Draw } from '../../src/rng/draw.js';
import type { Rng } from '../../src/rng/rng.js';

/** Serves `prefix`, then pseudo-random values (fixed by the prefix), recording every draw. */
class PathRng implements Rng {
  readonly algorithm = 'path';
  readonly draws: Draw[] = [];
  private state: number;

  constructor(private readonly prefix: readonly number[]) {
    let h = 0x9e3779b9 ^ prefix.length;
    for (const v of prefix) h = Math.imul(h ^ v, 0x85ebca6b) >>> 0;
    this.state = h >>> 0;
  }

  int(bound: number): number {
    const i = this.draws.length;
    let value: number;
    if (i < this.prefix.length) {
      value = this.prefix[i]!;
      if (value >= bound) throw new Error(`path value ${value} at draw ${i} is not below bound ${bound}`);
    } else {
      this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
      value = Math.floor((this.state / 2 ** 32) * bound);
    }
    this.draws.push({ bound, value });
    return value;
  }
}

/**
 * Calls `play` once per path (each with a fresh recording generator), at most about `budget`
 * paths, and `visit(draws)` after each. Returns the number of rounds played.
 */
export function forEachDrawPath(
  play: (rng: Rng) => void,
  budget: number,
  visit: (draws: readonly Draw[]) => void,
): number {
  let rounds = 0;
  const explore = (prefix: number[], share: number): void => {
    const rng = new PathRng(prefix);
    play(rng);
    rounds++;
    visit(rng.draws);
    const depth = prefix.length;
    if (share <= 1 || rng.draws.length <= depth) return;
    const bound = rng.draws[depth]!.bound;
    const children = Math.min(bound, share);
    const each = Math.max(1, Math.floor(share / children));
    for (let k = 0; k < children; k++) {
      const value = children === bound ? k : Math.floor((k * bound) / children);
      explore([...prefix, value], each);
    }
  };
  explore([], budget);
  return rounds;
}
