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
    expect(report.verdicts.map((v) => v.status)).toEqual(['PASS', 'N/A', 'PASS', 'PASS']);
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
  });

  it('a PAR sheet that does not match the game fails the RTP and combination verdicts', async () => {
    // Simulate the spec's game, but judge it against a variant whose middle reel is weighted
    // differently: the exact figures no longer describe what is played.
    const played = JSON.stringify(threeBells);
    const game = parseGame(played, { file: 'game.json', variant: null });
    const claimedRaw = structuredClone(threeBells) as { reelSets: { base: { weights: number[] }[] } };
    claimedRaw.reelSets.base[1]!.weights = [4, 4, 3, 4, 1, 4, 1, 2];
    const claimed = parseGame(JSON.stringify(claimedRaw), { file: 'claimed.json', variant: null });
    const { report, detail } = await simulateWithDetail({
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
      analysisSeconds: 0,
      identification: {
        game: { ...claimed, variant: null, file: 'claimed.json' },
        slotsimVersion: 'test',
        rng: 'aes-128-ctr',
        seed: 'r2',
        rounds: 400_000,
        detailRounds: 400_000,
        threads: 0,
        date: DATE.toISOString(),
        command: 'x',
      },
    });
    const status = Object.fromEntries(built.verdicts.map((v) => [v.id, v.status]));
    expect(status).toMatchObject({ combinations: 'FAIL', rng: 'FAIL' });
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

  it('a cap that binds with features: no exact RTP, verdict 1 N/A saying why, verdict 2 on the simulation', async () => {
    const text = readFileSync('configs/thunder-anvil.json', 'utf8');
    const raw = { ...(JSON.parse(text) as object), rtp: { target: 0.958, tolerance: 0.0005 } };
    const report = await certifyRaw(raw, 40_000, 'r4');
    expect(report.exact.exact).toBe(false);
    const [rtpExact, rtpTarget] = report.verdicts;
    expect(rtpExact!.status).toBe('N/A');
    expect(verdictLine(rtpExact!)).toMatch(/max-win cap \(500× stake\) can bind/);
    expect(rtpTarget!.status).toBe('PASS');
    expect(verdictLine(rtpTarget!)).toMatch(/simulated RTP .* \(not conclusive\)/);
    expect(report.convergence.centerKind).toBe('simulated');
    expect(certifyMarkdown(report, { reportId: 'x' })).toMatch(/Not exact:\*\* the max-win cap/);
  });
});
