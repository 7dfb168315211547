import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/math/analysis-types.js';
import type { EvaluationKind, Game } from '../../../src/engine/model.js';
import { listModes, parseGame } from '../../../src/game/index.js';
import { analyzeFormat2 } from '../../../src/math/format2/analyze-format2.js';
import { revealBranches, withTwoPoint } from '../../../src/math/format2/plan-format2.js';
import { roleSpace } from '../../../src/math/format2/spin-run.js';
import { div, frac, mul, sub, toNumber } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';
import { tinyGame } from '../../helpers/tiny-games.js';
import { bruteRound } from './round-brute.js';
import type { RoundTruth } from './round-brute.js';
import { analysisJson } from '../../../src/report/analysis-json.js';
import { coinGame } from './coin-game.js';
import { weightedGame } from './weighted-games.js';

/** Every mode of tiny generated games of one kind. */
function tinyModes(kind: EvaluationKind, seed: number, runs: number): Game[] {
  return fc.sample(tinyGame(kind), { seed, numRuns: runs }).flatMap((raw) => {
    const text = JSON.stringify(raw);
    return listModes(text, { file: 'tiny.json' }).map((mode) => parseGame(text, { file: 'tiny.json', mode }));
  });
}

/** A figure equals the truth: exactly when it says exact, within 1e-9 when exact-double. */
function agrees(figure: Figure, truth: Fraction, what: string): void {
  switch (figure.precision) {
    case 'exact':
    case 'exact-expectation':
      if (figure.exact !== null) {
        expect(figure.exact, what).toEqual(truth);
        return;
      }
      expect(Math.abs(figure.value - toNumber(truth)), what).toBeLessThan(
        1e-9 * Math.max(1, toNumber(truth)),
      );
      return;
    case 'exact-double':
      expect(Math.abs(figure.value - toNumber(truth)), what).toBeLessThan(
        1e-9 * Math.max(1, toNumber(truth)),
      );
      return;
    default:
      return;
  }
}

async function check(game: Game, truth: RoundTruth): Promise<{ exact: boolean; labels: string[] }> {
  const a = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 2000 } });
  const cost = frac(game.cost);
  const per = (f: Fraction): Fraction => div(f, cost);
  const name = `${game.id} mode ${game.mode}`;
  agrees(a.rtp, per(truth.total), `${name}: rtp`);
  agrees(a.components.lines, per(truth.lines), `${name}: lines`);
  agrees(a.components.scatter, per(truth.scatter), `${name}: scatter`);
  agrees(a.components.bonus, per(truth.bonus), `${name}: bonus`);
  agrees(a.components.holdAndWin!, per(truth.holdAndWin), `${name}: holdAndWin`);
  agrees(a.components.freeSpins, per(truth.freeSpins), `${name}: freeSpins`);
  agrees(a.pFreeSpinsTrigger, truth.fsTrigger, `${name}: pFreeSpinsTrigger`);
  agrees(a.pBonusTrigger, truth.bonusTrigger, `${name}: pBonusTrigger`);
  agrees(a.hitFrequency!, truth.hit, `${name}: hitFrequency`);
  if (a.expectedFreeSpinsPerTrigger !== null && truth.fsTrigger.n > 0n)
    agrees(a.expectedFreeSpinsPerTrigger, div(truth.spins, truth.fsTrigger), `${name}: spins per trigger`);
  if (a.sd !== null && a.sd.precision !== 'simulated') {
    const variance = div(sub(truth.square, mul(truth.total, truth.total)), mul(cost, cost));
    if (a.sd.precision === 'exact') expect(a.sd.exact, `${name}: variance`).toEqual(variance);
    // In doubles E[X²] − E[X]² cancels: compare variances, to 1e-12 of E[X²].
    else {
      const scale = toNumber(div(truth.square, mul(cost, cost)));
      expect(Math.abs(a.sd.value ** 2 - toNumber(variance)), `${name}: variance`).toBeLessThan(
        1e-12 * Math.max(1, scale),
      );
    }
  }
  if (a.maxWin.capHit !== null && a.maxWin.capHit.precision !== 'simulated')
    agrees(a.maxWin.capHit, truth.capped, `${name}: cap`);
  const hw = a.format2?.holdAndWin;
  if (hw !== undefined && hw !== null) agrees(hw.pTrigger, truth.hwTrigger, `${name}: pHoldAndWinTrigger`);
  const labels = [
    `rtp:${a.rtp.precision}`,
    ...(game.start === null ? [] : [`start:${game.start.kind}`]),
    ...(game.cascade === null ? [] : ['cascade']),
    ...(game.holdAndWin === null ? [] : ['holdAndWin']),
    ...(a.maxWin.canBind ? ['cap binds'] : []),
  ];
  return { exact: a.exact, labels };
}

