/**
 * The analysis's second exact route: when a reel set's spins could not be enumerated (past the
 * budget), and the per-reel form can give them (`perReelProblem`: no cascade, ways, …), the round's
 * means come from the reels alone (`per-reel.ts`, `per-reel-round.ts`), with the other reel set's
 * enumeration where it has one. Means only: the figures that need a distribution (hit frequency,
 * sd, anything after a binding cap) stay with the simulation.
 *
 * - The cap cannot bind (the file's bounds, `winBounds`, stay below it): the means are the game's
 *   figures (`figures`, by the names `analyze` gives them), labelled `exact` — or
 *   `exact-expectation` where a value table entered by its mean (ruling 35).
 * - It can bind: they are the game's figures before the cap (`uncapped`, labelled `uncapped` with
 *   their fractions), and the capped ones are simulated.
 */
import type { Components, Figure } from '../analysis-types.js';
import type { WinPar } from './format2-types.js';
import type { Game } from '../../engine/model.js';
import { payMechanic } from '../../engine/mechanics/registry.js';
import type { WinBounds } from '../../engine/win-bounds.js';
import { winBounds } from '../../game/win-bounds.js';
import { frac, mul, toNumber } from '../fraction.js';
import { fractionFigure, labelled, perStake } from './figure-labels.js';
import { exact } from './maybe-exact.js';
import { perReelProblem, perReelSpin } from './per-reel.js';
import type { PerReelSpin } from './per-reel.js';
import { meansOfDistribution, meansOfPerReel, roundMeans } from './per-reel-round.js';
import type { RoundMeans, SpinMeans } from './per-reel-round.js';
import type { RoleResult } from './run-role.js';

/** A reel set whose means came from its reels (`Format2Analysis.perReel`). */
export interface PerReelInfo {
  readonly role: 'base' | 'free';
  readonly reelSet: string;
  readonly cycle: bigint;
  /** Column states (height × stop) visited over its reels. */
  readonly states: number;
  /** Value tables entered by their means (ruling 35). */
  readonly byMeans: boolean;
  readonly elapsedSeconds: number;
}

export interface PerReelRoute {
  readonly round: RoundMeans;
  readonly bounds: WinBounds;
  /** The game's figures when the cap cannot bind, by name (`components.lines`, `rtp`, …). */
  readonly figures: ReadonlyMap<string, Figure>;
  /** The same figures before the cap (precision `uncapped`, fractions kept). */
  readonly uncapped: {
    readonly rtp: Figure;
    readonly components: Components<Figure>;
    readonly pFreeSpinsTrigger: Figure | null;
    readonly expectedFreeSpinsPerTrigger: Figure | null;
  };
  readonly spins: { readonly base: PerReelInfo | null; readonly free: PerReelInfo | null };
  readonly wins: { readonly base: readonly WinPar[] | null; readonly free: readonly WinPar[] | null };
}

function timed(game: Game, role: 'base' | 'free'): { spin: PerReelSpin; info: PerReelInfo } {
  const started = performance.now();
  const spin = perReelSpin(game, role);
  const byMeans = meansOfPerReel(game, spin).byMeans;
  return {
    spin,
    info: {
      role,
      reelSet: spin.reelSet,
      cycle: spin.cycle,
      states: spin.states,
      byMeans,
      elapsedSeconds: (performance.now() - started) / 1000,
    },
  };
}

/** The paying combinations of one per-reel spin, as the enumeration's PAR rows show them. */
function winRows(game: Game, spin: PerReelSpin, byMeans: boolean): WinPar[] {
  const mechanic = payMechanic(game.evaluation);
  return [...spin.wins.values()]
    .map((w): WinPar => {
      const rule = game.pays[w.rule]!;
      const symbol = rule.kind === 'kind' ? game.symbols[rule.symbol]!.id : rule.labels.join(' ');
      const perSpin = toNumber(w.hits);
      return {
        key: mechanic.combinationKey(w.rule, w.count, 1),
        kind: mechanic.winKind,
        label: `${symbol} ×${w.count}`,
        rule: w.rule,
        symbol,
        count: w.count,
        wildMultiplier: null,
        perSpin: fractionFigure(w.hits),
        oneIn: perSpin > 0 ? 1 / perSpin : Number.POSITIVE_INFINITY,
        rtp: labelled(exact(mul(w.credits, frac(1, game.cost))), byMeans),
      };
    })
    .sort((a, b) => a.rule - b.rule || a.count - b.count);
}

