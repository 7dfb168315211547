import type { CertifyVariantsRun } from '../certify/certify-variants.js';
import { certifyMdSections, mdSections, mdTable, mdText } from './certify-md.js';
import type { MdSection } from './certify-md.js';
import { gameTitle, statusCounts, unitsText } from './certify-tables.js';
import type { CertifyVariantsJson } from './certify-variants.js';
import { runWords, summaryEntries, variantsTimings } from './certify-variants.js';
import { dropInvalidXml } from './html/escape.js';

/** The top-level `report.md` of `certify --all-variants` (or `--all-modes`): the summary, then each variant (mode) in full. */
export function certifyVariantsMarkdown(
  run: CertifyVariantsRun,
  summary: CertifyVariantsJson,
  options: { readonly reportId: string },
): string {
  const id = summary.identification;
  const first = run.reports[0]!.report;
  const stakes = new Set(run.reports.map((r) => r.report.exact.stake));
  const words = runWords(run.by);
  const entries = summaryEntries(summary);
  const sections: MdSection[] = [
    {
      title: words.summaryTitle,
      body: [
        mdText(words.intro(id.rounds, id.seed, id.rng)),
        '',
        mdTable(words.table(summary)),
        '',
        ...afterTable(words.afterTable(summary)),
        `Reproduce every ${run.by}'s figures with:`,
        '',
        '```sh',
        dropInvalidXml(id.command),
        '```',
        '',
      ],
    },
    ...run.reports.map(({ folder, report }, i): MdSection => {
      return {
        title: words.name(report),
        body: [
          `**Overall: ${report.overall}** (${statusCounts(report)})`,
          '',
          `Folder \`${folder}/\`, report ID \`${entries[i]!.reportId}\` (SHA-256 of ${folder}/report.json)`,
          '',
        ],
        subsections: certifyMdSections(report, 3),
      };
    }),
  ];
  return [
    `# Certification report: ${mdText(gameTitle(first))}, ${words.titleSuffix}`,
    '',
    `Report ID \`${options.reportId}\` (SHA-256 of report.json)`,
    '',
    `**Overall: ${summary.overall}** (${words.countText(run.reports.length)})`,
    '',
    mdText(unitsText(stakes.size === 1 ? first.exact.stake : null)),
    '',
    ...mdSections(sections, 2),
    '---',
    '',
    mdText(variantsTimings(run)),
    '',
  ].join('\n');
}

function afterTable(text: string | null): string[] {
  return text === null ? [] : [mdText(text), ''];
}
