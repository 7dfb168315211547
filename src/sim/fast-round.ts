import { drawPrize } from '../engine/bonus.js';
import { bestLineMatch } from '../engine/lines.js';
import type { Rng } from '../rng/rng.js';
import type { ChunkAccumulator } from './chunk-stats.js';
import { carrySums, recordWin } from './chunk-stats.js';
import type { FastGame, FastReelSet } from './fast-game.js';
import { linePayOf } from './fast-game.js';

/**
 * The simulator's hot loop: plays rounds exactly as `engine/round.ts` does — same draws in the same
 * order, same wins, same cap — but only accumulates statistics. `test/sim/fast-round.test.ts`
 * plays millions of seeded rounds through both and compares every total.
 */

/** Draws one stop per reel into `stops`, exactly as `engine/stops.ts` does. */
function drawStops(set: FastReelSet, rng: Rng, stops: Int32Array): void {
  if (set.searchOf !== null) {
    drawHeavyStops(set, set.searchOf, rng, stops);
    return;
  }
  for (let r = 0; r < set.reelCount; r++) {
    const draw = rng.int(set.bounds[r]!);
    const table = set.stopOf[r]!;
    stops[r] = table === null ? draw : table[draw]!;
  }
}

/** `drawStops` for a set with a reel weighted past 2^20 units: that reel's stop is searched for. */
function drawHeavyStops(
  set: FastReelSet,
  searchOf: readonly (Float64Array | null)[],
  rng: Rng,
  stops: Int32Array,
): void {
  for (let r = 0; r < set.reelCount; r++) {
    const draw = rng.int(set.bounds[r]!);
    const table = set.stopOf[r]!;
    const sums = searchOf[r]!;
    stops[r] = table !== null ? table[draw]! : sums !== null ? searchStop(sums, draw) : draw;
  }
}