/**
 * The per-reel route, when some reel set of the mode was not enumerated and the per-reel form
 * covers every such one; else null.
 */
export function perReelRoute(
  game: Game,
  baseRun: RoleResult | null,
  freeRun: RoleResult | null,
): PerReelRoute | null {
  const runs = [baseRun, freeRun].filter((r): r is RoleResult => r !== null);
  const missing = runs.filter((r) => !r.ok);
  if (missing.length === 0) return null;
  if (missing.some((r) => perReelProblem(game, r.info.role) !== null)) return null;
  const means = (
    run: RoleResult | null,
  ): { means: SpinMeans | null; timed: ReturnType<typeof timed> | null } => {
    if (run === null) return { means: null, timed: null };
    if (run.ok) return { means: meansOfDistribution(run.spins), timed: null };
    const t = timed(game, run.info.role);
    return { means: meansOfPerReel(game, t.spin), timed: t };
  };
  const base = means(baseRun);
  const free = means(freeRun);
  const round = roundMeans(game, base.means, free.means);
  const cost = game.cost;
  const fs = game.freeSpins;
  const baseByMeans = base.means?.byMeans ?? false;
  const freeByMeans = free.means?.byMeans ?? false;
  const figures = new Map<string, Figure>();
  const lines = labelled(perStake(exact(round.lines), cost), baseByMeans);
  const scatter = fractionFigure(mul(round.scatter, frac(1, cost)));
  const freeSpins = labelled(perStake(round.freeSpins, cost), freeByMeans && fs !== null);
  const bonus = labelled(perStake(round.bonus, cost), false);
  const holdAndWin = labelled(perStake(round.holdAndWin, cost), false);
  const rtp = labelled(perStake(round.mean, cost), round.byMeans);
  const pFree = fs === null ? null : fractionFigure(round.pFreeSpins);
  const spins = round.spinsPerTrigger === null ? null : fractionFigure(round.spinsPerTrigger);
  figures.set('components.lines', lines);
  figures.set('components.scatter', scatter);
  figures.set('components.freeSpins', freeSpins);
  figures.set('components.bonus', bonus);
  figures.set('components.holdAndWin', holdAndWin);
  figures.set('rtp', rtp);
  if (pFree !== null) figures.set('pFreeSpinsTrigger', pFree);
  if (spins !== null) figures.set('expectedFreeSpinsPerTrigger', spins);
  figures.set('pBonusTrigger', fractionFigure(round.pBonus));
  figures.set('pHoldAndWinTrigger', fractionFigure(round.pHoldAndWin));
  const before = (f: Figure): Figure => ({ ...f, precision: 'uncapped' });
  return {
    round,
    bounds: winBounds(game),
    figures,
    uncapped: {
      rtp: before(rtp),
      components: {
        lines: before(lines),
        scatter: before(scatter),
        freeSpins: before(freeSpins),
        bonus: before(bonus),
        holdAndWin: before(holdAndWin),
      },
      pFreeSpinsTrigger: pFree === null ? null : before(pFree),
      expectedFreeSpinsPerTrigger: spins === null ? null : before(spins),
    },
    spins: { base: base.timed?.info ?? null, free: free.timed?.info ?? null },
    wins: {
      base: base.timed === null ? null : winRows(game, base.timed.spin, base.timed.info.byMeans),
      free: free.timed === null ? null : winRows(game, free.timed.spin, free.timed.info.byMeans),
    },
  };
}
