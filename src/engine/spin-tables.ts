/**
 * A format-2 game's lookup tables for the spin player and the pay mechanics: the compiled `Game`
 * turned into typed arrays once (per game, on first use), so the hot loops read flat arrays and
 * never a `Map` or a nested object.
 */
import type { Game, Ladder, PatternRule, Reel, ReelSet, WeightedList } from './model.js';

/** A numeric weighted table: `rng.int(total)`, then the first i with draw < cumulative[i]. */
export interface DrawTable {
  readonly items: Float64Array;
  readonly cumulative: Float64Array;
  readonly total: number;
  /**
   * The item every draw selects (`byDraw[draw]`), when the total is at most `BY_DRAW_MAX`: one load
   * instead of a search whose exit the processor cannot predict. Null for larger totals.
   */
  readonly byDraw: Float64Array | null;
}

/** The largest total a `DrawTable` keeps a `byDraw` table for (8 KiB). */
const BY_DRAW_MAX = 1024;

/** A reel set as flat arrays. */
export interface ReelTables {
  readonly name: string;
  readonly strips: readonly Int32Array[];
  /** Running sums of a weighted reel's weights, or null (the draw is the stop). */
  readonly cumulative: readonly (Float64Array | null)[];
  /** `rng.int(bounds[r])` draws reel r's stop. */
  readonly bounds: Float64Array;
}

/** A pattern rule (lines games) as flat arrays. */
export interface PatternTable {
  readonly rule: number;
  /** k, the positions of the pattern (reels 0 … k−1). */
  readonly length: number;
  /** `direct[j * S + s]`: symbol s matches position j as itself. */
  readonly direct: Uint8Array;
  /** `substitute[j * S + s]`: wild s matches position j by standing for a member. */
  readonly substitute: Uint8Array;
  /** Credits per line. */
  readonly pay: number;
}

/** A kind rule (`{ symbol, pays }`) as flat arrays. */
export interface KindTable {
  /** Position in the game's `pays`. */
  readonly rule: number;
  readonly symbol: number;
  /** The rule of a wild: its run or ways are made of that wild alone, never multiplied. */
  readonly wild: boolean;
  /** Credits by count (run length, reels, cluster size, n); 0: no entry. */
  readonly pays: Float64Array;
}

export interface SpinTables {
  readonly game: Game;
  readonly reels: number;
  readonly rows: number;
  readonly cellCount: number;
  readonly symbolCount: number;
  readonly wild: Uint8Array;
  /** `subst[w * S + x]`: wild w stands for x (never for a scatter, coin or multiplier symbol: ruling 15). */
  readonly subst: Uint8Array;
  /** The wild symbols, ascending. */
  readonly wilds: Int32Array;
  /** The value table a cell showing s draws from (random wild, multiplier symbol), or null. */
  readonly valueTable: readonly (DrawTable | null)[];
  /** `drawsValue[s]`: a cell showing s carries a drawn value. */
  readonly drawsValue: Uint8Array;
  /** A wild's fixed multiplier (1 for every other symbol). */
  readonly fixedMultiplier: Float64Array;
  readonly multiplierSymbol: Uint8Array;
  readonly expand: Uint8Array;
  readonly anyValue: boolean;
  readonly anyExpand: boolean;
  readonly anyMultiplierSymbol: boolean;
  /** `wildMultipliers: "sum"`. */
  readonly sum: boolean;
  /** The kind rules in `pays` order. */
  readonly kinds: readonly KindTable[];
  /** Lines: per symbol, the kind rules of that symbol (indexes into `kinds`), in `pays` order. */
  readonly kindsOfSymbol: readonly Int32Array[];
  /**
   * Per symbol s and count k (`s * countStride + k`): the best pay in credits among the kind rules
   * of s for k (0: none) and that rule's index in `pays` (the earliest on a tie). Every rule of one
   * symbol shares the run and its wilds, so the best one is the same whatever the multipliers.
   */
  readonly bestPay: Float64Array;
  readonly bestRule: Int32Array;
  /** `cellCount + 1`: counts run from 0 to the cells of the grid. */
  readonly countStride: number;
  /** `hasKind[s]`: symbol s has a kind rule. */
  readonly hasKind: Uint8Array;
  /** The smallest count any kind rule of s pays (`countStride` when none). */
  readonly minCount: Int32Array;
  /** The smallest count any kind rule pays (`countStride` when none). */
  readonly minKindCount: number;
  /**
   * Per symbol s, the symbols a cell showing s counts for as a bit set: s itself and, for a wild,
   * every symbol it stands for. Null with more than 31 symbols (a bit per symbol in an int32).
   */
  readonly countsFor: Int32Array | null;
  /** `neighbours[4c … 4c + 3]`: the cells sharing a side with c (up, down, left, right), −1 at an edge. */
  readonly neighbours: Int32Array;
  /** Lines: the pattern rules in `pays` order. */
  readonly patterns: readonly PatternTable[];
  /** Lines: `lineCells[l * reels + r]` is the cell of payline l on reel r. */
  readonly lineCells: Int32Array;
  readonly lineCount: number;
  /** The symbol id of every symbol, and the label of every rule (symbol id or pattern labels). */
  readonly symbolIds: readonly string[];
  readonly ruleLabels: readonly string[];
  /** Per reel the table its height is drawn from (items: rows), or null. */
  readonly heights: readonly DrawTable[] | null;
  /** `keep[s]`: a cascade never removes a cell showing s. */
  readonly keep: Uint8Array;
  /** The scatter symbol (−1 without `scatter`) and its pays in credits by count. */
  readonly scatterSymbol: number;
  readonly scatterPays: Float64Array;
  /** The free-spin trigger symbol (−1 without `freeSpins`). */
  readonly triggerSymbol: number;
  /** Free-spin awards by count: fixed spins (0: none) and drawn tables (null: none), trigger then retrigger. */
  readonly awardFixed: Float64Array;
  readonly awardDraw: readonly (DrawTable | null)[];
  readonly retriggerFixed: Float64Array;
  readonly retriggerDraw: readonly (DrawTable | null)[];
  /** The bonus's `anywhere` trigger symbol, or −1. */
  readonly bonusSymbol: number;
  /** The hold-and-win trigger symbol, or −1. */
  readonly coinSymbol: number;
}

