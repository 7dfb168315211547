import type { Game, ReelSet } from '../engine/model.js';
import type { Combination, CountRow, ReelSetPar, SpinCombination } from './analysis-types.js';
import { add, frac, toNumber, ZERO } from './fraction.js';
import type { Fraction } from './fraction.js';
import { lineCombinationKey, lineCombinations } from './line-combinations.js';
import { cycleSize, rowDistribution, stopWeight, windowCellCounts } from './reel-stats.js';
import { waysCombinationKey, waysCombinations } from './ways-combinations.js';

/** Symbol counts of every reel of a reel set, weights and row offsets included. */
export function reelSetPar(game: Game, set: ReelSet, usedFor: readonly string[]): ReelSetPar {
  return {
    name: set.name,
    usedFor,
    cycle: cycleSize(set),
    reels: set.reels.map((reel) => {
      const weighted = reel.weights !== null;
      const rows = weighted
        ? Array.from({ length: game.rows }, (_, row) => rowDistribution(reel, row, game.symbols.length))
        : null;
      const symbols = game.symbols.flatMap((symbol) => {
        let stops = 0;
        let weight = 0n;
        reel.strip.forEach((s, stop) => {
          if (s !== symbol.index) return;
          stops++;
          weight += BigInt(stopWeight(reel, stop));
        });
        if (stops === 0) return [];
        return [
          {
            symbol: symbol.id,
            stops,
            weight,
            rowWeights: rows === null ? null : rows.map((dist) => dist[symbol.index]!),
          },
        ];
      });
      return { length: reel.strip.length, drawBound: reel.drawBound, weighted, symbols };
    }),
  };
}

export function scatterKey(count: number): string {
  return `scatter:${count}`;
}

function lineLabel(game: Game, rule: number, count: number, multiplier: number): string {
  const r = game.pays[rule]!;
  const base =
    r.kind === 'kind' ? `${game.symbols[r.symbol]!.id} ×${count}` : `pattern ${r.labels.join(' ')}`;
  return multiplier === 1 ? base : `${base} (wilds ×${multiplier})`;
}

/** Weighted stop combinations by count of `symbol` cells, as table rows with `valueOf(count)`. */
export function countRows(
  game: Game,
  set: ReelSet,
  symbol: number,
  valueOf: (count: number) => number,
): CountRow[] {
  const cycle = cycleSize(set);
  return windowCellCounts(set, game.rows, symbol).flatMap((hits, count) =>
    hits === 0n
      ? []
      : [
          {
            count,
            hits,
            probability: frac(hits, cycle),
            oneIn: Number(cycle) / Number(hits),
            value: valueOf(count),
          },
        ],
  );
}

/**
 * Every paying combination of a spin on `set` — line or ways pays, then the scatter's counts —
 * with exact hits over the cycle and their RTP contributions (credits over cycle × stake).
 */
export function spinCombinations(game: Game, set: ReelSet): SpinCombination[] {
  const cycle = cycleSize(set);
  const stake = BigInt(game.betCredits);
  const lines = game.paylines.length;
  const rows: Omit<SpinCombination, 'shareOfRtp'>[] = [];
  const common = (hits: bigint, trials: number, credits: bigint) => ({
    hits,
    trials,
    probability: frac(hits, cycle * BigInt(trials)),
    perSpin: frac(hits, cycle),
    oneIn: Number(cycle) / Number(hits),
    rtp: frac(credits, cycle * stake),
  });
  if (game.evaluation === 'lines') {
    for (const c of lineCombinations(game, set)) {
      if (c.pay === 0) continue;
      rows.push({
        key: lineCombinationKey(c.rule, c.count, c.multiplier),
        kind: 'line',
        label: lineLabel(game, c.rule, c.count, c.multiplier),
        rule: c.rule,
        count: c.count,
        multiplier: c.multiplier,
        pay: c.pay,
        ways: null,
        ...common(c.hits, lines, c.hits * BigInt(c.pay)),
      });
    }
  } else {
    for (const c of waysCombinations(game, set)) {
      const rule = game.pays[c.rule]!;
      const symbol = rule.kind === 'kind' ? game.symbols[rule.symbol]!.id : '?';
      rows.push({
        key: waysCombinationKey(c.rule, c.count),
        kind: 'ways',
        label: `${symbol} ×${c.count}`,
        rule: c.rule,
        count: c.count,
        multiplier: 1,
        pay: c.pay,
        ways: c.ways,
        ...common(c.hits, 1, c.ways * BigInt(c.pay)),
      });
    }
  }
  const scatter = game.scatter;
  if (scatter !== null) {
    const id = game.symbols[scatter.symbol]!.id;
    for (const row of countRows(game, set, scatter.symbol, (count) => scatter.pays[count] ?? 0)) {
      if (row.value === 0) continue;
      rows.push({
        key: scatterKey(row.count),
        kind: 'scatter',
        label: `${id} ×${row.count} scatter`,
        rule: null,
        count: row.count,
        multiplier: 1,
        pay: row.value,
        ways: null,
        ...common(row.hits, 1, row.hits * BigInt(row.value)),
      });
    }
  }
  const total = rows.reduce((acc, row) => acc + toNumber(row.rtp), 0);
  return rows.map((row) => ({ ...row, shareOfRtp: total > 0 ? toNumber(row.rtp) / total : 0 }));
}

/** Σ of the combinations' RTP contributions of one kind (exact). */
export function rtpOf(
  rows: readonly Pick<Combination, 'kind' | 'rtp'>[],
  kinds: readonly Combination['kind'][],
): Fraction {
  return rows.filter((row) => kinds.includes(row.kind)).reduce((acc, row) => add(acc, row.rtp), ZERO);
}