/** The first stop i with draw < sums[i] (binary search over the running sums of the weights). */
export function searchStop(sums: Float64Array, draw: number): number {
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (draw < sums[mid]!) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Sum over reels of a per-stop count table. */
function countCells(tables: readonly Uint8Array[], stops: Int32Array): number {
  let n = 0;
  for (let r = 0; r < tables.length; r++) n += tables[r]![stops[r]!]!;
  return n;
}

function linesWin(fast: FastGame, set: FastReelSet, stops: Int32Array, bases: Int32Array): number {
  const pairs = set.pairs;
  if (pairs === null) return linesWinFull(fast, set, stops, bases);
  const lineCount = fast.lineCount;
  const reels = set.reelCount;
  const lineIndex = set.lineIndex;
  const prefixPay = fast.prefixPay!;
  for (let r = 2; r < reels; r++) bases[r] = stops[r]! * lineCount;
  const pair = stops[0]! * pairs.stride + stops[1]!;
  let win = pairs.decided[pair]!;
  const end = pairs.start[pair + 1]!;
  for (let i = pairs.start[pair]!; i < end; i++) {
    const l = pairs.open[i]!;
    let index = pairs.openIndex[i]!;
    // Extend the line reel by reel until a prefix table decides it (the full table always does).
    for (let r = 2; r < reels; r++) {
      index += lineIndex[r]![bases[r]! + l]!;
      const pay = prefixPay[r + 1]![index]!;
      if (pay >= 0) {
        win += pay;
        break;
      }
    }
  }
  return win;
}

/** Lines without pair tables: the whole index of every line, the table filled lazily. */
function linesWinFull(fast: FastGame, set: FastReelSet, stops: Int32Array, bases: Int32Array): number {
  const table = fast.linePay;
  if (table === null) return linesWinEngine(fast, set, stops);
  const lineCount = fast.lineCount;
  const reels = set.reelCount;
  const lineIndex = set.lineIndex;
  for (let r = 0; r < reels; r++) bases[r] = stops[r]! * lineCount;
  let win = 0;
  for (let l = 0; l < lineCount; l++) {
    let index = 0;
    for (let r = 0; r < reels; r++) index += lineIndex[r]![bases[r]! + l]!;
    let pay = table[index]!;
    if (pay < 0) {
      pay = linePayOf(fast, index);
      table[index] = pay;
    }
    win += pay;
  }
  return win;
}

/** Symbols along one line, reused by `linesWinEngine`. */
const lineScratch: number[] = [];

/**
 * Lines of a game with too many symbol combinations for a table (S^reels past 2^24): every line
 * is evaluated by the engine's `bestLineMatch`. Slow, and only for games far from any real one.
 */
function linesWinEngine(fast: FastGame, set: FastReelSet, stops: Int32Array): number {
  const lineCount = fast.lineCount;
  const reels = set.reelCount;
  lineScratch.length = reels;
  let win = 0;
  for (let l = 0; l < lineCount; l++) {
    for (let r = 0; r < reels; r++) lineScratch[r] = set.lineSymbols[r]![stops[r]! * lineCount + l]!;
    win += bestLineMatch(fast.game, lineScratch)?.win ?? 0;
  }
  return win;
}

function waysWin(fast: FastGame, set: FastReelSet, stops: Int32Array): number {
  const ruleCount = fast.waysRules.length;
  let win = 0;
  for (let i = 0; i < ruleCount; i++) {
    let all = 1;
    let wild = 1;
    let run = 0;
    for (; run < set.reelCount; run++) {
      const at = stops[run]! * ruleCount + i;
      const n = set.waysN[run]![at]!;
      if (n === 0) break;
      all *= n;
      wild *= set.waysM[run]![at]!;
    }
    // A run that pays nothing adds nothing, even one so long its product is no longer finite.
    const pay = fast.waysPays[i]![run]!;
    if (pay > 0) win += pay * (all - wild);
  }
  return win;
}

function payWin(fast: FastGame, set: FastReelSet, stops: Int32Array, index: Int32Array): number {
  return fast.game.evaluation === 'lines' ? linesWin(fast, set, stops, index) : waysWin(fast, set, stops);
}

/** Cells showing the free-spin trigger symbol, reusing the scatter count when it is the same symbol. */
function triggerCells(set: FastReelSet, stops: Int32Array, scatterCells: number): number {
  return set.freeSpinsCount === set.scatterCount ? scatterCells : countCells(set.freeSpinsCount, stops);
}

function bonusTriggered(fast: FastGame, set: FastReelSet, stops: Int32Array): boolean {
  const trigger = fast.game.bonus!.trigger;
  if (trigger.kind === 'anywhere') return countCells(set.bonusCount, stops) >= trigger.count;
  const lineCount = fast.lineCount;
  for (let l = 0; l < lineCount; l++) {
    let r = 0;
    while (r < trigger.count && set.lineSymbols[r]![stops[r]! * lineCount + l] === trigger.symbol) r++;
    if (r === trigger.count) return true;
  }
  return false;
}

/** Plays `rounds` paid rounds, drawing from `rng`, and adds them to `acc`. */
export function simulateRounds(fast: FastGame, rng: Rng, rounds: number, acc: ChunkAccumulator): void {
  const game = fast.game;
  const base = fast.base;
  const free = fast.free;
  const feature = game.freeSpins;
  const bonus = game.bonus;
  const cap = game.maxWinCredits ?? Number.POSITIVE_INFINITY;
  const stops = new Int32Array(game.reels);
  const index = new Int32Array(game.reels);

  for (let round = 0; round < rounds; round++) {
    drawStops(base, rng, stops);
    const lines = Math.min(payWin(fast, base, stops, index), cap);
    let total = lines;
    const scatterCells = countCells(base.scatterCount, stops);
    const scatter = Math.min(fast.scatterPays[scatterCells]!, cap - total);
    total += scatter;

    let bonusWin = 0;
    if (total < cap && bonus !== null && bonusTriggered(fast, base, stops)) {
      acc.bonusTriggers++;
      bonusWin = Math.min(drawPrize(bonus.prize, rng, null), cap - total);
      total += bonusWin;
    }

    let freeWin = 0;
    if (total < cap && feature !== null && free !== null) {
      let remaining = Math.min(feature.awards[triggerCells(base, stops, scatterCells)]!, feature.maxSpins);
      if (remaining > 0) {
        acc.freeSpinsTriggers++;
        let played = 0;
        while (remaining > 0) {
          drawStops(free, rng, stops);
          remaining--;
          played++;
          const cells = countCells(free.scatterCount, stops);
          const spin = Math.min(
            (payWin(fast, free, stops, index) + fast.scatterPays[cells]!) * feature.multiplier,
            cap - total,
          );
          freeWin += spin;
          total += spin;
          if (total >= cap) break;
          const more = feature.retrigger[triggerCells(free, stops, cells)]!;
          remaining += Math.min(more, feature.maxSpins - played - remaining);
        }
        acc.freeSpinsPlayed += played;
      }
    }

    acc.rounds++;
    acc.total += total;
    acc.lines += lines;
    acc.scatter += scatter;
    acc.bonus += bonusWin;
    acc.freeSpins += freeWin;
    if (total > 0) acc.hits++;
    if (total >= cap) acc.capHits++;
    recordWin(acc, total);
  }
}

/**
 * `simulateRounds`, in runs of `fast.roundsPerRun` rounds with the credits sums carried into bigints
 * after each, so that they stay exact however much the rounds win. The same rounds, on the same
 * stream: a run continues where the previous one stopped.
 */
export function simulateRoundsExactly(fast: FastGame, rng: Rng, rounds: number, acc: ChunkAccumulator): void {
  for (let left = rounds; left > 0; left -= fast.roundsPerRun) {
    simulateRounds(fast, rng, Math.min(left, fast.roundsPerRun), acc);
    carrySums(acc);
  }
}
