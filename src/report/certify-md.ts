import type { CertifyReport } from '../certify/report-types.js';
import type { Verdict } from '../certify/verdict.js';
import {
  bonusText,
  evaluationText,
  freeSpinsTable,
  freeSpinsText,
  gameIntroText,
  gameOverviewTable,
  groupsTable,
  paylinesTable,
  payTable,
  payTableCaption,
  prizeTreeLines,
  reelCountTable,
  reelSetCaption,
  reelStripTable,
  REEL_STRIPS_INTRO,
  rtpRangeTable,
  scatterTable,
  symbolRulesText,
  symbolsTable,
  volatilityTable,
  volatilityText,
} from './certify-game-tables.js';
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

/** A Markdown section: its heading (at the level it is rendered at) and body lines. */
export interface MdSection {
  readonly title: string;
  readonly body: readonly string[];
  readonly subsections?: readonly MdSection[];
}

/** The anchor of the section numbered `n` ("3.2" → "section-3-2"), the same in every renderer. */
const anchor = (n: string): string => `section-${n.replaceAll('.', '-')}`;

/**
 * Sections as Markdown, numbered ("3", "3.2") like the HTML report, top headings at `level`; each
 * heading follows an explicit anchor, so the contents' links work whatever slugs a renderer makes.
 */
export function mdSections(sections: readonly MdSection[], level: number, prefix = ''): string[] {
  return sections.flatMap((s, i) => {
    const n = `${prefix}${i + 1}`;
    return [
      `<a id="${anchor(n)}"></a>`,
      '',
      `${'#'.repeat(Math.min(level, 6))} ${n} ${mdText(s.title)}`,
      '',
      ...s.body,
      ...mdSections(s.subsections ?? [], level + 1, `${n}.`),
    ];
  });
}

/** The contents: a nested list of links to the sections, `depth` levels deep (as report.html's). */
export function mdContents(sections: readonly MdSection[], depth: number, prefix = ''): string[] {
  return sections.flatMap((s, i) => {
    const n = `${prefix}${i + 1}`;
    const indent = '  '.repeat(prefix === '' ? 0 : prefix.split('.').length - 1);
    return [
      `${indent}- [${mdText(`${n} ${s.title}`).replaceAll(/[[\]\\]/g, '\\$&')}](#${anchor(n)})`,
      ...(depth > 1 ? mdContents(s.subsections ?? [], depth - 1, `${n}.`) : []),
    ];
  });
}

function verdictSection(v: Verdict, index: number, level: number): string[] {
  const lines = [`${'#'.repeat(Math.min(level, 6))} ${index + 1}. ${v.title}: **${v.status}**`, ''];
  lines.push(mdText(v.status === 'N/A' ? v.reason : v.summary), '');
  if (v.details.length > 0) {
    lines.push(...v.details.map(([label, value]) => `- ${mdText(label)}: ${mdText(value)}`), '');
  }
  for (const note of v.notes) lines.push(`> Note: ${mdText(note)}`, '');
  lines.push(`*Method:* ${v.method}`, '');
  return lines;
}

const table = (t: TextTable | null): string[] => (t === null ? [] : [mdTable(t), '']);
const paragraphs = (lines: readonly string[]): string[] => lines.flatMap((line) => [mdText(line), '']);

