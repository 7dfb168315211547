import type { CheckReport } from '../check/check-types.js';
import { verdictLine } from '../certify/verdict.js';
import { VERSION } from '../version.js';
import { caseName, checkMessages } from './check-rows.js';
import { dropInvalidXml } from './html/escape.js';

/** Text content: `&`, `<` and `>` escaped, characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  return dropInvalidXml(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An attribute value (double-quoted): also quotes and whitespace that attribute normalisation would eat. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}

function seconds(x: number): string {
  return x.toFixed(3);
}

/**
 * JUnit XML of a `check` run: one test suite, one test case per game and variant, a `failure`
 * carrying the numbers when it failed; details of every verdict in `system-out`.
 */
export function checkJunit(report: CheckReport, timestamp: Date): string {
  const failures = report.results.filter((r) => !r.passed).length;
  const tests = report.results.length;
  const cases = report.results.map((result) => {
    const attributes = `classname="${xmlAttribute(`slotsim.check.${result.game.id}`)}" name="${xmlAttribute(caseName(result))}" file="${xmlAttribute(result.file)}" time="${seconds(result.elapsedSeconds)}"`;
    const failed = result.verdicts.filter((v) => v.status === 'FAIL' || v.status === 'INCONCLUSIVE');
    const failure =
      failed.length === 0
        ? ''
        : `\n      <failure message="${xmlAttribute(failed.map(verdictLine).join('; '))}" type="${xmlAttribute(failed.map((v) => v.id).join(' '))}">${xmlText(failed.map((v) => `${v.title}: ${verdictLine(v)}\n${v.details.map(([k, x]) => `  ${k}: ${x}`).join('\n')}`).join('\n'))}</failure>`;
    const out = `\n      <system-out>${xmlText(checkMessages(result).join('\n'))}</system-out>`;
    return `    <testcase ${attributes}>${failure}${out}\n    </testcase>`;
  });
  const time = seconds(report.elapsedSeconds);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="slotsim check" tests="${tests}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="slotsim check" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${time}" timestamp="${xmlAttribute(timestamp.toISOString())}">`,
    '    <properties>',
    `      <property name="slotsim.version" value="${xmlAttribute(VERSION)}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
