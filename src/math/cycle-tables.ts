import { refuseFormat2Mechanics } from '../engine/classic.js';
import type { CyclePays } from '../engine/mechanics/cycle-form.js';
import { payMechanic } from '../engine/mechanics/registry.js';
import type { Game, ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { cellsShowing, stopWeight, symbolAt } from './reel-stats.js';

/**
 * A reel set compiled for enumerating its cycle: every per-stop fact the hot loop reads is a typed
 * array, built once per worker (as `sim/fast-game.ts` does for the simulator).
 */

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
  /** Per reel: `[stop × lineCount + l]` = symbol on payline l (a bonus `line` trigger reads it). */
  readonly lineSymbol: readonly Uint8Array[];
  /** The pay mechanic's full-cycle form on this reel set: what each window pays. */
  readonly pays: CyclePays;
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

/** Why the cycles of `set` cannot be enumerated, by its pay mechanic's full-cycle form, or null. */
export function cycleProblem(game: Game, set: ReelSet): string | null {
  const form = payMechanic(game.evaluation).fullCycle;
  if (form === null) return `the full-cycle enumeration has no form for "${game.evaluation}" games yet`;
  return form.problem(game, set);
}

export function compileCycle(game: Game, role: CycleRole): CycleTables {
  refuseFormat2Mechanics(game, 'the full-cycle enumeration');
  const set = role === 'base' ? game.baseReelSet : game.freeSpins!.reelSet;
  const symbolCount = game.symbols.length;
  if (symbolCount > 255)
    throw new SlotsimError('BAD_INPUT', 'the cycle enumeration supports at most 255 symbols');
  const problem = cycleProblem(game, set);
  if (problem !== null) throw new SlotsimError('BAD_INPUT', problem);
  const form = payMechanic(game.evaluation).fullCycle!;
  const lineCount = game.paylines.length;
  const reelCount = set.reels.length;

  const lineSymbol = perStop(
    set,
    (length) => new Uint8Array(length * lineCount),
    (table, r, stop) => {
      game.paylines.forEach((payline, l) => {
        table[stop * lineCount + l] = symbolAt(set.reels[r]!, stop, payline[r]!);
      });
    },
  );
  const pays = form.compile(game, set);

  const cells = game.reels * game.rows + 1;
  const scatterPay = new Float64Array(cells);
  if (game.scatter !== null) for (let c = 0; c < cells; c++) scatterPay[c] = game.scatter.pays[c] ?? 0;
  const { classOfCount, classSpins } = spinClasses(game, role);
  const trigger = role === 'base' ? (game.bonus?.trigger ?? null) : null;
  const bonusKind = trigger === null ? 'none' : trigger.kind;

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
    lineSymbol,
    pays,
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
    maxWinBound: pays.payBound + Math.max(0, ...scatterPay),
  };
}
