/**
 * Ground truth for one format-2 spin: the engine's spin player run once for every possible
 * sequence of draws (heights, stops, values, every value 0 … bound − 1 with probability 1/bound),
 * tallied by the spin's class and win. Independent of the enumeration's column states and
 * representative draws.
 */
import type { Game } from '../../../src/engine/model.js';
import { GridSpinPlayer } from '../../../src/engine/spin-player.js';
import { spinTablesOf } from '../../../src/engine/spin-tables.js';
import { add, frac, ZERO } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';
import { forEachPath } from '../exhaustive.js';

export interface SpinTruth {
  /** class key → win → probability. */
  readonly byClass: Map<string, Map<number, Fraction>>;
  /** E[pay win], E[scatter win] in credits. */
  readonly pay: Fraction;
  readonly scatter: Fraction;
  readonly paths: number;
}

export function bruteSpin(game: Game, role: 'base' | 'free'): SpinTruth {
  const free = role === 'free';
  // The player spins the free-spin reel set on a free spin, the base set on a paid one.
  const player = new GridSpinPlayer(spinTablesOf(game));
  const hw = free ? null : game.holdAndWin;
  const bonus = free ? null : game.bonus;
  const sums = new Map<bigint, { byClass: Map<string, Map<number, bigint>>; pay: bigint; scatter: bigint }>();
  const paths = forEachPath(
    (rng) => {
      player.play(rng, free, 1, null);
      const awards = Array.from(player.awardCounts.subarray(0, player.awardParts));
      const triggered =
        bonus !== null &&
        (bonus.trigger.kind === 'line' ? player.bonusLine : player.bonusCount >= bonus.trigger.count);
      const coins = hw !== null && player.coinCount >= hw.count ? player.coinCount : 0;
      return {
        key: `${awards.join(',')}|${triggered ? 1 : 0}|${coins}`,
        pay: player.pay,
        scatter: player.scatter,
      };
    },
    (r, d) => {
      let s = sums.get(d);
      if (s === undefined) {
        s = { byClass: new Map(), pay: 0n, scatter: 0n };
        sums.set(d, s);
      }
      let map = s.byClass.get(r.key);
      if (map === undefined) {
        map = new Map();
        s.byClass.set(r.key, map);
      }
      const win = r.pay + r.scatter;
      map.set(win, (map.get(win) ?? 0n) + 1n);
      s.pay += BigInt(r.pay);
      s.scatter += BigInt(r.scatter);
    },
  );
  const byClass = new Map<string, Map<number, Fraction>>();
  let pay = ZERO;
  let scatter = ZERO;
  for (const [d, s] of sums) {
    pay = add(pay, frac(s.pay, d));
    scatter = add(scatter, frac(s.scatter, d));
    for (const [key, map] of s.byClass) {
      let out = byClass.get(key);
      if (out === undefined) {
        out = new Map();
        byClass.set(key, out);
      }
      for (const [win, n] of map) out.set(win, add(out.get(win) ?? ZERO, frac(n, d)));
    }
  }
  return { byClass, pay, scatter, paths };
}
