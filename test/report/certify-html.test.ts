import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { certify } from '../../src/certify/certify.js';
import { certifyVariants } from '../../src/certify/certify-variants.js';
import type { CertifyVariantsRun } from '../../src/certify/certify-variants.js';
import type { CertifyReport } from '../../src/certify/report-types.js';
import { parseGame, parseGameVariants } from '../../src/game/index.js';
import { certifyReportFiles, certifyVariantsFiles } from '../../src/report/certify-files.js';
import type { CertifyVariantsJson } from '../../src/report/certify-variants.js';
import { reportId } from '../../src/report/report-id.js';
import { threeBells } from '../helpers/games.js';

const DATE = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

/** Every id="…" of the page, and every in-page link href="#…". */
function anchors(html: string): { ids: string[]; links: string[] } {
  return {
    ids: [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!),
    links: [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!),
  };
}

/** The section headings with an id from h2 to h`deepest`, and the contents list's entries, in order. */
function headingsAndContents(html: string, deepest: number): { headings: string[]; contents: string[] } {
  const nav = /<nav class="toc"[^>]*>(.*?)<\/nav>/s.exec(html)![1]!;
  return {
    headings: [...html.matchAll(/<h([2-6]) id="([^"]+)">/g)]
      .filter((m) => Number(m[1]) <= deepest && m[2] !== 'contents')
      .map((m) => m[2]!),
    contents: [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
  };
}

function expectLinksResolve(html: string): void {
  const { ids, links } = anchors(html);
  expect(new Set(ids).size).toBe(ids.length);
  for (const link of links) expect(ids).toContain(link);
}

describe('report.html and report.md of one report (in process, three-bells, seed "h1")', () => {
  let report: CertifyReport;
  let files: Readonly<Record<string, string>>;
  beforeAll(async () => {
    const game = parseGame(JSON.stringify({ ...threeBells, rtp: { target: 0.947, tolerance: 0.0005 } }), {
      file: 'three-bells.json',
      variant: null,
    });
    report = await certify({
      game,
      file: 'three-bells.json',
      spins: 30_000,
      seed: 'h1',
      rng: 'aes-128-ctr',
      threads: 0,
      detailSpins: 30_000,
      command: "slotsim certify 'my games/three-bells.json' --spins 30000 --seed h1",
      date: DATE,
    });
    files = certifyReportFiles(report);
  });

  it('the report ID is the SHA-256 of report.json’s bytes, shown in the HTML (title and page margin) and the Markdown, not in the JSON', () => {
    const id = reportId(files['report.json']!);
    const html = files['report.html']!;
    expect(html).toContain(`Report ID <span class="mono">${id}</span>`);
    // The margin box's CSS string: "Report ID <id>" with the space escaped as \20.
    expect(html).toContain(`@bottom-left { content: "Report ID ${id}"`);
    expect(html).toContain('counter(page) " of " counter(pages)');
    expect(files['report.md']).toContain(`Report ID \`${id}\``);
    expect(files['report.json']).not.toContain(id);
  });

  it('the contents list every section and sub-section heading in order, and every link has its anchor', () => {
    const html = files['report.html']!;
    expectLinksResolve(html);
    const { headings, contents } = headingsAndContents(html, 3);
    expect(contents).toEqual(headings);
    expect(contents).toEqual(
      expect.arrayContaining([
        'identification',
        'game',
        'paylines',
        'pay-table',
        'reels',
        'reels-1',
        'volatility',
      ]),
    );
    // Numbered titles: the third section is the game description.
    expect(html).toMatch(/<h2 id="game">3 Game description<\/h2>/);
    expect(html).toMatch(/<h3 id="pay-table">3\.4 Pay table<\/h3>/);
  });

  it('shows the game description, reel strips and volatility: hand-checked cells of three-bells', () => {
    const html = files['report.html']!;
    // WILD ×3 pays 200 line bets = 200× the 1-credit stake; CHERRY ×1 pays 1.
    expect(html).toMatch(
      /<td>WILD of a kind \(wild’s own run, never multiplied\)<\/td>(<td class="num"><\/td>){2}<td class="num">200 · 200×<\/td>/,
    );
    expect(html).toContain(
      'wild: substitutes for every non-wild symbol; wins it stands in for are multiplied by 2',
    );
    // The weighted middle reel: BLANK is 4 stops of total weight 16; its strip shows the weights.
    expect(html).toMatch(
      /<td>BLANK<\/td><td class="num">4<\/td><td class="num">4 \/ 16<\/td><td class="num">4<\/td>/,
    );
    expect(html).toMatch(
      /<td class="num">0<\/td><td>BELL<\/td><td>BELL<\/td><td class="num">2<\/td><td>BELL<\/td>/,
    );
    // VI at 90% = 1.6449 × 7.39399 = 12.162.
    expect(html).toMatch(/<td>90%<\/td><td class="num">1\.6449<\/td><td class="num">12\.162<\/td>/);
    const md = files['report.md']!;
    expect(md).toContain('## 3 Game description');
    expect(md).toContain('| WILD of a kind (wild’s own run, never multiplied) |  |  | 200 · 200× |');
    expect(md).toContain('| 1,000 | ');
  });

  it('states the units once, and prints the reproduce command one word per span (quoted words whole)', () => {
    const html = files['report.html']!;
    expect(html.match(/Units: /g)).toHaveLength(1);
    expect(files['report.md']!.match(/Units: /g)).toHaveLength(1);
    expect(html).toContain(
      '<pre class="command"><code><span class="word">slotsim</span> <span class="word">certify</span> <span class="word">&#39;my games/three-bells.json&#39;</span>',
    );
    expect(html).toMatch(/pre\.command \.word \{ white-space: nowrap; \}/);
  });
});

describe('certify --all-variants as data and files (in process, crimson-sevens, seed "h2")', () => {
  let run: CertifyVariantsRun;
  let files: Readonly<Record<string, string>>;
  beforeAll(async () => {
    const file = 'configs/crimson-sevens.json';
    const games = parseGameVariants(readFileSync(file, 'utf8'), { file });
    run = await certifyVariants({
      games,
      file,
      spins: 20_000,
      seed: 'h2',
      rng: 'aes-128-ctr',
      threads: 0,
      detailSpins: 20_000,
      date: DATE,
    });
    files = certifyVariantsFiles(run);
  });

  it('a sub-folder per variant with its own five files, and a summary naming each by its report ID', () => {
    expect(Object.keys(files).sort()).toEqual([
      'as-written/distribution.csv',
      'as-written/par.csv',
      'as-written/report.html',
      'as-written/report.json',
      'as-written/report.md',
      'report.html',
      'report.json',
      'report.md',
      'variant-3-coin/distribution.csv',
      'variant-3-coin/par.csv',
      'variant-3-coin/report.html',
      'variant-3-coin/report.json',
      'variant-3-coin/report.md',
    ]);
    const summary = JSON.parse(files['report.json']!) as CertifyVariantsJson;
    expect(summary.format).toBe('slotsim-certify-variants/1');
    expect(summary.identification.command).toBe(
      'slotsim certify configs/crimson-sevens.json --all-variants --spins 20000 --seed h2 --rng aes-128-ctr --threads 0 --detail-spins 20000',
    );
    expect(summary.variants!.map((v) => [v.variant, v.folder])).toEqual([
      [null, 'as-written'],
      ['3-coin', 'variant-3-coin'],
    ]);
    for (const v of summary.variants!) {
      expect(v.reportId).toBe(reportId(files[`${v.folder}/report.json`]!));
    }
    // Exact RTPs of the configs README: 122357/131072 (1 coin) and 122857/131072 (3 coins).
    expect(summary.variants!.map((v) => v.rtp.exact.fraction)).toEqual(['122357/131072', '122857/131072']);
    // Each variant's report names its own single-variant command.
    const own = JSON.parse(files['variant-3-coin/report.json']!) as CertifyReport;
    expect(own.identification.command).toBe(
      'slotsim certify configs/crimson-sevens.json --variant 3-coin --spins 20000 --seed h2 --rng aes-128-ctr --threads 0 --detail-spins 20000',
    );
  });

  it('one page holds the summary and every variant in full, with unique anchors and a contents list', () => {
    const html = files['report.html']!;
    expectLinksResolve(html);
    // Two levels in the contents: the summary and each variant, then each variant's sections.
    const { headings, contents } = headingsAndContents(html, 3);
    expect(contents).toEqual(headings);
    expect(contents.slice(0, 3)).toEqual(['summary', 'v1', 'v1-identification']);
    expect(contents).toContain('v2-game');
    expect(html).toMatch(/<h2 id="v2">3 Variant 3-coin<\/h2>/);
    expect(html).toContain(`Report ID <span class="mono">${reportId(files['report.json']!)}</span>`);
    expect(files['report.md']).toContain('## 3 Variant 3-coin');
    expect(files['report.md']).toContain('#### 3.3.4 Pay table');
  });
});
