/**
 * The space a format-2 spin is enumerated over: per reel its column states — a (height, stop)
 * pair, weighted by the height's weight × the stop's weight, the draws that select it — and the
 * value draws that may follow, grouped by their bound.
 *
 * A spin's draws are: the heights (with `grid.heights`), the stops, then only value draws (with
 * `"strip"` refills a cascade draws nothing else; `"redraw"` spins are not enumerated). A value draw
 * `rng.int(T)` picks the entry of the drawn cell's table whose cumulative range holds it. The
 * enumeration does not know which cell a draw is for, only its bound, so per bound it serves one
 * representative draw per segment of the union of the breakpoints of every table of that total,
 * weighted by the segment's length: whichever table is being drawn, each representative selects one
 * of its entries and the weights of an entry's representatives add up to its own weight.
 */
import type { Game, ReelSet, WeightedList } from '../../engine/model.js';

/** One reel's column states, `j = heightIndex × strip length + stop`. */
export interface ReelStates {
  readonly count: number;
  readonly weights: Float64Array;
  /** The draw that selects the state's height (unused without heights) and its stop. */
  readonly heightDraw: Float64Array;
  readonly stopDraw: Float64Array;
  /** Rows the state shows. */
  readonly rows: Int32Array;
  readonly stops: Int32Array;
}

/** The representatives of every value draw of one bound. */
export interface ValueBound {
  readonly total: number;
  readonly draws: Float64Array;
  readonly weights: Float64Array;
}

export interface SpinSpace {
  readonly reels: readonly ReelStates[];
  /** Π column states: the stop (and height) combinations. */
  readonly combinations: number;
  /** Π Σ weights: the cycle, as a bigint. */
  readonly cycle: bigint;
  readonly heights: boolean;
  /** The distinct bounds of the game's value tables, ascending. */
  readonly valueBounds: readonly ValueBound[];
}

function weightOf(list: { readonly cumulative: readonly number[] }, i: number): number {
  return list.cumulative[i]! - (i === 0 ? 0 : list.cumulative[i - 1]!);
}

function startOf(cumulative: readonly number[], i: number): number {
  return i === 0 ? 0 : cumulative[i - 1]!;
}

/** Every value table of a game (random-multiplier wilds, multiplier symbols). */
export function valueTables(game: Game): WeightedList<number>[] {
  const tables: WeightedList<number>[] = [];
  for (const s of game.symbols) {
    const t = s.multiplierDraw ?? s.multiplierSymbol;
    if (t !== null) tables.push(t);
  }
  return tables;
}

export function valueBounds(game: Game): ValueBound[] {
  const byTotal = new Map<number, Set<number>>();
  for (const t of valueTables(game)) {
    let starts = byTotal.get(t.total);
    if (starts === undefined) {
      starts = new Set();
      byTotal.set(t.total, starts);
    }
    for (let i = 0; i < t.items.length; i++) starts.add(startOf(t.cumulative, i));
  }
  return [...byTotal]
    .sort((a, b) => a[0] - b[0])
    .map(([total, set]) => {
      const draws = Float64Array.from([...set].sort((a, b) => a - b));
      const weights = Float64Array.from(draws, (d, i) => (i + 1 < draws.length ? draws[i + 1]! : total) - d);
      return { total, draws, weights };
    });
}

export function spinSpace(game: Game, set: ReelSet): SpinSpace {
  const heights = game.heights;
  const reels = set.reels.map((reel, r): ReelStates => {
    const L = reel.strip.length;
    const hList = heights?.[r] ?? null;
    const H = hList === null ? 1 : hList.items.length;
    const count = H * L;
    const weights = new Float64Array(count);
    const heightDraw = new Float64Array(count);
    const stopDraw = new Float64Array(count);
    const rows = new Int32Array(count);
    const stops = new Int32Array(count);
    for (let h = 0; h < H; h++) {
      const hw = hList === null ? 1 : weightOf(hList, h);
      for (let s = 0; s < L; s++) {
        const j = h * L + s;
        weights[j] = hw * (reel.weights === null ? 1 : reel.weights[s]!);
        heightDraw[j] = hList === null ? 0 : startOf(hList.cumulative, h);
        stopDraw[j] = reel.cumulative === null ? s : startOf(reel.cumulative, s);
        rows[j] = hList === null ? game.rows : hList.items[h]!;
        stops[j] = s;
      }
    }
    return { count, weights, heightDraw, stopDraw, rows, stops };
  });
  let combinations = 1;
  let cycle = 1n;
  for (const [r, states] of reels.entries()) {
    combinations *= states.count;
    const reel = set.reels[r]!;
    const hTotal = heights?.[r]?.total ?? 1;
    cycle *= BigInt(reel.drawBound) * BigInt(hTotal);
  }
  return { reels, combinations, cycle, heights: heights !== null, valueBounds: valueBounds(game) };
}

/**
 * A weighted list with the same mean on two points: its smallest value a and largest b, weighted
 * b·T − P and P − a·T (T the total weight, P = Σ weight × value), reduced; the list itself when
 * every value is the same. A win that is linear in each value (format-2 ruling 35) has the same
 * expectation under it, and two branches per value-carrying cell are cheaper to enumerate.
 */
export function twoPointList(list: WeightedList<number>): WeightedList<number> {
  const a = Math.min(...list.items);
  const b = Math.max(...list.items);
  if (a === b) return { items: [a], cumulative: [1], total: 1 };
  let T = 0n;
  let P = 0n;
  list.items.forEach((v, i) => {
    const w = BigInt(weightOf(list, i));
    T += w;
    P += w * BigInt(v);
  });
  let wa = BigInt(b) * T - P;
  let wb = P - BigInt(a) * T;
  let x = wa;
  let y = wb;
  while (y !== 0n) [x, y] = [y, x % y];
  wa /= x;
  wb /= x;
  if (wa + wb > BigInt(Number.MAX_SAFE_INTEGER)) return list;
  return { items: [a, b], cumulative: [Number(wa), Number(wa + wb)], total: Number(wa + wb) };
}

/** The game with every value table replaced by its two-point list (see `twoPointList`). */
export function twoPointGame(game: Game): Game {
  return {
    ...game,
    symbols: game.symbols.map((s) => ({
      ...s,
      multiplierDraw: s.multiplierDraw === null ? null : twoPointList(s.multiplierDraw),
      multiplierSymbol: s.multiplierSymbol === null ? null : twoPointList(s.multiplierSymbol),
    })),
  };
}
