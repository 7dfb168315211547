import type {
  Analysis,
  Combination,
  CountRow,
  Figure,
  LargestWin,
  PaidSpinCycle,
  ReelSetPar,
} from '../math/analysis-types.js';
import { toJson, toNumber } from '../math/fraction.js';
import { exactDistributionRows } from '../math/round-table.js';
import type { Fraction, FractionJson } from '../math/fraction.js';
import { format2Json } from './analysis-format2-json.js';

/**
 * The `analyze --json` document. The contract's keys (cli.md) hold plain numbers — fractions of the
 * stake, 0.9705 not 97.05 — and stay where scripts expect them; everything else is extra:
 * `figures` says how each headline figure was obtained and holds its exact fraction (decimal
 * strings), `par` the PAR tables with exact hits. Counts that can pass 2^53 (cycles, hits) are
 * decimal strings; `cycle` keys are numbers when they are safe integers and decimal strings otherwise.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A bigint count as a number when exact, else a decimal string. */
function countJson(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

function exactJson(f: Fraction): { [key: string]: Json } {
  const { numerator, denominator }: FractionJson = toJson(f);
  return { numerator, denominator };
}

function fractionJson(f: Fraction): { [key: string]: Json } {
  return { ...exactJson(f), value: toNumber(f) };
}

export function figureJson(figure: Figure | null): Json {
  if (figure === null) return null;
  return {
    value: figure.value,
    precision: figure.precision,
    exact: figure.exact === null ? null : exactJson(figure.exact),
    ...(figure.interval99 === undefined ? {} : { interval99: [...figure.interval99] }),
  };
}

function combinationJson(c: Combination): Json {
  return {
    key: c.key,
    kind: c.kind,
    label: c.label,
    rule: c.rule,
    count: c.count,
    multiplier: c.multiplier,
    pay: c.pay,
    hits: c.hits.toString(),
    trials: c.trials,
    probability: fractionJson(c.probability),
    perSpin: fractionJson(c.perSpin),
    oneIn: c.oneIn,
    ways: c.ways === null ? null : c.ways.toString(),
    rtp: fractionJson(c.rtp),
    shareOfRtp: c.shareOfRtp,
    gameRtp: figureJson(c.gameRtp),
    shareOfGameRtp: c.shareOfGameRtp,
  };
}

function countRowJson(row: CountRow): Json {
  return {
    count: row.count,
    hits: row.hits.toString(),
    probability: fractionJson(row.probability),
    oneIn: row.oneIn,
    value: row.value,
  };
}

function reelSetJson(set: ReelSetPar): Json {
  return {
    name: set.name,
    usedFor: [...set.usedFor],
    cycle: countJson(set.cycle),
    reels: set.reels.map((reel) => ({
      length: reel.length,
      drawBound: reel.drawBound,
      weighted: reel.weighted,
      symbols: reel.symbols.map((s) => ({
        symbol: s.symbol,
        stops: s.stops,
        weight: countJson(s.weight),
        rowWeights: s.rowWeights === null ? null : s.rowWeights.map(countJson),
      })),
    })),
  };
}

function fullCycleJson(p: PaidSpinCycle): Json {
  return {
    cycle: countJson(p.cycle),
    combinations: p.combinations,
    hitFrequency: p.hitFrequency.value,
    sd: p.sd,
    rtp: p.rtp.value,
    variance: p.variance.value,
    exact: {
      hitFrequency: exactJson(p.hitFrequency.exact!),
      rtp: exactJson(p.rtp.exact!),
      variance: exactJson(p.variance.exact!),
    },
    distribution: p.distribution.map((row) => ({ ...row })),
    maxWin: {
      credits: p.maxWin.credits,
      x: p.maxWin.x,
      hits: p.maxWin.hits.toString(),
      oneIn: p.maxWin.oneIn,
    },
    freeSpin:
      p.freeSpin === null
        ? null
        : {
            cycle: countJson(p.freeSpin.cycle),
            combinations: p.freeSpin.combinations,
            hitFrequency: p.freeSpin.hitFrequency.value,
          },
    threads: p.threads,
    elapsedSeconds: p.elapsedSeconds,
  };
}

function largestJson(w: LargestWin | null): Json {
  return w === null ? null : { credits: w.credits, x: w.x, hits: w.hits.toString(), oneIn: w.oneIn };
}

function maxWinJson(a: Analysis): Json {
  const m = a.maxWin;
  return {
    capCredits: m.capCredits,
    capX: m.capX,
    roundBound: m.roundBound,
    roundBoundFrom: m.roundBoundFrom,
    paidSpinBound: m.paidSpinBound,
    freeSpinBound: m.freeSpinBound,
    freeSpinsBound: m.freeSpinsBound,
    canBind: m.canBind,
    capHit: figureJson(m.capHit),
    largestPaidSpin: largestJson(m.largestPaidSpin),
    largestFreeSpin: largestJson(m.largestFreeSpin),
  };
}

/** The whole round's distribution in the table's buckets (with a cap: its own bucket, none above). */
function roundJson(a: Analysis): Json {
  if (a.round === null) return null;
  const d = a.round.distribution;
  if (d === null) return { precision: null, reason: a.round.reason, distribution: null };
  return {
    precision: 'exact-double',
    reason: null,
    capHit: d.capped ? d.atLimit : null,
    distribution: exactDistributionRows(d, a.stake, a.rtp.value).map((row) => ({ ...row })),
  };
}

/** A game without hold and win: its part of the RTP and its rate are exactly 0. */
const EXACT_ZERO: Figure = { value: 0, exact: { n: 0n, d: 1n }, precision: 'exact' };

/** `fullCycle` is present only when the full cycle was asked for (`--full-cycle`), per the contract. */
export function analysisJson(a: Analysis): Json {
  const c = a.components;
  const fs = a.freeSpins;
  const holdAndWin = a.holdAndWin ?? EXACT_ZERO;
  const pHoldAndWin = a.pHoldAndWinTrigger ?? EXACT_ZERO;
  const doc: { [key: string]: Json } = {
    game: {
      id: a.game.id,
      version: a.game.version,
      variant: a.game.variant,
      sha256: a.game.sha256,
      name: a.game.name,
    },
    mode: a.mode ?? 'base',
    cost: a.stake,
    rtp: a.rtp.value,
    components: {
      lines: c.lines.value,
      scatter: c.scatter.value,
      freeSpins: c.freeSpins.value,
      bonus: c.bonus.value,
      holdAndWin: holdAndWin.value,
    },
    pFreeSpinsTrigger: a.pFreeSpinsTrigger.value,
    expectedFreeSpinsPerTrigger: a.expectedFreeSpinsPerTrigger?.value ?? null,
    pBonusTrigger: a.pBonusTrigger.value,
    pHoldAndWinTrigger: pHoldAndWin.value,
    hitFrequency: a.hitFrequency?.value ?? null,
    sd: a.sd?.value ?? null,
    exact: a.exact,
    notExact: [...a.notExact],
    notes: [...a.notes],
    stake: a.stake,
    lineBet: a.lineBet,
    evaluation: a.evaluation,
    paylines: a.paylines,
    cycle: countJson(a.cycle),
    enumeration: a.enumeration,
    figures: {
      rtp: figureJson(a.rtp),
      components: {
        lines: figureJson(c.lines),
        scatter: figureJson(c.scatter),
        freeSpins: figureJson(c.freeSpins),
        bonus: figureJson(c.bonus),
        holdAndWin: figureJson(holdAndWin),
      },
      pFreeSpinsTrigger: figureJson(a.pFreeSpinsTrigger),
      expectedFreeSpinsPerTrigger: figureJson(a.expectedFreeSpinsPerTrigger),
      pBonusTrigger: figureJson(a.pBonusTrigger),
      pHoldAndWinTrigger: figureJson(pHoldAndWin),
      hitFrequency: figureJson(a.hitFrequency),
      sd: figureJson(a.sd),
    },
    volatility: a.volatility === null ? null : { ...a.volatility },
    rtpRanges:
      a.rtpRanges === null
        ? null
        : a.rtpRanges.map((r) => ({
            rounds: r.rounds,
            '90': [...r['90']],
            '95': [...r['95']],
            '99': [...r['99']],
          })),
    topAward: a.topAward === null ? null : { ...a.topAward },
    maxWin: maxWinJson(a),
    round: roundJson(a),
    uncapped:
      a.uncapped === null
        ? null
        : {
            rtp: figureJson(a.uncapped.rtp),
            components: {
              lines: figureJson(a.uncapped.components.lines),
              scatter: figureJson(a.uncapped.components.scatter),
              freeSpins: figureJson(a.uncapped.components.freeSpins),
              bonus: figureJson(a.uncapped.components.bonus),
              ...(a.uncapped.components.holdAndWin === undefined
                ? {}
                : { holdAndWin: figureJson(a.uncapped.components.holdAndWin) }),
            },
            sd: figureJson(a.uncapped.sd),
            ...(a.uncapped.pFreeSpinsTrigger === undefined
              ? {}
              : { pFreeSpinsTrigger: figureJson(a.uncapped.pFreeSpinsTrigger) }),
            ...(a.uncapped.expectedFreeSpinsPerTrigger === undefined
              ? {}
              : { expectedFreeSpinsPerTrigger: figureJson(a.uncapped.expectedFreeSpinsPerTrigger) }),
          },
    simulation: a.simulation === null ? null : { ...a.simulation },
    par: {
      denominator: { ...a.parDenominator },
      reelSets: a.reelSets.map(reelSetJson),
      combinations: a.combinations.map(combinationJson),
      scatter: a.scatter === null ? null : a.scatter.map(countRowJson),
      freeSpins:
        fs === null
          ? null
          : {
              symbol: fs.symbol,
              reelSet: fs.reelSet,
              multiplier: fs.multiplier,
              maxSpins: fs.maxSpins,
              cycle: countJson(fs.cycle),
              triggers: fs.triggers.map(countRowJson),
              retriggers: fs.retriggers.map(countRowJson),
              pRetrigger: fractionJson(fs.pRetrigger),
              spinsByAward: fs.spinsByAward.map((s) => ({ awarded: s.awarded, spins: figureJson(s.spins) })),
              expectedSpinsPerTrigger: figureJson(fs.expectedSpinsPerTrigger),
              winPerSpin: figureJson(fs.winPerSpin),
              winPerTrigger: figureJson(fs.winPerTrigger),
              spinsPerRound: figureJson(fs.spinsPerRound),
              combinations: fs.combinations.map(combinationJson),
            },
      bonus:
        a.bonus === null
          ? null
          : {
              trigger: a.bonus.trigger,
              hits: a.bonus.hits.toString(),
              pTrigger: figureJson(a.bonus.pTrigger),
              meanPrize: figureJson(a.bonus.meanPrize),
              sdPrize: a.bonus.sdPrize,
              maxPrize: a.bonus.maxPrize,
            },
    },
  };
  if (a.enumeration === 'full-cycle' && a.paidSpin !== null) doc.fullCycle = fullCycleJson(a.paidSpin);
  // Format 2: the mode, its cost, the hold-and-win component and the format-2 block.
  if (a.mode !== undefined) doc.mode = a.mode;
  if (a.cost !== undefined) doc.cost = a.cost;
  if (c.holdAndWin !== undefined) {
    (doc.components as { [key: string]: Json }).holdAndWin = c.holdAndWin.value;
    ((doc.figures as { [key: string]: Json }).components as { [key: string]: Json }).holdAndWin = figureJson(
      c.holdAndWin,
    );
  }
  if (a.format2 !== undefined) doc.format2 = format2Json(a.format2);
  return doc;
}
