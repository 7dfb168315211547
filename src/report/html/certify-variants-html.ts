import type { CertifyVariantsRun } from '../../certify/certify-variants.js';
import { gameTitle, statusCounts, unitsText } from '../certify-tables.js';
import type { CertifyVariantsJson } from '../certify-variants.js';
import { variantName, variantsTable, variantsTimings } from '../certify-variants.js';
import { certifySections, commandHtml, htmlDocument } from './certify-html.js';
import { escapeHtml as e } from './escape.js';
import { htmlTable, statusBadge } from './html-table.js';
import type { HtmlSection } from './sections.js';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
  const sections: HtmlSection[] = [
    {
      id: 'summary',
      title: 'Summary of the variants',
      html: `<p>${e(
        `Each variant was certified as “slotsim certify --variant V” certifies it alone, with the same ${id.rounds.toLocaleString('en-US')} rounds, seed ${id.seed} and generator ${id.rng}; its own report (files, command and report ID) is in its folder.`,
      )}</p>
${htmlTable(variantsTable(summary), { statusColumn: 5 })}
<p>Reproduce every variant's figures with:</p>
${commandHtml(id.command)}`,
    },
    ...run.reports.map(({ folder, report }, i): HtmlSection => {
      const v = summary.variants[i]!;
      return {
        id: `v${i + 1}`,
        title: capitalised(variantName(report.identification.game.variant)),
        html: `<p class="overall">Overall: ${statusBadge(report.overall)} <span class="muted">${e(statusCounts(report))}</span></p>
<p>${e(`Folder ${folder}/ · report ID (SHA-256 of ${folder}/report.json)`)} <span class="mono">${e(v.reportId)}</span></p>`,
        subsections: certifySections(report, `v${i + 1}-`, 3),
        newPage: true,
      };
    }),
  ];
  const first = run.reports[0]!.report;
  const title = `Certification report: ${gameTitle(first)}, every variant`;
  return htmlDocument({
    title,
    reportId: options.reportId,
    intro: `<p class="muted">${e(id.game.id)} · game file SHA-256 <span class="mono">${e(id.game.sha256)}</span></p>
<p class="overall">Overall: ${statusBadge(summary.overall)} <span class="muted">${e(`${run.reports.length} variants (the game as written and each variant it defines)`)}</span></p>
<p class="units">${e(unitsText(stakes.size === 1 ? first.exact.stake : null))}</p>`,
    sections,
    tocDepth: 2,
    footer: `<p class="muted">${e(variantsTimings(run))}</p>`,
  });
}
