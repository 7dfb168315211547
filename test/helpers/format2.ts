/**
 * Hand-built format-2 games for engine tests: a version-1 game compiled by the real loader, then
 * the format-2 fields of the model set by hand (the way the format-2 loader fills them).
 */
import type {
  CascadeRule,
  CoinValue,
  Game,
  HoldAndWinFeature,
  Ladder,
  PayRule,
  SymbolInfo,
  WeightedList,
} from '../../src/engine/model.js';
import { playRoundV2 } from '../../src/engine/round.js';
import type { RoundOutcomeV2 } from '../../src/engine/outcome.js';
import type { Rng } from '../../src/rng/rng.js';
import { compile } from './games.js';

/** A weighted list in written order: `[[value, weight], …]`. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedList<T> {
  let sum = 0;
  return {
    items: entries.map(([v]) => v),
    cumulative: entries.map(([, w]) => (sum += w)),
    total: sum,
  };
}

export type SymbolPatch = Partial<
  Pick<SymbolInfo, 'multiplierDraw' | 'multiplierSymbol' | 'coin' | 'expand'>
>;

export interface CascadeSpec {
  readonly refill?: 'strip' | 'redraw';
  readonly maxCascades?: number;
  readonly ladder?: Ladder;
  readonly freeLadder?: Ladder;
  readonly ladderScope?: 'spin' | 'feature';
  readonly keep?: readonly string[];
  readonly scatterCount?: 'final' | 'initial' | 'each';
}

export function ladderList(...values: number[]): Ladder {
  return { kind: 'list', values };
}

/** Compiles a version-1 game text and turns it into a format-2 game with `patch` applied. */
export function format2(
  raw: Record<string, unknown>,
  patch: Partial<Omit<Game, 'symbols' | 'cascade'>> & {
    readonly symbols?: Readonly<Record<string, SymbolPatch>>;
    readonly cascade?: CascadeSpec;
    /** Kind rules replacing `pays`, in order: symbol id → { count: pay value } (× lineBet). */
    readonly kindPays?: readonly (readonly [string, Readonly<Record<string, number>>])[];
  } = {},
): Game {
  const base = compile(raw);
  const { symbols: symbolPatch, cascade: cascadeSpec, kindPays, ...rest } = patch;
  const symbols = base.symbols.map((s) => ({ ...s, ...(symbolPatch?.[s.id] ?? {}) }));
  const cells = base.reels * base.rows;
  const pays: PayRule[] =
    kindPays === undefined
      ? [...base.pays]
      : kindPays.map(([id, table], index) => {
          const symbol = base.symbolIndex[id]!;
          const byCount = new Array<number>(cells + 1).fill(0);
          for (const [count, pay] of Object.entries(table)) byCount[Number(count)] = pay * base.lineBet;
          return { kind: 'kind', index, symbol, wild: base.symbols[symbol]!.wild, pays: byCount };
        });
  const game: Game = { ...base, format: 2, symbols, pays, cascade: null, ...rest };
  if (cascadeSpec === undefined) return game;
  const ladder = cascadeSpec.ladder ?? ladderList(1);
  const keep = new Set(cascadeSpec.keep ?? []);
  const cascade: CascadeRule = {
    refill: cascadeSpec.refill ?? 'strip',
    maxCascades: cascadeSpec.maxCascades ?? 20,
    ladder,
    freeLadder: cascadeSpec.freeLadder ?? ladder,
    ladderScope: cascadeSpec.ladderScope ?? 'spin',
    keep: symbols.map((s) => keep.has(s.id)),
    scatterCount: cascadeSpec.scatterCount ?? 'final',
  };
  return { ...game, cascade };
}

/** A hold-and-win feature for `format2`'s patch. */
export function holdAndWin(
  game: Game,
  spec: {
    readonly symbol: string;
    readonly count: number;
    readonly respins?: number;
    readonly maxRespins?: number;
    readonly coin: number;
    readonly blank: number;
    readonly values: readonly (readonly [number | string, number])[];
    readonly jackpots?: Readonly<Record<string, number>>;
    readonly fullGrid?: string;
    readonly unit?: number;
  },
): HoldAndWinFeature {
  const unit = spec.unit ?? game.betCredits;
  const jackpots = spec.jackpots ?? {};
  const values = weighted<CoinValue>(
    spec.values.map(([v, w]) => [
      typeof v === 'number'
        ? { kind: 'value', value: v, credits: v * unit }
        : { kind: 'jackpot', tier: v, credits: (jackpots[v] ?? 0) * unit },
      w,
    ]),
  );
  return {
    symbol: game.symbolIndex[spec.symbol]!,
    count: spec.count,
    respins: spec.respins ?? 3,
    maxRespins: spec.maxRespins ?? 100,
    coin: spec.coin,
    blank: spec.blank,
    values,
    jackpots: Object.fromEntries(Object.entries(jackpots).map(([k, v]) => [k, v * unit])),
    fullGrid:
      spec.fullGrid === undefined
        ? null
        : { tier: spec.fullGrid, credits: (jackpots[spec.fullGrid] ?? 0) * unit },
    paysPer: 'bet',
  };
}

/** Plays a format-2 round (the record). */
export function play2(game: Game, rng: Rng): RoundOutcomeV2 {
  return playRoundV2(game, rng);
}

/** `[reel, row]` cells of a cell list, for readable expectations. */
export function cellsOf(...cells: [number, number][]): [number, number][] {
  return cells;
}
