import type { Game } from '../engine/model.js';
import type { Figure, FreeSpinsAnalysis, SpinCombination } from './analysis-types.js';
import { div, frac, mul, sum, toNumber, ZERO } from './fraction.js';
import type { Fraction } from './fraction.js';
import { doubleFigure, exactFigure } from './figures.js';
import { freeSpinsChain } from './free-spins-chain.js';
import { countRows, rtpOf, spinCombinations } from './par-tables.js';
import { cycleSize } from './reel-stats.js';

/**
 * The free spins from per-reel distributions: trigger and retrigger counts by convolution, the win
 * of one free spin from its reel set's combinations, and E[spins played] per award — the award
 * itself without retriggers (exact), else the chain over (played, allotted) in doubles. The RTP
 * part is E[spins] × E[win of one spin]: each free spin's window is independent of whether it is
 * played (that depends on earlier spins only).
 */
export interface FreeSpinsPart {
  /** The analysis, its combinations without their worth to the game (`analyzeGame` adds it). */
  readonly analysis: Omit<FreeSpinsAnalysis, 'combinations'> & {
    readonly combinations: readonly SpinCombination[];
  };
  readonly pTrigger: Fraction;
  /** RTP of the free spins: exact without retriggers, else in doubles. */
  readonly rtp: Figure;
}

export function freeSpinsPart(game: Game, cycle: bigint): FreeSpinsPart | null {
  const feature = game.freeSpins;
  if (feature === null) return null;
  const base = game.baseReelSet;
  const set = feature.reelSet;
  const freeCycle = cycleSize(set);
  const triggers = countRows(game, base, feature.symbol, (c) =>
    Math.min(feature.awards[c] ?? 0, feature.maxSpins),
  );
  const retriggers = countRows(game, set, feature.symbol, (c) => feature.retrigger[c] ?? 0);
  const pTrigger = frac(
    triggers.reduce((acc, row) => (row.value > 0 ? acc + row.hits : acc), 0n),
    cycle,
  );
  const pRetrigger = frac(
    retriggers.reduce((acc, row) => (row.value > 0 ? acc + row.hits : acc), 0n),
    freeCycle,
  );
  const combinations = spinCombinations(game, set);
  const winPerSpin = mul(rtpOf(combinations, ['line', 'ways', 'scatter']), frac(feature.multiplier));
  const retriggering = pRetrigger.n > 0n;
  // E[spins played] per award: the award itself without retriggers, else the chain (doubles).
  const classes = retriggers.map((row) => ({
    adds: row.value,
    p: toNumber(row.probability),
    e1: 0,
    e2: 0,
    zero: 0,
  }));
  const awards = [...new Set(triggers.map((row) => row.value).filter((a) => a > 0))].sort((a, b) => a - b);
  const spinsByAward = awards.map((awarded) => ({
    awarded,
    spins: retriggering
      ? doubleFigure(freeSpinsChain(awarded, feature.maxSpins, classes).spins)
      : exactFigure(frac(awarded)),
  }));
  const spinsOf = (awarded: number): Figure => spinsByAward.find((s) => s.awarded === awarded)!.spins;
  const triggered = triggers.filter((row) => row.value > 0);
  let expectedSpins: Figure;
  if (pTrigger.n === 0n) expectedSpins = exactFigure(ZERO);
  else if (retriggering) {
    const total = triggered.reduce(
      (acc, row) => acc + toNumber(row.probability) * spinsOf(row.value).value,
      0,
    );
    expectedSpins = doubleFigure(total / toNumber(pTrigger));
  } else {
    expectedSpins = exactFigure(
      div(sum(triggered.map((row) => mul(row.probability, frac(row.value)))), pTrigger),
    );
  }
  const spinsPerRound = retriggering
    ? doubleFigure(expectedSpins.value * toNumber(pTrigger))
    : exactFigure(mul(expectedSpins.exact!, pTrigger));
  const rtp = retriggering
    ? doubleFigure(spinsPerRound.value * toNumber(winPerSpin))
    : exactFigure(mul(spinsPerRound.exact!, winPerSpin));
  const winPerTrigger = retriggering
    ? doubleFigure(expectedSpins.value * toNumber(winPerSpin))
    : exactFigure(mul(expectedSpins.exact!, winPerSpin));
  return {
    pTrigger,
    rtp,
    analysis: {
      symbol: game.symbols[feature.symbol]!.id,
      reelSet: set.name,
      multiplier: feature.multiplier,
      maxSpins: feature.maxSpins,
      triggers,
      retriggers,
      pRetrigger,
      spinsByAward,
      expectedSpinsPerTrigger: expectedSpins,
      winPerSpin: exactFigure(winPerSpin),
      winPerTrigger,
      spinsPerRound,
      combinations,
      cycle: freeCycle,
    },
  };
}
