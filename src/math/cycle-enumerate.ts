import { bestLineMatch } from '../engine/lines.js';
import { spinPaysBound } from '../game/win-bounds.js';
import type { CycleRole, CycleTables } from './cycle-tables.js';
import { MAX_LINE_TABLE } from './cycle-tables.js';

/**
 * The full-cycle hot loop: visits every stop combination of a reel set (or a range of its leading
 * reels' stops), evaluates the spin exactly as the engine does, and adds its weight to a histogram
 * of (win, class). Reels 0 … R−2 are walked depth first with each depth's line indexes, counts and
 * weight kept incrementally; the last reel is the innermost loop. Before that loop, every payline
 * whose pay no longer depends on the last reel is summed once, so the loop only reads the few
 * paylines still open. Weights multiply counts; a task's total weight stays below 2^53, so every
 * sum here is an exact double. `test/math/full-cycle.test.ts` checks it against the engine.
 */

export interface CycleTask {
  readonly role: CycleRole;
  /** The leading reels whose stops a prefix index fixes (row-major: the last of them varies fastest). */
  readonly split: number;
  /** Prefix indexes [from, to). */
  readonly from: number;
  readonly to: number;
  /** The base cycle's max-win cap in credits, or −1: spins winning more are listed with their parts. */
  readonly cap: number;
}

export interface CyclePart {
  readonly role: CycleRole;
  readonly from: number;
  /** [win, class, weight] triples in ascending (win, class) order; win in credits (no multiplier). */
  readonly histogram: Float64Array;
  /** [line or ways win, scatter win, weight] of every combination whose win passes `cap`. */
  readonly overCap: Float64Array;
  /** [line or ways win, weight] pairs in ascending order: the line/ways part alone, for its own variance. */
  readonly pays: Float64Array;
  /** Σ weight (the part of the cycle covered) and the stop combinations visited. */
  readonly weight: number;
  readonly combinations: number;
}

/** Largest dense histogram (win × classes + class); larger indexes go to a Map. */
const DENSE_LIMIT = 1 << 20;

/** The dense histogram, kept between tasks (all zero between them): allocating 8 MB a task costs more than the task. */
let denseScratch = new Float64Array(0);

/** The same for the histogram of line or ways wins alone. */
let payScratch = new Float64Array(0);

/** Drops the kept histograms (after an enumeration on the calling thread). */
export function releaseDenseHistogram(): void {
  denseScratch = new Float64Array(0);
  payScratch = new Float64Array(0);
}

function payHistogram(size: number): Float64Array {
  if (payScratch.length < size) payScratch = new Float64Array(size);
  return payScratch;
}

function denseHistogram(size: number): Float64Array {
  if (denseScratch.length < size) denseScratch = new Float64Array(size);
  return denseScratch;
}

/** Lazily filled pay tables of one reel set, reused across the tasks a worker runs. */
export interface LinePayCache {
  /**
   * Credits a line pays by its symbol index Σ sᵣ·S^r (−1: not computed yet): Int32Array, or
   * Float64Array when a line can pay 2^31 credits or more.
   */
  readonly table: Int32Array | Float64Array | null;
  readonly map: Map<number, number>;
  /**
   * By the index of reels 0 … R−2 alone: ≥ 0 the line pays that whatever the last reel shows,
   * −2 it depends on the last reel, −1 not computed yet.
   */
  readonly prefix: Int32Array | Float64Array | null;
  readonly prefixMap: Map<number, number>;
}

export function newLinePayCache(t: CycleTables): LinePayCache {
  const size = t.symbolCount ** t.reelCount;
  const prefixSize = t.lastPlace;
  const wide =
    t.lineCount > 0 &&
    spinPaysBound(t.game, t.role === 'base' ? t.game.baseReelSet : t.game.freeSpins!.reelSet) >= 2 ** 31 - 1;
  const make = (length: number): Int32Array | Float64Array =>
    (wide ? new Float64Array(length) : new Int32Array(length)).fill(-1);
  return {
    table: t.lineCount > 0 && size <= MAX_LINE_TABLE ? make(size) : null,
    map: new Map(),
    prefix: t.lineCount > 0 && prefixSize <= MAX_LINE_TABLE ? make(prefixSize) : null,
    prefixMap: new Map(),
  };
}

function computeLinePay(t: CycleTables, index: number): number {
  const line: number[] = [];
  let rest = index;
  for (let r = 0; r < t.reelCount; r++) {
    line.push(rest % t.symbolCount);
    rest = Math.floor(rest / t.symbolCount);
  }
  return bestLineMatch(t.game, line)?.win ?? 0;
}

function linePay(t: CycleTables, cache: LinePayCache, index: number): number {
  const table = cache.table;
  if (table !== null) {
    let pay = table[index]!;
    if (pay < 0) {
      pay = computeLinePay(t, index);
      table[index] = pay;
    }
    return pay;
  }
  let pay = cache.map.get(index);
  if (pay === undefined) {
    pay = computeLinePay(t, index);
    cache.map.set(index, pay);
  }
  return pay;
}

