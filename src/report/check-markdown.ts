import { falseAlarmText } from '../check/check-level.js';
import type { CheckReport } from '../check/check-types.js';
import { mdTable, mdText } from './certify-md.js';
import { caseName, CHECK_HEAD, checkMessages, checkRow } from './check-rows.js';

/** The Markdown summary `check` appends to `$GITHUB_STEP_SUMMARY`. */
export function checkMarkdown(report: CheckReport): string {
  const failed = report.results.filter((r) => !r.passed);
  const lines = [
    `## slotsim check: ${failed.length === 0 ? '✅ all passed' : `❌ ${failed.length} of ${report.results.length} failed`}`,
    '',
    mdTable({
      head: CHECK_HEAD,
      rows: report.results.map((r) => {
        const row = checkRow(r);
        row[row.length - 1] = `${r.passed ? '✅' : '❌'} ${row[row.length - 1]!}`;
        return row;
      }),
    }),
    '',
    mdText(falseAlarmText(report.falseAlarm)),
    '',
  ];
  for (const result of report.results) {
    if (result.passed && result.simulation === null) continue;
    lines.push(
      `**${mdText(caseName(result))}**`,
      '',
      ...checkMessages(result).map((m) => `- ${mdText(m)}`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
