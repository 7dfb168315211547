import type { CertifyReport } from '../../certify/report-types.js';
import type { Verdict } from '../../certify/verdict.js';
import {
  awardsTable,
  chiSquareClassTable,
  combinationNote,
  combinationTable,
  componentsTable,
  convergenceTable,
  coverageTable,
  distributionNote,
  distributionTableText,
  DRAW_NOTE,
  drawTable,
  analysisTitle,
  exactTable,
  gameTitle,
  identificationTable,
  maxExposureTable,
  observedCombinationNote,
  observedCombinationTable,
  reelStopsNote,
  reelTable,
  serialTable,
  simulationTable,
  statusCounts,
  unitsText,
  verdictTable,
} from '../certify-tables.js';
import { shellWords } from '../shell-words.js';
import { convergenceChart } from './chart-convergence.js';
import { distributionChart } from './chart-distribution.js';
import { escapeHtml as e } from './escape.js';
import { gameSection, reelsSection, volatilityHtmlSection } from './game-html.js';
import { htmlTable, statusBadge } from './html-table.js';
import { numbered, sectionsHtml, tocHtml } from './sections.js';
import type { HtmlSection } from './sections.js';
import { pageCss, REPORT_CSS } from './styles.js';

function verdictBlock(v: Verdict, index: number, level: number): string {
  const h = `h${Math.min(level, 6)}`;
  const details =
    v.details.length === 0
      ? ''
      : `<table class="small"><tbody>${v.details.map(([label, value]) => `<tr><th>${e(label)}</th><td class="mono">${e(value)}</td></tr>`).join('')}</tbody></table>`;
  const notes = v.notes.map((n) => `<p class="note">${e(n)}</p>`).join('');
  return `<div class="verdict"><${h}>${index + 1}. ${e(v.title)} ${statusBadge(v.status)}</${h}>
<p>${e(v.status === 'N/A' ? v.reason : v.summary)}</p>${details}${notes}
<p class="method"><em>Method:</em> ${e(v.method)}</p></div>`;
}

/**
 * The reproduce command, one `<span>` per shell word: a printed or narrow page wraps it between
 * words only, never inside one, and copying it gives the command back.
 */
export function commandHtml(command: string): string {
  return `<pre class="command"><code>${shellWords(command)
    .map((word) => `<span class="word">${e(word)}</span>`)
    .join(' ')}</code></pre>`;
}

/** The report's sections, in reading order; anchors start with `prefix`, verdict headings are at `level + 1`. */
export function certifySections(report: CertifyReport, prefix: string, level: number): HtmlSection[] {
  const c = report.convergence;
  const freeRows = report.combinations.rows.some((row) => row.spin === 'free');
  const classes = chiSquareClassTable(report);
  const serial = serialTable(report);
  const test = report.combinations.test;
  const observed = observedCombinationTable(report);
  const sections: HtmlSection[] = [
    {
      id: `${prefix}identification`,
      title: 'Identification',
      html: `${htmlTable(identificationTable(report), { className: 'small' })}
<p>Reproduce every figure of this report with:</p>
${commandHtml(report.identification.command)}`,
    },
    {
      id: `${prefix}verdicts`,
      title: 'Verdicts',
      html: `${htmlTable(verdictTable(report), { statusColumn: 2 })}
${report.verdicts.map((v, i) => verdictBlock(v, i, level + 1)).join('\n')}`,
    },
    gameSection(report.gameDescription, prefix),
    reelsSection(report, prefix),
    {
      id: `${prefix}exact`,
      title: analysisTitle(report),
      html: [
        htmlTable(exactTable(report), { className: 'small' }),
        ...report.exact.notExact.map((n) => `<p class="note"><strong>Not exact:</strong> ${e(n)}</p>`),
        report.exact.notes.length === 0
          ? ''
          : `<ul>${report.exact.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`,
      ].join('\n'),
    },
    {
      id: `${prefix}max-exposure`,
      title: 'Max exposure',
      html: htmlTable(maxExposureTable(report), { className: 'small' }),
    },
    {
      id: `${prefix}components`,
      title: 'Theoretical against simulated',
      html: `<p>${e('Each part of the game: its exact figure, the simulation’s, their difference Δ, the sd of one trial under the exact figures, z = Δ / (sd / √trials) and its two-sided p (verdict 5).')}</p>
${htmlTable(componentsTable(report), { className: 'small' })}`,
    },
    { ...volatilityHtmlSection(report, prefix), keep: true },
    {
      id: `${prefix}simulation`,
      title: 'Simulation',
      html: htmlTable(simulationTable(report), { className: 'small' }),
    },
    {
      id: `${prefix}convergence`,
      title: 'RTP convergence',
      html: `<figure>${convergenceChart(c, `${prefix}convergence-plot`)}<figcaption>${e(
        `Simulated RTP after each chunk of ${c.points[0]?.rounds.toLocaleString('en-US') ?? 0} rounds, against ${c.centerKind === 'exact' ? 'the exact RTP' : 'the final simulated RTP (no exact RTP is known)'} ± ${c.z.toFixed(4)} × sd / √rounds, with sd = ${c.sd.toFixed(6)}× stake (${c.sdSource}). A correct simulation is inside the band 99% of the time at any one point.`,
      )}</figcaption></figure>
${htmlTable(convergenceTable(report), { className: 'small' })}`,
    },
    {
      id: `${prefix}distribution`,
      title: 'Win distribution',
      html: `<figure>${distributionChart(report.distribution)}<figcaption>${e(
        `Share of rounds by round win. ${distributionNote(report)}`,
      )}</figcaption></figure>
${htmlTable(distributionTableText(report), { className: 'small' })}`,
    },
    observed !== null
      ? {
          id: `${prefix}par-paid`,
          title: 'Paying combinations of the paid spin (observed)',
          html: `<p>${e(observedCombinationNote(report))}</p>
${htmlTable(observed)}`,
        }
      : {
          id: `${prefix}par-paid`,
          title: 'Paying combinations of the paid spin (PAR table)',
          html: `<p>${e(combinationNote(report, 'paid'))}</p>
<p>${e(`Observed: occurrences over every payline (or ways rule) of the detailed rounds; expected: rounds × occurrences per spin. ${report.detail.description}`)}</p>
${htmlTable(combinationTable(report, 'paid'))}`,
          ...(classes === null || test === null
            ? {}
            : {
                subsections: [
                  {
                    id: `${prefix}chi-square`,
                    title: 'χ² classes',
                    html: `<p>${e(
                      `Groups of independent trials: ${test.groups.map((g) => `${g.name} (${g.trials.toLocaleString('en-US')} trials)`).join(', ')}. Classes expecting fewer than 5 are merged.`,
                    )}</p>${htmlTable(classes)}`,
                  },
                ],
              }),
        },
  ];
  if (freeRows) {
    sections.push({
      id: `${prefix}par-free`,
      title: `Paying combinations of one free spin (pays as paid: ×${report.combinations.freeSpinMultiplier ?? 1} included)`,
      html: `<p>${e(combinationNote(report, 'free'))}</p>
${htmlTable(combinationTable(report, 'free'))}`,
    });
  }
  const noPaidSpin = reelStopsNote(report);
  sections.push({
    id: `${prefix}reel-stops`,
    title: 'Reel stops of the paid spin',
    html:
      noPaidSpin === null ? htmlTable(reelTable(report), { className: 'small' }) : `<p>${e(noPaidSpin)}</p>`,
  });
  const draws = drawTable(report);
  if (draws !== null) {
    sections.push({
      id: `${prefix}draws`,
      title: 'Other weighted draws',
      html: `<p>${e(DRAW_NOTE)}</p>
${htmlTable(draws, { className: 'small' })}`,
    });
  }
  if (serial !== null) {
    sections.push({
      id: `${prefix}serial`,
      title: 'Serial correlation of successive draws',
      html: `<p>${e('Every draw u = (draw + ½) / bound of the detailed rounds, in order within each chunk’s stream.')}</p>${htmlTable(serial, { className: 'small' })}`,
    });
  }
  const coverage = coverageTable(report);
  const awards = awardsTable(report);
  sections.push({
    id: `${prefix}coverage`,
    title: 'Coverage of every game state',
    html: [
      report.coverage.fullCycle === null ? '' : `<p>${e(report.coverage.fullCycle)}</p>`,
      coverage === null
        ? ''
        : `<p>${e('The free spins a round plays whatever their outcomes (all of the first award without a cap, the first spin with one), the award each feature started with, and every bonus prize of the detailed rounds, against the exact figures (verdict 6).')}</p>
${htmlTable(coverage, { className: 'small' })}`,
      awards === null ? '' : htmlTable(awards, { className: 'small' }),
      ...report.coverage.notes.map((n) => `<p class="note">${e(n)}</p>`),
    ]
      .filter((part) => part !== '')
      .join('\n'),
  });
  return sections;
}

