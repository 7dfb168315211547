import type { CertifyReport, FigureJson } from '../certify/report-types.js';
import { formatP } from '../certify/verdict-combinations.js';
import { count, fixed, oneIn, percent, share } from './format.js';

/**
 * The certification report's tables as rows of text, shared by the Markdown and HTML renderers so
 * both say exactly the same thing.
 */
export interface TextTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns to right-align (numbers). */
  readonly numeric?: readonly number[];
}

const NONE = '—';

function figure(f: FigureJson | null, format: (x: number) => string): string {
  if (f === null) return NONE;
  const how = f.precision === 'exact' ? (f.fraction === null ? '' : ` = ${f.fraction}`) : ` (${f.precision})`;
  return `${format(f.value)}${how}`;
}

export function gameTitle(report: CertifyReport): string {
  const g = report.identification.game;
  return `${g.name} ${g.version}${g.variant === null ? '' : ` (variant ${g.variant})`}`;
}

/** "4 PASS, 0 FAIL, 0 N/A": how many verdicts have each status. */
export function statusCounts(report: CertifyReport): string {
  const counts = new Map<string, number>([
    ['PASS', 0],
    ['FAIL', 0],
  ]);
  for (const v of report.verdicts) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

/** The report's one unit convention, stated once at its top. */
export function unitsText(stake: number | null): string {
  const what =
    stake === null
      ? 'the total bet of one paid round, given in each game description'
      : `the total bet of one paid round, ${count(stake)} credit${stake === 1 ? '' : 's'}`;
  return `Units: RTP, its parts, intervals, targets and shares of RTP are percentages of the stake (${what}). Wins, pays and standard deviations are multiples of the stake (×) unless given in credits. Chances below 0.01% are written “1 in N”.`;
}

export function identificationTable(report: CertifyReport): TextTable {
  const id = report.identification;
  const detail = id.detailRounds === id.rounds ? 'all' : `the first ${count(id.detailRounds)}`;
  return {
    head: ['field', 'value'],
    rows: [
      ['game', `${id.game.id} — ${id.game.name}`],
      ['version', id.game.version],
      ['variant', id.game.variant ?? '(as written)'],
      ['game file', id.game.file],
      ['SHA-256 of the game file', id.game.sha256],
      ['slotsim version', id.slotsimVersion],
      ['RNG algorithm', id.rng],
      ['seed', id.seed],
      ['rounds', `${count(id.rounds)} (per-round detail: ${detail})`],
      ['threads', String(id.threads)],
      ['date (UTC)', id.date],
    ],
  };
}

export function verdictTable(report: CertifyReport): TextTable {
  return {
    head: ['#', 'test', 'verdict', 'numbers'],
    rows: report.verdicts.map((v, i) => [
      String(i + 1),
      v.title,
      v.status,
      v.status === 'N/A' ? v.reason : v.summary,
    ]),
  };
}

export function exactTable(report: CertifyReport): TextTable {
  const e = report.exact;
  const p = (x: number) => percent(x, 4);
  const rows: string[][] = [
    ['RTP', figure(e.rtp, p)],
    ['  lines / ways', figure(e.components.lines, p)],
    ['  scatter', figure(e.components.scatter, p)],
    ['  free spins', figure(e.components.freeSpins, p)],
    ['  bonus', figure(e.components.bonus, p)],
    ['hit frequency', figure(e.hitFrequency, (x) => `${percent(x, 4)} (${oneIn(x)})`)],
    ['sd per round (× stake)', figure(e.sd, (x) => fixed(x, 6))],
    ['volatility index (90%)', e.volatilityIndex90 === null ? NONE : fixed(e.volatilityIndex90, 3)],
    ['free-spin trigger', figure(e.pFreeSpinsTrigger, (x) => (x > 0 ? oneIn(x) : 'never'))],
    ['free spins per trigger', figure(e.expectedFreeSpinsPerTrigger, (x) => fixed(x, 4))],
    ['bonus trigger', figure(e.pBonusTrigger, (x) => (x > 0 ? oneIn(x) : 'never'))],
    ['cycle (paid spin)', `${count(BigInt(e.cycle))} stop combinations (enumeration: ${e.enumeration})`],
    [
      'top award',
      e.topAward === null
        ? NONE
        : `${e.topAward.label}: ${fixed(e.topAward.x, 2)}× stake, ${oneIn(1 / e.topAward.oneIn)}`,
    ],
    [
      'max-win cap',
      e.maxWin.capX === null
        ? 'none'
        : `${e.maxWin.capX}× stake, ${e.maxWin.canBind ? 'can bind' : 'never reached'} (rounds can win up to ${count(Math.round(e.maxWin.roundBoundX))}× stake)`,
    ],
    [
      'declared RTP target',
      e.declaredRtp === null
        ? 'none'
        : `${percent(e.declaredRtp.target, 2)} ± ${percent(e.declaredRtp.tolerance, 2)}`,
    ],
  ];
  if (e.uncappedRtp !== null) rows.push(['uncapped RTP (upper bound)', percent(e.uncappedRtp, 4)]);
  return { head: ['figure', 'exact value'], rows };
}

export function simulationTable(report: CertifyReport): TextTable {
  const s = report.simulation;
  const [lo95, hi95] = s.confidence['95'];
  const [lo99, hi99] = s.confidence['99'];
  const n = s.rounds;
  return {
    head: ['figure', 'simulated value'],
    rows: [
      ['rounds', count(n)],
      ['RTP', percent(s.rtp, 4)],
      ['  lines / ways', percent(s.components.lines, 4)],
      ['  scatter', percent(s.components.scatter, 4)],
      ['  free spins', percent(s.components.freeSpins, 4)],
      ['  bonus', percent(s.components.bonus, 4)],
      ['95% interval', `${percent(lo95, 4)} … ${percent(hi95, 4)}`],
      ['99% interval', `${percent(lo99, 4)} … ${percent(hi99, 4)}`],
      ['hit frequency', `${percent(s.hitFrequency, 4)} (${oneIn(s.hitFrequency)})`],
      ['sd per round (× stake)', fixed(s.sd, 6)],
      [
        'free-spin triggers',
        `${count(s.freeSpins.triggers)} (${n > 0 && s.freeSpins.triggers > 0 ? oneIn(s.freeSpins.triggers / n) : 'never'}), ${fixed(s.freeSpins.averageLength, 2)} spins on average`,
      ],
      [
        'bonus triggers',
        `${count(s.bonus.triggers)} (${n > 0 && s.bonus.triggers > 0 ? oneIn(s.bonus.triggers / n) : 'never'})`,
      ],
      ['largest win', `${count(s.maxWinObserved)} credits (${fixed(s.maxWinObservedX, 1)}× stake)`],
      ['max-win cap hits', s.cap.maxWin === null ? 'no cap' : count(s.cap.hits)],
      ['credits won / staked', `${s.totals.won} / ${s.totals.staked}`],
    ],
  };
}

export function distributionTableText(report: CertifyReport): TextTable {
  const d = report.distribution;
  const exact = d.exactScope !== null;
  return {
    head: [
      'win (× stake)',
      'rounds',
      'share',
      ...(exact ? ['exact share'] : []),
      'share of RTP',
      ...(exact ? ['exact share of RTP'] : []),
    ],
    numeric: exact ? [1, 2, 3, 4, 5] : [1, 2, 3],
    rows: d.rows.map((row) => [
      row.bucket,
      count(row.simulated.count),
      share(row.simulated.share),
      ...(exact ? [row.exact === null ? NONE : share(row.exact.share)] : []),
      percent(row.simulated.shareOfRtp, 2),
      ...(exact ? [row.exact === null ? NONE : percent(row.exact.shareOfRtp, 2)] : []),
    ]),
  };
}

export function combinationTable(report: CertifyReport, spin: 'paid' | 'free'): TextTable {
  const rows = report.combinations.rows.filter((row) => row.spin === spin);
  const observed = spin === 'paid' && rows.some((row) => row.observed !== null);
  return {
    head: [
      'combination',
      'pays (× stake)',
      'probability',
      'per spin',
      'share of RTP',
      ...(observed ? ['observed', 'expected', 'obs / exp'] : []),
    ],
    numeric: observed ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4],
    rows: rows.map((row) => [
      row.label,
      fixed(row.payX, row.payX < 1 ? 3 : 2),
      share(row.probability),
      oneIn(row.perSpin),
      percent(row.shareOfRtp, 3),
      ...(observed
        ? [
            count(row.observed ?? 0),
            fixed(row.expected ?? 0, 1),
            row.expected !== null && row.expected > 0 ? fixed((row.observed ?? 0) / row.expected, 4) : NONE,
          ]
        : []),
    ]),
  };
}

