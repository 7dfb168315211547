import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

/**
 * report.html as a user sees it: Debian's chromium prints it to PDF, and poppler-utils reads the
 * PDF back (text per page, named destinations). `.ci/run` installs both when they are missing and
 * sets SLOTSIM_REQUIRE_BROWSER=1, so in CI this test runs or fails; elsewhere it is skipped, saying
 * why, when the programs are absent.
 */
const TOOLS = ['chromium', 'pdftotext', 'pdfinfo'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const required = process.env.SLOTSIM_REQUIRE_BROWSER === '1';
const INSTALL = 'apt-get install -y chromium poppler-utils';

function run(program: string, args: readonly string[]): string {
  const result = spawnSync(program, args, {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Prints `html` to `pdf` with the command line a user would use (the default header and footer on). */
function printToPdf(html: string, pdf: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'slotsim-chromium-'));
  try {
    spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        `--print-to-pdf=${pdf}`,
        `file://${html}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdf)) throw new Error(`chromium wrote no ${pdf}`);
}

function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]))![1]);
}

function pageText(pdf: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
}

/** The PDF's named destinations: name → page (poppler's `pdfinfo -dests`). */
function destinations(pdf: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of run('pdfinfo', ['-dests', pdf]).matchAll(/^\s*(\d+)\s+\[.*\]\s+"(.*)"$/gm))
    out.set(m[2]!, Number(m[1]));
  return out;
}

/** The destinations the PDF's links go to (`/Dest /name` in link annotations, written uncompressed by chromium). */
function linkTargets(pdf: string): string[] {
  return [...readFileSync(pdf, 'latin1').matchAll(/\/Dest \/([A-Za-z0-9_.#-]+)/g)].map((m) => m[1]!);
}

/** The contents list of report.html: [anchor, heading text] of every entry. */
function contents(html: string): [string, string][] {
  const nav = /<nav class="toc"[^>]*>(.*?)<\/nav>/s.exec(html)![1]!;
  return [...nav.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1]!, unescape(m[2]!)]);
}

function unescape(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

const squash = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

/** Checks every page of the printed report; returns the page texts. */
function expectPrintedPages(
  pdf: string,
  html: string,
  id: string,
  pages: readonly [number, number],
): string[] {
  const n = pageCount(pdf);
  expect(n).toBeGreaterThanOrEqual(pages[0]);
  expect(n).toBeLessThanOrEqual(pages[1]);
  const texts = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1));
  texts.forEach((text, i) => {
    // Every page: "page x of y" and the report ID in its margin; chromium's own date/URL lines are gone.
    expect(text).toContain(`page ${i + 1} of ${n}`);
    expect(text).toContain(`Report ID ${id}`);
    expect(text).not.toContain('file://');
  });
  // The contents' links are PDF links to named destinations, each on the page that shows the heading,
  // and a heading never ends its page: something of its section follows it there.
  const entries = contents(html);
  expect(entries.length).toBeGreaterThan(10);
  const dests = destinations(pdf);
  expect(new Set(linkTargets(pdf))).toEqual(new Set(entries.map(([anchor]) => anchor)));
  for (const [anchor, title] of entries) {
    const page = dests.get(anchor);
    expect(page, anchor).toBeDefined();
    const lines = texts[page! - 1]!.split('\n').map(squash);
    const at = lines.findIndex((line) => line.startsWith(squash(title)));
    expect(at, `${title} on page ${page}`).toBeGreaterThanOrEqual(0);
    const after = lines.slice(at + 1).filter((line) => line !== '' && !line.startsWith('Report ID '));
    expect(after.length, `${title} is the last line of page ${page}`).toBeGreaterThan(0);
  }
  return texts;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('report.html printed by a real browser (chromium → PDF, read back with poppler-utils)', () => {
  if (missing.length > 0 && !required) {
    const why = `skipped: ${missing.join(', ')} not installed here (${INSTALL})`;
    console.warn(`print-pdf.test.ts ${why}`);
    it.skip(why, () => undefined);
    return;
  }

  it(`chromium and poppler-utils are installed (CI requires them: ${INSTALL})`, () => {
    expect(missing).toEqual([]);
  });

  it('one report: page x of y and the report ID on every page, the contents link to their headings, the command wraps between words only (seed 9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-print-'));
    // A long folder name makes the reproduce command wrap on A4.
    const games = join(dir, 'certification-lab-submissions-2026-12', 'classic-reels-one-line');
    mkdirSync(games, { recursive: true });
    const file = join(games, 'three-bells-original-math.json');
    copyFileSync('configs/three-bells.json', file);
    const out = join(dir, 'report');
    const cli = runCli([
      'certify',
      file,
      '--spins',
      '20k',
      '--detail-spins',
      '20k',
      '--seed',
      '9',
      '--threads',
      '1',
      '--out',
      out,
    ]);
    expect(cli.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const pdf = join(dir, 'report.pdf');
    printToPdf(join(out, 'report.html'), pdf);

    // The report ID is SHA-256 of report.json's bytes, as `sha256sum report.json` prints it.
    const id = sha256(join(out, 'report.json'));
    const texts = expectPrintedPages(pdf, html, id, [5, 16]);
    expect(squash(texts[0]!)).toContain(`Report ID ${id} (SHA-256 of report.json)`);

    // The reproduce command, read back from the page, is the command: no word was cut in two.
    const command = (
      JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { identification: { command: string } }
    ).identification.command;
    expect(command.length).toBeGreaterThan(180);
    const page = texts.find((t) => t.includes('Reproduce every figure of this report with:'))!;
    const lines = page.split('\n');
    const start = lines.findIndex((line) => line.includes('Reproduce every figure of this report with:')) + 1;
    const block: string[] = [];
    for (const line of lines.slice(start)) {
      if (line.trim() === '' && block.length > 0) break;
      if (line.trim() !== '') block.push(line.trim());
    }
    expect(block.length).toBeGreaterThan(1);
    expect(block.join(' ')).toBe(command);
  });

  it('--all-variants: the summary and every variant in one printed report, anchors unique per variant (seed 9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-print-'));
    const out = join(dir, 'all');
    const cli = runCli([
      'certify',
      'configs/crimson-sevens.json',
      '--all-variants',
      '--spins',
      '20k',
      '--seed',
      '9',
      '--threads',
      '1',
      '--out',
      out,
    ]);
    expect(cli.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const pdf = join(dir, 'all.pdf');
    printToPdf(join(out, 'report.html'), pdf);
    const texts = expectPrintedPages(pdf, html, sha256(join(out, 'report.json')), [8, 40]);
    // Each variant starts on a page of its own.
    const starts = texts.flatMap((t, i) => (/^\s*\d+ (As written|Variant 3-coin)\s*$/m.test(t) ? [i] : []));
    expect(starts).toHaveLength(2);
  });
});
