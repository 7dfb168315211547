/**
 * The exact analysis of a format-2 game (one variant, one mode), as far as the spec's "Exactness"
 * allows, every figure labelled (see `figure-labels.ts`):
 *
 * 1. The spins a mode plays are enumerated (`plan-format2.ts`, `spin-run.ts`): every heights ×
 *    stops combination of the paid spin's reel set and of the free spins', every cascade followed
 *    to its end, value draws enumerated or replaced by tables of the same mean (ruling 35).
 * 2. Each class of paid spin (award entries, bonus, coins) starts its features: the bonus prize
 *    (exact moments), hold and win (the coin-count chain, `hold-and-win-win.ts`), the free spins
 *    (E[spins] × E[spin], the chain with retriggers: `free-spin-model.ts`). A mode with `start`
 *    is one class with probability 1 (ruling 41).
 * 3. Without a binding cap the round's moments follow (`round-moments-v2.ts`); with one, the capped
 *    round's distribution in doubles (`round-distribution-v2.ts`), when every distribution is known.
 * 4. What is left — a reel set that cannot be enumerated, free spins that are not independent, a
 *    cap that binds where no distribution exists — is simulated (`simulate-format2.ts`) and named.
 */
import { availableParallelism } from 'node:os';
import type { Analysis, Components, Figure, MaxWinAnalysis, ReelSetPar } from '../analysis-types.js';
import type { Game } from '../../engine/model.js';
import { namedGameIdentity } from '../../game/identity.js';
import { DEFAULT_SIM_RNG } from '../../rng/index.js';
import type { RngName } from '../../rng/index.js';
import { prizeMoments } from '../bonus.js';
import { add, frac, mul, sub, toNumber, ZERO } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import { reelSetPar } from '../par-tables.js';
import { prizeDistribution } from '../prize-distribution.js';
import { ROUND_DISTRIBUTION_BUDGET } from '../round-distribution.js';
import { rtpRanges, volatilityIndex } from '../volatility.js';
import { WorkBudget } from '../work-budget.js';
import { fractionFigure, labelled, perStake, simulatedFigure } from './figure-labels.js';
import type { Format2Analysis } from './format2-types.js';
import { featureAfter, freeSpinModel } from './free-spin-model.js';
import type { FeatureFigures, FreeSpinModel } from './free-spin-model.js';
import { holdAndWinDistribution } from './hold-and-win-win.js';
import type { HoldAndWinOutcome } from './hold-and-win-win.js';
import { approx, exact } from './maybe-exact.js';
import type { MaybeExact } from './maybe-exact.js';
import { format2Par } from './par-format2.js';
import { planFormat2, rtpOnlyPlans, SPIN_BUDGET } from './plan-format2.js';
import { cappedRound, paidByClass } from './round-distribution-v2.js';
import type { CappedClass, CappedRound } from './round-distribution-v2.js';
import { roundMomentsV2 } from './round-moments-v2.js';
import type { RoundClass } from './round-moments-v2.js';
import type { SpinDistribution } from './spin-distribution.js';
import { runRole } from './run-role.js';
import type { RoleOptions, RoleResult } from './run-role.js';
import { roundClasses } from './round-classes.js';
import { belowCap, cappedPaidSpin, classMax, largest, maxWinOf } from './paid-spin-v2.js';
import { simulateFormat2 } from './simulate-format2.js';
import type { Format2Simulation } from './simulate-format2.js';
import { perReelRoute } from './per-reel-route.js';

/** Below this many combinations (both reel sets) the enumeration runs on the calling thread. */
export const FORMAT2_INLINE_LIMIT = 2_500_000;

/** The simulation that stands in for the figures the analysis cannot give exactly. */
export const FORMAT2_SIMULATION = {
  rounds: 10_000_000,
  seed: 'slotsim-analyze-format2',
  rng: DEFAULT_SIM_RNG,
} as const;

