import type { CheckResult } from '../check/check-types.js';
import { verdictLine } from '../certify/verdict.js';
import { declaredBand, percent, signedPoints } from './format.js';

/** The columns of `check`'s table, shared by the terminal, Markdown and JUnit renderers. */
export const CHECK_HEAD = [
  'game',
  'variant',
  'target ± tolerance',
  'RTP',
  'RTP − target',
  'simulated (99%)',
  'result',
];

/** "starfall-20 1.0.0", with " (variant V)" and " (mode M)" when they are not the game as written. */
export function caseName(result: CheckResult): string {
  const g = result.game;
  const mode = result.mode === 'base' ? '' : ` (mode ${result.mode})`;
  return `${g.id} ${g.version}${g.variant === null ? '' : ` (variant ${g.variant})`}${mode}`;
}

function rtpText(result: CheckResult): string {
  const r = result.rtp;
  switch (r.precision) {
    case 'exact':
      return percent(r.value);
    case 'exact-double':
      return `${percent(r.value)} (exact-double)`;
    case 'exact-expectation':
      return `${percent(r.value)} (exact-expectation)`;
    case 'uncapped':
      return `not exact (cap): ≤ ${percent(r.value)}`;
    case 'simulated':
      return 'not exact (simulated)';
    default: {
      const unknown: never = r.precision;
      return String(unknown);
    }
  }
}

/** The variant column: the variant (or —), and the mode when it is not "base". */
function variantText(result: CheckResult): string {
  const variant = result.game.variant ?? '—';
  return result.mode === 'base' ? variant : `${variant}, mode ${result.mode}`;
}

export function checkRow(result: CheckResult): string[] {
  const exact =
    result.rtp.precision === 'exact' ||
    result.rtp.precision === 'exact-double' ||
    result.rtp.precision === 'exact-expectation';
  const sim = result.simulation;
  return [
    result.file,
    variantText(result),
    declaredBand(result.target.target, result.target.tolerance),
    rtpText(result),
    exact ? signedPoints(result.rtp.value - result.target.target) : '—',
    sim === null
      ? '—'
      : `${percent(sim.rtp)} (${percent(sim.interval99[0])} … ${percent(sim.interval99[1])})`,
    result.passed ? 'PASS' : result.verdicts.some((v) => v.status === 'FAIL') ? 'FAIL' : 'INCONCLUSIVE',
  ];
}

function rank(status: string): number {
  return status === 'FAIL' ? 2 : status === 'INCONCLUSIVE' ? 1 : 0;
}

/** Every verdict of a result as text lines, failures first: what the table cannot hold. */
export function checkMessages(result: CheckResult): string[] {
  return [...result.verdicts]
    .sort((a, b) => rank(b.status) - rank(a.status))
    .flatMap((v) => [`${v.status} ${v.title}: ${verdictLine(v)}`, ...v.notes.map((n) => `  note: ${n}`)]);
}
