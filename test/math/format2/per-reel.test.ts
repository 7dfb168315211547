/**
 * The per-reel exact form against the other exact route: the full-cycle enumeration through the
 * engine's spin player (every height × stop combination, every value draw enumerated). Both give
 * exact fractions, so they must agree to the last digit: E[pay], E[scatter], every class's
 * probability and E[win · 1{class}], every paying combination's hits and credits, the scatter and
 * coin count tables. Plus hand-computed cases, one per rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../../src/engine/model.js';
import { parseGame } from '../../../src/game/index.js';
import { add, frac, ZERO } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';
import { perReelProblem, perReelSpin } from '../../../src/math/format2/per-reel.js';
import type { PerReelSpin } from '../../../src/math/format2/per-reel.js';
import type { SpinDistribution } from '../../../src/math/format2/spin-distribution.js';
import { enumerateSpinsInline } from '../../../src/math/format2/spin-run.js';
import { tinyGame } from '../../helpers/tiny-games.js';

function enumerated(game: Game, role: 'base' | 'free'): SpinDistribution {
  const d = enumerateSpinsInline(game, role, 'enumerated', { leavesPerCombination: 1e6, cap: null });
  if ('exceeded' in d) throw new Error(d.exceeded);
  return d;
}

/** Everything both routes state, as fractions, keyed alike. */
function figuresOfEnumeration(d: SpinDistribution): Record<string, Fraction> {
  const out: Record<string, Fraction> = {};
  const D = d.denominator;
  out.pay = frac(d.pay, D);
  out.scatter = frac(d.scatter, D);
  d.classes.forEach((c, k) => {
    let w = 0n;
    let s1 = 0n;
    for (const [win, weight] of d.byClass[k]!) {
      w += weight;
      s1 += weight * BigInt(win);
    }
    if (w === 0n) return;
    out[`class ${c.key} weight`] = frac(w, D);
    out[`class ${c.key} win`] = frac(s1, D);
  });
  for (const [key, [hits, credits]] of d.par.wins) {
    out[`win ${key} hits`] = frac(hits, D);
    out[`win ${key} credits`] = frac(credits, D);
  }
  for (const [n, w] of d.par.scatterCounts) if (w > 0n) out[`scatter ${n}`] = frac(w, D);
  for (const [n, w] of d.par.coinCounts) if (w > 0n) out[`coins ${n}`] = frac(w, D);
  return out;
}

function figuresOfPerReel(p: PerReelSpin): Record<string, Fraction> {
  const out: Record<string, Fraction> = {};
  out.pay = p.pay;
  out.scatter = p.scatter;
  for (const c of p.classes) {
    if (c.weight.n === 0n) continue;
    out[`class ${c.info.key} weight`] = c.weight;
    out[`class ${c.info.key} win`] = add(c.pay, c.scatter);
  }
  for (const [key, w] of p.wins) {
    out[`win ${key} hits`] = w.hits;
    out[`win ${key} credits`] = w.credits;
  }
  for (const [n, q] of p.scatterCounts ?? []) if (q.n > 0n) out[`scatter ${n}`] = q;
  for (const [n, q] of p.coinCounts ?? []) if (q.n > 0n) out[`coins ${n}`] = q;
  return out;
}

function tinyWaysGames(seed: number, runs: number): Game[] {
  return fc
    .sample(tinyGame('ways'), { seed, numRuns: runs })
    .map((raw) => parseGame(JSON.stringify(raw), { file: 'tiny.json' }));
}

describe('per-reel exact form of a ways spin against the full-cycle enumeration', () => {
  it('tiny ways games (heights, fixed and drawn wilds, expanding wilds, scatter, free spins, coins): every figure equal (seed 1100)', () => {
    let checked = 0;
    let withValues = 0;
    let withHeights = 0;
    let withExpand = 0;
    for (const game of tinyWaysGames(1100, 400)) {
      for (const role of ['base', 'free'] as const) {
        if (role === 'free' && game.freeSpins === null) continue;
        if (perReelProblem(game, role) !== null) continue;
        const exact = figuresOfEnumeration(enumerated(game, role));
        const perReel = figuresOfPerReel(perReelSpin(game, role));
        expect(perReel).toEqual(exact);
        checked++;
        if (game.symbols.some((s) => s.multiplierDraw !== null)) withValues++;
        if (game.heights !== null) withHeights++;
        if (game.symbols.some((s) => s.expand)) withExpand++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(withValues).toBeGreaterThan(5);
    expect(withHeights).toBeGreaterThan(5);
    expect(withExpand).toBeGreaterThan(5);
  });

  it('refuses what is not a product of reels, and says why', () => {
    const refused = tinyWaysGames(1101, 80)
      .map((g) => perReelProblem(g, 'base'))
      .filter((p) => p !== null);
    expect(refused.some((p) => p.includes('cascade'))).toBe(true);
    expect(refused.some((p) => p.includes('multiplier symbols'))).toBe(true);
  });
});
