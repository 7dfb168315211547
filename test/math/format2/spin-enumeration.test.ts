import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationKind, Game } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';
import { add, frac, mul, ZERO } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';
import type { SpinDistribution } from '../../../src/math/format2/spin-distribution.js';
import { enumerateSpins, enumerateSpinsInline } from '../../../src/math/format2/spin-run.js';
import { twoPointGame } from '../../../src/math/format2/spin-space.js';
import { tinyGame } from '../../helpers/tiny-games.js';
import { bruteSpin } from './spin-brute.js';
import { scaledWeightGame, weightedGame } from './weighted-games.js';

const KINDS: readonly EvaluationKind[] = ['lines', 'ways', 'cluster', 'anywhere'];

/** Tiny games whose spins can be enumerated (no `"redraw"` refill), base mode. */
function tinyGames(kind: EvaluationKind, seed: number, runs: number): Game[] {
  return fc
    .sample(tinyGame(kind), { seed, numRuns: runs })
    .map((raw) => parseGame(JSON.stringify(raw), { file: 'tiny.json' }))
    .filter((g) => g.cascade?.refill !== 'redraw');
}

function spins(d: SpinDistribution | { exceeded: string }): SpinDistribution {
  if ('exceeded' in d) throw new Error(d.exceeded);
  return d;
}

/** class key → win → probability, from an enumeration. */
function byClass(d: SpinDistribution): Map<string, Map<number, Fraction>> {
  const out = new Map<string, Map<number, Fraction>>();
  d.classes.forEach((c, k) => {
    const map = new Map<number, Fraction>();
    for (const [win, w] of d.byClass[k]!) if (w > 0n) map.set(win, frac(w, d.denominator));
    out.set(c.key, map);
  });
  return out;
}

/** Free spins are i.i.d. spins of their reel set only without sticky wilds, a meter or a feature-wide ladder. */
function freeSpinsIid(game: Game): boolean {
  const fs = game.freeSpins;
  return fs !== null && !fs.stickyWilds && !fs.multiplierMeter && game.cascade?.ladderScope !== 'feature';
}

describe('format-2 spin enumeration against every draw path of the spin player', () => {
  for (const [i, kind] of KINDS.entries()) {
    it(`${kind}: every (class, win) has the engine's exact probability, values enumerated (seed ${100 + i})`, () => {
      let checked = 0;
      for (const game of tinyGames(kind, 100 + i, 30)) {
        const roles: ('base' | 'free')[] = freeSpinsIid(game) ? ['base', 'free'] : ['base'];
        for (const role of roles) {
          const truth = bruteSpin(game, role);
          const d = spins(
            enumerateSpinsInline(game, role, 'enumerated', { leavesPerCombination: 1e6, cap: null }),
          );
          expect(byClass(d)).toEqual(truth.byClass);
          expect(frac(d.pay, d.denominator)).toEqual(truth.pay);
          expect(frac(d.scatter, d.denominator)).toEqual(truth.scatter);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(15);
    });
  }

  for (const kind of KINDS) {
    it(`${kind}: weighted strips, heights and value tables sharing a total — exactly the engine's`, () => {
      const game = weightedGame(kind);
      const truth = bruteSpin(game, 'base');
      const d = spins(
        enumerateSpinsInline(game, 'base', 'enumerated', { leavesPerCombination: 1e6, cap: null }),
      );
      expect(byClass(d)).toEqual(truth.byClass);
      expect(frac(d.pay, d.denominator)).toEqual(truth.pay);
      expect(frac(d.scatter, d.denominator)).toEqual(truth.scatter);
    });
  }

  for (const kind of KINDS) {
    it(`${kind}: weights whose products pass 2^53 (every leaf exact in bigints) give the same probabilities`, () => {
      const small = spins(
        enumerateSpinsInline(weightedGame(kind), 'base', 'enumerated', {
          leavesPerCombination: 1e6,
          cap: null,
        }),
      );
      // 10^12-scale weights on every reel (as jade-harbor's base reels); on the last reel as large
      // as its draw bound allows, so that its weight times a value's weight passes 2^53 as well.
      const reels = weightedGame(kind).baseReelSet.reels;
      const lastBound = reels[reels.length - 1]!.drawBound;
      const scale = reels.map((_, r) =>
        r === reels.length - 1 ? Math.floor((2 ** 53 - 1) / lastBound) : 999_999_999_989,
      );
      const big = spins(
        enumerateSpinsInline(scaledWeightGame(kind, scale), 'base', 'enumerated', {
          leavesPerCombination: 1e6,
          cap: null,
        }),
      );
      expect(big.denominator).toBeGreaterThan(2n ** 53n);
      expect(byClass(big)).toEqual(byClass(small));
      expect(frac(big.pay, big.denominator)).toEqual(frac(small.pay, small.denominator));
      expect(frac(big.scatter, big.denominator)).toEqual(frac(small.scatter, small.denominator));
    });
  }

  it('two-point values keep every class probability and E[win · 1{class}] where the win is linear in them', () => {
    let checked = 0;
    for (const [i, kind] of (['ways', 'cluster', 'anywhere'] as const).entries()) {
      for (const game of tinyGames(kind, 200 + i, 40)) {
        const linear =
          game.wildMultipliers === 'product' &&
          !game.symbols.some((s) => s.expand && s.multiplierDraw !== null && kind !== 'ways');
        const drawn = game.symbols.some((s) => s.multiplierDraw !== null || s.multiplierSymbol !== null);
        if (!linear || !drawn) continue;
        const truth = bruteSpin(game, 'base');
        const d = spins(
          enumerateSpinsInline(twoPointGame(game), 'base', 'two-point', {
            leavesPerCombination: 1e6,
            cap: null,
          }),
        );
        const enumerated = byClass(d);
        expect([...enumerated.keys()].sort()).toEqual([...truth.byClass.keys()].sort());
        const moments = (m: Map<number, Fraction>): [Fraction, Fraction] => {
          let p = ZERO;
          let mean = ZERO;
          for (const [win, q] of m) {
            p = add(p, q);
            mean = add(mean, mul(q, frac(win)));
          }
          return [p, mean];
        };
        for (const [key, m] of truth.byClass) expect(moments(enumerated.get(key)!)).toEqual(moments(m));
        expect(frac(d.pay, d.denominator)).toEqual(truth.pay);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('the worker pool gives the inline result, part for part', async () => {
    const game = tinyGames('cluster', 300, 10).find((g) =>
      g.symbols.some((s) => s.multiplierSymbol !== null),
    )!;
    const inline = spins(
      enumerateSpinsInline(game, 'base', 'enumerated', { leavesPerCombination: 1e6, cap: null }),
    );
    const pooled = spins(
      await enumerateSpins(game, 'base', 'enumerated', { threads: 2, leavesPerCombination: 1e6, cap: null }),
    );
    expect(pooled).toEqual(inline);
  });

  it('a task whose value draws pass its spins stops and says so', () => {
    const game = tinyGames('anywhere', 301, 20).find((g) =>
      g.symbols.some((s) => s.multiplierSymbol !== null),
    )!;
    const d = enumerateSpinsInline(game, 'base', 'enumerated', {
      leavesPerCombination: 0,
      minLeaves: 0,
      cap: null,
    });
    expect('exceeded' in d).toBe(true);
  });
});
