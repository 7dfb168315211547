import { namedGameIdentity } from '../game/identity.js';
import type { Game } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { BUCKET_LIMITS } from '../stats/distribution.js';
import { refuseFormat2Mechanics } from '../engine/classic.js';
import type {
  Analysis,
  Combination,
  Components,
  Figure,
  FreeSpinsAnalysis,
  LargestWin,
  MaxWinAnalysis,
  PaidSpinCycle,
  ReelSetPar,
  TopAward,
  WholeRound,
} from './analysis-types.js';
import { bonusPart } from './bonus-part.js';
import { enumerateInline, enumerationProblem, enumerationSize } from './cycle-run.js';
import type { CycleEnumeration, CycleHistogram } from './cycle-run.js';
import { add, frac, mul, sub, toNumber, ZERO } from './fraction.js';
import { roundWinBound, spinWinBound } from './max-win.js';
import type { RoundBoundParts } from './max-win.js';
import { doubleFigure, exactFigure, sdFigure, sumFigures, uncapped } from './figures.js';
import { freeSpinsPart } from './free-spins-part.js';
import { cappedPaidParts, maxWinOf, paidSpinCycle, sumOfWins } from './paid-spin.js';
import { countRows, reelSetPar, rtpOf, spinCombinations } from './par-tables.js';
import { cycleSize } from './reel-stats.js';
import { roundDistribution, ROUND_DISTRIBUTION_BUDGET } from './round-distribution.js';
import type { RoundDistribution } from './round-distribution.js';
import { roundMoments } from './round-moments.js';
import { componentSds } from './component-sd.js';
import type { ChainResult } from './free-spins-chain.js';
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
  /** Also compute the whole round's exact win distribution (certify's table), when the cycle is enumerated. */
  readonly wholeRound?: boolean;
  /** Multiply-adds the whole-round distribution may cost (default ROUND_DISTRIBUTION_BUDGET). */
  readonly roundBudget?: number;
}

const DOUBLE_NOTE =
  'free-spin figures with retriggers come from a Markov chain over (spins played, spins remaining) computed in double precision (exact-double): relative error below 1e-12, far below the printed digits';

/** Every round win at or above this many credits falls in the distribution table's last bucket. */
export function tableLimit(stake: number): number {
  return BUCKET_LIMITS.at(-1)! * stake + 1;
}

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

/** The largest win of a cycle (× `multiplier`) and its weight, or null when nothing wins. */
function largestWin(
  h: CycleHistogram,
  multiplier: number,
  cap: number | null,
  stake: number,
): LargestWin | null {
  const top = maxWinOf(h);
  if (top === 0) return null;
  let hits = 0n;
  const credits = Math.min(top * multiplier, cap ?? Number.POSITIVE_INFINITY);
  for (const map of h.byClass) {
    for (const [win, w] of map)
      if (Math.min(win * multiplier, cap ?? Number.POSITIVE_INFINITY) === credits) hits += w;
  }
  return { credits, x: credits / stake, hits, oneIn: Number(h.cycle) / Number(hits) };
}

/** Exact Σ weight of the base classes matching `which` whose paid win stays below the cap. */
function weightBelowCap(
  h: CycleHistogram,
  cap: number,
  which: (c: CycleHistogram['classes'][number]) => boolean,
): bigint {
  let total = 0n;
  h.classes.forEach((c, k) => {
    if (!which(c)) return;
    for (const [win, w] of h.byClass[k]!) if (win < cap) total += w;
  });
  return total;
}

