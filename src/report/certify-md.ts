import type { CertifyReport } from '../certify/report-types.js';
import type { Verdict } from '../certify/verdict.js';
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
} from './certify-tables.js';
import type { TextTable } from './certify-tables.js';
import { dropInvalidXml } from './html/escape.js';

/**
 * Markdown text from data: control characters dropped, and a `<` that could open an HTML tag
 * (followed by a letter, `/`, `!` or `?`) written as `&lt;`, so no data becomes inline HTML.
 */
export function mdText(text: string): string {
  return dropInvalidXml(text).replaceAll(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** A Markdown table cell: as `mdText`, with pipes escaped and line breaks flattened. */
export function mdCell(text: string): string {
  return mdText(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}

export function mdTable(table: TextTable): string {
  const numeric = new Set(table.numeric ?? []);
  const head = `| ${table.head.map(mdCell).join(' | ')} |`;
  const rule = `|${table.head.map((_, i) => (numeric.has(i) ? '---:' : '---')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

function verdictSection(v: Verdict, index: number): string {
  const lines = [`### ${index + 1}. ${v.title}: **${v.status}**`, ''];
  lines.push(mdText(v.status === 'N/A' ? v.reason : v.summary), '');
  if (v.details.length > 0) {
    lines.push(...v.details.map(([label, value]) => `- ${mdText(label)}: ${mdText(value)}`), '');
  }
  for (const note of v.notes) lines.push(`> Note: ${mdText(note)}`, '');
  lines.push(`*Method:* ${v.method}`, '');
  return lines.join('\n');
}

/** `report.md`: the whole report in Markdown. */
export function certifyMarkdown(report: CertifyReport): string {
  const counts = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0, 'N/A': 0 };
  for (const v of report.verdicts) counts[v.status]++;
  const out: string[] = [
    `# Certification report: ${mdText(gameTitle(report))}`,
    '',
    `**Overall: ${report.overall}** (${counts.PASS} PASS, ${counts.FAIL} FAIL, ${counts.INCONCLUSIVE} INCONCLUSIVE, ${counts['N/A']} N/A)`,
    '',
    ...(report.certifiable ? [] : [`**NOT CERTIFIABLE:** ${mdText(report.nonCertifiable.join('; '))}`, '']),
    '## Identification',
    '',
    mdTable(identificationTable(report)),
    '',
    'Reproduce every figure of this report with:',
    '',
    '```sh',
    report.identification.command,
    '```',
    '',
    '## Verdicts',
    '',
    mdTable(verdictTable(report)),
    '',
    ...report.verdicts.map(verdictSection),
    '## Theoretical against simulated',
    '',
    'Each part of the game: its exact figure, the simulation’s, their difference Δ, the sd of one trial under the exact figures, z = Δ / (sd / √trials) and its two-sided p (verdict 5).',
    '',
    mdTable(componentsTable(report)),
    '',
    '## Exact analysis',
    '',
    mdTable(exactTable(report)),
    '',
  ];
  if (report.exact.notExact.length > 0) {
    out.push(...report.exact.notExact.map((n) => `> **Not exact:** ${mdText(n)}`), '');
  }
  out.push(
    ...report.exact.notes.map((n) => `- ${mdText(n)}`),
    '',
    '## Max exposure',
    '',
    mdTable(maxExposureTable(report)),
    '',
    '## Simulation',
    '',
    mdTable(simulationTable(report)),
    '',
    '## RTP convergence',
    '',
    `The simulated RTP after a share of the rounds, against the ${report.convergence.centerKind === 'exact' ? 'exact RTP' : 'final simulated RTP (no exact RTP is known)'} ± 2.5758 × sd / √rounds (sd ${report.convergence.sd.toFixed(6)}, ${report.convergence.sdSource}). The HTML report charts every chunk.`,
    '',
    mdTable(convergenceTable(report)),
    '',
    '## Win distribution',
    '',
    mdText(distributionNote(report)),
    '',
    mdTable(distributionTableText(report)),
    '',
    '## Paying combinations of the paid spin (PAR table)',
    '',
    mdText(combinationNote(report, 'paid')),
    '',
    `Observed: occurrences over every payline (or ways rule) of the detailed rounds; expected: rounds × occurrences per spin. ${report.detail.description}`,
    '',
    mdTable(combinationTable(report, 'paid')),
    '',
  );
  if (report.combinations.rows.some((row) => row.spin === 'free')) {
    out.push(
      `## Paying combinations of one free spin (pays as paid: ×${report.combinations.freeSpinMultiplier ?? 1} included)`,
      '',
      mdText(combinationNote(report, 'free')),
      '',
      mdTable(combinationTable(report, 'free')),
      '',
    );
  }
  const classes = chiSquareClassTable(report);
  if (classes !== null) {
    const test = report.combinations.test!;
    out.push(
      '### χ² classes',
      '',
      `Groups of independent trials: ${test.groups.map((g) => `${g.name} (${g.trials.toLocaleString('en-US')} trials)`).join(', ')}. Classes expecting fewer than 5 are merged.`,
      '',
      mdTable(classes),
      '',
    );
  }
  out.push('## Reel stops of the paid spin', '', mdTable(reelTable(report)), '');
  out.push('## Coverage of every game state', '');
  if (report.coverage.fullCycle !== null) out.push(mdText(report.coverage.fullCycle), '');
  const coverage = coverageTable(report);
  if (coverage !== null) {
    out.push(
      'The free spins a round plays whatever their outcomes (all of the first award without a cap, the first spin with one), the award each feature started with, and every bonus prize of the detailed rounds, against the exact figures (verdict 6).',
      '',
      mdTable(coverage),
      '',
    );
  }
  const awards = awardsTable(report);
  if (awards !== null) out.push(mdTable(awards), '');
  for (const note of report.coverage.notes) out.push(`> Note: ${mdText(note)}`, '');
  const serial = serialTable(report);
  if (serial !== null) {
    out.push(
      '## Serial correlation of successive draws',
      '',
      'Every draw u = (draw + ½) / bound of the detailed rounds, in order within each chunk’s stream.',
      '',
      mdTable(serial),
      '',
    );
  }
  out.push(
    '---',
    '',
    `slotsim ${report.identification.slotsimVersion}; analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s (${Math.round(report.timings.spinsPerSecond).toLocaleString('en-US')} rounds/s).`,
    '',
  );
  return out.join('\n');
}