function gameSection(report: CertifyReport): MdSection {
  const d = report.gameDescription;
  const subsections: MdSection[] = [{ title: 'Grid, stake and cap', body: table(gameOverviewTable(d)) }];
  if (d.evaluation === 'lines') {
    subsections.push({
      title: 'Paylines',
      body: [
        mdText(
          `${evaluationText(d)} Each line gives its row on reels 1 to ${d.grid.reels} (row 0 is the top).`,
        ),
        '',
        ...table(paylinesTable(d)),
      ],
    });
  }
  subsections.push({
    title: 'Symbols',
    body: [...table(symbolsTable(d)), ...table(groupsTable(d)), ...paragraphs(symbolRulesText(d))],
  });
  subsections.push({
    title: 'Pay table',
    body: [mdText(payTableCaption(d)), '', ...table(payTable(d)), ...table(scatterTable(d))],
  });
  const fs = freeSpinsTable(d);
  if (fs !== null)
    subsections.push({ title: 'Free spins', body: [...paragraphs(freeSpinsText(d)), ...table(fs)] });
  if (d.bonus !== null) {
    subsections.push({
      title: 'Bonus',
      body: [
        ...paragraphs(bonusText(d)),
        '```text',
        ...prizeTreeLines(d.bonus, d.stake.credits).map(dropInvalidXml),
        '```',
        '',
      ],
    });
  }
  return {
    title: 'Game description',
    body: [mdText(gameIntroText(d)), ''],
    subsections,
  };
}