/**
 * The exact analysis of a game (one variant): RTP and its parts, trigger probabilities, expected
 * free spins, PAR tables, and — when the cycles are enumerated (inline when small, or from
 * `options.enumeration`) — the round's hit frequency, sd, volatility and RTP ranges. Every figure
 * says how it was obtained (`Figure.precision`). When the max-win cap can bind, the capped figures
 * come from the whole-round distribution (`round-distribution.ts`, exact-double) when the cycles are
 * enumerated and its state space is within budget; otherwise the figures the cap affects are the
 * uncapped game's, marked `uncapped`, and `exact` is false (`analyze` then simulates them).
 * Synchronous and pure apart from the clock.
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
  const budget = options.roundBudget ?? ROUND_DISTRIBUTION_BUDGET;

  let enumeration: CycleEnumeration | null = options.enumeration ?? null;
  let how: Analysis['enumeration'] = enumeration === null ? 'none' : 'full-cycle';
  const size = enumerationSize(game);
  if (
    enumeration === null &&
    size <= (options.inlineLimit ?? INLINE_LIMIT) &&
    enumerationProblem(game) === null
  ) {
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

  // The cap: can a round reach it? One bound, from the enumerated maxima when there are some.
  const cap = game.maxWinCredits;
  const feature = game.freeSpins;
  const retriggers = fs !== null && fs.analysis.pRetrigger.n > 0n;
  const prizeMax = bonus?.prize.max ?? 0;
  const paidBound =
    enumeration === null ? spinWinBound(game, base, combinations) : maxWinOf(enumeration.base);
  let freeSpinRaw = 0;
  if (feature !== null && fs !== null) {
    freeSpinRaw =
      enumeration?.free != null
        ? maxWinOf(enumeration.free)
        : spinWinBound(game, feature.reelSet, fs.analysis.combinations);
  }
  const freeSpinBound = freeSpinRaw * (feature?.multiplier ?? 1);
  const awardsThatOccur = (fs?.analysis.triggers ?? [])
    .filter((row) => row.value > 0)
    .map((row) => row.value);
  const maxAward = Math.max(0, ...awardsThatOccur);
  const bonusOccurs = bonus !== null && bonus.pTrigger.n > 0n;
  const paidClasses: RoundBoundParts['paid'] =
    enumeration === null
      ? [{ spins: maxAward, bonus: bonusOccurs, max: paidBound }]
      : enumeration.base.classes.flatMap((c, k) => {
          let max = -1;
          for (const [win, w] of enumeration.base.byClass[k]!) if (w > 0n && win > max) max = win;
          return max < 0 ? [] : [{ spins: c.spins, bonus: c.bonus, max }];
        });
  const roundBound = roundWinBound({
    paid: paidClasses,
    freeSpin: freeSpinBound,
    prize: prizeMax,
    retriggers,
    maxSpins: feature?.maxSpins ?? 0,
  });
  const hasFeatures = game.freeSpins !== null || game.bonus !== null;
  let canBind = cap !== null && roundBound >= cap;

  // The whole round's distribution: for the capped figures when the cap binds with features, and
  // for certify's table when asked.
  let round: WholeRound | null = null;
  let capped: RoundDistribution | null = null;
  const needCapped = cap !== null && canBind && hasFeatures;
  if (enumeration !== null && (needCapped || options.wholeRound === true)) {
    const limit = cap ?? tableLimit(stake);
    const result = roundDistribution(game, enumeration, { limit, capped: cap !== null, budget });
    round =
      'tooLarge' in result
        ? { distribution: null, reason: `not computed: ${result.tooLarge}` }
        : { distribution: result, reason: null };
    if (needCapped && round.distribution !== null) capped = round.distribution;
  }
  if (capped !== null) canBind = capped.atLimit > 0;

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
      const cut = cappedPaidParts(enumeration, cap, linesRtp, scatterRtp, stake);
      lines = exactFigure(cut.lines);
      scatter = exactFigure(cut.scatter);
    } else {
      lines = uncapped(lines);
      scatter = uncapped(scatter);
    }
  }
  const bonusMaxPaid = Math.max(0, ...paidClasses.filter((c) => c.bonus).map((c) => c.max));
  const bonusCut = cap !== null && game.bonus !== null && bonusMaxPaid + prizeMax >= cap;
  let components: Components<Figure>;
  if (capped !== null) {
    components = {
      lines,
      scatter,
      freeSpins:
        game.freeSpins === null
          ? uncappedComponents.freeSpins
          : doubleFigure((capped.mean - capped.paidAndBonusMean) / stake),
      bonus: bonusCut
        ? doubleFigure((capped.paidAndBonusMean - capped.paidMean) / stake)
        : uncappedComponents.bonus,
    };
  } else {
    components = {
      lines,
      scatter,
      freeSpins:
        canBind && game.freeSpins !== null
          ? uncapped(uncappedComponents.freeSpins)
          : uncappedComponents.freeSpins,
      bonus: canBind && bonusCut ? uncapped(uncappedComponents.bonus) : uncappedComponents.bonus,
    };
  }
  const rtp = sumFigures([components.lines, components.scatter, components.freeSpins, components.bonus]);
  const uncappedRtp = sumFigures([
    uncappedComponents.lines,
    uncappedComponents.scatter,
    uncappedComponents.freeSpins,
    uncappedComponents.bonus,
  ]);

  // Triggers: a paid spin that reached the cap starts nothing (and it is not counted).
  let pBonusTrigger = bonus === null ? exactFigure(ZERO) : exactFigure(bonus.pTrigger);
  let pFreeSpinsTrigger = fs === null ? exactFigure(ZERO) : exactFigure(fs.pTrigger);
  let expectedSpins = fs === null ? null : fs.analysis.expectedSpinsPerTrigger;
  if (cap !== null && enumeration !== null && paidBound >= cap) {
    if (bonus !== null) {
      pBonusTrigger = exactFigure(
        frac(
          weightBelowCap(enumeration.base, cap, (c) => c.bonus),
          cycle,
        ),
      );
    }
  } else if (cap !== null && bonus !== null && paidBound >= cap) {
    pBonusTrigger = uncapped(pBonusTrigger);
  }
  if (fs !== null && cap !== null && canBind) {
    const bothTogether = enumeration?.base.classes.some(
      (c, k) => c.spins > 0 && c.bonus && [...enumeration.base.byClass[k]!.values()].some((w) => w > 0n),
    );
    if (capped !== null) {
      pFreeSpinsTrigger =
        bothTogether === false
          ? exactFigure(
              frac(
                weightBelowCap(enumeration!.base, cap, (c) => c.spins > 0),
                cycle,
              ),
            )
          : doubleFigure(capped.freeSpinsPlayed);
      expectedSpins = doubleFigure(
        capped.freeSpinsPlayed > 0 ? capped.freeSpinsPerRound / capped.freeSpinsPlayed : 0,
      );
    } else {
      if (paidBound + (bonusOccurs ? prizeMax : 0) >= cap) pFreeSpinsTrigger = uncapped(pFreeSpinsTrigger);
      expectedSpins = expectedSpins === null ? null : uncapped(expectedSpins);
    }
  }

  // The round's second moment and hit frequency need the enumerated cycles.
  let hitFrequency: Figure | null = null;
  let sd: Figure | null = null;
  let uncappedSd: Figure | null = null;
  let paidSpin: PaidSpinCycle | null = null;
  let freeChains: ReadonlyMap<number, ChainResult> = new Map();
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
    freeChains = moments.chains;
    hitFrequency =
      moments.exact !== null
        ? exactFigure(sub(frac(1), moments.exact.pZero))
        : doubleFigure(1 - moments.pZero);
    const roundSd = sdFigure(moments.mean, moments.meanSquare, moments.exact, stake);
    if (canBind && hasFeatures) {
      uncappedSd = uncapped(roundSd);
      sd =
        capped === null
          ? uncappedSd
          : doubleFigure(Math.sqrt(Math.max(0, capped.meanSquare - capped.mean * capped.mean)) / stake);
    } else {
      sd = roundSd;
      uncappedSd = roundSd;
    }
  }

  // What each paying combination is worth to the game, and the share of the RTP that is.
  const parDenominator = canBind
    ? {
        label: "the uncapped game's RTP (the max-win cap's cut is not assigned to any one combination)",
        value: uncappedRtp.value,
      }
    : { label: "the game's RTP", value: rtp.value };
  const share = (figure: Figure): number =>
    parDenominator.value > 0 ? figure.value / parDenominator.value : 0;
  const paidCombinations: Combination[] = combinations.map((c) => {
    const gameRtp = exactFigure(c.rtp);
    return { ...c, gameRtp, shareOfGameRtp: share(gameRtp) };
  });
  const freeSpinsAnalysis: FreeSpinsAnalysis | null =
    fs === null
      ? null
      : {
          ...fs.analysis,
          combinations: fs.analysis.combinations.map((c) => {
            const perRound = fs.analysis.spinsPerRound;
            const worth = mul(c.rtp, frac(fs.analysis.multiplier));
            const gameRtp =
              perRound.exact !== null && perRound.precision === 'exact'
                ? exactFigure(mul(worth, perRound.exact))
                : doubleFigure(toNumber(worth) * perRound.value);
            return { ...c, gameRtp, shareOfGameRtp: share(gameRtp) };
          }),
        };

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
  const boundText = `${(roundBound / stake).toLocaleString('en-US')}× stake (a bound from ${enumeration === null ? 'per-reel bounds' : 'the enumerated cycles'})`;
  if (cap !== null && canBind) {
    if (capped !== null) {
      notes.push(
        `the max-win cap (${game.maxWin}× stake) binds: 1 round in ${(1 / capped.atLimit).toLocaleString('en-US', { maximumFractionDigits: 0 })} reaches it. The capped figures (RTP and its parts the cap cuts, triggers, free spins per trigger, sd) are exact-double: a dynamic programme over (credits won so far, capped at ${cap.toLocaleString('en-US')}; spins allotted; spins played) on the enumerated distribution of one free spin's win, with the bonus prize tree convolved in`,
      );
    } else if (hasFeatures) {
      const why =
        enumeration === null
          ? 'its exact figures need the enumerated cycles (run with --full-cycle)'
          : `its exact figures need the whole round's distribution, ${round?.reason ?? 'which was not computed'}`;
      notExact.push(
        `the max-win cap (${game.maxWin}× stake) can bind: a round can win up to ${boundText}, and a cut round stops drawing; ${why}, so RTP, its parts touched by the cap, expected free spins and sd are not exact here`,
      );
    } else if (enumeration === null) {
      notExact.push(
        `the max-win cap (${game.maxWin}× stake) can cut a paid spin's win (up to ${(paidBound / stake).toLocaleString('en-US')}× stake); the exact capped figures need --full-cycle`,
      );
    }
  }
  if (cap !== null && !canBind) {
    notes.push(
      `the max-win cap (${game.maxWin}× stake) can never be reached: no round can win more than ${boundText}`,
    );
  }

  const componentSd =
    enumeration === null
      ? null
      : componentSds({
          game,
          enumeration,
          stake,
          cap,
          linesRtp,
          components,
          paidSpinSd: paidSpin?.sd ?? null,
          scatterRows:
            game.scatter === null
              ? []
              : countRows(game, base, game.scatter.symbol, (count) => game.scatter?.pays[count] ?? 0),
          bonus: bonus === null ? null : { p: bonus.pTrigger, prize: bonus.prize },
          chains: freeChains,
          capped,
          bonusCut,
          expectedSpins: expectedSpins?.value ?? null,
          pTrigger: pFreeSpinsTrigger.value,
        });
  const volatility = sd === null || sd.precision === 'uncapped' ? null : volatilityIndex(sd.value);
  const ranges = sd === null || sd.precision === 'uncapped' ? null : rtpRanges(rtp.value, sd.value);
  const maxWin: MaxWinAnalysis = {
    capCredits: cap,
    capX: game.maxWin,
    roundBound,
    roundBoundFrom: enumeration === null ? 'per-reel bounds' : 'enumeration',
    paidSpinBound: paidBound,
    freeSpinBound,
    freeSpinsBound: feature === null ? 0 : retriggers ? feature.maxSpins : maxAward,
    canBind,
    capHit: capped === null ? null : doubleFigure(capped.atLimit),
    largestPaidSpin: enumeration === null ? null : largestWin(enumeration.base, 1, null, stake),
    largestFreeSpin:
      enumeration?.free == null || feature === null
        ? null
        : largestWin(enumeration.free, feature.multiplier, null, stake),
  };
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
    combinations: paidCombinations,
    parDenominator,
    scatter:
      game.scatter === null
        ? null
        : countRows(game, base, game.scatter.symbol, (count) => game.scatter?.pays[count] ?? 0),
    freeSpins: freeSpinsAnalysis,
    bonus: bonus?.analysis ?? null,
    topAward: topAwardOf(game, paidCombinations),
    maxWin,
    enumeration: how,
    paidSpin,
    simulation: null,
    round,
    componentSd,
  };
}
