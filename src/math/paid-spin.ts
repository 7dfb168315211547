import type { Game } from '../engine/model.js';
import { distributionTable } from '../stats/distribution.js';
import type { PaidSpinCycle } from './analysis-types.js';
import type { CycleEnumeration, CycleHistogram } from './cycle-run.js';
import { exactFigure } from './figures.js';
import { frac, sub, toNumber } from './fraction.js';
import type { Fraction } from './fraction.js';

/** Win (credits, after `cap`) → weight, over every class of a cycle. */
export function mergedHistogram(h: CycleHistogram, cap: number | null): Map<number, bigint> {
  const merged = new Map<number, bigint>();
  for (const map of h.byClass) {
    for (const [win, w] of map) {
      const x = cap === null ? win : Math.min(win, cap);
      merged.set(x, (merged.get(x) ?? 0n) + w);
    }
  }
  return new Map([...merged].sort((a, b) => a[0] - b[0]));
}

function hitWeight(histogram: ReadonlyMap<number, bigint>): bigint {
  let hits = 0n;
  for (const [win, w] of histogram) if (win > 0) hits += w;
  return hits;
}

/**
 * The paid spin's own win over its whole cycle, features excluded (the `fullCycle` figures): exact
 * hit frequency, RTP, variance and win distribution. The max-win cap applies to the paid spin's
 * win as it does in play (it is the first win of the round).
 */
export function paidSpinCycle(game: Game, enumeration: CycleEnumeration): PaidSpinCycle {
  const base = enumeration.base;
  const histogram = mergedHistogram(base, game.maxWinCredits);
  const stake = BigInt(game.betCredits);
  const cycle = base.cycle;
  let s1 = 0n;
  let s2 = 0n;
  for (const [win, w] of histogram) {
    s1 += BigInt(win) * w;
    s2 += BigInt(win) * BigInt(win) * w;
  }
  const variance = frac(cycle * s2 - s1 * s1, cycle * cycle * stake * stake);
  const top = [...histogram].filter(([, w]) => w > 0n).at(-1) ?? [0, cycle];
  const free = enumeration.free;
  return {
    cycle,
    combinations: base.combinations,
    hitFrequency: exactFigure(frac(hitWeight(histogram), cycle)),
    rtp: exactFigure(frac(s1, cycle * stake)),
    variance: exactFigure(variance),
    sd: Math.sqrt(toNumber(variance)),
    distribution: distributionTable(histogram, game.betCredits),
    histogram,
    maxWin: {
      credits: top[0],
      x: top[0] / game.betCredits,
      hits: top[1],
      oneIn: Number(cycle) / Number(top[1]),
    },
    freeSpin:
      free === null
        ? null
        : {
            cycle: free.cycle,
            combinations: free.combinations,
            hitFrequency: exactFigure(frac(hitWeight(mergedHistogram(free, null)), free.cycle)),
          },
    threads: enumeration.threads,
    elapsedSeconds: enumeration.elapsedSeconds,
  };
}

/** The largest spin win of a cycle, in credits. */
export function maxWinOf(h: CycleHistogram): number {
  let max = 0;
  for (const map of h.byClass) for (const [win, w] of map) if (w > 0n && win > max) max = win;
  return max;
}

/** Σ win × weight over a cycle, in credits. */
export function sumOfWins(h: CycleHistogram): bigint {
  let s = 0n;
  for (const map of h.byClass) for (const [win, w] of map) s += BigInt(win) * w;
  return s;
}

/** Capped line/ways and scatter parts of the paid spin, exactly, from the spins that pass the cap. */
export function cappedPaidParts(
  enumeration: CycleEnumeration,
  cap: number,
  lines: Fraction,
  scatter: Fraction,
  stake: number,
): { lines: Fraction; scatter: Fraction } {
  let linesCut = 0n;
  let scatterCut = 0n;
  for (const spin of enumeration.base.overCap) {
    const paidLines = Math.min(spin.pay, cap);
    const paidScatter = Math.min(spin.scatter, cap - paidLines);
    linesCut += spin.weight * BigInt(spin.pay - paidLines);
    scatterCut += spin.weight * BigInt(spin.scatter - paidScatter);
  }
  const d = enumeration.base.cycle * BigInt(stake);
  return { lines: sub(lines, frac(linesCut, d)), scatter: sub(scatter, frac(scatterCut, d)) };
}