export interface Format2AnalysisOptions {
  /** Worker threads for the enumeration (default: every core; 0: the calling thread). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Combinations (spins, value paths included) the enumeration may visit (default `SPIN_BUDGET`). */
  readonly budget?: number;
  readonly inlineLimit?: number;
  /** Multiply-adds the capped round's programme may cost (default ROUND_DISTRIBUTION_BUDGET). */
  readonly roundBudget?: number;
  /**
   * Only the RTP is wanted (`check`): no reel set is enumerated when another cannot be, since the
   * RTP is then simulated anyway (`rtpOnlyPlans`).
   */
  readonly rtpOnly?: boolean;
  /** The stand-in simulation (defaults: FORMAT2_SIMULATION). */
  readonly simulation?: { readonly rounds?: number; readonly seed?: string; readonly rng?: RngName };
}

/**
 * The exact analysis of a format-2 game's mode, with the figures it cannot give exactly simulated
 * and named (`notExact`, `format2.simulated`).
 */
export async function analyzeFormat2(game: Game, options: Format2AnalysisOptions = {}): Promise<Analysis> {
  const budget = options.budget ?? SPIN_BUDGET;
  const cost = game.cost;
  const notes: string[] = [];
  const planned = planFormat2(game, budget);
  const plans = options.rtpOnly === true ? rtpOnlyPlans(planned) : planned;
  const combinations =
    (plans.base?.enumerate === true ? plans.base.combinations * plans.base.branches : 0) +
    (plans.free?.enumerate === true ? plans.free.combinations * plans.free.branches : 0);
  const threads =
    combinations <= (options.inlineLimit ?? FORMAT2_INLINE_LIMIT)
      ? 0
      : (options.threads ?? availableParallelism());
  // One progress count over both reel sets' combinations (the free spins' follow the paid ones').
  const baseCombinations = plans.base?.enumerate === true ? plans.base.combinations : 0;
  const progressTotal = baseCombinations + (plans.free?.enumerate === true ? plans.free.combinations : 0);
  const roleOptions = (offset: number): RoleOptions => ({
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined
      ? {}
      : { onProgress: (done: number) => options.onProgress?.(offset + done, progressTotal) }),
  });
  const baseRun = plans.base === null ? null : await runRole(game, plans.base, roleOptions(0), threads);
  const freeRun =
    plans.free === null ? null : await runRole(game, plans.free, roleOptions(baseCombinations), threads);
  const base = baseRun?.ok === true ? baseRun.spins : null;
  const free = freeRun?.ok === true ? freeRun.spins : null;
  // A reel set the enumeration could not cover may still have exact means from its reels alone.
  const perReel = perReelRoute(game, baseRun, freeRun);

  const fs = game.freeSpins;
  const prize = game.bonus === null ? null : prizeMoments(game.bonus.prize);
  const fsModel: FreeSpinModel | null = free === null ? null : freeSpinModel(game, free);
  const featureCache = new Map<number, FeatureFigures>();
  const feature = (a: number): FeatureFigures => {
    let f = featureCache.get(a);
    if (f === undefined) {
      if (fsModel === null) throw new Error('no free-spin model');
      f = featureAfter(fsModel, a);
      featureCache.set(a, f);
    }
    return f;
  };
  const classes = roundClasses(game, base);
  const paidKnown = classes !== null;
  const freeNeeded = classes === null ? fs !== null : classes.some((c) => c.awards.size > 0);
  const freeKnown = !freeNeeded || fsModel !== null;
  const baseTwoPoint = base?.values === 'two-point';
  const freeTwoPoint = free?.values === 'two-point' && freeNeeded;
  const moments =
    classes === null
      ? null
      : roundMomentsV2(classes, prize, freeKnown ? feature : () => featureAfter(emptyModel(game), 0));

  // The cap: a bound on a round's win from the enumerated maxima.
  const cap = game.maxWinCredits;
  const freeSpinMax =
    free === null ? (freeNeeded ? Number.POSITIVE_INFINITY : 0) : maxWinOf(free) * (fs?.multiplier ?? 1);
  const retriggers = fsModel !== null && fsModel.pRetrigger.n > 0n;
  const prizeMax = prize?.max ?? 0;
  let roundBound = Number.POSITIVE_INFINITY;
  if (classes !== null) {
    roundBound = 0;
    classes.forEach((c, k) => {
      const paidMax = base === null ? 0 : classMax(base.byClass[k]!);
      if (paidMax < 0) return;
      const awards = [...c.awards.keys()];
      const spins = awards.length === 0 ? 0 : retriggers ? fs!.maxSpins : Math.max(...awards);
      const bound =
        paidMax +
        (c.bonus ? prizeMax : 0) +
        (c.holdAndWin?.max ?? 0) +
        (spins === 0 ? 0 : spins * freeSpinMax);
      roundBound = Math.max(roundBound, bound);
    });
  }
  // The per-reel route knows no maxima: the file's sound bounds stand in for the unknown ones.
  if (perReel !== null && !Number.isFinite(roundBound)) roundBound = perReel.bounds.uncappedRound;
  const canBind = cap !== null && roundBound >= cap;
  const paidMaxAll = base === null ? 0 : maxWinOf(base);

  // The capped round, when every distribution is known.
  let capped: CappedRound | null = null;
  let cappedWhyNot: string | null = null;
  if (canBind) {
    if (!paidKnown || !freeKnown) cappedWhyNot = 'a reel set of the round was not enumerated';
    else if (baseTwoPoint || freeTwoPoint)
      cappedWhyNot = 'its random values were replaced by their means (no distribution, ruling 40)';
    else {
      const work = new WorkBudget(options.roundBudget ?? ROUND_DISTRIBUTION_BUDGET);
      const paid = base === null ? null : paidByClass(base);
      const prizeDist = game.bonus === null ? null : prizeDistribution(game.bonus.prize, cap, work);
      const hwDists = new Map<HoldAndWinOutcome, Map<number, number> | null>();
      const cappedClasses: CappedClass[] = [];
      let failed = game.bonus !== null && prizeDist === null;
      for (const [k, c] of classes.entries()) {
        let hwDist: Map<number, number> | null = null;
        if (c.holdAndWin !== null) {
          if (!hwDists.has(c.holdAndWin))
            hwDists.set(c.holdAndWin, holdAndWinDistribution(game.holdAndWin!, c.holdAndWin, cap, work));
          hwDist = hwDists.get(c.holdAndWin) ?? null;
          if (hwDist === null) failed = true;
        }
        cappedClasses.push({
          paid: paid === null ? new Map([[0, 1]]) : paid[k]!,
          bonus: c.bonus,
          holdAndWin: hwDist,
          awards: new Map([...c.awards].map(([a, q]) => [a, toNumber(q)])),
        });
      }
      if (failed) cappedWhyNot = 'its distributions take more than the budget of operations';
      else {
        const result = cappedRound(game, cappedClasses, prizeDist, free, cap, work);
        if ('tooLarge' in result) cappedWhyNot = result.tooLarge;
        else capped = result;
      }
    }
  }

  // Labelled figures; what cannot be given is collected and simulated.
  const simulatedNames: string[] = [];
  const reasons: string[] = [];
  const need = (name: string, why: string): Figure | null => {
    // Without a binding cap, the per-reel route's means are the game's figures.
    const fromReels = perReel !== null && !canBind ? (perReel.figures.get(name) ?? null) : null;
    if (fromReels !== null) return fromReels;
    if (perReel !== null && canBind && perReel.figures.has(name))
      why = `the per-reel form gives means before the cap only (the "uncapped" figures), and the max-win cap (${game.maxWin}× bet) can bind`;
    simulatedNames.push(name);
    for (const part of why.split('; ')) if (part !== '' && !reasons.includes(part)) reasons.push(part);
    return null;
  };
  const rolesWhy = [baseRun, freeRun]
    .filter((r): r is RoleResult & { ok: false } => r !== null && !r.ok)
    .map(
      (r) =>
        `the ${r.info.role === 'base' ? 'paid' : 'free'} spins (reel set "${r.info.reelSet}") are not enumerated: ${r.info.reason}`,
    )
    .join('; ');
  const capWhy = `the max-win cap (${game.maxWin}× bet) can bind (a round can win up to ${
    Number.isFinite(roundBound)
      ? `${(roundBound / game.betCredits).toLocaleString('en-US')}× bet`
      : 'an unbounded amount as far as is known'
  }) and ${cappedWhyNot ?? ''}`;

  const stakeFigure = (m: MaybeExact, expectation: boolean): Figure =>
    labelled(perStake(m, cost), expectation);
  // Components.
  let lines: Figure | null;
  let scatter: Figure | null;
  if (game.start !== null) {
    lines = fractionFigure(ZERO);
    scatter = fractionFigure(ZERO);
  } else if (base !== null) {
    if (cap !== null && paidMaxAll >= cap) {
      if (baseTwoPoint) {
        lines = need('components.lines', capWhy);
        scatter = need('components.scatter', capWhy);
      } else {
        const cut = cappedPaidSpin(base, cap);
        lines = fractionFigure(mul(cut.pay, frac(1, cost)));
        scatter = fractionFigure(mul(cut.scatter, frac(1, cost)));
      }
    } else {
      lines = stakeFigure(exact(frac(base.pay, base.denominator)), baseTwoPoint);
      scatter = fractionFigure(frac(base.scatter, base.denominator * BigInt(cost)));
    }
  } else {
    lines = need('components.lines', rolesWhy);
    scatter = need('components.scatter', rolesWhy);
  }
  let bonus: Figure | null;
  let holdAndWin: Figure | null;
  let freeSpinsPart: Figure | null;
  if (moments === null) {
    bonus = game.bonus === null ? fractionFigure(ZERO) : need('components.bonus', rolesWhy);
    holdAndWin = game.holdAndWin === null ? fractionFigure(ZERO) : need('components.holdAndWin', rolesWhy);
    freeSpinsPart = fs === null ? fractionFigure(ZERO) : need('components.freeSpins', rolesWhy);
  } else if (!canBind) {
    bonus = stakeFigure(moments.bonus, false);
    holdAndWin = stakeFigure(moments.holdAndWin, false);
    freeSpinsPart = freeKnown
      ? stakeFigure(moments.freeSpins, freeTwoPoint)
      : need('components.freeSpins', rolesWhy);
  } else if (capped !== null) {
    bonus =
      game.bonus === null
        ? fractionFigure(ZERO)
        : labelled(approx((capped.afterBonusMean - capped.paidMean) / cost), false);
    holdAndWin =
      game.holdAndWin === null
        ? fractionFigure(ZERO)
        : labelled(approx((capped.afterHoldAndWinMean - capped.afterBonusMean) / cost), false);
    freeSpinsPart =
      fs === null
        ? fractionFigure(ZERO)
        : labelled(approx((capped.mean - capped.afterHoldAndWinMean) / cost), false);
  } else {
    bonus = game.bonus === null ? fractionFigure(ZERO) : need('components.bonus', capWhy);
    holdAndWin = game.holdAndWin === null ? fractionFigure(ZERO) : need('components.holdAndWin', capWhy);
    freeSpinsPart =
      fs === null ? fractionFigure(ZERO) : need('components.freeSpins', freeKnown ? capWhy : rolesWhy);
  }
  const parts = [lines, scatter, bonus, holdAndWin, freeSpinsPart];
  let rtp: Figure | null;
  if (parts.every((p) => p !== null)) {
    const known = parts;
    if (known.every((p) => p.exact !== null && p.precision !== 'exact-double')) {
      const total = known.reduce((acc, p) => add(acc, p.exact!), ZERO);
      rtp = labelled(
        exact(total),
        known.some((p) => p.precision === 'exact-expectation'),
      );
    } else {
      const value = known.reduce((acc, p) => acc + p.value, 0);
      rtp = labelled(
        approx(value),
        known.some((p) => p.precision === 'exact-expectation'),
      );
    }
  } else rtp = need('rtp', '');

  // Triggers (per round), hit frequency, sd.
  const pTrigger = (
    absent: boolean,
    name: string,
    uncappedP: Fraction | null,
    which: ((c: RoundClass) => boolean) | null,
    cappedP: number | null,
  ): Figure | null => {
    if (absent) return fractionFigure(ZERO);
    if (uncappedP === null) return need(name, rolesWhy);
    if (!canBind || game.start !== null || which === null) return fractionFigure(uncappedP);
    // With a cap, a paid spin that reached it starts nothing (exact from the paid spin alone when
    // no earlier feature of the round can have reached it).
    if (base !== null && classes !== null) {
      const exactly = classes.every(
        (c) => !which(c) || (!c.bonus && c.holdAndWin === null) || name === 'pBonusTrigger',
      );
      const hwFirst = name === 'pHoldAndWinTrigger' && classes.every((c) => !which(c) || !c.bonus);
      if (exactly || hwFirst) return fractionFigure(belowCap(base, cap, (k) => which(classes[k]!)));
    }
    return cappedP === null ? need(name, capWhy) : labelled(approx(cappedP), false);
  };
  const pBonusTrigger = pTrigger(
    game.bonus === null,
    'pBonusTrigger',
    moments?.pBonus ?? null,
    (c) => c.bonus,
    capped?.bonusPlayed ?? null,
  );
  const pHoldAndWinTrigger = pTrigger(
    game.holdAndWin === null,
    'pHoldAndWinTrigger',
    moments?.pHoldAndWin ?? null,
    (c) => c.holdAndWin !== null,
    capped?.holdAndWinPlayed ?? null,
  );
  const pFreeSpinsTrigger = pTrigger(
    fs === null,
    'pFreeSpinsTrigger',
    moments?.pFreeSpins ?? null,
    (c) => c.awards.size > 0,
    capped?.freeSpinsPlayed ?? null,
  );
  let expectedFreeSpins: Figure | null = null;
  if (fs !== null) {
    if (moments === null || !freeKnown)
      expectedFreeSpins = need('expectedFreeSpinsPerTrigger', rolesWhy || capWhy);
    else if (!canBind) {
      const p = moments.pFreeSpins;
      const m = moments.freeSpinsPerRound;
      expectedFreeSpins =
        p.n === 0n
          ? fractionFigure(ZERO)
          : labelled(
              m.exact === null ? approx(m.value / toNumber(p)) : exact(mul(m.exact, frac(p.d, p.n))),
              false,
            );
    } else if (capped !== null) {
      expectedFreeSpins = labelled(
        approx(capped.freeSpinsPlayed > 0 ? capped.freeSpinsPerRound / capped.freeSpinsPlayed : 0),
        false,
      );
    } else expectedFreeSpins = need('expectedFreeSpinsPerTrigger', capWhy);
  }
  // The cap never turns a winning round into a losing one: P(X > 0) is the uncapped game's.
  const hitFrequency =
    moments === null || !freeKnown
      ? need('hitFrequency', rolesWhy)
      : labelled(
          moments.pZero.exact === null
            ? approx(1 - moments.pZero.value)
            : exact(sub(frac(1), moments.pZero.exact)),
          false,
        );
  let sd: Figure | null;
  if (capped !== null)
    sd = labelled(
      approx(Math.sqrt(Math.max(0, capped.meanSquare - capped.mean * capped.mean)) / cost),
      false,
    );
  else if (moments !== null && !canBind && moments.meanSquare !== null && freeKnown) {
    const ms = moments.meanSquare;
    const m = moments.mean;
    if (ms.exact !== null && m.exact !== null) {
      const variance = sub(ms.exact, mul(m.exact, m.exact));
      sd = {
        value: Math.sqrt(toNumber(variance)) / cost,
        exact: mul(variance, frac(1, cost * cost)),
        precision: 'exact',
      };
    } else sd = labelled(approx(Math.sqrt(Math.max(0, ms.value - m.value * m.value)) / cost), false);
  } else {
    sd = need(
      'sd',
      baseTwoPoint || freeTwoPoint
        ? 'random values were replaced by their means: the distribution is not known (ruling 36)'
        : rolesWhy || capWhy,
    );
  }
  const capHit: Figure | null =
    cap === null || !canBind
      ? null
      : capped !== null
        ? labelled(approx(capped.atLimit), false)
        : need('capHit', capWhy);

  const notExact =
    simulatedNames.length === 0
      ? []
      : [...reasons, `so these figures are simulated: ${simulatedNames.join(', ')}`];

  // The stand-in simulation, when a figure needs it.
  let simulation: Format2Simulation | null = null;
  if (simulatedNames.length > 0) {
    const spec = { ...FORMAT2_SIMULATION, ...options.simulation };
    simulation = await simulateFormat2(game, {
      rounds: spec.rounds,
      seed: spec.seed,
      rng: spec.rng,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }
  const sim = simulation;
  const orSim = (figure: Figure | null, pick: (s: Format2Simulation) => Figure): Figure =>
    figure ?? pick(sim!);
  const components: Components<Figure> = {
    lines: orSim(lines, (s) => simulatedFigure(s.components.lines)),
    scatter: orSim(scatter, (s) => simulatedFigure(s.components.scatter)),
    freeSpins: orSim(freeSpinsPart, (s) => simulatedFigure(s.components.freeSpins)),
    bonus: orSim(bonus, (s) => simulatedFigure(s.components.bonus)),
    holdAndWin: orSim(holdAndWin, (s) => simulatedFigure(s.components.holdAndWin)),
  };
  const rtpFigure = orSim(rtp, (s) => simulatedFigure(s.rtp));
  const sdFigure = orSim(sd, (s) => ({ value: s.sd, exact: null, precision: 'simulated' }));
  const hitFigure = orSim(hitFrequency, (s) => simulatedFigure(s.hitFrequency));
  const pFreeFigure = orSim(pFreeSpinsTrigger, (s) => simulatedFigure(s.pFreeSpins));
  const pBonusFigure = orSim(pBonusTrigger, (s) => simulatedFigure(s.pBonus));
  const pHoldFigure = orSim(pHoldAndWinTrigger, (s) => simulatedFigure(s.pHoldAndWin));
  const spinsFigure =
    fs === null
      ? null
      : orSim(expectedFreeSpins, (s) => ({ value: s.spinsPerTrigger, exact: null, precision: 'simulated' }));
  const capHitFigure = cap === null || !canBind ? null : orSim(capHit, (s) => simulatedFigure(s.capRate));
  if (simulation !== null) {
    notes.push(
      `figures marked "simulated" come from ${simulation.rounds.toLocaleString('en-US')} rounds played through the engine (seed "${simulation.seed}", ${simulation.rng}, one thread, ${simulation.elapsedSeconds.toFixed(1)} s)`,
    );
  }

  // Notes on how the figures were obtained.
  for (const r of [baseRun, freeRun]) {
    if (r === null || !r.ok) continue;
    const i = r.info;
    notes.push(
      `${i.role === 'base' ? 'paid' : 'free'} spins: every ${game.heights === null ? 'stop' : 'height × stop'} combination of reel set "${i.reelSet}" enumerated (${i.combinations.toLocaleString('en-US')} combinations, ${i.spins.toLocaleString('en-US')} spins with their value draws, ${i.threads === 0 ? 'on the calling thread' : `${i.threads} threads`}, ${i.elapsedSeconds.toFixed(2)} s), every cascade followed to its end; ${valueNote(i.values)}`,
    );
  }
  if (perReel !== null) {
    for (const info of [perReel.spins.base, perReel.spins.free]) {
      if (info === null) continue;
      notes.push(
        `${info.role === 'base' ? 'paid' : 'free'} spins: the per-reel exact form of reel set "${info.reelSet}" (${info.states.toLocaleString('en-US')} column states over its reels, ${info.elapsedSeconds.toFixed(2)} s): the reels are independent, so each ways combination's expectation is a product of per-reel expectations (heights as mixtures), and the scatter count a convolution of per-reel counts${info.byMeans ? '; each random wild value enters by its mean — exact for the mean because a ways win is a product of the values (ruling 35), not for the distribution' : ''}`,
      );
    }
    if (fs !== null)
      notes.push(
        'free spins (per-reel route): E[spins played] from the retrigger chain run in exact fractions, and E[free-spin win] = E[spins] × E[one spin] (ruling 37): exact',
      );
    notes.push(
      canBind
        ? `the max-win cap (${game.maxWin}× bet) can bind (the file's bounds allow a round of ${(roundBound / game.betCredits).toLocaleString('en-US')}× bet), and the per-reel form gives means, not the distribution the cap cuts: its figures are given BEFORE the cap ("uncapped", exact fractions) and the game's own are simulated`
        : `the max-win cap can never be reached (the file's bounds stay below it): the per-reel means are the game's figures`,
    );
  }
  if (baseTwoPoint || freeTwoPoint) {
    notes.push(
      'exact-expectation: the win is linear in each random value here (format-2 ruling 35), so each value table was replaced by the two-point table with the same mean (its smallest and largest value); means are exact, distributions are not; the cap cannot bind (a round can win at most the bound below)',
    );
  }
  if (retriggers) {
    notes.push(
      'free spins with retriggers: E[spins played] comes from the Markov chain over (spins played, spins allotted) in double precision (exact-double); E[free-spin win] = E[spins] × E[one spin] (the spins are independent and identically distributed, ruling 37)',
    );
  }
  if (cap !== null) {
    notes.push(
      canBind
        ? capped !== null
          ? `the max-win cap (${game.maxWin}× bet) can bind: 1 round in ${(1 / capped.atLimit).toLocaleString('en-US', { maximumFractionDigits: 0 })} reaches it; the capped figures are exact-double (a programme over the round's parts in play order)`
          : `the max-win cap (${game.maxWin}× bet) can bind and the capped figures could not be computed exactly: ${cappedWhyNot ?? ''}`
        : `the max-win cap (${game.maxWin}× bet) can never be reached: no round can win more than ${(roundBound / game.betCredits).toLocaleString('en-US')}× bet (a bound from ${perReel !== null ? "the file's per-reel bounds" : 'the enumerated maxima'})`,
    );
  }
  if (game.start !== null) {
    notes.push(
      `the mode "${game.mode}" starts every round in its ${game.start.kind === 'freeSpins' ? 'free spins' : 'hold-and-win feature'}: its trigger probability is 1 (ruling 41)`,
    );
  }

  const reelSets: ReelSetPar[] = [];
  if (game.start === null)
    reelSets.push(
      reelSetPar(
        game,
        game.baseReelSet,
        fs?.reelSet === game.baseReelSet ? ['paid spins', 'free spins'] : ['paid spins'],
      ),
    );
  if (fs !== null && (fs.reelSet !== game.baseReelSet || game.start !== null))
    reelSets.push(reelSetPar(game, fs.reelSet, ['free spins']));

  const maxWin: MaxWinAnalysis = {
    capCredits: cap,
    capX: game.maxWin,
    roundBound: Number.isFinite(roundBound) ? roundBound : Number.MAX_VALUE,
    roundBoundFrom: perReel !== null ? 'per-reel bounds' : 'enumeration',
    paidSpinBound: paidMaxAll,
    freeSpinBound: Number.isFinite(freeSpinMax) ? freeSpinMax : 0,
    freeSpinsBound: fs === null ? 0 : retriggers ? fs.maxSpins : fs.maxSpins,
    canBind,
    capHit: capHitFigure,
    largestPaidSpin: base === null ? null : largest(base, 1, cost),
    largestFreeSpin: free === null || fs === null ? null : largest(free, fs.multiplier, cost),
  };

  const format2: Format2Analysis = format2Par({
    game,
    budget,
    base,
    free,
    baseInfo: baseRun?.info ?? null,
    freeInfo: freeRun?.info ?? null,
    simulated: simulatedNames,
    classes,
    rtp: rtpFigure,
    hitFrequency: hitFigure,
    pFreeSpins: fs === null ? null : pFreeFigure,
    pHoldAndWin: game.holdAndWin === null ? null : pHoldFigure,
    capRate: capHitFigure,
    roundBound,
  });

  const volatility = volatilityIndex(sdFigure.value);
  return {
    game: namedGameIdentity(game),
    stake: cost,
    lineBet: game.lineBet,
    evaluation: game.evaluation,
    paylines: game.paylines.length,
    cycle: base?.cycle ?? 0n,
    exact: notExact.length === 0,
    notExact,
    notes,
    rtp: rtpFigure,
    components,
    pFreeSpinsTrigger: pFreeFigure,
    expectedFreeSpinsPerTrigger: spinsFigure,
    pBonusTrigger: pBonusFigure,
    ...(game.holdAndWin === null
      ? {}
      : { holdAndWin: components.holdAndWin, pHoldAndWinTrigger: pHoldFigure }),
    hitFrequency: hitFigure,
    sd: sdFigure,
    volatility,
    rtpRanges: rtpRanges(rtpFigure.value, sdFigure.value),
    uncapped:
      canBind && perReel !== null
        ? { ...perReel.uncapped, sd: null }
        : canBind && moments !== null && freeKnown
          ? {
              rtp: { ...stakeFigure(moments.mean, baseTwoPoint || freeTwoPoint), precision: 'uncapped' },
              components: {
                lines: {
                  ...stakeFigure(
                    exact(base === null ? ZERO : frac(base.pay, base.denominator)),
                    baseTwoPoint,
                  ),
                  precision: 'uncapped',
                },
                scatter: {
                  ...stakeFigure(exact(base === null ? ZERO : frac(base.scatter, base.denominator)), false),
                  precision: 'uncapped',
                },
                freeSpins: { ...stakeFigure(moments.freeSpins, freeTwoPoint), precision: 'uncapped' },
                bonus: { ...stakeFigure(moments.bonus, false), precision: 'uncapped' },
                holdAndWin: { ...stakeFigure(moments.holdAndWin, false), precision: 'uncapped' },
              },
              sd: null,
            }
          : null,
    reelSets,
    combinations: [],
    parDenominator: { label: "the mode's RTP", value: rtpFigure.value },
    scatter: null,
    freeSpins: null,
    bonus: null,
    topAward: null,
    maxWin,
    enumeration: base === null && free === null ? 'none' : threads === 0 ? 'inline' : 'full-cycle',
    paidSpin: null,
    simulation:
      simulation === null
        ? null
        : {
            spins: simulation.rounds,
            seed: simulation.seed,
            rng: simulation.rng,
            threads: 1,
            elapsedSeconds: simulation.elapsedSeconds,
          },
    round: null,
    componentSd: null,
    mode: game.mode,
    cost,
    format2: {
      ...format2,
      holdAndWin: format2.holdAndWin === null ? null : { ...format2.holdAndWin, pTrigger: pHoldFigure },
      perReel: perReel === null ? null : { ...perReel.spins, beforeCap: canBind },
      wins: {
        base: perReel?.wins.base ?? format2.wins.base,
        free: perReel?.wins.free ?? format2.wins.free,
      },
    },
  };
}

function valueNote(values: SpinDistribution['values']): string {
  switch (values) {
    case 'none':
      return 'no value draws';
    case 'enumerated':
      return 'every value draw enumerated';
    case 'two-point':
      return 'value tables replaced by two-point tables of the same mean (exact expectations)';
    default: {
      const unknown: never = values;
      return String(unknown);
    }
  }
}

/** A free-spin model that is never asked for (a round with no free spins). */
function emptyModel(game: Game): FreeSpinModel {
  return {
    feature: game.freeSpins!,
    mean: ZERO,
    meanSquare: ZERO,
    pZero: frac(1),
    pRetrigger: ZERO,
    classes: [],
  };
}