const tablesByGame = new WeakMap<Game, SpinTables>();
const reelTablesBySet = new WeakMap<ReelSet, ReelTables>();

export function drawTable(list: WeightedList<number>): DrawTable {
  const items = Float64Array.from(list.items);
  const cumulative = Float64Array.from(list.cumulative);
  let byDraw: Float64Array | null = null;
  if (list.total <= BY_DRAW_MAX) {
    byDraw = new Float64Array(list.total);
    for (let draw = 0; draw < list.total; draw++) byDraw[draw] = items[entryOf(cumulative, draw)]!;
  }
  return { items, cumulative, total: list.total, byDraw };
}

/** The entry a draw selects: the first i with draw < cumulative[i]. */
export function entryOf(cumulative: Float64Array, draw: number): number {
  let i = 0;
  while (draw >= cumulative[i]!) i++;
  return i;
}

/** The stop of a weighted reel's draw: binary search of its running sums. */
export function stopOf(cumulative: Float64Array | null, draw: number): number {
  if (cumulative === null) return draw;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (draw < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function reelTablesOf(set: ReelSet): ReelTables {
  let tables = reelTablesBySet.get(set);
  if (tables === undefined) {
    tables = {
      name: set.name,
      strips: set.reels.map((reel: Reel) => Int32Array.from(reel.strip)),
      cumulative: set.reels.map((reel: Reel) =>
        reel.cumulative === null ? null : Float64Array.from(reel.cumulative),
      ),
      bounds: Float64Array.from(set.reels.map((reel: Reel) => reel.drawBound)),
    };
    reelTablesBySet.set(set, tables);
  }
  return tables;
}

/** The ladder's factor for cascade count c: entry c (the last repeating) or min(start + step·c, max). */
export function ladderAt(ladder: Ladder, c: number): number {
  switch (ladder.kind) {
    case 'list': {
      const values = ladder.values;
      return values[c < values.length ? c : values.length - 1]!;
    }
    case 'linear':
      return Math.min(ladder.start + ladder.step * c, ladder.max);
    default: {
      const unknown: never = ladder;
      throw new Error(`unknown ladder ${String(unknown)}`);
    }
  }
}

export function spinTablesOf(game: Game): SpinTables {
  let tables = tablesByGame.get(game);
  if (tables === undefined) {
    tables = buildSpinTables(game);
    tablesByGame.set(game, tables);
  }
  return tables;
}

function patternTable(rule: PatternRule, S: number): PatternTable {
  const length = rule.direct.length;
  const direct = new Uint8Array(length * S);
  const substitute = new Uint8Array(length * S);
  for (let j = 0; j < length; j++) {
    for (let s = 0; s < S; s++) {
      direct[j * S + s] = rule.direct[j]![s]! ? 1 : 0;
      substitute[j * S + s] = rule.substitute[j]![s]! ? 1 : 0;
    }
  }
  return { rule: rule.index, length, direct, substitute, pay: rule.pay };
}

function neighboursOf(reels: number, rows: number): Int32Array {
  const table = new Int32Array(reels * rows * 4).fill(-1);
  for (let reel = 0; reel < reels; reel++) {
    for (let row = 0; row < rows; row++) {
      const c = reel * rows + row;
      if (row > 0) table[4 * c] = c - 1;
      if (row < rows - 1) table[4 * c + 1] = c + 1;
      if (reel > 0) table[4 * c + 2] = c - rows;
      if (reel < reels - 1) table[4 * c + 3] = c + rows;
    }
  }
  return table;
}

/** `SpinTables.countsFor` (S ≤ 31). */
function countsForOf(wild: Uint8Array, subst: Uint8Array, S: number): Int32Array {
  const table = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    let bits = 1 << s;
    if (wild[s] === 1) for (let x = 0; x < S; x++) if (subst[s * S + x] === 1) bits |= 1 << x;
    table[s] = bits;
  }
  return table;
}

/** Builds the tables of `game` (uncached: `spinTablesOf` keeps one per game). */
export function buildSpinTables(game: Game): SpinTables {
  const symbols = game.symbols;
  const S = symbols.length;
  const wild = Uint8Array.from(symbols, (s) => (s.wild ? 1 : 0));
  const subst = new Uint8Array(S * S);
  for (let w = 0; w < S; w++) {
    for (let x = 0; x < S; x++) {
      const target = symbols[x]!;
      const stands =
        wild[w] === 1 &&
        game.substitutes[w]![x]! &&
        !target.wild &&
        !target.scatter &&
        !target.coin &&
        target.multiplierSymbol === null;
      subst[w * S + x] = stands ? 1 : 0;
    }
  }
  const valueTable = symbols.map((s) => {
    const list = s.multiplierDraw ?? s.multiplierSymbol;
    return list === null ? null : drawTable(list);
  });
  const kinds: KindTable[] = [];
  const patterns: PatternTable[] = [];
  const kindLists: number[][] = symbols.map(() => []);
  for (const rule of game.pays) {
    if (rule.kind === 'kind') {
      kindLists[rule.symbol]!.push(kinds.length);
      kinds.push({
        rule: rule.index,
        symbol: rule.symbol,
        wild: rule.wild,
        pays: Float64Array.from(rule.pays),
      });
    } else {
      patterns.push(patternTable(rule, S));
    }
  }
  const reels = game.reels;
  const rows = game.rows;
  const countStride = reels * rows + 1;
  const bestPay = new Float64Array(S * countStride);
  const bestRule = new Int32Array(S * countStride).fill(-1);
  for (const kind of kinds) {
    for (let k = 0; k < countStride; k++) {
      const pay = kind.pays[k] ?? 0;
      const at = kind.symbol * countStride + k;
      if (pay > bestPay[at]!) {
        bestPay[at] = pay;
        bestRule[at] = kind.rule;
      }
    }
  }
  const lineCells = new Int32Array(game.paylines.length * reels);
  game.paylines.forEach((line, l) => {
    for (let r = 0; r < reels; r++) lineCells[l * reels + r] = r * rows + line[r]!;
  });
  const keep = new Uint8Array(S);
  if (game.cascade !== null) for (let s = 0; s < S; s++) keep[s] = game.cascade.keep[s] === true ? 1 : 0;
  const drawsValue = Uint8Array.from(valueTable, (t) => (t === null ? 0 : 1));
  const minCount = Int32Array.from(symbols, (_, sym) => {
    for (let k = 0; k < countStride; k++) if (bestPay[sym * countStride + k]! > 0) return k;
    return countStride;
  });
  const fs = game.freeSpins;
  return {
    game,
    reels,
    rows,
    cellCount: reels * rows,
    symbolCount: S,
    wild,
    subst,
    wilds: Int32Array.from(symbols.filter((s) => s.wild).map((s) => s.index)),
    valueTable,
    drawsValue,
    fixedMultiplier: Float64Array.from(symbols, (s) =>
      s.wild && s.multiplierDraw === null ? s.multiplier : 1,
    ),
    multiplierSymbol: Uint8Array.from(symbols, (s) => (s.multiplierSymbol === null ? 0 : 1)),
    expand: Uint8Array.from(symbols, (s) => (s.wild && s.expand ? 1 : 0)),
    anyValue: drawsValue.includes(1),
    anyExpand: symbols.some((s) => s.wild && s.expand),
    anyMultiplierSymbol: symbols.some((s) => s.multiplierSymbol !== null),
    sum: game.wildMultipliers === 'sum',
    kinds,
    kindsOfSymbol: kindLists.map((list) => Int32Array.from(list)),
    bestPay,
    bestRule,
    countStride,
    hasKind: Uint8Array.from(kindLists, (list) => (list.length > 0 ? 1 : 0)),
    minCount,
    minKindCount: Math.min(countStride, ...minCount),
    countsFor: S > 31 ? null : countsForOf(wild, subst, S),
    neighbours: neighboursOf(reels, rows),
    patterns,
    lineCells,
    lineCount: game.paylines.length,
    symbolIds: symbols.map((s) => s.id),
    ruleLabels: game.pays.map((r) => (r.kind === 'kind' ? symbols[r.symbol]!.id : r.labels.join(','))),
    heights: game.heights === null ? null : game.heights.map(drawTable),
    keep,
    scatterSymbol: game.scatter?.symbol ?? -1,
    scatterPays: Float64Array.from(game.scatter?.pays ?? []),
    triggerSymbol: fs?.symbol ?? -1,
    awardFixed: Float64Array.from(fs?.awards ?? []),
    awardDraw: (fs?.awardDraws ?? []).map((list) => (list === null ? null : drawTable(list))),
    retriggerFixed: Float64Array.from(fs?.retrigger ?? []),
    retriggerDraw: (fs?.retriggerDraws ?? []).map((list) => (list === null ? null : drawTable(list))),
    bonusSymbol: game.bonus?.trigger.kind === 'anywhere' ? game.bonus.trigger.symbol : -1,
    coinSymbol: game.holdAndWin?.symbol ?? -1,
  };
}
