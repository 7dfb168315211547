/**
 * The format-2 parts of a compiled game (see `model.ts`): weighted lists and tables, reel heights,
 * drawn free-spin awards, cascades, hold-and-win and a mode's start. A version-1 file has none of
 * them, and compiles to format 1's meaning (`null`, `false`, `[1]`).
 */
import type {
  CascadeRule,
  CoinValue,
  FreeSpinsFeature,
  HoldAndWinFeature,
  Ladder,
  ModeStart,
  SymbolInfo,
  WeightedList,
} from '../engine/model.js';
import { byCountRanges } from './count-keys.js';
import { record, runningSums } from './compile-tables.js';
import { credits } from './decimal.js';
import type { GameSpec } from './game-source.js';
import type { CascadeFile, HoldAndWinFile, LadderFile, ModeFile, SpinsAwardFile } from './schema-v2.js';

/** A format-2 weighted list, kept in the order written. */
export function weightedList<E extends { readonly weight: number }, T>(
  entries: readonly E[],
  item: (entry: E) => T,
): WeightedList<T> {
  const cumulative = runningSums(entries.map((e) => e.weight));
  return { items: entries.map(item), cumulative, total: cumulative.at(-1) ?? 0 };
}

/** A version-1 style table `{ "9": 1, "10": 9 }`: value → weight, in ascending numeric order of the keys. */
export function weightedTable(table: Readonly<Record<string, number>>): WeightedList<number> {
  const entries = Object.entries(table)
    .map(([key, weight]) => ({ value: Number(key), weight }))
    .sort((a, b) => a.value - b.value);
  return weightedList(entries, (e) => e.value);
}

export function compileHeights(spec: GameSpec): WeightedList<number>[] | null {
  return spec.grid.heights?.map((list) => weightedList(list, (e) => e.rows)) ?? null;
}

/** Free-spin awards by count: fixed spins in `awards`, drawn tables in `awardDraws` (0 / null elsewhere). */
export function compileAwards(
  cells: number,
  table: Readonly<Record<string, SpinsAwardFile>>,
): Pick<FreeSpinsFeature, 'awards' | 'awardDraws'> {
  return {
    awards: byCountRanges(cells, table, (v) => (typeof v === 'number' ? v : 0), 0),
    awardDraws: byCountRanges(cells, table, (v) => (typeof v === 'number' ? null : weightedTable(v)), null),
  };
}

function compileLadder(ladder: LadderFile): Ladder {
  return Array.isArray(ladder)
    ? { kind: 'list', values: [...ladder] }
    : { kind: 'linear', start: ladder.start, step: ladder.step, max: ladder.max };
}

export function compileCascade(
  cascade: CascadeFile | undefined,
  symbols: readonly SymbolInfo[],
): CascadeRule | null {
  if (cascade === undefined) return null;
  const ladder = cascade.ladder ?? [1];
  const keep = new Set(cascade.keep ?? []);
  return {
    refill: cascade.refill,
    maxCascades: cascade.maxCascades,
    ladder: compileLadder(ladder),
    freeLadder: compileLadder(cascade.freeLadder ?? ladder),
    ladderScope: cascade.ladderScope ?? 'spin',
    keep: symbols.map((s) => keep.has(s.id)),
    scatterCount: cascade.scatterCount ?? 'final',
  };
}

/** `unit` is not used for a game without hold-and-win; `lineBet` is what `"paysPer": "lineBet"` multiplies. */
export function compileHoldAndWin(
  feature: HoldAndWinFile | undefined,
  symbolIndex: ReadonlyMap<string, number>,
  betCredits: number,
  lineBet: number,
): HoldAndWinFeature | null {
  if (feature === undefined) return null;
  const paysPer = feature.paysPer ?? 'bet';
  const unit = paysPer === 'bet' ? betCredits : lineBet;
  const tiers = feature.jackpots ?? {};
  const jackpotCredits = (tier: string): number => credits(tiers[tier] ?? 0, unit);
  return {
    symbol: symbolIndex.get(feature.trigger.symbol) ?? -1,
    count: feature.trigger.count,
    respins: feature.respins,
    maxRespins: feature.maxRespins,
    coin: feature.land.coin,
    blank: feature.land.blank,
    values: weightedList(feature.values, (e): CoinValue =>
      'jackpot' in e
        ? { kind: 'jackpot', tier: e.jackpot, credits: jackpotCredits(e.jackpot) }
        : { kind: 'value', value: e.value, credits: credits(e.value, unit) },
    ),
    jackpots: record(Object.keys(tiers).map((tier) => [tier, jackpotCredits(tier)] as const)),
    fullGrid:
      feature.fullGrid === undefined
        ? null
        : { tier: feature.fullGrid, credits: jackpotCredits(feature.fullGrid) },
    paysPer,
  };
}

export function compileStart(mode: ModeFile | null): ModeStart | null {
  const start = mode?.start;
  if (start === undefined) return null;
  return 'freeSpins' in start
    ? { kind: 'freeSpins', spins: weightedTable(start.freeSpins) }
    : { kind: 'holdAndWin', coins: weightedTable(start.holdAndWin) };
}
