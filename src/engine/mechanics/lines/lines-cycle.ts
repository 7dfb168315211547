/**
 * The lines mechanic's full-cycle form (see `cycle-form.ts`). Per depth, every payline's partial
 * index Σ sᵣ·S^r; at the bottom, every payline whose pay no longer depends on the last reel is summed
 * once, so the loop over the last reel's stops reads only the few paylines still open. What a line
 * pays is the reference evaluation's (`LineProbe`), cached by index as lines are met.
 */
import type { Game, ReelSet } from '../../model.js';
import { spinPaysBound } from '../../win-bounds.js';
import type { CycleForm, CyclePays } from '../cycle-form.js';
import { LineProbe } from './line-probe.js';
import { MAX_LINE_TABLE } from './lines-kernel.js';

/** Lazily filled pay tables of one reel set. */
interface LinePayCache {
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

class LinesCyclePays implements CyclePays {
  readonly payBound: number;
  private readonly game: Game;
  private readonly set: ReelSet;
  private readonly reels: number;
  private readonly lineCount: number;
  private readonly symbolCount: number;
  /** Per reel: `[stop × lineCount + l]` = symbol on payline l, times symbols^reel (a line-index digit). */
  private readonly lineDigit: readonly Int32Array[];
  /** symbols^(reels−1): the place value of the last reel's digit. */
  private readonly lastPlace: number;
  /** Symbols that the last reel shows anywhere (a settled prefix pays the same for each of them). */
  private readonly lastSymbols: Int32Array;
  private readonly lastLength: number;
  private readonly probe: LineProbe;
  private cache: LinePayCache | null = null;
  /** Per depth (0 = nothing placed, d + 1 = after reel d): every payline's partial index. */
  private readonly lineIdx: Int32Array;
  private readonly open: Int32Array;

  constructor(game: Game, set: ReelSet) {
    this.game = game;
    this.set = set;
    const R = set.reels.length;
    const S = game.symbols.length;
    const Lc = game.paylines.length;
    this.reels = R;
    this.lineCount = Lc;
    this.symbolCount = S;
    this.lineDigit = set.reels.map((reel, r) => {
      const L = reel.strip.length;
      const digits = new Int32Array(L * Lc);
      for (let stop = 0; stop < L; stop++) {
        for (let l = 0; l < Lc; l++) {
          digits[stop * Lc + l] = reel.strip[(stop + game.paylines[l]![r]!) % L]! * S ** r;
        }
      }
      return digits;
    });
    this.lastPlace = S ** (R - 1);
    this.lastSymbols = Int32Array.from(new Set(set.reels[R - 1]!.strip));
    this.lastLength = set.reels[R - 1]!.strip.length;
    this.probe = new LineProbe(game);
    this.lineIdx = new Int32Array(R * Lc);
    this.open = new Int32Array(Lc);
    // Every line at the largest pay of any rule, its wilds at the largest multiplier.
    const maxMultiplier = Math.max(1, ...game.symbols.map((s) => s.multiplier));
    const best = Math.max(
      0,
      ...game.pays.map(
        (rule) => (rule.kind === 'kind' ? Math.max(0, ...rule.pays) : rule.pay) * maxMultiplier ** game.reels,
      ),
    );
    this.payBound = best * Lc;
  }

  private cacheOf(): LinePayCache {
    if (this.cache !== null) return this.cache;
    const size = this.symbolCount ** this.reels;
    const wide = this.lineCount > 0 && spinPaysBound(this.game, this.set) >= 2 ** 31 - 1;
    const make = (length: number): Int32Array | Float64Array =>
      (wide ? new Float64Array(length) : new Int32Array(length)).fill(-1);
    this.cache = {
      table: this.lineCount > 0 && size <= MAX_LINE_TABLE ? make(size) : null,
      map: new Map(),
      prefix: this.lineCount > 0 && this.lastPlace <= MAX_LINE_TABLE ? make(this.lastPlace) : null,
      prefixMap: new Map(),
    };
    return this.cache;
  }

  private linePay(cache: LinePayCache, index: number): number {
    const table = cache.table;
    if (table !== null) {
      let pay = table[index]!;
      if (pay < 0) {
        pay = this.probe.payOfIndex(index);
        table[index] = pay;
      }
      return pay;
    }
    let pay = cache.map.get(index);
    if (pay === undefined) {
      pay = this.probe.payOfIndex(index);
      cache.map.set(index, pay);
    }
    return pay;
  }

  private prefixPay(cache: LinePayCache, prefixIndex: number): number {
    let state = cache.prefix !== null ? cache.prefix[prefixIndex]! : (cache.prefixMap.get(prefixIndex) ?? -1);
    if (state !== -1) return state;
    const symbols = this.lastSymbols;
    state = this.linePay(cache, prefixIndex + symbols[0]! * this.lastPlace);
    for (let i = 1; i < symbols.length; i++) {
      if (this.linePay(cache, prefixIndex + symbols[i]! * this.lastPlace) !== state) {
        state = -2;
        break;
      }
    }
    if (cache.prefix !== null) cache.prefix[prefixIndex] = state;
    else cache.prefixMap.set(prefixIndex, state);
    return state;
  }

  place(d: number, stop: number): void {
    const Lc = this.lineCount;
    const lineIdx = this.lineIdx;
    const digits = this.lineDigit[d]!;
    const base = stop * Lc;
    const from = d * Lc;
    const to = from + Lc;
    for (let l = 0; l < Lc; l++) lineIdx[to + l] = lineIdx[from + l]! + digits[base + l]!;
  }

  lastReel(out: Int32Array | Float64Array): void {
    const cache = this.cacheOf();
    const Lc = this.lineCount;
    const last = this.reels - 1;
    const P = last * Lc;
    const lineIdx = this.lineIdx;
    const open = this.open;
    let constant = 0;
    let openCount = 0;
    for (let l = 0; l < Lc; l++) {
      const state = this.prefixPay(cache, lineIdx[P + l]!);
      if (state >= 0) constant += state;
      else open[openCount++] = l;
    }
    const digits = this.lineDigit[last]!;
    const table = cache.table;
    const stops = this.lastLength;
    for (let s = 0; s < stops; s++) {
      let pay = constant;
      const base = s * Lc;
      for (let o = 0; o < openCount; o++) {
        const l = open[o]!;
        const index = lineIdx[P + l]! + digits[base + l]!;
        let p = table === null ? -1 : table[index]!;
        if (p < 0) p = this.linePay(cache, index);
        pay += p;
      }
      out[s] = pay;
    }
  }
}

export const LINES_CYCLE: CycleForm = {
  problem: (game, set) =>
    game.symbols.length ** set.reels.length > 2 ** 31 - 1
      ? `${game.symbols.length} symbols on ${set.reels.length} reels are too many line combinations to index (symbols^reels must stay below 2^31)`
      : null,
  compile: (game, set) => new LinesCyclePays(game, set),
};
