import { bestLineMatch } from '../engine/lines.js';
import type { Game, KindRule, Reel, ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';

/**
 * A game compiled for the simulator's fast path: everything a spin needs is a typed-array read.
 * Built once per worker; `fast-round.ts` plays rounds on it without allocating.
 */

/** Weighted reels with at most this many weight units get a draw → stop lookup table. */
const MAX_STOP_TABLE = 1 << 20;
/** Lines games with at most this many symbol combinations per line get a pay lookup table. */
export const MAX_LINE_TABLE = 1 << 24;

export interface FastReelSet {
  readonly reelCount: number;
  /** Per reel: the bound of its stop draw. */
  readonly bounds: Int32Array;
  /** Per reel: draw → stop for weighted reels (null: the draw is the stop). */
  readonly stopOf: readonly (Int32Array | null)[];
  /** Per reel: `[stop * lineCount + l]` = symbol on line l's row (lines games). */
  readonly lineSymbols: readonly Uint8Array[];
  /** Per reel: `[stop * ruleCount + i]` = nⱼ / mⱼ of ways rule i (ways games). */
  readonly waysN: readonly Int32Array[];
  readonly waysM: readonly Int32Array[];
  /** Per reel: cells showing the scatter / free-spin trigger / bonus symbol at each stop. */
  readonly scatterCount: readonly Uint8Array[];
  readonly freeSpinsCount: readonly Uint8Array[];
  readonly bonusCount: readonly Uint8Array[];
}

export interface FastGame {
  readonly game: Game;
  readonly symbolCount: number;
  readonly lineCount: number;
  /** `[symbol on reel 0 + S × (symbol on reel 1 + S × …)]` = credits the line pays; −1 = not yet computed. */
  readonly linePay: Int32Array | null;
  readonly waysRules: readonly KindRule[];
  readonly waysPays: readonly Int32Array[];
  readonly base: FastReelSet;
  readonly free: FastReelSet | null;
}

function stopTable(reel: Reel): Int32Array | null {
  if (reel.cumulative === null) return null;
  if (reel.drawBound > MAX_STOP_TABLE) {
    throw new SlotsimError(
      'INVALID_GAME',
      `weighted reel of ${reel.drawBound} weight units is too large to simulate`,
    );
  }
  const table = new Int32Array(reel.drawBound);
  let stop = 0;
  for (let d = 0; d < reel.drawBound; d++) {
    while (d >= reel.cumulative[stop]!) stop++;
    table[d] = stop;
  }
  return table;
}

function countTable(game: Game, reel: Reel, symbol: number | null): Uint8Array {
  const length = reel.strip.length;
  const table = new Uint8Array(length);
  if (symbol === null) return table;
  for (let stop = 0; stop < length; stop++) {
    let n = 0;
    for (let k = 0; k < game.rows; k++) if (reel.strip[(stop + k) % length] === symbol) n++;
    table[stop] = n;
  }
  return table;
}

function compileReelSet(game: Game, set: ReelSet, waysRules: readonly KindRule[]): FastReelSet {
  const lineCount = game.paylines.length;
  const ruleCount = waysRules.length;
  const bonusSymbol = game.bonus?.trigger.kind === 'anywhere' ? game.bonus.trigger.symbol : null;
  const lineSymbols: Uint8Array[] = [];
  const waysN: Int32Array[] = [];
  const waysM: Int32Array[] = [];
  set.reels.forEach((reel, r) => {
    const length = reel.strip.length;
    const at = (stop: number, k: number): number => reel.strip[(stop + k) % length]!;
    const lines = new Uint8Array(length * lineCount);
    const n = new Int32Array(length * ruleCount);
    const m = new Int32Array(length * ruleCount);
    for (let stop = 0; stop < length; stop++) {
      game.paylines.forEach((payline, l) => {
        lines[stop * lineCount + l] = at(stop, payline[r]!);
      });
      waysRules.forEach((rule, i) => {
        for (let k = 0; k < game.rows; k++) {
          const s = at(stop, k);
          if (s === rule.symbol) n[stop * ruleCount + i]!++;
          else if (!rule.wild && game.substitutes[s]![rule.symbol]!) {
            n[stop * ruleCount + i]! += game.symbols[s]!.multiplier;
            m[stop * ruleCount + i]! += game.symbols[s]!.multiplier;
          }
        }
      });
    }
    lineSymbols.push(lines);
    waysN.push(n);
    waysM.push(m);
  });
  return {
    reelCount: set.reels.length,
    bounds: Int32Array.from(set.reels, (reel) => reel.drawBound),
    stopOf: set.reels.map(stopTable),
    lineSymbols,
    waysN,
    waysM,
    scatterCount: set.reels.map((reel) => countTable(game, reel, game.scatter?.symbol ?? null)),
    freeSpinsCount: set.reels.map((reel) => countTable(game, reel, game.freeSpins?.symbol ?? null)),
    bonusCount: set.reels.map((reel) => countTable(game, reel, bonusSymbol)),
  };
}

export function compileFast(game: Game): FastGame {
  const symbolCount = game.symbols.length;
  if (symbolCount > 255) throw new SlotsimError('INVALID_GAME', 'the simulator supports at most 255 symbols');
  let linePay: Int32Array | null = null;
  if (game.evaluation === 'lines') {
    const combinations = symbolCount ** game.reels;
    if (combinations <= MAX_LINE_TABLE) linePay = new Int32Array(combinations).fill(-1);
  }
  const waysRules =
    game.evaluation === 'ways' ? game.pays.filter((rule): rule is KindRule => rule.kind === 'kind') : [];
  return {
    game,
    symbolCount,
    lineCount: game.paylines.length,
    linePay,
    waysRules,
    waysPays: waysRules.map((rule) => Int32Array.from(rule.pays)),
    base: compileReelSet(game, game.baseReelSet, waysRules),
    free: game.freeSpins === null ? null : compileReelSet(game, game.freeSpins.reelSet, waysRules),
  };
}

/** Credits one line pays for the symbols encoded in `index` (computed by the engine itself). */
export function linePayOf(fast: FastGame, index: number): number {
  const line: number[] = [];
  let rest = index;
  for (let r = 0; r < fast.game.reels; r++) {
    line.push(rest % fast.symbolCount);
    rest = Math.floor(rest / fast.symbolCount);
  }
  return bestLineMatch(fast.game, line)?.win ?? 0;
}
