import type { Game, KindRule, ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { refuseFormat2Mechanics } from '../engine/classic.js';
import { cellsShowing, stopWeight, symbolAt } from './reel-stats.js';
import { waysCell } from './ways-combinations.js';

/**
 * A reel set compiled for enumerating its cycle: every per-stop fact the hot loop reads is a typed
 * array, built once per worker (as `sim/fast-game.ts` does for the simulator).
 */

/** Largest line pay table (symbols^reels entries) kept as a typed array; beyond it a Map caches. */
export const MAX_LINE_TABLE = 1 << 24;

/** Which cycle: the paid spin's (classes = free-spin award × bonus trigger) or a free spin's (classes = retrigger). */
export type CycleRole = 'base' | 'free';

export interface CycleTables {
  readonly game: Game;
  readonly role: CycleRole;
  readonly reelCount: number;
  readonly symbolCount: number;
  readonly lineCount: number;
  /** Per reel: strip length and per-stop weight (null: every stop weighs 1). */
  readonly lengths: Int32Array;
  readonly weights: readonly (Float64Array | null)[];
  /** Per reel: `[stop × lineCount + l]` = symbol on payline l, times symbols^reel (a line-index digit). */
  readonly lineDigit: readonly Int32Array[];
  /** Per reel: `[stop × lineCount + l]` = symbol on payline l. */
  readonly lineSymbol: readonly Uint8Array[];
  /** symbols^(reels−1): the place value of the last reel's digit. */
  readonly lastPlace: number;
  /** Symbols that the last reel shows anywhere (a settled prefix pays the same for each of them). */
  readonly lastSymbols: Int32Array;
  /** Ways games: per reel `[stop × rules + i]` = nⱼ and mⱼ; per rule its pays by run length. */
  readonly waysRules: readonly KindRule[];
  readonly waysN: readonly Float64Array[];
  readonly waysM: readonly Float64Array[];
  readonly waysPays: readonly Float64Array[];
  /** Per reel: cells of the scatter / free-spin symbol / bonus "anywhere" symbol at each stop. */
  readonly scatterCells: readonly Uint8Array[];
  readonly freeSpinsCells: readonly Uint8Array[];
  readonly bonusCells: readonly Uint8Array[];
  /** Scatter credits by count (length reels × rows + 1). */
  readonly scatterPay: Float64Array;
  /** Class of a spin by its count of free-spin symbol cells (award or retrigger class). */
  readonly classOfCount: Int32Array;
  /** The spins each class awards (base: cut to maxSpins) or adds (free: before the cut). */
  readonly classSpins: readonly number[];
  /** Base cycle with a bonus: classes are doubled, odd = bonus triggered. */
  readonly bonusKind: 'none' | 'anywhere' | 'line';
  readonly bonusCount: number;
  readonly bonusSymbol: number;
  /** Number of classes (award classes × 2 with a bonus). */
  readonly classes: number;
  /** An upper bound on one spin's win in credits (for sizing the histogram). */
  readonly maxWinBound: number;
}

function perStop<T>(
  set: ReelSet,
  make: (length: number) => T,
  fill: (table: T, reelIndex: number, stop: number) => void,
): T[] {
  return set.reels.map((reel, r) => {
    const table = make(reel.strip.length);
    for (let stop = 0; stop < reel.strip.length; stop++) fill(table, r, stop);
    return table;
  });
}

function cellTables(game: Game, set: ReelSet, symbol: number | null): Uint8Array[] {
  return perStop(
    set,
    (length) => new Uint8Array(length),
    (table, r, stop) => {
      table[stop] = symbol === null ? 0 : cellsShowing(set.reels[r]!, stop, game.rows, symbol);
    },
  );
}

/** The distinct spins a count of free-spin cells gives (sorted, 0 first) and each count's class. */
function spinClasses(game: Game, role: CycleRole): { classOfCount: Int32Array; classSpins: number[] } {
  const cells = game.reels * game.rows + 1;
  const feature = game.freeSpins;
  const spinsOf = (c: number): number => {
    if (feature === null) return 0;
    return role === 'base' ? Math.min(feature.awards[c] ?? 0, feature.maxSpins) : (feature.retrigger[c] ?? 0);
  };
  const classSpins = [...new Set([0, ...Array.from({ length: cells }, (_, c) => spinsOf(c))])].sort(
    (a, b) => a - b,
  );
  return {
    classOfCount: Int32Array.from({ length: cells }, (_, c) => classSpins.indexOf(spinsOf(c))),
    classSpins,
  };
}

export function compileCycle(game: Game, role: CycleRole): CycleTables {
  refuseFormat2Mechanics(game, 'the full-cycle enumeration');
  const set = role === 'base' ? game.baseReelSet : game.freeSpins!.reelSet;
  const symbolCount = game.symbols.length;
  if (symbolCount > 255)
    throw new SlotsimError('BAD_INPUT', 'the cycle enumeration supports at most 255 symbols');
  if (game.evaluation === 'lines' && symbolCount ** set.reels.length > 2 ** 31 - 1) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${symbolCount} symbols on ${set.reels.length} reels are too many line combinations to index (symbols^reels must stay below 2^31)`,
    );
  }
  const lineCount = game.paylines.length;
  const reelCount = set.reels.length;
  const waysRules =
    game.evaluation === 'ways' ? game.pays.filter((rule): rule is KindRule => rule.kind === 'kind') : [];
  const ruleCount = waysRules.length;

  const lineSymbol = perStop(
    set,
    (length) => new Uint8Array(length * lineCount),
    (table, r, stop) => {
      game.paylines.forEach((payline, l) => {
        table[stop * lineCount + l] = symbolAt(set.reels[r]!, stop, payline[r]!);
      });
    },
  );
  const lineDigit = lineSymbol.map((symbols, r) => Int32Array.from(symbols, (s) => s * symbolCount ** r));
  // Doubles: a count with wild multipliers, a pay and a scatter pay can pass 2^31 (exact to 2^53).
  const waysN: Float64Array[] = [];
  const waysM: Float64Array[] = [];
  set.reels.forEach((reel) => {
    const n = new Float64Array(reel.strip.length * ruleCount);
    const m = new Float64Array(reel.strip.length * ruleCount);
    for (let stop = 0; stop < reel.strip.length; stop++) {
      waysRules.forEach((rule, i) => {
        const cell = waysCell(game, rule, reel, stop);
        n[stop * ruleCount + i] = cell.n;
        m[stop * ruleCount + i] = cell.m;
      });
    }
    waysN.push(n);
    waysM.push(m);
  });

  const cells = game.reels * game.rows + 1;
  const scatterPay = new Float64Array(cells);
  if (game.scatter !== null) for (let c = 0; c < cells; c++) scatterPay[c] = game.scatter.pays[c] ?? 0;
  const { classOfCount, classSpins } = spinClasses(game, role);
  const trigger = role === 'base' ? (game.bonus?.trigger ?? null) : null;
  const bonusKind = trigger === null ? 'none' : trigger.kind;

  // A bound on one spin's win: every line (or rule) at its largest possible pay, plus the scatter.
  const maxMultiplier = Math.max(1, ...game.symbols.map((s) => s.multiplier));
  let payBound: number;
  if (game.evaluation === 'lines') {
    const best = Math.max(
      0,
      ...game.pays.map(
        (rule) => (rule.kind === 'kind' ? Math.max(0, ...rule.pays) : rule.pay) * maxMultiplier ** game.reels,
      ),
    );
    payBound = best * lineCount;
  } else {
    const maxCells = game.rows * maxMultiplier;
    payBound = waysRules.reduce((acc, rule) => acc + Math.max(0, ...rule.pays) * maxCells ** game.reels, 0);
  }
  const lastReel = set.reels[reelCount - 1]!;

  return {
    game,
    role,
    reelCount,
    symbolCount,
    lineCount,
    lengths: Int32Array.from(set.reels, (reel) => reel.strip.length),
    weights: set.reels.map((reel) =>
      reel.weights === null ? null : Float64Array.from(reel.strip, (_, stop) => stopWeight(reel, stop)),
    ),
    lineDigit,
    lineSymbol,
    lastPlace: symbolCount ** (reelCount - 1),
    lastSymbols: Int32Array.from(new Set(lastReel.strip)),
    waysRules,
    waysN,
    waysM,
    waysPays: waysRules.map((rule) =>
      Float64Array.from({ length: reelCount + 1 }, (_, k) => rule.pays[k] ?? 0),
    ),
    scatterCells: cellTables(game, set, game.scatter?.symbol ?? null),
    freeSpinsCells: cellTables(game, set, game.freeSpins?.symbol ?? null),
    bonusCells: cellTables(game, set, trigger?.kind === 'anywhere' ? trigger.symbol : null),
    scatterPay,
    classOfCount,
    classSpins,
    bonusKind,
    bonusCount: trigger?.count ?? 0,
    bonusSymbol: trigger?.symbol ?? -1,
    classes: classSpins.length * (bonusKind === 'none' ? 1 : 2),
    maxWinBound: payBound + Math.max(0, ...scatterPay),
  };
}
