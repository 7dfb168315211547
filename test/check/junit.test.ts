import { falseAlarmRate } from '../../src/check/check-level.js';
import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckResult } from '../../src/check/check-types.js';
import { rtpTargetVerdict } from '../../src/certify/verdict-rtp-target.js';
import { frac } from '../../src/math/fraction.js';
import { checkJunit, xmlAttribute, xmlText } from '../../src/report/check-junit.js';
import { checkMarkdown } from '../../src/report/check-markdown.js';
import { renderCheck } from '../../src/report/check-text.js';
import { parseXml } from './xml-well-formed.js';

const NASTY = 'a<b>&c"d\'e\u0001\nf]]>';

function result(variant: string | null, rtp: [number, number], target: number): CheckResult {
  const t = { target, tolerance: 0.0005, source: 'declared' as const };
  const verdict = rtpTargetVerdict({
    target: t,
    rtp: { kind: 'exact', rtp: rtp[0] / rtp[1], fraction: frac(rtp[0], rtp[1]) },
  });
  return {
    file: `games/<weird> & "odd".json`,
    game: { id: 'g', name: 'G & <Co>', version: '1.0', variant, sha256: 'ab' },
    mode: 'base',
    target: t,
    rtp: { value: rtp[0] / rtp[1], precision: 'exact', fraction: `${rtp[0]}/${rtp[1]}` },
    notExact: [],
    simulation: null,
    verdicts: [verdict],
    passed: verdict.status !== 'FAIL',
    elapsedSeconds: 0.012,
  };
}

const report: CheckReport = {
  passed: false,
  results: [result(null, [193, 200], 0.965), result(NASTY, [47, 50], 0.965)],
  falseAlarm: falseAlarmRate(0),
  elapsedSeconds: 0.5,
};

describe('JUnit XML', () => {
  it('escapes text and attributes', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlAttribute('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
    expect(xmlText('bell\u0007 ok')).toBe('bell ok');
  });

  it('is well formed, one test case per game and variant, failures carry the numbers', () => {
    const xml = checkJunit(report, new Date(Date.UTC(2026, 0, 1)));
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const suite = root.children[0]!;
    expect(suite.attributes).toMatchObject({
      tests: '2',
      failures: '1',
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases).toHaveLength(2);
    expect(cases[0]!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(cases[0]!.attributes.file).toBe('games/<weird> & "odd".json');
    // The variant name survives the round trip (minus the control character XML cannot hold).
    expect(cases[1]!.attributes.name).toBe(`g 1.0 (variant a<b>&c"d'e\nf]]>)`);
    const failure = cases[1]!.children.find((c) => c.name === 'failure')!;
    expect(failure.attributes.type).toBe('rtp-target');
    expect(failure.attributes.message).toMatch(
      /exact RTP 94\.0000% is outside 96\.5% ± 0\.05 percentage points .*2\.5000 percentage points from the target/,
    );
    expect(failure.text).toMatch(/\|RTP − target\|: 2\.500000 percentage points/);
  });
});

describe('human and GitHub summaries', () => {
  it('the table names every case and the failure; Markdown cells are escaped', () => {
    const text = renderCheck(report);
    expect(text).toMatch(/1 of 2 failed\./);
    expect(text).toMatch(/FAIL RTP within the target ± tolerance: exact RTP 94\.0000% is outside/);
    const md = checkMarkdown(report);
    expect(md).toMatch(/^## slotsim check: ❌ 1 of 2 failed/);
    expect(md).toContain(`a&lt;b>&c"d'e f]]>`);
    expect(md).not.toContain('<b>');
    // Every table line has exactly one unescaped pipe per column boundary.
    const tableLines = md.split('\n').filter((line) => line.startsWith('|'));
    expect(tableLines).toHaveLength(4);
    for (const line of tableLines) expect(line.replaceAll('\\|', '').split('|')).toHaveLength(7 + 2);
  });
});
