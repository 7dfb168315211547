import { beforeAll, describe, expect, it } from 'vitest';
import { certify } from '../../src/certify/certify.js';
import { parseGame } from '../../src/game/index.js';
import type { CertifyReport } from '../../src/certify/report-types.js';
import { certifyMarkdown } from '../../src/report/certify-md.js';
import { certifyHtml } from '../../src/report/html/certify-html.js';
import { threeBells } from '../helpers/games.js';

/** The part of a Markdown report from `## heading` to the next `## `. */
function section(md: string, heading: RegExp): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/**
 * Numbers with four or more decimals that are neither a percentage, nor percentage points, nor a
 * multiple of the stake, once the p-values and their thresholds ("p = 0.6199", "≥ 0.0017",
 * "(0.01 / 6)") are set aside: in a verdict, those would be RTPs, intervals or differences
 * printed as fractions.
 */
function bareFractions(text: string): string[] {
  const withoutP = text
    .replace(/\bp(-value)?(:| =) \d\.\d+(e-\d+)?/g, '')
    .replace(/[≥<] \d\.\d+(e-\d+)?/g, '')
    .replace(/\(0\.01 \/ \d+\)/g, '');
  return withoutP.match(/(?<![\d.,])\d+\.\d{4,}(?![\d%×]|\s*×| percentage point)/g) ?? [];
}

/** Three Bells with a declared target, so that verdicts 1, 2 and 5 all carry RTP figures (seed "units"). */
async function certifyBells(): Promise<CertifyReport> {
  const raw = { ...threeBells, rtp: { target: 0.9, tolerance: 0.05 } };
  const game = parseGame(JSON.stringify(raw), { file: 'game.json', variant: null });
  return certify({
    game,
    file: 'game.json',
    spins: 20_000,
    seed: 'units',
    rng: 'aes-128-ctr',
    threads: 0,
    detailSpins: 20_000,
    command: 'slotsim certify game.json',
    date: new Date(Date.UTC(2026, 0, 2)),
  });
}

let report: CertifyReport;
let md: string;
beforeAll(async () => {
  report = await certifyBells();
  md = certifyMarkdown(report, { reportId: 'x' });
});

describe('a whole generated report.md speaks of RTPs in percent of the stake (seed "units")', () => {
  it('no RTP-like fraction in the verdict sentences; the figures appear as percentages', () => {
    const verdicts = section(md, /^## \d+ Verdicts/);
    expect(bareFractions(verdicts)).toEqual([]);
    // Each RTP figure of verdicts 1 and 2 (fractions in report.json) is printed as a percentage,
    // never as the fraction it is stored as.
    const [exact, target] = report.verdicts;
    const rtps = [
      exact!.figures.exactRtp,
      exact!.figures.simulatedRtp,
      exact!.figures.low,
      exact!.figures.high,
      target!.figures.rtp,
    ];
    for (const x of rtps) {
      expect(typeof x).toBe('number');
      const value = x as number;
      expect(verdicts).toContain(`${(value * 100).toFixed(4)}%`);
      expect(verdicts).not.toContain(value.toFixed(6));
    }
    expect(verdicts).toContain('90% ± 5 percentage points (85% … 95%, declared)');
    // The theoretical-against-simulated table gives Δ of the RTP's parts in percentage points.
    const components = section(md, /^## \d+ Theoretical against simulated/);
    expect(components).toMatch(/\| [+−]\d+\.\d{4} percentage points \|/);
    expect(components).not.toMatch(/\de-\d/);
  });
});

describe('the exact analysis and the volatility section (seed "units")', () => {
  it('the volatility index is shown once, in its own section, not again in the exact-analysis table', () => {
    const index90 = report.volatility.index['90'].toFixed(3);
    const exact = section(md, /^## \d+ Exact analysis/);
    expect(exact).not.toMatch(/volatility/i);
    const volatility = section(md, /^## \d+ Volatility and RTP range/);
    expect(volatility).toContain(`| 90% | `);
    expect(md.split(`| ${index90} |`)).toHaveLength(2);
    const html = certifyHtml(report, { reportId: 'x' });
    expect(html.match(/volatility index \(90%\)/g)).toBeNull();
    expect(html.split(`>${index90}<`)).toHaveLength(2);
  });
});

describe('report.md has a table of contents (seed "units")', () => {
  it('lists every section and sub-section heading, as report.html’s contents do, and every link lands on its heading', () => {
    const lines = md.split('\n');
    const contents = section(md, /^## Contents$/);
    const entries = [...contents.matchAll(/^( *)- \[(.+)\]\(#([a-z0-9-]+)\)$/gm)].map((m) => ({
      depth: m[1]!.length / 2,
      title: m[2]!,
      target: m[3]!,
    }));
    // Every numbered section ("## 5 Exact analysis") and sub-section ("### 3.2 Paylines") heading.
    const headings = lines
      .map((l) => /^(##|###) (\d+(?:\.\d+)? .+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ depth: m[1]!.length - 2, title: m[2]! }));
    expect(headings.length).toBeGreaterThan(10);
    expect(headings.filter((h) => h.depth === 1).length).toBeGreaterThan(0);
    expect(entries.map(({ depth, title }) => ({ depth, title }))).toEqual(headings);
    // Every `## ` heading but the contents' own is listed.
    const top = lines.filter((l) => l.startsWith('## ') && l !== '## Contents').map((l) => l.slice(3));
    expect(entries.filter((e) => e.depth === 0).map((e) => e.title)).toEqual(top);
    // Each target is an anchor that exists once, right before its heading.
    for (const entry of entries) {
      const at = lines.flatMap((l, i) => (l === `<a id="${entry.target}"></a>` ? [i] : []));
      expect(at, entry.target).toHaveLength(1);
      const next = lines.slice(at[0]! + 1).find((l) => l !== '');
      expect(next).toBe(`${'#'.repeat(entry.depth + 2)} ${entry.title}`);
    }
    expect(new Set(entries.map((e) => e.target)).size).toBe(entries.length);
    // The same entries as report.html's contents.
    const html = certifyHtml(report, { reportId: 'x' });
    const nav = /<nav class="toc"[^>]*>(.*?)<\/nav>/s.exec(html)![1]!;
    const htmlTitles = [...nav.matchAll(/<a href="#[^"]+">([^<]+)<\/a>/g)].map((m) =>
      m[1]!
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'"),
    );
    expect(entries.map((e) => e.title)).toEqual(htmlTitles);
  });
});
