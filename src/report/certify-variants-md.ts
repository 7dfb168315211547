import type { CertifyVariantsRun } from '../certify/certify-variants.js';
import { certifyMdSections, mdSections, mdTable, mdText } from './certify-md.js';
import type { MdSection } from './certify-md.js';
import { gameTitle, statusCounts, unitsText } from './certify-tables.js';
import type { CertifyVariantsJson } from './certify-variants.js';
import { variantName, variantsTable, variantsTimings } from './certify-variants.js';
import { dropInvalidXml } from './html/escape.js';

/** The top-level `report.md` of `certify --all-variants`: the summary, then each variant in full. */
export function certifyVariantsMarkdown(
  run: CertifyVariantsRun,
  summary: CertifyVariantsJson,
  options: { readonly reportId: string },
): string {
  const id = summary.identification;
  const first = run.reports[0]!.report;
  const stakes = new Set(run.reports.map((r) => r.report.exact.stake));
  const sections: MdSection[] = [
    {
      title: 'Summary of the variants',
      body: [
        mdText(
          `Each variant was certified as “slotsim certify --variant V” certifies it alone, with the same ${id.rounds.toLocaleString('en-US')} rounds, seed ${id.seed} and generator ${id.rng}; its own report (files, command and report ID) is in its folder.`,
        ),
        '',
        mdTable(variantsTable(summary)),
        '',
        "Reproduce every variant's figures with:",
        '',
        '```sh',
        dropInvalidXml(id.command),
        '```',
        '',
      ],
    },
    ...run.reports.map(({ folder, report }, i): MdSection => {
      const name = variantName(report.identification.game.variant);
      return {
        title: name.charAt(0).toUpperCase() + name.slice(1),
        body: [
          `**Overall: ${report.overall}** (${statusCounts(report)})`,
          '',
          `Folder \`${folder}/\`, report ID \`${summary.variants[i]!.reportId}\` (SHA-256 of ${folder}/report.json)`,
          '',
        ],
        subsections: certifyMdSections(report, 3),
      };
    }),
  ];
  return [
    `# Certification report: ${mdText(gameTitle(first))}, every variant`,
    '',
    `Report ID \`${options.reportId}\` (SHA-256 of report.json)`,
    '',
    `**Overall: ${summary.overall}** (${run.reports.length} variants: the game as written and each variant it defines)`,
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