/** The line under a report's last section: versions and timings. */
export function timingsHtml(report: CertifyReport): string {
  return `<p class="muted">${e(
    `slotsim ${report.identification.slotsimVersion}; analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s (${Math.round(report.timings.spinsPerSecond).toLocaleString('en-US')} rounds/s).`,
  )}</p>`;
}

export interface HtmlDocument {
  readonly title: string;
  /** The report ID (SHA-256 of report.json), shown under the title and on every printed page. */
  readonly reportId: string;
  /** What comes between the title and the contents (overall result, units). */
  readonly intro: string;
  readonly sections: readonly HtmlSection[];
  /** Levels of sections the contents list. */
  readonly tocDepth: number;
  readonly footer: string;
}

/** A whole report page: title, report ID, contents, numbered sections; printable (A4, "page x of y"). */
export function htmlDocument(doc: HtmlDocument): string {
  const sections = numbered(doc.sections);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>${REPORT_CSS}${pageCss(doc.title, doc.reportId)}</style>
</head>
<body>
<header>
<h1>${e(doc.title)}</h1>
<p class="report-id">Report ID <span class="mono">${e(doc.reportId)}</span> <span class="muted">(SHA-256 of report.json)</span></p>
${doc.intro}
</header>
${tocHtml(sections, doc.tocDepth)}
${sectionsHtml(sections, 2)}
<footer>${doc.footer}</footer>
</body>
</html>
`;
}

/**
 * `report.html`: one self-contained page — inline CSS, inline SVG charts, no script, no font or
 * image fetched from anywhere — readable on screen and printable (A4, a contents list with links,
 * "page x of y" and the report ID on every page, repeated table headers).
 */
export function certifyHtml(report: CertifyReport, options: { readonly reportId: string }): string {
  return htmlDocument({
    title: `Certification report: ${gameTitle(report)}`,
    reportId: options.reportId,
    intro: `<p class="muted">${e(report.identification.game.id)} · game file SHA-256 <span class="mono">${e(report.identification.game.sha256)}</span></p>
<p class="overall">Overall: ${statusBadge(report.overall)} <span class="muted">${e(statusCounts(report))}</span></p>${
      report.certifiable
        ? ''
        : `\n<p class="note"><strong>NOT CERTIFIABLE:</strong> ${e(report.nonCertifiable.join('; '))}</p>`
    }
<p class="units">${e(unitsText(report.exact.stake))}</p>`,
    sections: certifySections(report, '', 2),
    tocDepth: 2,
    footer: timingsHtml(report),
  });
}
