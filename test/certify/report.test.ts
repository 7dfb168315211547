import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCertifyReport } from '../../src/certify/build-report.js';
import { certify } from '../../src/certify/certify.js';
import type { CertifyReport } from '../../src/certify/report-types.js';
import { verdictLine } from '../../src/certify/verdict.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame } from '../../src/math/index.js';
import { distributionCsv, parCsv } from '../../src/report/certify-csv.js';
import { certifyJson } from '../../src/report/certify-json.js';
import { certifyMarkdown } from '../../src/report/certify-md.js';
import { certifyHtml } from '../../src/report/html/certify-html.js';
import { reportId } from '../../src/report/report-id.js';
import { simulateWithDetail } from '../../src/sim/detail-simulate.js';
import { threeBells } from '../helpers/games.js';
import { exhaustiveDistribution } from '../math/exhaustive.js';
import { tinyLines } from '../math/tiny-games.js';
import { bucketOfWin, distributionBuckets } from '../../src/stats/distribution.js';
import { toNumber } from '../../src/math/fraction.js';

const DATE = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

async function certifyRaw(raw: object, spins: number, seed: string): Promise<CertifyReport> {
  const text = JSON.stringify(raw);
  const game = parseGame(text, { file: 'game.json', variant: null });
  return certify({
    game,
    file: 'game.json',
    spins,
    seed,
    rng: 'aes-128-ctr',
    threads: 0,
    detailSpins: spins,
    command: 'slotsim certify game.json',
    date: DATE,
  });
}

