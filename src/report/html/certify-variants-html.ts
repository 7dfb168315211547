import type { CertifyVariantsRun } from '../../certify/certify-variants.js';
import { gameTitle, statusCounts, unitsText } from '../certify-tables.js';
import type { CertifyVariantsJson } from '../certify-variants.js';
import { runWords, summaryEntries, variantsTimings } from '../certify-variants.js';
import { certifySections, commandHtml, htmlDocument } from './certify-html.js';
import { escapeHtml as e } from './escape.js';
import { htmlTable, statusBadge } from './html-table.js';
import type { HtmlSection } from './sections.js';

/**
 * The top-level `report.html` of `certify --all-variants`: a summary table of the variants, then
 * one section per variant holding everything its own report says (anchors prefixed `v<n>-`).
 */
export function certifyVariantsHtml(
  run: CertifyVariantsRun,
  summary: CertifyVariantsJson,
  options: { readonly reportId: string },
): string {
  const id = summary.identification;
  const stakes = new Set(run.reports.map((r) => r.report.exact.stake));
  const words = runWords(run.by);
  const entries = summaryEntries(summary);
  const afterTable = words.afterTable(summary);
  const sections: HtmlSection[] = [
    {
      id: 'summary',
      title: words.summaryTitle,
      html: `<p>${e(words.intro(id.rounds, id.seed, id.rng))}</p>
${htmlTable(words.table(summary), { statusColumn: words.statusColumn })}
${afterTable === null ? '' : `<p>${e(afterTable)}</p>\n`}<p>Reproduce every ${run.by}'s figures with:</p>
${commandHtml(id.command)}`,
    },
    ...run.reports.map(({ folder, report }, i): HtmlSection => {
      const v = entries[i]!;
      return {
        id: `v${i + 1}`,
        title: words.name(report),
        html: `<p class="overall">Overall: ${statusBadge(report.overall)} <span class="muted">${e(statusCounts(report))}</span></p>
<p>${e(`Folder ${folder}/ · report ID (SHA-256 of ${folder}/report.json)`)} <span class="mono">${e(v.reportId)}</span></p>`,
        subsections: certifySections(report, `v${i + 1}-`, 3),
        newPage: true,
      };
    }),
  ];
  const first = run.reports[0]!.report;
  const title = `Certification report: ${gameTitle(first)}, ${words.titleSuffix}`;
  return htmlDocument({
    title,
    reportId: options.reportId,
    intro: `<p class="muted">${e(id.game.id)} · game file SHA-256 <span class="mono">${e(id.game.sha256)}</span></p>
<p class="overall">Overall: ${statusBadge(summary.overall)} <span class="muted">${e(words.countText(run.reports.length))}</span></p>
<p class="units">${e(unitsText(stakes.size === 1 ? first.exact.stake : null))}</p>`,
    sections,
    tocDepth: 2,
    footer: `<p class="muted">${e(variantsTimings(run))}</p>`,
  });
}
