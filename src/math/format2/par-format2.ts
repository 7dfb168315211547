/**
 * The PAR data of a format-2 game's mode, from its enumerated spins and its features: paying
 * combinations of every mechanic (cluster sizes, counts anywhere, runs, ways) with their hits and
 * return, cascade statistics, heights and ways, multiplier values and factors, and hold and win
 * (coins at the end, jackpots and the full grid per feature and per round).
 */
import type { Figure } from '../analysis-types.js';
import type { Game } from '../../engine/model.js';
import { payMechanic } from '../../engine/mechanics/registry.js';
import { ratio } from '../../stats/ratio.js';
import { add, frac, mul, toNumber, ZERO } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import { fractionFigure, labelled } from './figure-labels.js';
import type {
  CascadePar,
  CountPar,
  Format2Analysis,
  HeightsPar,
  HoldAndWinPar,
  MultiplierPar,
  SpinEnumerationInfo,
  SpinsNotEnumerated,
  WinPar,
} from './format2-types.js';
import { holdAndWinOutcome, startCounts } from './hold-and-win-win.js';
import type { StartCount } from './hold-and-win-win.js';
import { approx, exact } from './maybe-exact.js';
import type { MaybeExact } from './maybe-exact.js';
import type { RoundClass } from './round-moments-v2.js';
import type { SpinDistribution } from './spin-distribution.js';

export interface ParInputs {
  readonly game: Game;
  readonly budget: number;
  readonly base: SpinDistribution | null;
  readonly free: SpinDistribution | null;
  readonly baseInfo: SpinEnumerationInfo | SpinsNotEnumerated | null;
  readonly freeInfo: SpinEnumerationInfo | SpinsNotEnumerated | null;
  readonly simulated: readonly string[];
  readonly classes: readonly RoundClass[] | null;
  readonly rtp: Figure;
  readonly hitFrequency: Figure;
  readonly pFreeSpins: Figure | null;
  readonly pHoldAndWin: Figure | null;
  readonly capRate: Figure | null;
  readonly roundBound: number;
}

function oneIn(p: number): number {
  return p > 0 ? 1 / p : Number.POSITIVE_INFINITY;
}

function countRows(map: ReadonlyMap<number, bigint>, denominator: bigint): CountPar[] {
  return [...map]
    .filter(([, w]) => w > 0n)
    .sort((a, b) => a[0] - b[0])
    .map(([count, w]) => {
      const p = frac(w, denominator);
      return { count, probability: fractionFigure(p), oneIn: oneIn(toNumber(p)) };
    });
}

/** The paying combinations of one reel set's spins, by the mechanic's combination key. */
function winRows(game: Game, d: SpinDistribution): WinPar[] {
  const mechanic = payMechanic(game.evaluation);
  const rows = new Map<
    string,
    { rule: number; count: number; wm: number | null; hits: bigint; credits: bigint }
  >();
  for (const [text, [hits, credits]] of d.par.wins) {
    const [rule, count, wm] = text.split(':').map(Number) as [number, number, number];
    const key = mechanic.combinationKey(rule, count, wm);
    const row = rows.get(key) ?? {
      rule,
      count,
      wm: game.evaluation === 'lines' ? wm : null,
      hits: 0n,
      credits: 0n,
    };
    row.hits += hits;
    row.credits += credits;
    rows.set(key, row);
  }
  const twoPoint = d.values === 'two-point';
  return [...rows]
    .map(([key, r]): WinPar => {
      const rule = game.pays[r.rule]!;
      const symbol = rule.kind === 'kind' ? game.symbols[rule.symbol]!.id : rule.labels.join(' ');
      const label =
        rule.kind === 'pattern'
          ? `pattern ${symbol}`
          : `${symbol} ×${r.count}${r.wm !== null && r.wm !== 1 ? ` (wilds ×${r.wm})` : ''}`;
      const perSpin = frac(r.hits, d.denominator);
      return {
        key,
        kind: mechanic.winKind,
        label,
        rule: r.rule,
        symbol,
        count: r.count,
        wildMultiplier: r.wm,
        perSpin: fractionFigure(perSpin),
        oneIn: oneIn(toNumber(perSpin)),
        rtp: labelled(exact(frac(r.credits, d.denominator * BigInt(game.cost))), twoPoint),
      };
    })
    .sort(
      (a, b) => a.rule - b.rule || a.count - b.count || (a.wildMultiplier ?? 0) - (b.wildMultiplier ?? 0),
    );
}

