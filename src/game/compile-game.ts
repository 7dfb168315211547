/**
 * A validated game (as written or with a variant merged in) compiled into the engine's frozen
 * `Game`: symbols become indexes in the order the file lists them, pays become integer credits,
 * and every table the hot loops need is built once.
 */
import type { BonusFeature, FreeSpinsFeature, Game, ReelSet, SymbolInfo } from '../engine/model.js';
import { compilePays, compileSubstitutes } from './compile-pays.js';
import {
  compileAwards,
  compileCascade,
  compileHeights,
  compileHoldAndWin,
  compileStart,
  weightedList,
} from './compile-v2-features.js';
import { compilePrize } from './compile-prize.js';
import { compileReelSet } from './compile-reels.js';
import { byCount, record } from './compile-tables.js';
import { credits } from './decimal.js';
import { deepFreeze } from './deep-freeze.js';
import type { GameSource, GameSpec } from './game-source.js';
import { DEFAULT_MAX_SPINS } from './limits.js';

export { DEFAULT_MAX_SPINS };

export interface CompileOptions {
  readonly sha256: string;
  /** Every variant name of the file, in the order written. */
  readonly variants: readonly string[];
  /** Every mode of the game with its variant merged in: "base", then `modes` in the order written. */
  readonly modes: readonly string[];
}

/** Compiles a game that `checkGame` found no problem in. */
export function compileGame(source: GameSource, options: CompileOptions): Game {
  const { spec } = source;
  const ids = source.keys(['symbols']);
  const symbolIndex = new Map(ids.map((id, index) => [id, index]));
  const symbols = ids.map((id, index): SymbolInfo => {
    const props = spec.symbols[id] ?? {};
    const wild = props.wild === true;
    const { multiplier = 1 } = props;
    return {
      id,
      index,
      wild,
      scatter: props.scatter === true,
      multiplier: wild && typeof multiplier === 'number' ? multiplier : 1,
      multiplierDraw:
        wild && typeof multiplier !== 'number' ? weightedList(multiplier, (e) => e.value) : null,
      multiplierSymbol:
        props.multiplierSymbol === undefined ? null : weightedList(props.multiplierSymbol, (e) => e.value),
      coin: props.coin === true,
      expand: props.expand === true,
    };
  });
  const groups = new Map(
    spec.groups === undefined
      ? []
      : source
          .keys(['groups'])
          .map((id) => [id, (spec.groups?.[id] ?? []).map((m) => symbolIndex.get(m) ?? -1)]),
  );
  const reelSets = new Map(
    source
      .keys(['reelSets'])
      .map((name) => [name, compileReelSet(name, spec.reelSets[name] ?? [], symbolIndex)]),
  );
  const reelSet = (name: string): ReelSet => {
    const set = reelSets.get(name);
    if (set === undefined) throw new Error(`reel set "${name}" was not checked`);
    return set;
  };
  const baseReelSet = reelSet(spec.base?.reelSet ?? 'base');
  const evaluation = spec.evaluation ?? 'lines';
  const paylines = evaluation === 'lines' ? (spec.paylines ?? []).map((line) => [...line]) : [];
  const lineBet = spec.bet.lineBet ?? spec.bet.credits / paylines.length;
  const substitutes = compileSubstitutes(spec, symbols);
  const cells = spec.grid.reels * spec.grid.rows;
  const scatter = spec.scatter;

  const modeEntry = source.modeEntry;
  const game: Game = {
    format: spec.format === 'slotsim/2' ? 2 : 1,
    id: spec.id,
    name: spec.name,
    version: spec.version,
    variant: source.variant,
    variants: [...options.variants],
    sha256: options.sha256,
    reels: spec.grid.reels,
    rows: spec.grid.rows,
    heights: compileHeights(spec),
    betCredits: spec.bet.credits,
    lineBet,
    symbols,
    symbolIndex: record(symbolIndex),
    groups: record(groups),
    substitutes,
    evaluation,
    wildMultipliers: spec.wildMultipliers ?? 'product',
    paylines,
    pays: compilePays(spec, symbols, symbolIndex, groups, substitutes, lineBet),
    scatter:
      scatter === undefined
        ? null
        : {
            symbol: symbolIndex.get(scatter.symbol) ?? -1,
            pays: byCount(cells, scatter.pays, (pay) => credits(pay, spec.bet.credits)),
          },
    reelSets: record(reelSets),
    baseReelSet,
    freeSpins: compileFreeSpins(spec, symbolIndex, cells, baseReelSet, reelSet),
    bonus: compileBonus(spec, symbolIndex, lineBet),
    cascade: compileCascade(spec.cascade, symbols),
    holdAndWin: compileHoldAndWin(spec.holdAndWin, symbolIndex, spec.bet.credits, lineBet),
    mode: source.mode,
    modes: [...options.modes],
    cost: modeEntry?.cost ?? spec.bet.credits,
    start: compileStart(modeEntry),
    maxWin: spec.maxWin ?? null,
    maxWinCredits: spec.maxWin === undefined ? null : credits(spec.maxWin, spec.bet.credits),
    rtp: rtpTarget(modeEntry === null ? spec.rtp : (modeEntry.rtp ?? modeEntry.replace?.rtp)),
  };
  return deepFreeze(game);
}

/**
 * A mode's RTP target is its own: `modes.M.rtp`, else its `replace.rtp`, else none (the base game's
 * target does not carry over). The base mode's is the (variant-merged) top-level `rtp`.
 */
function rtpTarget(rtp: GameSpec['rtp']): Game['rtp'] {
  return rtp === undefined ? null : { target: rtp.target, tolerance: rtp.tolerance };
}

function compileFreeSpins(
  spec: GameSpec,
  symbolIndex: ReadonlyMap<string, number>,
  cells: number,
  baseReelSet: ReelSet,
  reelSet: (name: string) => ReelSet,
): FreeSpinsFeature | null {
  const { freeSpins } = spec;
  if (freeSpins === undefined) return null;
  const awards = compileAwards(cells, freeSpins.trigger.awards);
  const retrigger = compileAwards(cells, freeSpins.retrigger ?? freeSpins.trigger.awards);
  return {
    symbol: symbolIndex.get(freeSpins.trigger.symbol) ?? -1,
    awards: awards.awards,
    awardDraws: awards.awardDraws,
    retrigger: retrigger.awards,
    retriggerDraws: retrigger.awardDraws,
    stickyWilds: freeSpins.stickyWilds === true,
    multiplierMeter: freeSpins.multiplierMeter === true,
    reelSet: freeSpins.reelSet === undefined ? baseReelSet : reelSet(freeSpins.reelSet),
    multiplier: freeSpins.multiplier ?? 1,
    maxSpins: freeSpins.maxSpins ?? DEFAULT_MAX_SPINS,
  };
}

function compileBonus(
  spec: GameSpec,
  symbolIndex: ReadonlyMap<string, number>,
  lineBet: number,
): BonusFeature | null {
  const { bonus } = spec;
  if (bonus === undefined) return null;
  const paysPer = bonus.paysPer ?? 'lineBet';
  const [kind, { symbol, count }] =
    'anywhere' in bonus.trigger
      ? (['anywhere', bonus.trigger.anywhere] as const)
      : (['line', bonus.trigger.line] as const);
  return {
    trigger: { kind, symbol: symbolIndex.get(symbol) ?? -1, count },
    prize: compilePrize(bonus.prize, paysPer === 'bet' ? spec.bet.credits : lineBet),
    paysPer,
  };
}