describe('the format-2 analysis against every draw path of whole rounds', () => {
  for (const [i, kind] of (['lines', 'ways', 'cluster', 'anywhere'] as const).entries()) {
    it(`${kind}: every exact figure equals the engine's rounds, exact-double within 1e-9 (seed ${400 + i})`, async () => {
      const seen = new Map<string, number>();
      for (const game of tinyModes(kind, 400 + i, 14)) {
        const truth = bruteRound(game, 20_000);
        if (truth === null) continue;
        const { labels } = await check(game, truth);
        for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
      }
      expect(seen.get('rtp:exact') ?? 0).toBeGreaterThan(3);
      expect(seen.get('cascade') ?? 0).toBeGreaterThan(3);
      expect(seen.get('holdAndWin') ?? 0).toBeGreaterThan(3);
    });
  }
});

describe('the hold-and-win trigger rate in every output', () => {
  it("--json carries the analysis's rate (it printed an exact 0 while the PAR table had the rate), 1 in the coin buy", async () => {
    for (const [mode, maxWin] of [
      ['base', 400],
      ['base', 40],
      ['coins', 400],
    ] as const) {
      const a = await analyzeFormat2(coinGame(mode, { maxWin }), {
        threads: 0,
        simulation: { rounds: 1000 },
      });
      const rate = a.format2!.holdAndWin!.pTrigger;
      expect(a.pHoldAndWinTrigger).toEqual(rate);
      const doc = analysisJson(a) as {
        pHoldAndWinTrigger: number;
        figures: { pHoldAndWinTrigger: { value: number } };
      };
      expect(doc.pHoldAndWinTrigger).toBe(rate.value);
      expect(doc.figures.pHoldAndWinTrigger.value).toBe(rate.value);
      if (mode === 'coins') expect(rate.value).toBe(1);
      // The paid spin starts the feature on 5+ coins: a real rate, neither 0 nor 1.
      else expect(rate.value).toBeGreaterThan(0);
      expect(a.holdAndWin).toEqual(a.components.holdAndWin);
    }
  });
});

describe('the format-2 analysis against whole rounds of weighted games', () => {
  const freeSpins = {
    freeSpins: {
      trigger: { symbol: 'S', awards: { '2': { '1': 1, '3': 2 } } },
      retrigger: { '2': 1 },
      maxSpins: 2,
      multiplier: 2,
      reelSet: 'free',
    },
  };
  const freeReels = {
    base: [
      { strip: ['A', 'B', 'W', 'S'], weights: [3, 1, 1, 2] },
      { strip: ['A', 'M', 'B'], weights: [2, 1, 2] },
      { strip: ['B', 'A', 'S', 'A'], weights: [1, 2, 1, 1] },
    ],
    free: [['A', 'S'], ['A'], ['S', 'A']],
  };
  it('tumbling lines: a drawn award past maxSpins, retriggers, drawn wild and multiplier values', async () => {
    const game = weightedGame('lines', { ...freeSpins, reelSets: freeReels });
    const truth = bruteRound(game, 400_000)!;
    expect(truth).not.toBeNull();
    await check(game, truth);
  });
  it('reports progress over both reel sets as one count, ending at their combinations', async () => {
    const game = weightedGame('lines', { ...freeSpins, reelSets: freeReels });
    const calls: [number, number][] = [];
    await analyzeFormat2(game, {
      threads: 0,
      simulation: { rounds: 1000 },
      onProgress: (done, total) => calls.push([done, total]),
    });
    // Paid: 4 × 3 × 4 stops; free: 2 × 1 × 2.
    const total = 4 * 3 * 4 + 2 * 1 * 2;
    expect(calls.length).toBeGreaterThan(1);
    expect(new Set(calls.map(([, t]) => t))).toEqual(new Set([total]));
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
    expect(calls.at(-1)![0]).toBe(total);
  });
  it('the same capped at 6× bet: the capped round in doubles', async () => {
    const game = weightedGame('lines', { ...freeSpins, reelSets: freeReels, maxWin: 6 });
    const truth = bruteRound(game, 400_000)!;
    const a = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 1000 } });
    expect(a.maxWin.canBind).toBe(true);
    expect(a.rtp.precision).toBe('exact-double');
    expect(truth.capped.n).toBeGreaterThan(0n);
    await check(game, truth);
  });
});