function cascadePar(game: Game, d: SpinDistribution): CascadePar {
  const D = d.denominator;
  const windows = countRows(d.par.evaluations, D);
  let cascades = 0n;
  let tumbling = 0n;
  for (const [n, w] of d.par.evaluations) {
    cascades += BigInt(n - 1) * w;
    if (n >= 2) tumbling += w;
  }
  let total = 0n;
  for (const w of d.par.cascadePay.values()) total += w;
  const byIndex = [...d.par.cascadePay]
    .sort((a, b) => a[0] - b[0])
    .map(([index, w]) => ({
      index,
      rtp: labelled(exact(frac(w, D * BigInt(game.cost))), d.values === 'two-point'),
      share: total > 0n ? ratio(w, total) : 0,
    }));
  const after = [...d.par.cascadePay].reduce((acc, [i, w]) => (i >= 1 ? acc + w : acc), 0n);
  return {
    role: d.role,
    windows,
    averageCascades: fractionFigure(frac(cascades, D)),
    averageChain: tumbling > 0n ? fractionFigure(frac(cascades, tumbling)) : null,
    byIndex,
    tumbleShare: total > 0n ? ratio(after, total) : 0,
  };
}

function heightsPar(game: Game): HeightsPar | null {
  const heights = game.heights;
  if (heights === null) return null;
  const reels = heights.map((list) =>
    list.items.map((rows, i) => ({
      rows,
      probability: fractionFigure(
        frac(list.cumulative[i]! - (i === 0 ? 0 : list.cumulative[i - 1]!), list.total),
      ),
    })),
  );
  let ways = new Map<number, Fraction>([[1, frac(1)]]);
  let average = frac(1);
  for (const reel of reels) {
    const next = new Map<number, Fraction>();
    let mean = ZERO;
    for (const [w, p] of ways) {
      for (const h of reel) {
        const key = w * h.rows;
        next.set(key, add(next.get(key) ?? ZERO, mul(p, h.probability.exact!)));
      }
    }
    for (const h of reel) mean = add(mean, mul(frac(h.rows), h.probability.exact!));
    average = mul(average, mean);
    ways = next;
  }
  return {
    reels,
    ways: [...ways]
      .sort((a, b) => a[0] - b[0])
      .map(([w, p]) => ({ ways: w, probability: fractionFigure(p) })),
    averageWays: fractionFigure(average),
  };
}

function multiplierPar(game: Game, base: SpinDistribution | null): MultiplierPar | null {
  const carriers = game.symbols.filter((s) => s.multiplierDraw !== null || s.multiplierSymbol !== null);
  if (carriers.length === 0) return null;
  const symbols = carriers.map((s) => {
    const table = (s.multiplierDraw ?? s.multiplierSymbol)!;
    let mean = ZERO;
    const values = table.items.map((value, i) => {
      const p = frac(table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!), table.total);
      mean = add(mean, mul(p, frac(value)));
      return { value, probability: fractionFigure(p) };
    });
    return {
      symbol: s.id,
      kind: s.multiplierDraw !== null ? ('wild' as const) : ('multiplier symbol' as const),
      values,
      mean: fractionFigure(mean),
    };
  });
  let factors: MultiplierPar['factors'] = null;
  let cells: CountPar[] = [];
  if (base !== null) {
    let paying = 0n;
    for (const w of base.par.factors.values()) paying += w;
    if (paying > 0n) {
      if (base.values !== 'two-point') {
        factors = [...base.par.factors]
          .sort((a, b) => a[0] - b[0])
          .map(([factor, w]) => ({ factor, probability: fractionFigure(frac(w, paying)) }));
      }
      cells = countRows(base.par.multiplierCells, paying);
    }
  }
  return { symbols, factors, cells };
}

function perRound(perFeature: MaybeExact, trigger: Figure | null): Figure {
  if (trigger === null) return labelled(perFeature, false);
  if (perFeature.exact !== null && trigger.exact !== null && trigger.precision === 'exact') {
    return labelled(exact(mul(perFeature.exact, trigger.exact)), false);
  }
  const value = perFeature.value * trigger.value;
  return trigger.precision === 'simulated'
    ? { value, exact: null, precision: 'simulated' }
    : labelled(approx(value), false);
}