/** No resource the page would fetch: no src/href/url() pointing anywhere, no script. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
}

describe('the certification report (in process, seed "r1")', () => {
  it('renders all five files from one data object, escaped and self-contained', async () => {
    const hostile = { ...threeBells, name: '<script>alert("x")</script> & Co\'s "Bells"' };
    const report = await certifyRaw(hostile, 150_000, 'r1');
    expect(report.overall).toBe('PASS');
    expect(report.verdicts.map((v) => v.status)).toEqual(['PASS', 'N/A', 'PASS', 'PASS', 'PASS', 'N/A']);
    const id = reportId(certifyJson(report));
    const html = certifyHtml(report, { reportId: id });
    expectSelfContained(html);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s');
    expect(html).not.toContain('<script>alert');
    // The two charts, and one small picture per payline (three-bells has one line).
    expect(html.match(/<svg [^>]*aria-label="(RTP convergence|Win distribution)"/g)).toHaveLength(2);
    expect(html.match(/<svg [^>]*aria-label="payline \d+: rows 0 0 0"/g)).toHaveLength(1);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toMatch(/@media print/);
    const md = certifyMarkdown(report, { reportId: id });
    expect(md).toContain('slotsim certify game.json');
    expect(md).toContain(report.identification.game.sha256);
    const json = JSON.parse(certifyJson(report)) as CertifyReport;
    expect(json.identification).toMatchObject({
      seed: 'r1',
      rounds: 150_000,
      date: '2026-01-02T03:04:05.000Z',
    });
    expect(json.convergence.points.at(-1)!.rtp).toBe(report.simulation.rtp);
    const par = parCsv(report).trim().split('\n');
    expect(par[0]).toMatch(/^spin,key,kind,combination,pay_credits/);
    expect(par).toHaveLength(1 + report.combinations.rows.length);
    expect(distributionCsv(report).trim().split('\n')).toHaveLength(14);
    expect(report.certifiable).toBe(true);
    expect(md).toMatch(/production RNG certificate \| none given/);
  });

  it('a PAR sheet that does not match the game fails the RTP and combination verdicts', async () => {
    // Simulate the spec's game, but judge it against a variant whose middle reel is weighted
    // differently: the exact figures no longer describe what is played.
    const played = JSON.stringify(threeBells);
    const game = parseGame(played, { file: 'game.json', variant: null });
    const claimedRaw = structuredClone(threeBells) as { reelSets: { base: { weights: number[] }[] } };
    claimedRaw.reelSets.base[1]!.weights = [4, 4, 3, 4, 1, 4, 1, 2];
    const claimed = parseGame(JSON.stringify(claimedRaw), { file: 'claimed.json', variant: null });
    const { report, detail, histogram } = await simulateWithDetail({
      game,
      spins: 400_000,
      seed: 'r2',
      rng: 'aes-128-ctr',
      threads: 0,
      detailRounds: 400_000,
    });
    const built = buildCertifyReport({
      game: claimed,
      analysis: analyzeGame(claimed),
      simulation: report,
      detail,
      histogram,
      analysisSeconds: 0,
      identification: {
        game: { ...claimed, variant: null, file: 'claimed.json' },
        mode: 'base',
        cost: claimed.cost,
        slotsimVersion: 'test',
        rng: 'aes-128-ctr',
        seed: 'r2',
        rounds: 400_000,
        detailRounds: 400_000,
        threads: 0,
        date: DATE.toISOString(),
        command: 'x',
        rngCertificate: null,
      },
    });
    const status = Object.fromEntries(built.verdicts.map((v) => [v.id, v.status]));
    expect(status).toMatchObject({ combinations: 'FAIL', rng: 'FAIL', components: 'FAIL' });
    expect(built.overall).toBe('FAIL');
  });

  it('a cap that only cuts the paid spin: the enumerated cycle keeps every figure exact', async () => {
    // 50× the stake cuts WILD WILD WILD (200); with no feature the cycle gives the capped RTP exactly.
    const report = await certifyRaw({ ...threeBells, id: 'capped-bells', maxWin: 50 }, 60_000, 'r3');
    expect(report.exact.maxWin.canBind).toBe(true);
    expect(report.exact.rtp.precision).toBe('exact');
    // Cut: WILD WILD WILD 200 → 50 (1 combination of 1472) and BELL ×3 with wilds ×4, 80 → 50 (4 of 1472).
    expect(report.exact.rtp.value).toBeCloseTo(697 / 736 - (150 * 1 + 30 * 4) / 1472, 12);
    expect(report.verdicts[0]!.status).toBe('PASS');
  });

  it('a cap that binds with features: the capped RTP is exact, verdict 1 is made, the cap has its own bucket', async () => {
    const text = readFileSync('configs/thunder-anvil.json', 'utf8');
    const raw = { ...(JSON.parse(text) as object), rtp: { target: 0.958, tolerance: 0.0005 } };
    const report = await certifyRaw(raw, 40_000, 'r4');
    expect(report.exact.exact).toBe(true);
    expect(report.exact.rtp.precision).toBe('exact-double');
    expect(report.exact.rtp.value).toBeCloseTo(0.958147, 6);
    const [rtpExact, rtpTarget] = report.verdicts;
    // 40,000 rounds pass Cochran's rule (skewness 30.3: more than 22,916 rounds).
    expect(rtpExact!.status).toBe('PASS');
    expect(rtpExact!.figures.skewness).toBeCloseTo(30.28, 1);
    // The exact-double RTP 0.958147 is within 0.958 ± 0.0005: decided exactly, not by the simulation.
    expect(rtpTarget!.status).toBe('PASS');
    expect(rtpTarget!.figures.precision).toBe('exact-double');
    expect(report.convergence.centerKind).toBe('exact');
    expect(certifyMarkdown(report, { reportId: 'x' })).not.toMatch(/Not exact/);
    // The distribution: whole rounds both sides, the cap (500×) in its own bucket, none above it.
    const d = report.distribution;
    expect(d.exactScope).toBe('round');
    expect(d.rows.map((r) => r.bucket)).toEqual([
      '0',
      '<=1',
      '<=2',
      '<=5',
      '<=10',
      '<=20',
      '<=50',
      '<=100',
      '<=250',
      '<500',
      '=500',
    ]);
    const capRow = d.rows.at(-1)!;
    expect(capRow.cap).toBe(true);
    expect(capRow.simulated.count).toBe(report.simulation.cap.hits);
    expect(capRow.exact!.share).toBeCloseTo(1 / 16_674.6, 9);
    expect(d.rows.reduce((a, r) => a + r.exact!.share, 0)).toBeCloseTo(1, 12);
    expect(d.rows.reduce((a, r) => a + r.exact!.rtp, 0)).toBeCloseTo(report.exact.rtp.value, 12);
    // Max exposure: the cap and how often it is reached, exactly and in the simulation.
    const m = report.exact.maxExposure;
    expect(m.cap).toMatchObject({
      credits: 5000,
      x: 500,
      canBind: true,
      simulatedHits: report.simulation.cap.hits,
    });
    expect(m.cap!.exactOneIn).toBeCloseTo(16_674.58, 1);
    // The largest free spin, ×10 included and before the cap: 4,590 × 10 credits, far past the cap.
    expect(m.largestFreeSpin!.credits).toBe(45_900);
    expect(certifyMarkdown(report, { reportId: 'x' })).toMatch(
      /largest free-spin win \| 45,900 credits \(4590\.00× stake\) \(×10 included\), before the cap, which cuts it to 5,000/,
    );
  }, 60_000);

  it('the distribution compares whole rounds with whole rounds: each exact bucket is every possible round’s', async () => {
    // tinyLines: free spins with retriggers and a bonus. Before, the exact column was the paid spin's alone.
    const game = parseGame(JSON.stringify(tinyLines()), { file: 'game.json', variant: null });
    const N = 200_000;
    const report = await certifyRaw(tinyLines(), N, 'r6');
    const d = report.distribution;
    expect(d.exactScope).toBe('round');
    const truth = exhaustiveDistribution(game);
    const buckets = distributionBuckets(game.betCredits, null);
    d.rows.forEach((row, i) => {
      let share = 0;
      for (const [x, p] of truth) if (bucketOfWin(buckets, x) === i) share += toNumber(p);
      expect(row.exact!.share).toBeCloseTo(share, 12);
      // The simulated share of N rounds lies within 3.29·√(p(1 − p)/N) of it (99.9%, seed r6).
      expect(Math.abs(row.simulated.share - share)).toBeLessThanOrEqual(
        3.29 * Math.sqrt((share * (1 - share)) / N) + 1e-12,
      );
    });
  });

  it('the PAR table: hits, pays as paid (×M), RTP contributions that add up to each part, shares of the named RTP', async () => {
    const report = await certifyRaw(tinyLines(), 20_000, 'r7');
    const rows = report.combinations.rows;
    const sum = (spin: 'paid' | 'free') => rows.filter((r) => r.spin === spin).reduce((a, r) => a + r.rtp, 0);
    const c = report.exact.components;
    expect(sum('paid')).toBeCloseTo(c.lines.value + c.scatter.value, 12);
    expect(sum('free')).toBeCloseTo(c.freeSpins.value, 12);
    expect(report.combinations.denominator).toEqual({
      label: "the game's RTP",
      value: report.exact.rtp.value,
    });
    for (const r of rows) expect(r.shareOfRtp).toBeCloseTo(r.rtp / report.exact.rtp.value, 14);
    // The free spin's multiplier is 2: every free row pays twice its pay-table credits.
    expect(report.combinations.freeSpinMultiplier).toBe(2);
    for (const r of rows.filter((row) => row.spin === 'free')) expect(r.pay).toBe(2 * r.basePay);
    expect(report.exact.freeSpins).toMatchObject({ multiplier: 2, maxSpins: 3, retriggers: true });
    const md = certifyMarkdown(report, { reportId: 'x' });
    expect(md).toMatch(/## \d+ Paying combinations of one free spin \(pays as paid: ×2 included\)/);
    expect(md).toMatch(/Share of RTP: of the game's RTP, /);
    expect(parCsv(report).split('\n')[0]).toContain('rtp_contribution_per_paid_round');
  });

  it('max exposure: the largest paid-spin win with its odds (Three Bells: WILD WILD WILD, 200 credits, 1 in 1472)', async () => {
    const report = await certifyRaw(threeBells, 20_000, 'r8');
    const m = report.exact.maxExposure;
    expect(m.largestPaidSpin).toEqual({ credits: 200, x: 200, oneIn: 1472 });
    expect(m.roundBound).toMatchObject({ credits: 200, from: 'enumeration' });
    expect(m.largestObservedRound.credits).toBe(report.simulation.maxWinObserved);
    expect(certifyMarkdown(report, { reportId: 'x' })).toMatch(
      /largest paid-spin win \| 200 credits \(200\.00× stake\), 1 in 1,472 paid spins/,
    );
  });

  it('coverage: free-spin combinations and reel stops, awards and bonus prizes are tested (tinyLines, seed r9)', async () => {
    const report = await certifyRaw(tinyLines(), 100_000, 'r9');
    const c = report.coverage;
    expect(c.fullCycle).toMatch(/reproduced the per-reel analytic RTP to the credit/);
    expect(c.features).toBeGreaterThan(1000);
    // No cap: every spin of the first award is a trial (awards 1 or 2), so trials ≥ features.
    expect(c.freeTrials).toBeGreaterThanOrEqual(c.features);
    expect(c.freeCombinations?.pValue).not.toBeNull();
    expect(c.freeReels).toHaveLength(3);
    expect(c.awards?.rows.map((r) => r.awarded)).toEqual([1, 2]);
    expect(c.awards!.rows.reduce((a, r) => a + r.observed, 0)).toBe(c.features);
    expect(c.prizes?.pValue).not.toBeNull();
    const features = report.verdicts.find((v) => v.id === 'features')!;
    expect(features.status).toBe('PASS');
    expect(features.figures.tests).toBe(1 + 3 + 1 + 1);
    expect(certifyMarkdown(report, { reportId: 'x' })).toMatch(/## \d+ Coverage of every game state/);
  });

  it('coverage catches free reels that are not the ones analysed', async () => {
    // Play tinyLines, judge it against a copy whose third free reel is weighted 3 : 1 : 1.
    const played = parseGame(JSON.stringify(tinyLines()), { file: 'game.json', variant: null });
    const claimedRaw = structuredClone(tinyLines()) as { reelSets: { free: unknown[] } };
    claimedRaw.reelSets.free[2] = { strip: ['K', 'BLANK', 'SCAT'], weights: [3, 1, 1] };
    const claimed = parseGame(JSON.stringify(claimedRaw), { file: 'claimed.json', variant: null });
    const { report, detail, histogram } = await simulateWithDetail({
      game: played,
      spins: 100_000,
      seed: 'r10',
      rng: 'aes-128-ctr',
      threads: 0,
      detailRounds: 100_000,
    });
    const built = buildCertifyReport({
      game: claimed,
      analysis: analyzeGame(claimed, { wholeRound: true }),
      simulation: report,
      detail,
      histogram,
      analysisSeconds: 0,
      identification: {
        game: { ...claimed, variant: null, file: 'claimed.json' },
        mode: 'base',
        cost: claimed.cost,
        slotsimVersion: 'test',
        rng: 'aes-128-ctr',
        seed: 'r10',
        rounds: 100_000,
        detailRounds: 100_000,
        threads: 0,
        date: DATE.toISOString(),
        command: 'x',
        rngCertificate: null,
      },
    });
    const features = built.verdicts.find((v) => v.id === 'features')!;
    expect(features.status).toBe('FAIL');
    expect(verdictLine(features)).toMatch(/free reel 3 stops/);
    // The paid spin is the same game: verdicts 3 and 4 stay green.
    const status = Object.fromEntries(built.verdicts.map((v) => [v.id, v.status]));
    expect(status).toMatchObject({ combinations: 'PASS', rng: 'PASS' });
  });

  it('certify --spins 1 is INCONCLUSIVE, never PASS', async () => {
    const report = await certifyRaw(threeBells, 1, 'r5');
    expect(report.overall).toBe('INCONCLUSIVE');
    // One round settles nothing: not the RTP, not the combinations, not the reel stops (3 draws).
    expect(report.verdicts.map((v) => v.status)).toEqual([
      'INCONCLUSIVE',
      'N/A',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'N/A',
    ]);
    expect(verdictLine(report.verdicts[0]!)).toMatch(/too few to judge/);
    expect(certifyMarkdown(report, { reportId: 'x' })).toMatch(/\*\*Overall: INCONCLUSIVE\*\*/);
  });
});
