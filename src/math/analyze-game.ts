import { namedGameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { refuseFormat2Mechanics } from '../engine/classic.js';
import type {
  Analysis,
  Components,
  Figure,
  MaxWinAnalysis,
  PaidSpinCycle,
  ReelSetPar,
  TopAward,
} from './analysis-types.js';
import { bonusPart } from './bonus-part.js';
import { enumerateInline, enumerationSize } from './cycle-run.js';
import type { CycleEnumeration } from './cycle-run.js';
import { add, frac, mul, sub, ZERO } from './fraction.js';
import { spinWinBound } from './max-win.js';
import { doubleFigure, exactFigure, sdFigure, sumFigures, uncapped } from './figures.js';
import { freeSpinsPart } from './free-spins-part.js';
import { cappedPaidParts, maxWinOf, paidSpinCycle, sumOfWins } from './paid-spin.js';
import { countRows, reelSetPar, rtpOf, spinCombinations } from './par-tables.js';
import { cycleSize } from './reel-stats.js';
import { roundMoments } from './round-moments.js';
import { rtpRanges, volatilityIndex } from './volatility.js';

/**
 * Cycles of at most this many stop combinations in all (paid spin and free spins) are enumerated
 * on the calling thread by `analyzeGame`, for the round's sd and hit frequency: about 0.1 s here
 * (20–40 paylines, 30–60 M combinations/s a thread). Larger ones need `fullCycle` (`--full-cycle`).
 */
export const INLINE_LIMIT = 2_500_000;

export interface AnalyzeGameOptions {
  /** An enumeration of the game's cycles from `enumerateCycles` (what `--full-cycle` runs). */
  readonly enumeration?: CycleEnumeration;
  /** Enumerate inline when the cycles have at most this many stop combinations (default INLINE_LIMIT; 0: never). */
  readonly inlineLimit?: number;
}

const DOUBLE_NOTE =
  'free-spin figures with retriggers come from a Markov chain over (spins played, spins remaining) computed in double precision: relative error below 1e-12, far below the printed digits';

function topAwardOf(game: Game, analysisRows: Analysis['combinations']): TopAward | null {
  const rows = analysisRows.filter((row) => row.pay > 0);
  if (rows.length === 0) return null;
  const best = rows.reduce((a, b) => (b.pay > a.pay ? b : a));
  const per = best.kind === 'line' ? 'per line' : best.kind === 'ways' ? 'per way' : 'per spin';
  return {
    label: `${best.label} (${per})`,
    credits: best.pay,
    x: best.pay / game.betCredits,
    oneIn: best.oneIn,
  };
}

/**
 * The exact analysis of a game (one variant): RTP and its parts, trigger probabilities, expected
 * free spins, PAR tables, and — when the cycles are enumerated (inline when small, or from
 * `options.enumeration`) — the round's hit frequency, sd, volatility and RTP ranges. Every figure
 * says how it was obtained (`Figure.precision`); when the max-win cap can bind, the figures it
 * affects are the uncapped game's, marked `uncapped`, and `exact` is false (`analyze` then
 * simulates them). Synchronous and pure apart from the clock.
 */
export function analyzeGame(game: Game, options: AnalyzeGameOptions = {}): Analysis {
  refuseFormat2Mechanics(game, 'the exact analysis');
  const stake = game.betCredits;
  const base = game.baseReelSet;
  const cycle = cycleSize(base);
  const notes: string[] = [];
  const notExact: string[] = [];
  const combinations = spinCombinations(game, base);
  const linesRtp = rtpOf(combinations, ['line', 'ways']);
  const scatterRtp = rtpOf(combinations, ['scatter']);
  const fs = freeSpinsPart(game, cycle);
  const bonus = bonusPart(game, cycle);

  let enumeration: CycleEnumeration | null = options.enumeration ?? null;
  let how: Analysis['enumeration'] = enumeration === null ? 'none' : 'full-cycle';
  const size = enumerationSize(game);
  if (enumeration === null && size <= (options.inlineLimit ?? INLINE_LIMIT)) {
    enumeration = enumerateInline(game);
    how = 'inline';
  }
  if (enumeration !== null) {
    // The enumeration and the per-reel analysis must agree to the last credit.
    const analytic = mul(add(linesRtp, scatterRtp), frac(cycle * BigInt(stake)));
    if (analytic.d !== 1n || analytic.n !== sumOfWins(enumeration.base)) {
      throw new SlotsimError(
        'INTERNAL',
        `full cycle and per-reel analysis disagree on ${game.id}: ${sumOfWins(enumeration.base)} vs ${analytic.n}/${analytic.d}`,
      );
    }
  }

  // The cap: can a round reach it?
  const cap = game.maxWinCredits;
  const paidBound =
    enumeration === null ? spinWinBound(game, base, combinations) : maxWinOf(enumeration.base);
  const prizeMax = bonus?.prize.max ?? 0;
  let freeSpinBound = 0;
  if (game.freeSpins !== null && fs !== null) {
    const perSpin =
      enumeration?.free != null
        ? maxWinOf(enumeration.free)
        : spinWinBound(game, game.freeSpins.reelSet, fs.analysis.combinations);
    freeSpinBound = perSpin * game.freeSpins.multiplier;
  }
  const roundBound =
    paidBound + prizeMax + (game.freeSpins === null ? 0 : game.freeSpins.maxSpins * freeSpinBound);
  const canBind = cap !== null && roundBound >= cap;
  const hasFeatures = game.freeSpins !== null || game.bonus !== null;
  const maxWin: MaxWinAnalysis = {
    capCredits: cap,
    capX: game.maxWin,
    roundBound,
    paidSpinBound: paidBound,
    canBind,
  };

  // Components, exact where the cap cannot touch them.
  let lines = exactFigure(linesRtp);
  let scatter = exactFigure(scatterRtp);
  const uncappedComponents: Components<Figure> = {
    lines,
    scatter,
    freeSpins: fs?.rtp ?? exactFigure(ZERO),
    bonus: exactFigure(bonus?.rtp ?? ZERO),
  };
  if (cap !== null && paidBound >= cap) {
    if (enumeration !== null) {
      const capped = cappedPaidParts(enumeration, cap, linesRtp, scatterRtp, stake);
      lines = exactFigure(capped.lines);
      scatter = exactFigure(capped.scatter);
    } else {
      lines = uncapped(lines);
      scatter = uncapped(scatter);
    }
  }
  const components: Components<Figure> = {
    lines,
    scatter,
    freeSpins:
      canBind && game.freeSpins !== null
        ? uncapped(uncappedComponents.freeSpins)
        : uncappedComponents.freeSpins,
    bonus:
      canBind && game.bonus !== null && paidBound + prizeMax > cap
        ? uncapped(uncappedComponents.bonus)
        : uncappedComponents.bonus,
  };
  const rtp = sumFigures([components.lines, components.scatter, components.freeSpins, components.bonus]);
  const uncappedRtp = sumFigures([
    uncappedComponents.lines,
    uncappedComponents.scatter,
    uncappedComponents.freeSpins,
    uncappedComponents.bonus,
  ]);

  const pBonus = bonus === null ? exactFigure(ZERO) : exactFigure(bonus.pTrigger);
  const pFree = fs === null ? exactFigure(ZERO) : exactFigure(fs.pTrigger);
  const pBonusTrigger = cap !== null && bonus !== null && paidBound >= cap ? uncapped(pBonus) : pBonus;
  const pFreeSpinsTrigger =
    cap !== null && fs !== null && paidBound + prizeMax >= cap ? uncapped(pFree) : pFree;
  const expectedSpins =
    fs === null
      ? null
      : canBind
        ? uncapped(fs.analysis.expectedSpinsPerTrigger)
        : fs.analysis.expectedSpinsPerTrigger;

  // The round's second moment and hit frequency need the enumerated cycles.
  let hitFrequency: Figure | null = null;
  let sd: Figure | null = null;
  let uncappedSd: Figure | null = null;
  let paidSpin: PaidSpinCycle | null = null;
  if (enumeration !== null) {
    paidSpin = paidSpinCycle(game, enumeration);
    const features =
      game.freeSpins === null
        ? null
        : { multiplier: game.freeSpins.multiplier, maxSpins: game.freeSpins.maxSpins };
    // The cap can only end a round early; it never turns a winning round into a losing one.
    const moments = roundMoments(
      enumeration.base,
      enumeration.free,
      hasFeatures ? null : cap,
      bonus?.prize ?? null,
      features,
    );
    hitFrequency =
      moments.exact !== null
        ? exactFigure(sub(frac(1), moments.exact.pZero))
        : doubleFigure(1 - moments.pZero);
    const roundSd = sdFigure(moments.mean, moments.meanSquare, moments.exact, stake);
    if (canBind && hasFeatures) {
      uncappedSd = uncapped(roundSd);
      sd = uncappedSd;
    } else {
      sd = roundSd;
      uncappedSd = roundSd;
    }
  }

  const reelSets: ReelSetPar[] = [];
  const freeSet = game.freeSpins?.reelSet ?? null;
  reelSets.push(reelSetPar(game, base, freeSet === base ? ['paid spins', 'free spins'] : ['paid spins']));
  if (freeSet !== null && freeSet !== base) reelSets.push(reelSetPar(game, freeSet, ['free spins']));

  notes.push(
    `cycle: ${cycle.toLocaleString('en-US')} weighted stop combinations of the paid spin (the product of the base reels' draw bounds: ${base.reels.map((r) => r.drawBound).join(' × ')}); exact figures are fractions over it`,
  );
  if (fs !== null && fs.analysis.pRetrigger.n > 0n) notes.push(DOUBLE_NOTE);
  if (how === 'none') {
    notes.push(
      `hit frequency, sd, volatility and RTP ranges need the joint distribution of every payline, i.e. the whole cycle (${size.toLocaleString('en-US')} stop combinations): run with --full-cycle`,
    );
  } else if (how === 'inline') {
    notes.push(
      `the cycle (${size.toLocaleString('en-US')} stop combinations) is small enough to be enumerated inline for the round's sd and hit frequency`,
    );
  }
  if (canBind) {
    const what = hasFeatures
      ? 'RTP, its parts touched by the cap, expected free spins and sd'
      : "the paid spin's capped figures";
    const reason = hasFeatures
      ? `the max-win cap (${game.maxWin}× stake) can bind: a round can win up to ${(roundBound / stake).toLocaleString('en-US')}× stake (bound), and a cut round stops drawing, so ${what} cannot be computed exactly`
      : `the max-win cap (${game.maxWin}× stake) can cut a paid spin's win (up to ${(paidBound / stake).toLocaleString('en-US')}× stake); the exact capped figures need --full-cycle`;
    if (hasFeatures || enumeration === null) notExact.push(reason);
  }
  if (cap !== null && !canBind) {
    notes.push(
      `the max-win cap (${game.maxWin}× stake) can never be reached: no round can win more than ${(roundBound / stake).toLocaleString('en-US')}× stake`,
    );
  }

  const allCombinations = combinations;
  const volatility = sd === null || sd.precision === 'uncapped' ? null : volatilityIndex(sd.value);
  const ranges = sd === null || sd.precision === 'uncapped' ? null : rtpRanges(rtp.value, sd.value);
  return {
    game: namedGameIdentity(game),
    stake,
    lineBet: game.lineBet,
    evaluation: game.evaluation,
    paylines: game.paylines.length,
    cycle,
    exact: notExact.length === 0,
    notExact,
    notes,
    rtp,
    components,
    pFreeSpinsTrigger,
    expectedFreeSpinsPerTrigger: expectedSpins,
    pBonusTrigger,
    hitFrequency,
    sd,
    volatility,
    rtpRanges: ranges,
    uncapped: canBind ? { rtp: uncapped(uncappedRtp), components: uncappedComponents, sd: uncappedSd } : null,
    reelSets,
    combinations: allCombinations,
    scatter:
      game.scatter === null
        ? null
        : countRows(game, base, game.scatter.symbol, (count) => game.scatter?.pays[count] ?? 0),
    freeSpins: fs?.analysis ?? null,
    bonus: bonus?.analysis ?? null,
    topAward: topAwardOf(game, allCombinations),
    maxWin,
    enumeration: how,
    paidSpin,
    simulation: null,
  };
}