function holdAndWinPar(inputs: ParInputs): HoldAndWinPar | null {
  const { game, classes } = inputs;
  const feature = game.holdAndWin;
  if (feature === null) return null;
  const cells = game.reels * game.rows;
  const cost = game.cost;
  let starts: StartCount[];
  let trigger: string;
  if (game.start?.kind === 'holdAndWin') {
    starts = startCounts(game.start.coins, cells);
    trigger = `the mode's start (${game.mode})`;
  } else {
    if (classes === null) return null;
    const byCount = new Map<number, Fraction>();
    let total = ZERO;
    for (const c of classes) {
      if (c.holdAndWin === null) continue;
      const n = c.holdAndWin.parts[0]!.start;
      byCount.set(n, add(byCount.get(n) ?? ZERO, c.weight));
      total = add(total, c.weight);
    }
    if (total.n === 0n) return null;
    starts = [...byCount]
      .sort((a, b) => a[0] - b[0])
      .map(([count, w]) => ({ count, probability: mul(w, frac(total.d, total.n)) }));
    trigger = `${feature.count}+ × ${game.symbols[feature.symbol]!.id} on the paid spin`;
  }
  const outcome = holdAndWinOutcome(feature, cells, starts);
  const pTrigger = inputs.pHoldAndWin;
  const toFigure = (m: MaybeExact): Figure => labelled(m, false);
  const variance = outcome.meanSquare.value - outcome.mean.value * outcome.mean.value;
  const full = outcome.pFullGrid;
  return {
    trigger,
    pTrigger: pTrigger ?? fractionFigure(frac(1)),
    oneInRounds: oneIn(pTrigger?.value ?? 1),
    starts: starts.map((s) => ({
      count: s.count,
      probability: fractionFigure(s.probability),
      oneIn: oneIn(toNumber(s.probability)),
    })),
    finalCoins: outcome.counts
      .map((p, count) => ({ count, probability: toFigure(p), oneIn: oneIn(p.value) }))
      .filter((row) => row.probability.value > 0),
    meanWin: toFigure(
      outcome.mean.exact === null
        ? approx(outcome.mean.value / cost)
        : exact(mul(outcome.mean.exact, frac(1, cost))),
    ),
    sdWin: Math.sqrt(Math.max(0, variance)) / cost,
    maxWin: outcome.max / cost,
    respins: toFigure(outcome.respins),
    fullGrid: {
      perFeature: toFigure(full),
      perRound: perRound(full, pTrigger),
      oneInFeatures: oneIn(full.value),
      oneInRounds: oneIn(full.value * (pTrigger?.value ?? 1)),
    },
    jackpots: outcome.jackpots.map((j) => ({
      tier: j.tier,
      credits: j.credits,
      x: j.credits / cost,
      perFeature: toFigure(j.won),
      perRound: perRound(j.won, pTrigger),
      oneInFeatures: oneIn(j.won.value),
      oneInRounds: oneIn(j.won.value * (pTrigger?.value ?? 1)),
      expectedCoins: toFigure(j.expectedCoins),
    })),
    chain: outcome.precision,
  };
}

export function format2Par(inputs: ParInputs): Format2Analysis {
  const { game, base, free } = inputs;
  return {
    mode: game.mode,
    cost: game.cost,
    budget: inputs.budget,
    spins: { base: inputs.baseInfo, free: inputs.freeInfo },
    perReel: null,
    simulated: inputs.simulated,
    wins: { base: base === null ? [] : winRows(game, base), free: free === null ? [] : winRows(game, free) },
    cascades: {
      base: game.cascade === null || base === null ? null : cascadePar(game, base),
      free: game.cascade === null || free === null ? null : cascadePar(game, free),
    },
    heights: heightsPar(game),
    multipliers: multiplierPar(game, base),
    holdAndWin: holdAndWinPar(inputs),
    modeSummary: {
      mode: game.mode,
      cost: game.cost,
      start: game.start === null ? 'none' : game.start.kind,
      rtp: inputs.rtp,
      hitFrequency: inputs.hitFrequency,
      freeSpinsRate: inputs.pFreeSpins,
      holdAndWinRate: inputs.pHoldAndWin,
      capRate: inputs.capRate,
      maxExposure: inputs.roundBound,
    },
  };
}
