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
import { add, frac } from '../../../src/math/fraction.js';
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

function ways(file: Record<string, unknown>): Game {
  return parseGame(
    JSON.stringify({
      format: 'slotsim/2',
      id: 'hand',
      name: 'Hand',
      version: '1',
      bet: { credits: 1, lineBet: 1 },
      evaluation: 'ways',
      ...file,
    }),
    { file: 'hand.json' },
  );
}

describe('per-reel exact form, hand-computed', () => {
  it('drawn wild values enter by their means: (A,A) 5, (A,W) 5·v, (B,A) 0, (B,W) 1·v with E[v] = 2 → 17/4', () => {
    // Two reels of one row, each stop 1/4 of the cycle. W draws ×1 or ×3 (mean 2).
    // (A,A): 1 way of A ×2 pays 5. (A,W): n₁ = v, m₁ = v, ways = 1·v − 0·v = v: 5v, mean 10.
    // (B,A): B stops at reel 1 (no pay for 1), A has no cell on reel 0. (B,W): B ×2, v ways, mean 2.
    // E[pay] = (5 + 10 + 0 + 2) / 4 = 17/4; hits: A ×2 on 2 of 4, B ×2 on 1 of 4.
    const game = ways({
      grid: { reels: 2, rows: 1 },
      symbols: {
        A: {},
        B: {},
        W: {
          wild: true,
          multiplier: [
            { value: 1, weight: 1 },
            { value: 3, weight: 1 },
          ],
        },
      },
      pays: [
        { symbol: 'A', pays: { '2': 5 } },
        { symbol: 'B', pays: { '2': 1 } },
      ],
      reelSets: {
        base: [
          ['A', 'B'],
          ['A', 'W'],
        ],
      },
    });
    const p = perReelSpin(game, 'base');
    expect(p.pay).toEqual(frac(17, 4));
    expect(p.wins.get('0:2:1')).toEqual({ rule: 0, count: 2, hits: frac(1, 2), credits: frac(15, 4) });
    expect(p.wins.get('1:2:1')).toEqual({ rule: 1, count: 2, hits: frac(1, 4), credits: frac(1, 2) });
  });

  it('heights are mixtures: each reel shows 1 or 2 rows, E[A cells] = 3/4 per reel → 9/16', () => {
    // Per reel: height 1 at stop 0 [A], stop 1 [B]; height 2 at stop 0 [A,B], stop 1 [B,A]: each 1/4.
    // A cells: 1, 0, 1, 1 → E = 3/4, P(> 0) = 3/4. E[pay] = 1 · 3/4 · 3/4 = 9/16 = P(A ×2).
    const game = ways({
      grid: {
        reels: 2,
        rows: 2,
        heights: [
          [
            { rows: 1, weight: 1 },
            { rows: 2, weight: 1 },
          ],
          [
            { rows: 1, weight: 1 },
            { rows: 2, weight: 1 },
          ],
        ],
      },
      symbols: { A: {}, B: {} },
      pays: [{ symbol: 'A', pays: { '2': 1 } }],
      reelSets: {
        base: [
          ['A', 'B'],
          ['A', 'B'],
        ],
      },
    });
    const p = perReelSpin(game, 'base');
    expect(p.pay).toEqual(frac(9, 16));
    expect(p.wins.get('0:2:1')?.hits).toEqual(frac(9, 16));
  });

  it('an expanding wild fills its reel and covers the scatter: E[pay] = 4/3, E[scatter] = 1', () => {
    // Reel 0 [A,B] always shows one A. Reel 1 (2 rows) at stop 0 shows [W,B] → [W,W]: 2 ways;
    // stop 1 [B,S]: no A; stop 2 [S,W] → [W,W]: 2 ways, its scatter covered (ruling 24).
    // E[pay] = 1 · (2 + 0 + 2)/3 = 4/3; one scatter only at stop 1: P = 1/3, pays 3 → E = 1.
    const game = ways({
      grid: { reels: 2, rows: 2 },
      symbols: { A: {}, B: {}, W: { wild: true, expand: true }, S: { scatter: true } },
      pays: [{ symbol: 'A', pays: { '2': 1 } }],
      scatter: { symbol: 'S', pays: { '1': 3 } },
      reelSets: {
        base: [
          ['A', 'B'],
          ['W', 'B', 'S'],
        ],
      },
    });
    const p = perReelSpin(game, 'base');
    expect(p.pay).toEqual(frac(4, 3));
    expect(p.scatter).toEqual(frac(1));
    expect(p.scatterCounts).toEqual(
      new Map([
        [0, frac(2, 3)],
        [1, frac(1, 3)],
      ]),
    );
  });

  it("a wild's own rule counts its own cells, unmultiplied; a run of wilds alone pays X nothing", () => {
    // Reels [W,A] and [W,B], one row, W ×2 fixed. (W,W): W ×2 own rule, 1 way: 4; A: n = 2·2,
    // m = 2·2, ways 4 − 4 = 0 (no A cell) → nothing; B likewise. (W,B): B ×2: n₀ = 2, ways 2 − 0 = 2 → 2.
    // (A,W): A ×2, 2 ways → 2. (A,B): nothing. E[pay] = (4 + 2 + 2 + 0)/4 = 2; hits of A ×2: 1/4.
    const game = ways({
      grid: { reels: 2, rows: 1 },
      symbols: { A: {}, B: {}, W: { wild: true, multiplier: 2 } },
      pays: [
        { symbol: 'A', pays: { '2': 1 } },
        { symbol: 'B', pays: { '2': 1 } },
        { symbol: 'W', pays: { '2': 4 } },
      ],
      reelSets: {
        base: [
          ['W', 'A'],
          ['W', 'B'],
        ],
      },
    });
    const p = perReelSpin(game, 'base');
    expect(p.pay).toEqual(frac(2));
    expect(p.wins.get('0:2:1')?.hits).toEqual(frac(1, 4));
    expect(p.wins.get('2:2:1')).toEqual({ rule: 2, count: 2, hits: frac(1, 4), credits: frac(1) });
  });
});