export function chiSquareClassTable(report: CertifyReport): TextTable | null {
  const test = report.combinations.test;
  if (test === null) return null;
  return {
    head: ['group', 'class (merged combinations)', 'observed', 'expected', '(O − E)² / E'],
    numeric: [2, 3, 4],
    rows: test.classes.map((c) => [
      c.group,
      c.labels.join(' + '),
      count(c.observed),
      fixed(c.expected, 2),
      fixed(c.contribution, 3),
    ]),
  };
}

export function reelTable(report: CertifyReport): TextTable {
  return {
    head: ['reel', 'stops', 'draw bound', 'draws', 'χ²', 'dof', 'p-value'],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: report.reels.map((r) => [
      `${r.reel}${r.weighted ? ' (weighted)' : ''}`,
      String(r.stops),
      String(r.drawBound),
      count(r.draws),
      fixed(r.statistic, 2),
      String(r.dof),
      r.pValue === null ? NONE : formatP(r.pValue),
    ]),
  };
}

export function serialTable(report: CertifyReport): TextTable | null {
  const s = report.serial;
  if (s === null) return null;
  return {
    head: ['draws', 'pairs', 'lag-1 correlation', 'z', 'p-value (two-sided)'],
    numeric: [0, 1, 2, 3, 4],
    rows: [
      [count(s.draws), count(s.pairs), s.correlation.toExponential(3), fixed(s.z, 3), formatP(s.pValue)],
    ],
  };
}

/** A few points of the convergence trace (about 1%, 2%, 5%, 10%, 20%, 50% and 100% of the rounds). */
export function convergenceTable(report: CertifyReport): TextTable {
  const points = report.convergence.points;
  const total = points.at(-1)?.rounds ?? 0;
  const picked = new Set<number>();
  for (const share of [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]) {
    const i = points.findIndex((p) => p.rounds >= share * total);
    if (i >= 0) picked.add(i);
  }
  const c = report.convergence;
  return {
    head: [
      'rounds',
      'simulated RTP',
      `${c.centerKind} ${c.centerKind === 'exact' ? 'RTP' : 'final RTP'} ± 99%`,
      'inside',
    ],
    numeric: [0, 1],
    rows: [...picked].map((i) => {
      const p = points[i]!;
      return [
        count(p.rounds),
        percent(p.rtp, 4),
        `${percent(p.low, 4)} … ${percent(p.high, 4)}`,
        p.rtp >= p.low && p.rtp <= p.high ? 'yes' : 'no',
      ];
    }),
  };
}
