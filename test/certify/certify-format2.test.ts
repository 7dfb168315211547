import { describe, expect, it } from 'vitest';
import { certify } from '../../src/certify/certify.js';
import { drawTests } from '../../src/certify/draw-tests.js';
import type { CertifyReport } from '../../src/certify/report-types.js';
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { certifyReportFiles } from '../../src/report/certify-files.js';
import type { Json } from '../game/games.js';
import { holdAndWinGame, megawaysGame } from '../game/games-v2.js';
import { sumBells } from './sum-bells.js';

const load = (game: Json, mode = 'base'): Game =>
  parseGame(JSON.stringify(game), { file: 'g.json', variant: null, mode });

const run = (game: Game, spins: number, seed: string): Promise<CertifyReport> =>
  certify({
    game,
    file: 'g.json',
    spins,
    seed,
    rng: 'aes-128-ctr',
    threads: 0,
    detailSpins: spins,
    command: 'x',
    date: new Date('2026-12-07T00:00:00Z'),
  });

/** Every `precision` member anywhere in the report. */
function precisions(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = 'precision' in node ? [String(node.precision)] : [];
  return [...own, ...Object.values(node).flatMap(precisions)];
}

describe('certify of a game using a format-2 mechanic', () => {
  it("past the enumeration's budget, the per-reel route gives the means (RTP tested against them) and the combinations are N/A with the reason; the draws are tested (heights, seed c2)", async () => {
    const report = await run(load(megawaysGame()), 2_000, 'c2');
    const [rtpExact, target, combinations, rng, components, features] = report.verdicts;
    // 139,314,069,504 height × stop combinations: more than the default budget of 2 × 10⁹, so the
    // per-reel route gives the means (no cascade, ways, no cap): the RTP verdict tests the
    // simulation against its exact expectation (values by their means, ruling 35).
    expect(rtpExact!.status).not.toBe('N/A');
    expect(report.exact.rtp.precision).toBe('exact-expectation');
    expect(report.exact.components.scatter.precision).toBe('exact');
    expect(target!.status).toBe('N/A'); // the test game declares no target
    expect(combinations!.status === 'N/A' && combinations!.reason).toMatch(
      /the paying combinations have no exact probabilities yet .*139,314,069,504 combinations .* pass the budget of 2,000,000,000/,
    );
    expect(components!.status).toBe('N/A');
    // Verdict 4: six reel-stop tests, six reel-height tests, the wild's drawn values and the serial test.
    expect(rng!.status).not.toBe('N/A');
    expect(rng!.details.map(([name]) => name).filter((n) => n.startsWith('heights of reel'))).toHaveLength(6);
    expect(rng!.details.some(([name]) => name.startsWith('values of WILD'))).toBe(true);
    expect(features!.status).not.toBe('N/A');
    // Exact: what the values never touch (scatter, the parts the game has none of, the trigger
    // rate, the spins per trigger); the means of pays are exact expectations; nothing exact-double.
    expect(precisions(report).filter((p) => p === 'exact-double')).toEqual([]);
    expect(report.exact.components.lines.precision).toBe('exact-expectation');
    expect(report.exact.components.freeSpins.precision).toBe('exact-expectation');
    expect(report.exact.components.bonus).toEqual({ value: 0, precision: 'exact', fraction: '0' });
    expect(report.combinations.observed!.length).toBeGreaterThan(0);
    expect(report.draws.filter((d) => d.part === 'reels').map((d) => d.name)).toContain('heights of reel 6');
    // The files render, and say what they are.
    const files = certifyReportFiles(report);
    expect(files['report.md']).toMatch(/## \d+ Analysis/);
    expect(files['report.md']).not.toMatch(/simulated: no exact figures/);
    expect(files['report.md']).toMatch(/Other weighted draws/);
    expect(files['report.html']).toMatch(/Paying combinations of the paid spin \(observed\)/);
    expect(files['par.csv']!.split('\n').length).toBeGreaterThan(2);
  });

  it('a mode that starts in hold and win: no paid spin, its start and coins tested, stake = cost (seed c3)', async () => {
    const report = await run(load(holdAndWinGame(), 'coins'), 3_000, 'c3');
    expect(report.identification).toMatchObject({ mode: 'coins', cost: 1500 });
    expect(report.exact.stake).toBe(1500);
    expect(report.reels).toEqual([]);
    expect(report.draws.map((d) => d.name)).toEqual([
      'starting coins of mode coins',
      'hold-and-win coin values',
      'hold-and-win landings per empty cell',
    ]);
    const features = report.verdicts[5]!;
    expect(features.status).toBe('PASS');
    expect(report.simulation.holdAndWin.triggers).toBe(3_000);
    expect(report.simulation.components.holdAndWin).toBe(report.simulation.rtp);
    expect(certifyReportFiles(report)['report.md']).toMatch(
      /has no paid spin, so no paid-spin reel stop is tested/,
    );
  });
});

describe("a weighted draw's test", () => {
  it('fails counts that follow other weights, and passes counts that follow its own', () => {
    // Weights 3 : 1 over 4,000 draws expect 3,000 and 1,000; 2,500 / 1,500 is χ² = 83 + 250 = 333.
    const [bad, good] = drawTests(
      [
        { name: 'bad', part: 'features', labels: ['a', 'b'], weights: [3, 1], counts: [2_500, 1_500] },
        { name: 'good', part: 'features', labels: ['a', 'b'], weights: [3, 1], counts: [3_010, 990] },
        { name: 'elsewhere', part: 'reels', labels: ['a'], weights: [1], counts: [5] },
      ],
      'features',
    );
    expect(bad!.fit.statistic).toBeCloseTo(500 ** 2 / 3000 + 500 ** 2 / 1000, 9);
    expect(bad!.fit.pValue!).toBeLessThan(1e-50);
    // 10² / 3000 + 10² / 1000 = 0.1333: p = 0.715.
    expect(good!.fit.pValue!).toBeCloseTo(0.715, 3);
    expect(good!.expected).toEqual([3000, 1000]);
  });
});

describe('certify of a format-2 game its exact analysis covers: the RTP verdicts use the exact RTP', () => {
  const withTarget = (target: number): Game =>
    parseGame(JSON.stringify({ ...sumBells, rtp: { target, tolerance: 0.001 } }), { file: 'sum-bells.json' });

  it('PASS against the exact 697/736, each headline figure labelled exact with its fraction (seed e1)', async () => {
    // 20,000 rounds: the 99 % interval around 697/736 is ± 2.5758 × 7.39399 / √20,000 = ± 0.1347.
    const report = await run(withTarget(697 / 736), 20_000, 'e1');
    const [rtpExact, target] = report.verdicts;
    expect(rtpExact!.status).toBe('PASS');
    expect(rtpExact!.figures.exactRtp).toBe(697 / 736);
    expect(rtpExact!.figures.sdSource).toBe('exact');
    expect(target!.status).toBe('PASS');
    expect(report.exact.rtp).toEqual({ value: 697 / 736, precision: 'exact', fraction: '697/736' });
    expect(report.exact.components.lines.fraction).toBe('697/736');
    expect(report.exact.sd!.precision).toBe('exact');
    expect(report.exact.sd!.value).toBeCloseTo(7.39399, 5);
    // The 247 winning combinations of 1,472: 247/1472.
    expect(report.exact.hitFrequency).toMatchObject({ precision: 'exact', fraction: '247/1472' });
    // The tables stay the simulation's, and the report says which figure is which.
    expect(report.exact.simulatedOnly).toBe(true);
    expect(report.exact.notes[0]).toMatch(
      /^from the exact format-2 analysis, with their labels: .*rtp \(exact\)/,
    );
    expect(report.exact.notes.join(' ')).toMatch(
      /the paying combinations and the win distribution are the simulation's/,
    );
    expect(report.exact.notes.join(' ')).not.toMatch(/1,000 rounds/); // the analysis's token stand-in
    // The enumeration is named without its threads and seconds: report.json depends on the game,
    // seed and rounds only.
    expect(report.exact.notes.join(' ')).toMatch(
      /512 combinations, 512 spins with their value draws\), every cascade/,
    );
    expect(report.exact.notes.join(' ')).not.toMatch(/calling thread| s\)/);
    expect(report.exact.maxExposure.largestPaidSpin).toEqual({ credits: 200, x: 200, oneIn: 1472 });
    const files = certifyReportFiles(report);
    expect(files['report.md']).toMatch(/## \d+ Analysis \(exact where labelled; tables simulated\)/);
    expect(files['report.md']).toMatch(/\| RTP \| 94\.7011% = 697\/736 \|/);
    expect(files['report.html']).toContain('Analysis (exact where labelled; tables simulated)');
  });

  it('FAIL when the declared target is off the exact RTP by more than its tolerance (seed e1)', async () => {
    const report = await run(withTarget(697 / 736 + 0.0011), 20_000, 'e1');
    expect(report.verdicts[1]!.status).toBe('FAIL');
    expect(report.verdicts[0]!.status).toBe('PASS');
    expect(report.overall).toBe('FAIL');
  });
});
