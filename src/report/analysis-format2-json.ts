/**
 * The format-2 block of `analyze --json` (`format2`): how each reel set was enumerated, the figures
 * left to the simulation, and the PAR data of the new mechanics. Every figure carries its
 * `precision` and, when exact, its fraction (decimal strings); big counts are decimal strings.
 */
import type { Figure } from '../math/analysis-types.js';
import type {
  CountPar,
  Format2Analysis,
  SpinEnumerationInfo,
  SpinsNotEnumerated,
} from '../math/format2/format2-types.js';
import type { PerReelInfo } from '../math/format2/per-reel-route.js';
import { toJson } from '../math/fraction.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function figureJson(figure: Figure | null): Json {
  if (figure === null) return null;
  return {
    value: figure.value,
    precision: figure.precision,
    exact: figure.exact === null ? null : { ...toJson(figure.exact) },
    ...(figure.interval99 === undefined ? {} : { interval99: [...figure.interval99] }),
  };
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function countsJson(rows: readonly CountPar[]): Json {
  return rows.map((r) => ({
    count: r.count,
    probability: figureJson(r.probability),
    oneIn: finite(r.oneIn),
  }));
}

function spinsJson(s: SpinEnumerationInfo | SpinsNotEnumerated | null): Json {
  if (s === null) return null;
  if ('reason' in s) return { role: s.role, reelSet: s.reelSet, enumerated: false, reason: s.reason };
  return {
    role: s.role,
    reelSet: s.reelSet,
    enumerated: true,
    combinations: s.combinations,
    spins: s.spins,
    values: s.values,
    cycle: s.cycle.toString(),
    denominator: s.denominator.toString(),
    threads: s.threads,
    elapsedSeconds: s.elapsedSeconds,
  };
}

function perReelJson(p: PerReelInfo | null): Json {
  if (p === null) return null;
  return {
    role: p.role,
    reelSet: p.reelSet,
    cycle: p.cycle.toString(),
    states: p.states,
    byMeans: p.byMeans,
    elapsedSeconds: p.elapsedSeconds,
  };
}

export function format2Json(f: Format2Analysis): Json {
  const wins = (rows: Format2Analysis['wins']['base']): Json =>
    rows.map((w) => ({
      key: w.key,
      kind: w.kind,
      label: w.label,
      rule: w.rule,
      symbol: w.symbol,
      count: w.count,
      wildMultiplier: w.wildMultiplier,
      perSpin: figureJson(w.perSpin),
      oneIn: finite(w.oneIn),
      rtp: figureJson(w.rtp),
    }));
  const cascade = (c: Format2Analysis['cascades']['base']): Json =>
    c === null
      ? null
      : {
          windows: countsJson(c.windows),
          averageCascades: figureJson(c.averageCascades),
          averageChain: figureJson(c.averageChain),
          byIndex: c.byIndex.map((r) => ({ index: r.index, rtp: figureJson(r.rtp), share: r.share })),
          tumbleShare: c.tumbleShare,
        };
  const h = f.heights;
  const m = f.multipliers;
  const hw = f.holdAndWin;
  const s = f.modeSummary;
  return {
    mode: f.mode,
    cost: f.cost,
    budget: f.budget,
    spins: { base: spinsJson(f.spins.base), free: spinsJson(f.spins.free) },
    perReel:
      f.perReel === null
        ? null
        : {
            base: perReelJson(f.perReel.base),
            free: perReelJson(f.perReel.free),
            beforeCap: f.perReel.beforeCap,
          },
    simulated: [...f.simulated],
    wins: { base: wins(f.wins.base), free: wins(f.wins.free) },
    cascades: { base: cascade(f.cascades.base), free: cascade(f.cascades.free) },
    heights:
      h === null
        ? null
        : {
            reels: h.reels.map((reel) =>
              reel.map((r) => ({ rows: r.rows, probability: figureJson(r.probability) })),
            ),
            ways: h.ways.map((w) => ({ ways: w.ways, probability: figureJson(w.probability) })),
            averageWays: figureJson(h.averageWays),
          },
    multipliers:
      m === null
        ? null
        : {
            symbols: m.symbols.map((x) => ({
              symbol: x.symbol,
              kind: x.kind,
              values: x.values.map((v) => ({ value: v.value, probability: figureJson(v.probability) })),
              mean: figureJson(x.mean),
            })),
            factors:
              m.factors === null
                ? null
                : m.factors.map((x) => ({ factor: x.factor, probability: figureJson(x.probability) })),
            cells: countsJson(m.cells),
          },
    holdAndWin:
      hw === null
        ? null
        : {
            trigger: hw.trigger,
            pTrigger: figureJson(hw.pTrigger),
            oneInRounds: finite(hw.oneInRounds),
            starts: countsJson(hw.starts),
            finalCoins: countsJson(hw.finalCoins),
            meanWin: figureJson(hw.meanWin),
            sdWin: hw.sdWin,
            maxWin: hw.maxWin,
            respins: figureJson(hw.respins),
            fullGrid: {
              perFeature: figureJson(hw.fullGrid.perFeature),
              perRound: figureJson(hw.fullGrid.perRound),
              oneInFeatures: finite(hw.fullGrid.oneInFeatures),
              oneInRounds: finite(hw.fullGrid.oneInRounds),
            },
            jackpots: hw.jackpots.map((j) => ({
              tier: j.tier,
              credits: j.credits,
              x: j.x,
              perFeature: figureJson(j.perFeature),
              perRound: figureJson(j.perRound),
              oneInFeatures: finite(j.oneInFeatures),
              oneInRounds: finite(j.oneInRounds),
              expectedCoins: figureJson(j.expectedCoins),
            })),
            chain: hw.chain,
          },
    modeSummary: {
      mode: s.mode,
      cost: s.cost,
      start: s.start,
      rtp: figureJson(s.rtp),
      hitFrequency: figureJson(s.hitFrequency),
      freeSpinsRate: figureJson(s.freeSpinsRate),
      holdAndWinRate: figureJson(s.holdAndWinRate),
      capRate: figureJson(s.capRate),
      maxExposure: finite(s.maxExposure),
    },
  };
}