describe('values by their means (two-point tables) where the budget is too small for every value draw', () => {
  /** A tumbling cluster game whose multiplier symbol draws 1, 2 or 4 (weights 1, 1, 2). */
  const mGame = (evaluation: 'cluster' | 'lines', extra: Record<string, unknown> = {}): Game =>
    weightedGame('cluster', {
      symbols: {
        A: {},
        B: {},
        W: { wild: true, multiplier: 2 },
        M: {
          multiplierSymbol: [
            { value: 1, weight: 1 },
            { value: 2, weight: 1 },
            { value: 4, weight: 2 },
          ],
        },
      },
      ...(evaluation === 'lines'
        ? {
            evaluation: 'lines',
            paylines: [
              [0, 0, 0],
              [1, 1, 1],
            ],
            pays: [
              { symbol: 'A', pays: { '2': 1, '3': 4 } },
              { symbol: 'B', pays: { '3': 2 } },
            ],
            cascade: { refill: 'strip', maxCascades: 2 },
          }
        : {}),
      ...extra,
    });

  /** A budget with room for the two-point tables' paths at the reveal, not for every value's. */
  const between = (game: Game): number => {
    const combinations = roleSpace(game, 'base').combinations;
    const full = revealBranches(game, game.baseReelSet);
    const twoPoint = revealBranches(withTwoPoint(game, [game.symbolIndex.M!]), game.baseReelSet);
    expect(twoPoint).toBeLessThan(full);
    return Math.floor((combinations * (full + twoPoint)) / 2);
  };

  it('exact-expectation: the RTP is the engine’s to the last digit; the sd is left to the simulation and named', async () => {
    const game = mGame('cluster');
    const truth = bruteRound(game, 400_000)!;
    const full = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 1000 } });
    expect(full.rtp.precision).toBe('exact');
    const a = await analyzeFormat2(game, { threads: 0, budget: between(game), simulation: { rounds: 1000 } });
    expect(a.format2!.spins.base).toMatchObject({ values: 'two-point' });
    expect(a.rtp.precision).toBe('exact-expectation');
    expect(a.rtp.exact).toEqual(div(truth.total, frac(game.cost)));
    expect(a.components.lines.precision).toBe('exact-expectation');
    expect(a.hitFrequency!.exact).toEqual(truth.hit);
    expect(a.sd!.precision).toBe('simulated');
    expect(a.format2!.simulated).toContain('sd');
    expect(a.notExact.some((n) => n.includes('ruling 36'))).toBe(true);
  });

  it('a cap that can bind makes the two-point means simulated (ruling 40)', async () => {
    const game = mGame('cluster', { maxWin: 3 });
    const a = await analyzeFormat2(game, { threads: 0, budget: between(game), simulation: { rounds: 1000 } });
    expect(a.format2!.spins.base).toMatchObject({ values: 'two-point' });
    expect(a.maxWin.canBind).toBe(true);
    expect(a.rtp.precision).toBe('simulated');
    expect(a.format2!.simulated).toContain('rtp');
  });

  it('lines are not linear in a wild’s values: past the budget they are simulated, not averaged', async () => {
    const game = weightedGame('lines');
    const full = await analyzeFormat2(game, { threads: 0, simulation: { rounds: 1000 } });
    const spins = (full.format2!.spins.base as { spins: number }).spins;
    const a = await analyzeFormat2(game, {
      threads: 0,
      budget: Math.floor(spins * 0.5),
      simulation: { rounds: 1000 },
    });
    expect(a.rtp.precision).toBe('simulated');
    expect((a.format2!.spins.base as { reason: string }).reason).toContain('budget');
  });
});
