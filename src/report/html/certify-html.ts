import type { CertifyReport } from '../../certify/report-types.js';
import type { Verdict } from '../../certify/verdict.js';
import {
  awardsTable,
  chiSquareClassTable,
  coverageTable,
  combinationNote,
  combinationTable,
  componentsTable,
  distributionNote,
  convergenceTable,
  distributionTableText,
  exactTable,
  gameTitle,
  identificationTable,
  maxExposureTable,
  reelTable,
  serialTable,
  simulationTable,
  verdictTable,
} from '../certify-tables.js';
import type { TextTable } from '../certify-tables.js';
import { convergenceChart } from './chart-convergence.js';
import { distributionChart } from './chart-distribution.js';
import { escapeHtml as e } from './escape.js';
import { REPORT_CSS } from './styles.js';

function statusBadge(status: Verdict['status']): string {
  return `<span class="status ${status === 'N/A' ? 'NA' : status}">${e(status)}</span>`;
}

function htmlTable(table: TextTable, options: { statusColumn?: number; className?: string } = {}): string {
  const numeric = new Set(table.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
  const head = table.head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === options.statusColumn
              ? `<td>${statusBadge(cell as Verdict['status'])}</td>`
              : `<td${cls(i)}>${e(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const className = options.className === undefined ? '' : ` class="${options.className}"`;
  return `<div class="wide"><table${className}><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

function verdictBlock(v: Verdict, index: number): string {
  const details =
    v.details.length === 0
      ? ''
      : `<table class="small"><tbody>${v.details.map(([label, value]) => `<tr><th>${e(label)}</th><td class="mono">${e(value)}</td></tr>`).join('')}</tbody></table>`;
  const notes = v.notes.map((n) => `<p class="note">${e(n)}</p>`).join('');
  return `<div class="verdict"><h3>${index + 1}. ${e(v.title)} ${statusBadge(v.status)}</h3>
<p>${e(v.status === 'N/A' ? v.reason : v.summary)}</p>${details}${notes}
<p class="method"><em>Method:</em> ${e(v.method)}</p></div>`;
}

/**
 * `report.html`: one self-contained page — inline CSS, inline SVG charts, no script, no font or
 * image fetched from anywhere — readable on screen and printable (A4, repeated table headers).
 */
export function certifyHtml(report: CertifyReport): string {
  const title = `Certification report: ${gameTitle(report)}`;
  const counts = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0, 'N/A': 0 };
  for (const v of report.verdicts) counts[v.status]++;
  const c = report.convergence;
  const freeRows = report.combinations.rows.some((row) => row.spin === 'free');
  const classes = chiSquareClassTable(report);
  const serial = serialTable(report);
  const coverage = coverageTable(report);
  const awards = awardsTable(report);
  const test = report.combinations.test;
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="muted">${e(report.identification.game.id)} · SHA-256 <span class="mono">${e(report.identification.game.sha256)}</span></p>`,
    `<p class="overall">Overall: ${statusBadge(report.overall)} <span class="muted">${counts.PASS} PASS, ${counts.FAIL} FAIL, ${counts.INCONCLUSIVE} INCONCLUSIVE, ${counts['N/A']} N/A</span></p>`,
    report.certifiable
      ? ''
      : `<p class="note"><strong>NOT CERTIFIABLE:</strong> ${e(report.nonCertifiable.join('; '))}</p>`,
    '<h2>Identification</h2>',
    htmlTable(identificationTable(report), { className: 'small' }),
    '<p>Reproduce every figure of this report with:</p>',
    `<pre>${e(report.identification.command)}</pre>`,
    '<h2>Verdicts</h2>',
    htmlTable(verdictTable(report), { statusColumn: 2 }),
    ...report.verdicts.map(verdictBlock),
    '<h2>Theoretical against simulated</h2>',
    `<p>${e('Each part of the game: its exact figure, the simulation’s, their difference Δ, the sd of one trial under the exact figures, z = Δ / (sd / √trials) and its two-sided p (verdict 5).')}</p>`,
    htmlTable(componentsTable(report), { className: 'small' }),
    '<h2>RTP convergence</h2>',
    `<figure>${convergenceChart(c)}<figcaption>${e(
      `Simulated RTP after each chunk of ${c.points[0]?.rounds.toLocaleString('en-US') ?? 0} rounds, against ${c.centerKind === 'exact' ? 'the exact RTP' : 'the final simulated RTP (no exact RTP is known)'} ± ${c.z.toFixed(4)} × sd / √rounds, with sd = ${c.sd.toFixed(6)} (${c.sdSource}). A correct simulation is inside the band 99% of the time at any one point.`,
    )}</figcaption></figure>`,
    htmlTable(convergenceTable(report), { className: 'small' }),
    '<h2>Win distribution</h2>',
    `<figure>${distributionChart(report.distribution)}<figcaption>${e(
      `Share of rounds by round win. ${distributionNote(report)}`,
    )}</figcaption></figure>`,
    htmlTable(distributionTableText(report), { className: 'small' }),
    '<h2>Exact analysis</h2>',
    htmlTable(exactTable(report), { className: 'small' }),
    ...report.exact.notExact.map((n) => `<p class="note"><strong>Not exact:</strong> ${e(n)}</p>`),
    report.exact.notes.length === 0
      ? ''
      : `<ul>${report.exact.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`,
    '<h2>Max exposure</h2>',
    htmlTable(maxExposureTable(report), { className: 'small' }),
    '<h2>Simulation</h2>',
    htmlTable(simulationTable(report), { className: 'small' }),
    '<h2>Paying combinations of the paid spin (PAR table)</h2>',
    `<p>${e(combinationNote(report, 'paid'))}</p>`,
    `<p>${e(`Observed: occurrences over every payline (or ways rule) of the detailed rounds; expected: rounds × occurrences per spin. ${report.detail.description}`)}</p>`,
    htmlTable(combinationTable(report, 'paid')),
    freeRows
      ? `<h2>${e(`Paying combinations of one free spin (pays as paid: ×${report.combinations.freeSpinMultiplier ?? 1} included)`)}</h2><p>${e(combinationNote(report, 'free'))}</p>${htmlTable(combinationTable(report, 'free'))}`
      : '',
    classes === null || test === null
      ? ''
      : `<h3>χ² classes</h3><p>${e(
          `Groups of independent trials: ${test.groups.map((g) => `${g.name} (${g.trials.toLocaleString('en-US')} trials)`).join(', ')}. Classes expecting fewer than 5 are merged.`,
        )}</p>${htmlTable(classes)}`,
    '<h2>Reel stops of the paid spin</h2>',
    htmlTable(reelTable(report), { className: 'small' }),
    '<h2>Coverage of every game state</h2>',
    report.coverage.fullCycle === null ? '' : `<p>${e(report.coverage.fullCycle)}</p>`,
    coverage === null
      ? ''
      : `<p>${e('The free spins a round plays whatever their outcomes (all of the first award without a cap, the first spin with one), the award each feature started with, and every bonus prize of the detailed rounds, against the exact figures (verdict 6).')}</p>${htmlTable(coverage, { className: 'small' })}`,
    awards === null ? '' : htmlTable(awards, { className: 'small' }),
    ...report.coverage.notes.map((n) => `<p class="note">${e(n)}</p>`),
    serial === null
      ? ''
      : `<h2>Serial correlation of successive draws</h2><p>${e('Every draw u = (draw + ½) / bound of the detailed rounds, in order within each chunk’s stream.')}</p>${htmlTable(serial, { className: 'small' })}`,
    `<p class="muted">${e(
      `slotsim ${report.identification.slotsimVersion}; analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s (${Math.round(report.timings.spinsPerSecond).toLocaleString('en-US')} rounds/s).`,
    )}</p>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.filter((part) => part !== '').join('\n')}
</body>
</html>
`;
}
