import { bestLineMatch } from '../engine/lines.js';
import type { DetailCombination, DetailCombinationCount, DetailGroup } from './detail-types.js';
import type { FastGame } from './fast-game.js';

/** "No paying combination". */
const NONE = -1;
/** Line-table entry not computed yet. */
const UNKNOWN = -2;

interface GroupSpec {
  readonly kind: DetailGroup['kind'];
  /** Ways groups: the index into `fast.waysRules`. */
  readonly waysIndex: number;
}

/**
 * The paying combinations of one compiled game, numbered as they are met, with the lookup tables
 * that sort a spin into them. Built once per worker and game (it caches line results), shared by
 * the chunks' classifiers.
 */
class CombinationRegistry {
  readonly fast: FastGame;
  readonly combinations: DetailCombination[] = [];
  private readonly ids = new Map<string, number>();
  /** Symbol combination of a line → combination id (NONE, or UNKNOWN until computed). */
  private readonly lineTable: Int32Array | null;
  private readonly lineCache = new Map<string, number>();
  /** Per ways rule: the combination id of each run length (NONE when it does not pay). */
  readonly waysIds: Int32Array[];
  /** Scatter count → combination id. */
  readonly scatterIds: Int32Array | null;
  readonly groups: GroupSpec[] = [];

  constructor(fast: FastGame) {
    this.fast = fast;
    const game = fast.game;
    this.lineTable = fast.linePay === null ? null : new Int32Array(fast.linePay.length).fill(UNKNOWN);
    this.waysIds = fast.waysRules.map((rule, i) =>
      Int32Array.from(fast.waysPays[i]!, (pay, count) =>
        pay > 0 && count > 0 ? this.idOf({ kind: 'ways', rule: rule.index, count, multiplier: 1 }) : NONE,
      ),
    );
    const scatter = game.scatter;
    this.scatterIds =
      scatter === null
        ? null
        : Int32Array.from(scatter.pays, (pay, count) =>
            pay > 0 ? this.idOf({ kind: 'scatter', rule: null, count, multiplier: 1 }) : NONE,
          );
    if (game.evaluation === 'lines') {
      if (fast.lineCount > 0 && game.pays.length > 0) this.groups.push({ kind: 'lines', waysIndex: -1 });
    } else {
      this.waysIds.forEach((ids, i) => {
        if (ids.some((id) => id !== NONE)) this.groups.push({ kind: 'ways', waysIndex: i });
      });
    }
    if (this.scatterIds?.some((id) => id !== NONE) === true) {
      this.groups.push({ kind: 'scatter', waysIndex: -1 });
    }
  }

