import { mergeTallies } from './draw-tally.js';
import type { DrawTally } from './draw-tally.js';
import type {
  ChunkDetail,
  DetailCombinationCount,
  DetailGroup,
  FeatureDetail,
  SimulationDetail,
} from './detail-types.js';

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
  private features = {
    features: 0,
    freeTrials: 0,
    bonuses: 0,
    awards: new Map<number, number>(),
    prizes: new Map<number, number>(),
    combinations: new Map<string, Mutable<DetailCombinationCount>>(),
    groups: new Map<string, Mutable<DetailGroup>>(),
    stopCounts: null as number[][] | null,
  };
  /** Format 2's tallies and combination counts (null until a chunk brings them). */
  private format2: { tallies: Map<string, DrawTally>; combinations: Map<string, number> } | null = null;
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
    this.addFeatures(detail.features);
    if (detail.format2 !== null) {
      this.format2 ??= { tallies: new Map(), combinations: new Map() };
      mergeTallies(this.format2.tallies, detail.format2.tallies);
      for (const c of detail.format2.combinations) {
        this.format2.combinations.set(c.key, (this.format2.combinations.get(c.key) ?? 0) + c.all);
      }
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

  private addFeatures(d: FeatureDetail): void {
    const f = this.features;
    f.features += d.features;
    f.freeTrials += d.freeTrials;
    f.bonuses += d.bonuses;
    for (const a of d.awards) f.awards.set(a.awarded, (f.awards.get(a.awarded) ?? 0) + a.count);
    for (const p of d.prizes) f.prizes.set(p.prize, (f.prizes.get(p.prize) ?? 0) + p.count);
    for (const c of d.freeCombinations) {
      const key = combinationKey(c);
      const entry = f.combinations.get(key);
      if (entry === undefined) f.combinations.set(key, { ...c });
      else {
        entry.all += c.all;
        entry.sampled += c.sampled;
      }
    }
    for (const g of d.freeGroups) {
      const key = `${g.kind}:${g.rule}`;
      const entry = f.groups.get(key);
      if (entry === undefined) f.groups.set(key, { ...g });
      else entry.trials += g.trials;
    }
    if (f.stopCounts === null) f.stopCounts = d.freeStopCounts.map((counts) => [...counts]);
    else {
      d.freeStopCounts.forEach((counts, r) => {
        const merged = f.stopCounts![r]!;
        counts.forEach((n, stop) => (merged[stop]! += n));
      });
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
      features: {
        features: this.features.features,
        awards: [...this.features.awards]
          .sort((a, b) => a[0] - b[0])
          .map(([awarded, count]) => ({ awarded, count })),
        freeTrials: this.features.freeTrials,
        freeCombinations: [...this.features.combinations.values()].sort(
          (a, b) =>
            order[a.kind] - order[b.kind] ||
            (a.rule ?? -1) - (b.rule ?? -1) ||
            b.count - a.count ||
            a.multiplier - b.multiplier,
        ),
        freeGroups: [...this.features.groups.values()].sort(
          (a, b) => order[a.kind] - order[b.kind] || (a.rule ?? -1) - (b.rule ?? -1),
        ),
        freeStopCounts: this.features.stopCounts ?? [],
        bonuses: this.features.bonuses,
        prizes: [...this.features.prizes]
          .sort((a, b) => a[0] - b[0])
          .map(([prize, count]) => ({ prize, count })),
      },
      format2:
        this.format2 === null
          ? null
          : {
              tallies: [...this.format2.tallies.values()],
              combinations: [...this.format2.combinations]
                .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
                .map(([key, all]) => ({ key, all })),
            },
      serial: { ...this.serial },
    };
  }
}
