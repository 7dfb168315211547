import type { ChunkDetail, DetailCombinationCount, DetailGroup, SimulationDetail } from './detail-types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function combinationKey(c: { kind: string; rule: number | null; count: number; multiplier: number }): string {
  return `${c.kind}:${c.rule}:${c.count}:${c.multiplier}`;
}

/** Accumulates chunk details in chunk order (call `add` in that order for reproducible sums). */
export class DetailMerger {
  private rounds = 0;
  private readonly combinations = new Map<string, Mutable<DetailCombinationCount>>();
  private readonly groups = new Map<string, Mutable<DetailGroup>>();
  private stopCounts: number[][] | null = null;
  private readonly serial = {
    draws: 0,
    pairs: 0,
    sum: 0,
    sumOfSquares: 0,
    sumOfProducts: 0,
    sumOfLeading: 0,
    sumOfTrailing: 0,
  };

  add(detail: ChunkDetail): void {
    if (detail.rounds === 0) return;
    this.rounds += detail.rounds;
    for (const c of detail.combinations) {
      const key = combinationKey(c);
      const entry = this.combinations.get(key);
      if (entry === undefined) this.combinations.set(key, { ...c });
      else {
        entry.all += c.all;
        entry.sampled += c.sampled;
      }
    }
    for (const g of detail.groups) {
      const key = `${g.kind}:${g.rule}`;
      const entry = this.groups.get(key);
      if (entry === undefined) this.groups.set(key, { ...g });
      else entry.trials += g.trials;
    }
    if (this.stopCounts === null) this.stopCounts = detail.stopCounts.map((counts) => [...counts]);
    else {
      detail.stopCounts.forEach((counts, r) => {
        const merged = this.stopCounts![r]!;
        counts.forEach((n, stop) => (merged[stop]! += n));
      });
    }
    const s = detail.serial;
    if (s.draws > 0) {
      this.serial.draws += s.draws;
      this.serial.pairs += s.draws - 1;
      this.serial.sum += s.sum;
      this.serial.sumOfSquares += s.sumOfSquares;
      this.serial.sumOfProducts += s.sumOfProducts;
      this.serial.sumOfLeading += s.sum - s.last!;
      this.serial.sumOfTrailing += s.sum - s.first!;
    }
  }

  result(): SimulationDetail {
    const order = { line: 0, ways: 1, scatter: 2, lines: 0 } as const;
    return {
      rounds: this.rounds,
      combinations: [...this.combinations.values()].sort(
        (a, b) =>
          order[a.kind] - order[b.kind] ||
          (a.rule ?? -1) - (b.rule ?? -1) ||
          b.count - a.count ||
          a.multiplier - b.multiplier,
      ),
      groups: [...this.groups.values()].sort(
        (a, b) => order[a.kind] - order[b.kind] || (a.rule ?? -1) - (b.rule ?? -1),
      ),
      stopCounts: this.stopCounts ?? [],
      serial: { ...this.serial },
    };
  }
}