  private idOf(combination: DetailCombination): number {
    const key = `${combination.kind}:${combination.rule}:${combination.count}:${combination.multiplier}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.combinations.length;
      this.ids.set(key, id);
      this.combinations.push(combination);
    }
    return id;
  }

  /**
   * The combination id of a line whose symbols are encoded in `code` (as `fast-round.ts` encodes
   * them: games with a line-pay table, whose codes stay below 2^24).
   */
  lineId(code: number): number {
    const table = this.lineTable!;
    let id = table[code]!;
    if (id !== UNKNOWN) return id;
    const symbols: number[] = [];
    let rest = code;
    for (let r = 0; r < this.fast.game.reels; r++) {
      symbols.push(rest % this.fast.symbolCount);
      rest = Math.floor(rest / this.fast.symbolCount);
    }
    id = this.matchId(symbols);
    table[code] = id;
    return id;
  }

  /** The combination id of a line given its symbols (games without a line-pay table). */
  lineIdOf(symbols: readonly number[]): number {
    const key = symbols.join(',');
    let id = this.lineCache.get(key);
    if (id === undefined) {
      id = this.matchId(symbols);
      this.lineCache.set(key, id);
    }
    return id;
  }

  private matchId(symbols: readonly number[]): number {
    const match = bestLineMatch(this.fast.game, symbols);
    return match === null || match.win === 0
      ? NONE
      : this.idOf({ kind: 'line', rule: match.rule, count: match.count, multiplier: match.multiplier });
  }
}

const registries = new WeakMap<FastGame, CombinationRegistry>();

function registryOf(fast: FastGame): CombinationRegistry {
  let registry = registries.get(fast);
  if (registry === undefined) {
    registry = new CombinationRegistry(fast);
    registries.set(fast, registry);
  }
  return registry;
}

/**
 * Sorts paid spins (given their stops) into the PAR table's paying combinations, on the fast
 * path's compiled tables: each payline's combination (the engine's `bestLineMatch`, cached per
 * symbol combination), each ways rule's (rule, reels), the scatter count. Counts every occurrence
 * (`all`) and, for the χ² test, one sampled trial per spin (see `DetailGroup`).
 */
export class SpinClassifier {
  private readonly fast: FastGame;
  private readonly registry: CombinationRegistry;
  private readonly all: number[] = [];
  private readonly sampled: number[] = [];
  private readonly index: Int32Array;
  private readonly trials: number[];

  constructor(fast: FastGame) {
    this.fast = fast;
    this.registry = registryOf(fast);
    this.index = new Int32Array(fast.lineCount);
    this.trials = this.registry.groups.map(() => 0);
  }

  private waysId(waysIndex: number, stops: Int32Array): number {
    const set = this.fast.base;
    const ruleCount = this.fast.waysRules.length;
    let all = 1;
    let wild = 1;
    let run = 0;
    for (; run < set.reelCount; run++) {
      const at = stops[run]! * ruleCount + waysIndex;
      const n = set.waysN[run]![at]!;
      if (n === 0) break;
      all *= n;
      wild *= set.waysM[run]![at]!;
    }
    return all - wild > 0 ? this.registry.waysIds[waysIndex]![run]! : NONE;
  }

  private scatterId(stops: Int32Array): number {
    const ids = this.registry.scatterIds;
    if (ids === null) return NONE;
    const tables = this.fast.base.scatterCount;
    let n = 0;
    for (let r = 0; r < tables.length; r++) n += tables[r]![stops[r]!]!;
    return ids[n]!;
  }

  private count(id: number, sampled: boolean): void {
    if (id === NONE) return;
    while (this.all.length <= id) {
      this.all.push(0);
      this.sampled.push(0);
    }
    this.all[id]!++;
    if (sampled) this.sampled[id]!++;
  }

  /** Classifies the paid spin of round `i` of the chunk. */
  record(stops: Int32Array, i: number): void {
    const fast = this.fast;
    const set = fast.base;
    const groups = this.registry.groups;
    const g = groups.length === 0 ? -1 : i % groups.length;
    const group = g < 0 ? null : groups[g]!;
    if (g >= 0) this.trials[g]!++;
    if (fast.game.evaluation === 'lines') {
      const lineCount = fast.lineCount;
      const sampledLine = group?.kind === 'lines' ? Math.floor(i / groups.length) % lineCount : -1;
      if (fast.linePay === null) {
        // Too many symbol combinations for a code below 2^31: the line's symbols themselves.
        const symbols = new Array<number>(set.reelCount);
        for (let l = 0; l < lineCount; l++) {
          for (let r = 0; r < set.reelCount; r++)
            symbols[r] = set.lineSymbols[r]![stops[r]! * lineCount + l]!;
          this.count(this.registry.lineIdOf(symbols), l === sampledLine);
        }
      } else {
        const index = this.index;
        index.fill(0);
        for (let r = set.reelCount - 1; r >= 0; r--) {
          const symbols = set.lineSymbols[r]!;
          const base = stops[r]! * lineCount;
          for (let l = 0; l < lineCount; l++) index[l] = index[l]! * fast.symbolCount + symbols[base + l]!;
        }
        for (let l = 0; l < lineCount; l++) this.count(this.registry.lineId(index[l]!), l === sampledLine);
      }
    } else {
      for (let w = 0; w < fast.waysRules.length; w++) {
        this.count(this.waysId(w, stops), group?.kind === 'ways' && group.waysIndex === w);
      }
    }
    this.count(this.scatterId(stops), group?.kind === 'scatter');
  }

  counts(): DetailCombinationCount[] {
    return this.all.flatMap((all, id) =>
      all > 0 ? [{ ...this.registry.combinations[id]!, all, sampled: this.sampled[id]! }] : [],
    );
  }

  groupTrials(): DetailGroup[] {
    return this.registry.groups.map((group, g) => ({
      kind: group.kind,
      rule: group.kind === 'ways' ? this.fast.waysRules[group.waysIndex]!.index : null,
      trials: this.trials[g]!,
    }));
  }
}
