import type { CycleRole, CycleTables } from './cycle-tables.js';

/**
 * The full-cycle hot loop: visits every stop combination of a reel set (or a range of its leading
 * reels' stops), evaluates the spin exactly as the engine does, and adds its weight to a histogram
 * of (win, class). Reels 0 … R−2 are walked depth first with each depth's counts and weight kept
 * incrementally — and the pay mechanic's full-cycle form (`t.pays`, see
 * `engine/mechanics/cycle-form.ts`) keeps its own state per depth; the last reel is the innermost
 * loop, whose pays the form gives for every stop at once. Weights multiply counts; a task's total
 * weight stays below 2^53, so every sum here is an exact double. `test/math/full-cycle.test.ts` and
 * the tiny-games contract check it against the engine.
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

/** Enumerates the task's part of the cycle. */
export function enumerateCycle(t: CycleTables, task: CycleTask): CyclePart {
  const R = t.reelCount;
  const last = R - 1;
  const Lc = t.lineCount;
  const K = t.classes;
  const pays = t.pays;
  const bonusLine = t.bonusKind === 'line';
  const bonusAnywhere = t.bonusKind === 'anywhere';
  const bonusReels = Math.min(t.bonusCount, R);
  const withBonus = t.bonusKind !== 'none';
  const cap = task.cap;

  // Per slot (0 = empty prefix, d + 1 = after reel d): incremental state.
  const lineOk = new Uint8Array(R * Lc);
  const okCount = new Int32Array(R);
  const scat = new Int32Array(R);
  const fs = new Int32Array(R);
  const bon = new Int32Array(R);
  const wgt = new Float64Array(R);
  wgt[0] = 1;
  lineOk.fill(1, 0, Lc);
  okCount[0] = Lc;

  const denseSize = Math.min(DENSE_LIMIT, (t.maxWinBound + 1) * K);
  const dense = denseHistogram(denseSize);
  let top = -1;
  const sparse = new Map<number, number>();
  const paySize = Math.min(DENSE_LIMIT, t.maxWinBound + 1);
  const payDense = payHistogram(paySize);
  let payTop = -1;
  const paySparse = new Map<number, number>();
  const over: number[] = [];
  // Int32 when every pay fits: the histogram indexes then stay integer arithmetic.
  const lastPays =
    t.maxWinBound < 2 ** 31 - 1 ? new Int32Array(t.lengths[last]!) : new Float64Array(t.lengths[last]!);
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
    pays.place(d, stop);
    if (bonusLine) {
      const base = stop * Lc;
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
  };

  /** The innermost loop: every stop of the last reel after reels 0 … R−2 are placed (slot R−1). */
  const inner = (): void => {
    const P = last;
    pays.lastReel(lastPays);
    let bonusFixed = false;
    let okLineCount = 0;
    if (bonusLine) {
      if (bonusReels <= last) bonusFixed = okCount[P]! > 0;
      else for (let l = 0; l < Lc; l++) if (lineOk[P * Lc + l] === 1) okLines[okLineCount++] = l;
    }
    const length = t.lengths[last]!;
    const weights = t.weights[last]!;
    const wBase = wgt[P]!;
    const symbols = t.lineSymbol[last]!;
    const scatterCells = t.scatterCells[last]!;
    const fsCells = t.freeSpinsCells[last]!;
    const bonusCells = t.bonusCells[last]!;
    const scatBase = scat[P]!;
    const fsBase = fs[P]!;
    const bonBase = bon[P]!;
    for (let s = 0; s < length; s++) {
      const pay = lastPays[s]!;
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
