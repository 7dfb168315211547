/** The report's only stylesheet, inlined: system fonts, no external resource, a print layout. */
export const REPORT_CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --pass: #1a7f37; --fail: #cf222e; --na: #6e7781;
  --inconclusive: #9a6700; --sim: #0969da; --exact: #bf8700; --band: #ddf4ff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08em; margin: 20px 0 6px; }
h4 { font-size: 1em; margin: 16px 0 6px; }
p, li { max-width: 80ch; }
a { color: var(--sim); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.mono { overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
pre.command { white-space: pre-wrap; word-break: normal; overflow-wrap: normal; padding-left: 2.6em; text-indent: -2em; }
pre.command .word { white-space: nowrap; }
table { border-collapse: collapse; margin: 8px 0 14px; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 2px 0 4px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.key-value tbody th { white-space: nowrap; }
table.strips { font-size: 0.85em; }
table.strips td, table.strips th { padding: 1px 7px; }
.status { display: inline-block; min-width: 3.6em; text-align: center; font-weight: 700; border-radius: 4px;
  padding: 1px 6px; color: #fff; }
.status.PASS { background: var(--pass); } .status.FAIL { background: var(--fail); } .status.NA { background: var(--na); }
.status.INCONCLUSIVE { background: var(--inconclusive); }
.overall { font-size: 1.2em; margin: 10px 0 12px; }
.report-id { margin: 2px 0; }
.units { color: var(--muted); max-width: 100ch; }
nav.toc { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 8px; margin: 12px 0 18px; }
nav.toc h2 { border: none; margin: 8px 0 4px; font-size: 1.1em; }
nav.toc ol { list-style: none; margin: 0; padding-left: 0; }
nav.toc > ol { columns: 2 22em; column-gap: 32px; }
nav.toc ol ol { padding-left: 1.6em; }
nav.toc li { max-width: none; break-inside: avoid; }
.verdict { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.verdict .method { color: var(--muted); }
.note { border-left: 4px solid var(--exact); background: #fff8c5; padding: 6px 10px; margin: 6px 0; }
.muted { color: var(--muted); }
figure { margin: 12px 0 18px; }
figcaption { color: var(--muted); max-width: 90ch; margin-top: 4px; }
svg { max-width: 100%; height: auto; font-family: inherit; }
svg text { font-size: 11px; fill: var(--ink); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .sim { fill: var(--sim); stroke: var(--sim); }
svg .exact { fill: var(--exact); stroke: var(--exact); }
svg .band { fill: var(--band); stroke: none; }
svg .line { fill: none; stroke-width: 1.6; }
svg .center { fill: none; stroke: var(--exact); stroke-width: 1.2; stroke-dasharray: 5 3; }
.paylines { display: flex; flex-wrap: wrap; gap: 8px 14px; margin: 8px 0 14px; }
figure.payline { margin: 0; text-align: center; }
figure.payline figcaption { margin: 0; font-size: 11px; color: var(--muted); white-space: nowrap; }
figure.payline figcaption strong { color: var(--ink); }
figure.payline rect.off { fill: #fff; stroke: var(--line); stroke-width: 0.5; }
figure.payline rect.on { fill: var(--band); stroke: var(--sim); stroke-width: 0.5; }
figure.payline polyline { fill: none; stroke: var(--sim); stroke-width: 1.2; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
.tree { margin-left: 1.2em; padding-left: 10px; border-left: 2px solid var(--line); }
.wide { overflow-x: auto; }
footer { margin-top: 24px; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, caption { break-after: avoid; }
  p { break-inside: avoid; }
  section.new-page { break-before: page; }
  section.keep { break-inside: avoid; }
  :is(h2, h3, h4) + p, p:has(+ :is(.wide, figure, pre, .paylines, .side-by-side, .tree)) { break-after: avoid; }
  .verdict, figure, table.small, nav.toc, pre.command, .paylines { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .wide { overflow: visible; }
  .status, svg .band, .note, figure.payline rect.on { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A CSS string literal of any text: every character but letters, digits and spaces escaped. */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `"${out}"`;
}

/**
 * The printed page: A4, the report's title at the top, its ID and "page x of y" at the bottom of
 * every page (CSS margin boxes; Chromium 131 and later print them, `counter(pages)` included, and
 * then leave out their own date, title and URL lines).
 */
export function pageCss(title: string, reportId: string): string {
  const box = 'font: 7.5pt Arial, "Liberation Sans", Helvetica, sans-serif; color: #57606a;';
  return `
@page { size: A4; margin: 15mm 12mm 15mm;
  @top-left { content: ${cssString(title)}; ${box} }
  @top-right { content: "slotsim certify"; ${box} }
  @bottom-left { content: ${cssString(`Report ID ${reportId}`)}; ${box} font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 6.5pt; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); ${box} }
}
`;
}
