import Table from 'cli-table3';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';
import { falseAlarmText } from '../check/check-level.js';
import type { CheckReport, CheckResult } from '../check/check-types.js';
import { caseName, CHECK_HEAD, checkMessages, checkRow } from './check-rows.js';

/** Whether a result needs words below the table: a failure, a simulation, a caveat. */
function needsWords(result: CheckResult): boolean {
  return !result.passed || result.simulation !== null || result.verdicts.some((v) => v.notes.length > 0);
}

/** The terminal view of `check`: one table, then the verdicts that need words. */
export function renderCheck(report: CheckReport): string {
  const table = new Table({ head: [...CHECK_HEAD], style: TABLE_STYLE, chars: COMPACT_CHARS });
  for (const result of report.results) table.push(checkRow(result));
  const notes = report.results
    .filter(needsWords)
    .flatMap((result) => [`${caseName(result)}:`, ...checkMessages(result).map((line) => `  ${line}`)]);
  const failed = report.results.filter((r) => !r.passed).length;
  const summary =
    failed === 0 ? `All ${report.results.length} passed.` : `${failed} of ${report.results.length} failed.`;
  return `${table.toString()}\n${notes.map((line) => `${line}\n`).join('')}${summary} ${falseAlarmText(report.falseAlarm)}\n`;
}
