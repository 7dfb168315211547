/**
 * Format 2's per-round detail: how often each entry of a weighted draw came up — reel heights,
 * drawn values, drawn free-spin awards, hold-and-win coin values and landings — for the
 * certification report's χ² tests against the draws' weights, which the game file gives exactly.
 */
import type { WeightedList } from '../engine/model.js';

/** One weighted draw's counts: entry i was drawn `counts[i]` times; its chance is weights[i] / Σ weights. */
export interface DrawTally {
  /** What was drawn: "heights of reel 1", "values of WILD", "coin landings", … */
  readonly name: string;
  /** `reels`: a draw of every spin's reveal (heights, values); `features`: a draw of a feature or a mode's start. */
  readonly part: 'reels' | 'features';
  readonly labels: readonly string[];
  readonly weights: readonly number[];
  readonly counts: readonly number[];
}

/** Counts the entries of one weighted draw. Entries of equal value are one class (their weights added). */
export class TallyCounter {
  readonly name: string;
  readonly part: DrawTally['part'];
  readonly labels: string[] = [];
  readonly weights: number[] = [];
  readonly counts: number[];
  /** Value → class, for draws the recorder sees by value. */
  private readonly classOf = new Map<number, number>();
  /** Entry → class. */
  private readonly entryClass: number[] = [];

  constructor(
    name: string,
    part: DrawTally['part'],
    values: readonly number[],
    weights: readonly number[],
    label: (v: number) => string,
  ) {
    this.name = name;
    this.part = part;
    values.forEach((value, i) => {
      let k = this.classOf.get(value);
      if (k === undefined) {
        k = this.labels.length;
        this.classOf.set(value, k);
        this.labels.push(label(value));
        this.weights.push(0);
      }
      this.weights[k]! += weights[i]!;
      this.entryClass.push(k);
    });
    this.counts = this.labels.map(() => 0);
  }

  static of(
    name: string,
    part: DrawTally['part'],
    list: WeightedList<number>,
    label: (v: number) => string,
  ): TallyCounter {
    return new TallyCounter(name, part, list.items, weightsOf(list), label);
  }

  /** A draw whose result was `value` (a value the list holds). */
  countValue(value: number): void {
    const k = this.classOf.get(value);
    if (k === undefined) throw new Error(`${this.name}: ${value} is not an entry`);
    this.counts[k]!++;
  }

  /** A draw that picked entry `i`. */
  countEntry(i: number, times = 1): void {
    this.counts[this.entryClass[i]!]! += times;
  }

  result(): DrawTally {
    return {
      name: this.name,
      part: this.part,
      labels: [...this.labels],
      weights: [...this.weights],
      counts: [...this.counts],
    };
  }
}

/** The weights of a weighted list (differences of its running sums). */
export function weightsOf<T>(list: WeightedList<T>): number[] {
  return list.cumulative.map((c, i) => c - (i === 0 ? 0 : list.cumulative[i - 1]!));
}

/** Tallies merged by name, counts added (the same game gives the same names, classes and order). */
export function mergeTallies(into: Map<string, DrawTally>, tallies: readonly DrawTally[]): void {
  for (const t of tallies) {
    const seen = into.get(t.name);
    into.set(
      t.name,
      seen === undefined
        ? { ...t, counts: [...t.counts] }
        : { ...seen, counts: seen.counts.map((c, i) => c + t.counts[i]!) },
    );
  }
}
