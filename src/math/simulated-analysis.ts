/**
 * The analysis of a game whose mechanics the exact analysis does not cover yet (format 2's: issue
 * 11): every figure comes from a simulation and says so — `simulated`, with its 99 % interval, the
 * rounds and the seed — never `exact`. The reel strips' symbol counts, read from the file, and the
 * bounds of `win-bounds.ts` are the only figures that are not simulated, and they are labelled as
 * what they are.
 */
import type { Game } from '../engine/model.js';
import { namedGameIdentity } from '../game/identity.js';
import { winBounds } from '../game/win-bounds.js';
import type { SimulationReport } from '../sim/simulate.js';
import { clipInterval, Z } from '../stats/confidence.js';
import type { Analysis, Figure, ReelSetPar } from './analysis-types.js';
import { reelSetPar } from './par-tables.js';
import { cycleSize } from './reel-stats.js';
import { rtpRanges, volatilityIndex } from './volatility.js';

const Z99 = Z[99];

/** A simulated mean over `n` trials with sample sd `sd`: its 99 % interval, clipped to [0, max]. */
function mean(value: number, sd: number | null, n: number, max = Number.POSITIVE_INFINITY): Figure {
  const figure: Figure = { value, exact: null, precision: 'simulated' };
  if (sd === null || n === 0) return figure;
  const half = (Z99 * sd) / Math.sqrt(n);
  return { ...figure, interval99: clipInterval([value - half, value + half], [0, max]) };
}

/**
 * A simulated rate of `successes` in `n` trials with its 99 % Wilson score interval, which stays in
 * [0, 1] and is not empty at a rate of 0 or 1 (where the normal interval has zero width).
 */
export function rate(successes: number, n: number): Figure {
  if (n === 0) return { value: 0, exact: null, precision: 'simulated' };
  const p = successes / n;
  const z2 = Z99 * Z99;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z99 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    value: p,
    exact: null,
    precision: 'simulated',
    // At 0 (or n) successes the end is 0 (or 1) exactly; rounding would leave a hair above (below).
    interval99: [
      successes === 0 ? 0 : Math.max(0, centre - half),
      successes === n ? 1 : Math.min(1, centre + half),
    ],
  };
}

/** The reel sets a round of the game's mode can spin, with what each is used for. */
function reelSets(game: Game): ReelSetPar[] {
  const base = game.baseReelSet;
  const free = game.freeSpins?.reelSet ?? null;
  const paid = game.start === null;
  const sets: ReelSetPar[] = [];
  if (paid) {
    sets.push(reelSetPar(game, base, free === base ? ['paid spins', 'free spins'] : ['paid spins']));
  }
  if (free !== null && (free !== base || !paid) && (paid || game.start?.kind === 'freeSpins')) {
    sets.push(reelSetPar(game, free, ['free spins']));
  }
  return sets;
}

/**
 * The analysis of `game` (its variant and mode) from `report`, a simulation of it: every figure
 * `simulated`. `why` says what the exact analysis lacks (the format-2 mechanic).
 */
export function simulatedAnalysis(game: Game, report: SimulationReport, why: string): Analysis {
  const n = report.spins;
  const stake = game.cost;
  const bounds = winBounds(game);
  const sds = report.componentSd;
  const c = report.components;
  const top = bounds.round / stake;
  const rtp: Figure = {
    value: report.rtp,
    exact: null,
    precision: 'simulated',
    ...(report.confidenceNote === null ? { interval99: report.confidence['99'] } : {}),
  };
  const triggers = report.freeSpins.triggers;
  const sd: Figure = { value: report.sd, exact: null, precision: 'simulated' };
  const cap = game.maxWinCredits;
  const where = `${n.toLocaleString('en-US')} simulated rounds (seed "${report.seed}", ${report.rng})`;
  return {
    game: namedGameIdentity(game),
    mode: game.mode,
    simulatedOnly: true,
    stake,
    lineBet: game.lineBet,
    evaluation: game.evaluation,
    paylines: game.paylines.length,
    cycle: cycleSize(game.baseReelSet),
    exact: false,
    notExact: [`the exact analysis does not support ${why} yet: every figure is simulated`],
    notes: [
      `every figure comes from ${where}, labelled "simulated" with its 99% interval (means: ± 2.5758 sd/√n; rates: Wilson's score interval); the sd has no interval`,
      ...(game.mode === 'base'
        ? []
        : [`mode "${game.mode}": a round stakes ${stake} credits, and every figure is per credit staked`]),
    ],
    rtp,
    components: {
      lines: mean(c.lines, sds?.lines ?? null, n, top),
      scatter: mean(c.scatter, sds?.scatter ?? null, n, top),
      freeSpins: mean(c.freeSpins, sds?.freeSpins ?? null, n, top),
      bonus: mean(c.bonus, sds?.bonus ?? null, n, top),
    },
    holdAndWin: mean(c.holdAndWin, sds?.holdAndWin ?? null, n, top),
    pFreeSpinsTrigger: rate(triggers, n),
    expectedFreeSpinsPerTrigger:
      game.freeSpins === null
        ? null
        : mean(
            report.freeSpins.averageLength,
            sds?.spinsPerTrigger ?? null,
            triggers,
            game.freeSpins.maxSpins,
          ),
    pBonusTrigger: rate(report.bonus.triggers, n),
    pHoldAndWinTrigger: rate(report.holdAndWin.triggers, n),
    // The distribution's first bucket holds the rounds that won nothing.
    hitFrequency: rate(n - (report.distribution.find((row) => row.bucket === '0')?.count ?? 0), n),
    sd,
    volatility: volatilityIndex(sd.value),
    rtpRanges: rtpRanges(rtp.value, sd.value),
    uncapped: null,
    reelSets: reelSets(game),
    combinations: [],
    parDenominator: { label: 'the simulated RTP', value: rtp.value },
    scatter: null,
    freeSpins: null,
    bonus: null,
    topAward: null,
    maxWin: {
      capCredits: cap,
      capX: cap === null ? null : cap / stake,
      roundBound: bounds.uncappedRound,
      roundBoundFrom: 'per-reel bounds',
      paidSpinBound: bounds.paidSpin,
      freeSpinBound: bounds.freeSpin,
      freeSpinsBound: game.freeSpins?.maxSpins ?? 0,
      canBind: cap !== null && bounds.uncappedRound > cap,
      capHit: cap === null ? null : rate(report.cap.hits, n),
      largestPaidSpin: null,
      largestFreeSpin: null,
    },
    enumeration: 'none',
    paidSpin: null,
    simulation: {
      spins: n,
      seed: report.seed,
      rng: report.rng,
      threads: report.threads,
      elapsedSeconds: report.elapsedSeconds,
    },
    round: null,
    componentSd: null,
  };
}