function prefixPay(t: CycleTables, cache: LinePayCache, prefixIndex: number): number {
  let state = cache.prefix !== null ? cache.prefix[prefixIndex]! : (cache.prefixMap.get(prefixIndex) ?? -1);
  if (state !== -1) return state;
  const symbols = t.lastSymbols;
  state = linePay(t, cache, prefixIndex + symbols[0]! * t.lastPlace);
  for (let i = 1; i < symbols.length; i++) {
    if (linePay(t, cache, prefixIndex + symbols[i]! * t.lastPlace) !== state) {
      state = -2;
      break;
    }
  }
  if (cache.prefix !== null) cache.prefix[prefixIndex] = state;
  else cache.prefixMap.set(prefixIndex, state);
  return state;
}

/** Enumerates the task's part of the cycle. */
export function enumerateCycle(t: CycleTables, cache: LinePayCache, task: CycleTask): CyclePart {
  const R = t.reelCount;
  const last = R - 1;
  const Lc = t.lineCount;
  const K = t.classes;
  const rules = t.waysRules.length;
  const ways = t.game.evaluation === 'ways';
  const bonusLine = t.bonusKind === 'line';
  const bonusAnywhere = t.bonusKind === 'anywhere';
  const bonusReels = Math.min(t.bonusCount, R);
  const withBonus = t.bonusKind !== 'none';
  const cap = task.cap;

  // Per slot (0 = empty prefix, d + 1 = after reel d): incremental state.
  const lineIdx = new Int32Array(R * Lc);
  const lineOk = new Uint8Array(R * Lc);
  const okCount = new Int32Array(R);
  const scat = new Int32Array(R);
  const fs = new Int32Array(R);
  const bon = new Int32Array(R);
  const wgt = new Float64Array(R);
  const all = new Float64Array(R * rules);
  const wild = new Float64Array(R * rules);
  const running = new Uint8Array(R * rules);
  const deadWin = new Float64Array(R);
  wgt[0] = 1;
  lineOk.fill(1, 0, Lc);
  okCount[0] = Lc;
  all.fill(1, 0, rules);
  wild.fill(1, 0, rules);
  running.fill(1, 0, rules);

  const denseSize = Math.min(DENSE_LIMIT, (t.maxWinBound + 1) * K);
  const dense = denseHistogram(denseSize);
  let top = -1;
  const sparse = new Map<number, number>();
  const paySize = Math.min(DENSE_LIMIT, t.maxWinBound + 1);
  const payDense = payHistogram(paySize);
  let payTop = -1;
  const paySparse = new Map<number, number>();
  const over: number[] = [];
  const open = new Int32Array(Math.max(Lc, rules));
  const okLines = new Int32Array(Lc);
  const fixed = new Int32Array(R);
  let combinations = 0;
  let totalWeight = 0;

  /** Puts reel d at `stop`: slot d + 1 from slot d. */
  const place = (d: number, stop: number): void => {
    const from = d;
    const to = d + 1;
    const w = t.weights[d]!;
    wgt[to] = w === null ? wgt[from]! : wgt[from]! * w[stop]!;
    scat[to] = scat[from]! + t.scatterCells[d]![stop]!;
    fs[to] = fs[from]! + t.freeSpinsCells[d]![stop]!;
    bon[to] = bon[from]! + t.bonusCells[d]![stop]!;
    const digits = t.lineDigit[d]!;
    const base = stop * Lc;
    for (let l = 0; l < Lc; l++) lineIdx[to * Lc + l] = lineIdx[from * Lc + l]! + digits[base + l]!;
    if (bonusLine) {
      let ok = 0;
      const symbols = t.lineSymbol[d]!;
      for (let l = 0; l < Lc; l++) {
        const v =
          lineOk[from * Lc + l]! === 1 && (d >= bonusReels || symbols[base + l] === t.bonusSymbol) ? 1 : 0;
        lineOk[to * Lc + l] = v;
        ok += v;
      }
      okCount[to] = ok;
    }
    if (ways) {
      let dead = deadWin[from]!;
      const n = t.waysN[d]!;
      const m = t.waysM[d]!;
      for (let i = 0; i < rules; i++) {
        const a = from * rules + i;
        const b = to * rules + i;
        const nv = n[stop * rules + i]!;
        if (running[a] === 1 && nv > 0) {
          all[b] = all[a]! * nv;
          wild[b] = wild[a]! * m[stop * rules + i]!;
          running[b] = 1;
        } else {
          if (running[a] === 1) dead += t.waysPays[i]![d]! * (all[a]! - wild[a]!);
          running[b] = 0;
        }
      }
      deadWin[to] = dead;
    }
  };

  /** The innermost loop: every stop of the last reel after reels 0 … R−2 are placed (slot R−1). */
  const inner = (): void => {
    const P = last;
    let constant = 0;
    let openCount = 0;
    if (ways) {
      constant = deadWin[P]!;
      for (let i = 0; i < rules; i++) if (running[P * rules + i] === 1) open[openCount++] = i;
    } else {
      for (let l = 0; l < Lc; l++) {
        const state = prefixPay(t, cache, lineIdx[P * Lc + l]!);
        if (state >= 0) constant += state;
        else open[openCount++] = l;
      }
    }
    let bonusFixed = false;
    let okLineCount = 0;
    if (bonusLine) {
      if (bonusReels <= last) bonusFixed = okCount[P]! > 0;
      else for (let l = 0; l < Lc; l++) if (lineOk[P * Lc + l] === 1) okLines[okLineCount++] = l;
    }
    const length = t.lengths[last]!;
    const weights = t.weights[last]!;
    const wBase = wgt[P]!;
    const digits = t.lineDigit[last]!;
    const symbols = t.lineSymbol[last]!;
    const n = t.waysN[last]!;
    const m = t.waysM[last]!;
    const scatterCells = t.scatterCells[last]!;
    const fsCells = t.freeSpinsCells[last]!;
    const bonusCells = t.bonusCells[last]!;
    const scatBase = scat[P]!;
    const fsBase = fs[P]!;
    const bonBase = bon[P]!;
    const table = cache.table;
    for (let s = 0; s < length; s++) {
      let pay = constant;
      if (ways) {
        for (let o = 0; o < openCount; o++) {
          const i = open[o]!;
          const nv = n[s * rules + i]!;
          const a = P * rules + i;
          pay +=
            nv === 0
              ? t.waysPays[i]![last]! * (all[a]! - wild[a]!)
              : t.waysPays[i]![R]! * (all[a]! * nv - wild[a]! * m[s * rules + i]!);
        }
      } else {
        const base = s * Lc;
        for (let o = 0; o < openCount; o++) {
          const l = open[o]!;
          const index = lineIdx[P * Lc + l]! + digits[base + l]!;
          let p = table === null ? -1 : table[index]!;
          if (p < 0) p = linePay(t, cache, index);
          pay += p;
        }
      }
      const win = pay + t.scatterPay[scatBase + scatterCells[s]!]!;
      let k = t.classOfCount[fsBase + fsCells[s]!]!;
      if (withBonus) {
        let triggered = false;
        if (bonusAnywhere) triggered = bonBase + bonusCells[s]! >= t.bonusCount;
        else if (bonusFixed) triggered = true;
        else
          for (let o = 0; o < okLineCount && !triggered; o++)
            triggered = symbols[s * Lc + okLines[o]!] === t.bonusSymbol;
        k = k * 2 + (triggered ? 1 : 0);
      }
      const w = weights === null ? wBase : wBase * weights[s]!;
      const index = win * K + k;
      if (index < denseSize) {
        dense[index]! += w;
        if (index > top) top = index;
      } else {
        sparse.set(index, (sparse.get(index) ?? 0) + w);
      }
      if (pay < paySize) {
        payDense[pay]! += w;
        if (pay > payTop) payTop = pay;
      } else {
        paySparse.set(pay, (paySparse.get(pay) ?? 0) + w);
      }
      if (cap >= 0 && win > cap) over.push(pay, win - pay, w);
      totalWeight += w;
    }
    combinations += length;
  };

  const walk = (d: number): void => {
    if (d === last) {
      inner();
      return;
    }
    if (d < task.split) {
      place(d, fixed[d]!);
      walk(d + 1);
      return;
    }
    const length = t.lengths[d]!;
    for (let stop = 0; stop < length; stop++) {
      place(d, stop);
      walk(d + 1);
    }
  };

  for (let prefix = task.from; prefix < task.to; prefix++) {
    let rest = prefix;
    for (let r = task.split - 1; r >= 0; r--) {
      fixed[r] = rest % t.lengths[r]!;
      rest = Math.floor(rest / t.lengths[r]!);
    }
    walk(0);
  }

  const triples: number[] = [];
  for (let index = 0; index <= top; index++) {
    const w = dense[index]!;
    if (w !== 0) triples.push(Math.floor(index / K), index % K, w);
  }
  dense.fill(0, 0, top + 1);
  for (const [index, w] of [...sparse].sort((a, b) => a[0] - b[0]))
    triples.push(Math.floor(index / K), index % K, w);
  const pairs: number[] = [];
  for (let pay = 0; pay <= payTop; pay++) {
    const w = payDense[pay]!;
    if (w !== 0) pairs.push(pay, w);
  }
  payDense.fill(0, 0, payTop + 1);
  for (const [pay, w] of [...paySparse].sort((a, b) => a[0] - b[0])) pairs.push(pay, w);
  if (!Number.isSafeInteger(totalWeight)) throw new RangeError(`cycle task ${task.from}: weight passes 2^53`);
  return {
    role: task.role,
    from: task.from,
    histogram: Float64Array.from(triples),
    overCap: Float64Array.from(over),
    pays: Float64Array.from(pairs),
    weight: totalWeight,
    combinations,
  };
}