/** The report's sections, in the HTML report's order; verdict headings one level below `level`. */
export function certifyMdSections(report: CertifyReport, level: number): MdSection[] {
  const sections: MdSection[] = [
    {
      title: 'Identification',
      body: [
        mdTable(identificationTable(report)),
        '',
        'Reproduce every figure of this report with:',
        '',
        '```sh',
        dropInvalidXml(report.identification.command),
        '```',
        '',
      ],
    },
    {
      title: 'Verdicts',
      body: [
        mdTable(verdictTable(report)),
        '',
        ...report.verdicts.flatMap((v, i) => verdictSection(v, i, level + 1)),
      ],
    },
    gameSection(report),
    {
      title: 'Reel strips',
      body: [mdText(REEL_STRIPS_INTRO), ''],
      subsections: report.reelStrips.map((set) => ({
        title: `Reel set “${set.name}”${set.usedFor.length === 0 ? ' (not used)' : ` (${set.usedFor.join(', ')})`}`,
        body: [
          mdText(reelSetCaption(set)),
          '',
          'Symbol counts per reel:',
          '',
          mdTable(reelCountTable(set)),
          '',
          'Strips, stop by stop:',
          '',
          mdTable(reelStripTable(set)),
          '',
        ],
      })),
    },
    {
      title: analysisTitle(report),
      body: [
        mdTable(exactTable(report)),
        '',
        ...report.exact.notExact.flatMap((n) => [`> **Not exact:** ${mdText(n)}`, '']),
        ...report.exact.notes.map((n) => `- ${mdText(n)}`),
        '',
      ],
    },
    { title: 'Max exposure', body: [mdTable(maxExposureTable(report)), ''] },
    {
      title: 'Theoretical against simulated',
      body: [
        'Each part of the game: its exact figure, the simulation’s, their difference Δ, the sd of one trial under the exact figures, z = Δ / (sd / √trials) and its two-sided p (verdict 5).',
        '',
        mdTable(componentsTable(report)),
        '',
      ],
    },
    {
      title: 'Volatility and RTP range',
      body: [
        mdText(volatilityText(report)),
        '',
        mdTable(volatilityTable(report)),
        '',
        'RTP range after n rounds:',
        '',
        mdTable(rtpRangeTable(report)),
        '',
      ],
    },
    { title: 'Simulation', body: [mdTable(simulationTable(report)), ''] },
    {
      title: 'RTP convergence',
      body: [
        `The simulated RTP after a share of the rounds, against the ${report.convergence.centerKind === 'exact' ? 'exact RTP' : 'final simulated RTP (no exact RTP is known)'} ± 2.5758 × sd / √rounds (sd ${report.convergence.sd.toFixed(6)}× stake, ${report.convergence.sdSource}). The HTML report charts every chunk.`,
        '',
        mdTable(convergenceTable(report)),
        '',
      ],
    },
    {
      title: 'Win distribution',
      body: [mdText(distributionNote(report)), '', mdTable(distributionTableText(report)), ''],
    },
  ];
  const classes = chiSquareClassTable(report);
  const test = report.combinations.test;
  const observed = observedCombinationTable(report);
  if (observed !== null) {
    sections.push({
      title: 'Paying combinations of the paid spin (observed)',
      body: [mdText(observedCombinationNote(report)), '', mdTable(observed), ''],
    });
  } else
    sections.push({
      title: 'Paying combinations of the paid spin (PAR table)',
      body: [
        mdText(combinationNote(report, 'paid')),
        '',
        mdText(
          `Observed: occurrences over every payline (or ways rule) of the detailed rounds; expected: rounds × occurrences per spin. ${report.detail.description}`,
        ),
        '',
        mdTable(combinationTable(report, 'paid')),
        '',
      ],
      ...(classes === null || test === null
        ? {}
        : {
            subsections: [
              {
                title: 'χ² classes',
                body: [
                  mdText(
                    `Groups of independent trials: ${test.groups.map((g) => `${g.name} (${g.trials.toLocaleString('en-US')} trials)`).join(', ')}. Classes expecting fewer than 5 are merged.`,
                  ),
                  '',
                  mdTable(classes),
                  '',
                ],
              },
            ],
          }),
    });
  if (report.combinations.rows.some((row) => row.spin === 'free')) {
    sections.push({
      title: `Paying combinations of one free spin (pays as paid: ×${report.combinations.freeSpinMultiplier ?? 1} included)`,
      body: [mdText(combinationNote(report, 'free')), '', mdTable(combinationTable(report, 'free')), ''],
    });
  }
  const noPaidSpin = reelStopsNote(report);
  sections.push({
    title: 'Reel stops of the paid spin',
    body: noPaidSpin === null ? [mdTable(reelTable(report)), ''] : [mdText(noPaidSpin), ''],
  });
  const draws = drawTable(report);
  if (draws !== null) {
    sections.push({ title: 'Other weighted draws', body: [mdText(DRAW_NOTE), '', mdTable(draws), ''] });
  }
  const serial = serialTable(report);
  if (serial !== null) {
    sections.push({
      title: 'Serial correlation of successive draws',
      body: [
        'Every draw u = (draw + ½) / bound of the detailed rounds, in order within each chunk’s stream.',
        '',
        mdTable(serial),
        '',
      ],
    });
  }
  const coverage = coverageTable(report);
  const awards = awardsTable(report);
  sections.push({
    title: 'Coverage of every game state',
    body: [
      ...(report.coverage.fullCycle === null ? [] : [mdText(report.coverage.fullCycle), '']),
      ...(coverage === null
        ? []
        : [
            'The free spins a round plays whatever their outcomes (all of the first award without a cap, the first spin with one), the award each feature started with, and every bonus prize of the detailed rounds, against the exact figures (verdict 6).',
            '',
            mdTable(coverage),
            '',
          ]),
      ...table(awards),
      ...report.coverage.notes.flatMap((n) => [`> Note: ${mdText(n)}`, '']),
    ],
  });
  return sections;
}

export function timingsMd(report: CertifyReport): string {
  return `slotsim ${report.identification.slotsimVersion}; analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s (${Math.round(report.timings.spinsPerSecond).toLocaleString('en-US')} rounds/s).`;
}

/** `report.md`: the whole report in Markdown, with its report ID (SHA-256 of report.json). */
export function certifyMarkdown(report: CertifyReport, options: { readonly reportId: string }): string {
  const sections = certifyMdSections(report, 2);
  return [
    `# Certification report: ${mdText(gameTitle(report))}`,
    '',
    `Report ID \`${options.reportId}\` (SHA-256 of report.json)`,
    '',
    `**Overall: ${report.overall}** (${statusCounts(report)})`,
    '',
    ...(report.certifiable ? [] : [`**NOT CERTIFIABLE:** ${mdText(report.nonCertifiable.join('; '))}`, '']),
    mdText(unitsText(report.exact.stake)),
    '',
    '## Contents',
    '',
    ...mdContents(sections, 2),
    '',
    ...mdSections(sections, 2),
    '---',
    '',
    timingsMd(report),
    '',
  ].join('\n');
}
