/** The report's only stylesheet, inlined: system fonts, no external resource, a print layout. */
export const REPORT_CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --pass: #1a7f37; --fail: #cf222e; --na: #6e7781;
  --sim: #0969da; --exact: #bf8700; --band: #ddf4ff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 18px 0 6px; }
p, li { max-width: 75ch; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
  white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; margin: 8px 0 14px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.status { display: inline-block; min-width: 3.6em; text-align: center; font-weight: 700; border-radius: 4px;
  padding: 1px 6px; color: #fff; }
.status.PASS { background: var(--pass); } .status.FAIL { background: var(--fail); } .status.NA { background: var(--na); }
.status.INCONCLUSIVE { background: #9a6700; }
.overall { font-size: 1.2em; margin: 10px 0 18px; }
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
.wide { overflow-x: auto; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  .verdict, figure, table.small { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .wide { overflow: visible; }
  .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg .band, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
