import type { CertifyReport, FigureJson, FitSection } from '../certify/report-types.js';
import { componentDifference } from '../certify/verdict-components.js';
import { formatP } from '../certify/verdict-combinations.js';
import { count, declaredBand, fixed, oneIn, percent, share, signedFixed } from './format.js';

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
  const mode = report.identification.mode === 'base' ? '' : ` (mode ${report.identification.mode})`;
  return `${g.name} ${g.version}${g.variant === null ? '' : ` (variant ${g.variant})`}${mode}`;
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
  return `Units: RTP, its parts, intervals, targets and shares of RTP are percentages of the stake (${what}). Differences between them and tolerances are in percentage points. Wins, pays and standard deviations are multiples of the stake (×) unless given in credits. Chances below 0.01% are written “1 in N”.`;
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
      ['bet mode', `${id.mode} (a round stakes ${count(id.cost)} credits)`],
      ['game file', id.game.file],
      ['SHA-256 of the game file', id.game.sha256],
      ['slotsim version', id.slotsimVersion],
      ['RNG algorithm (simulation)', `${id.rng}: ${report.rng.quality.note}`],
      ['production RNG certificate', id.rngCertificate ?? 'none given (--rng-certificate)'],
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

/**
 * Whether a simulated-only analysis (format 2) holds figures the exact analysis gave, other than
 * the parts a game without them has exactly zero of.
 */
function partlyExact(e: CertifyReport['exact']): boolean {
  const figures = [
    e.rtp,
    ...Object.values(e.components),
    e.hitFrequency,
    e.sd,
    e.pFreeSpinsTrigger,
    e.pBonusTrigger,
  ];
  return figures.some((f) => f !== null && f.precision !== 'simulated' && f.value !== 0);
}

/** The analysis section's title: exact, exact figures with simulated tables (format 2), or simulated. */
export function analysisTitle(report: CertifyReport): string {
  const e = report.exact;
  if (!e.simulatedOnly) return 'Exact analysis';
  return partlyExact(e)
    ? 'Analysis (exact where labelled; tables simulated)'
    : 'Analysis (simulated: no exact figures)';
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
    ...(e.components.holdAndWin === null ? [] : [['  hold and win', figure(e.components.holdAndWin, p)]]),
    ['hit frequency', figure(e.hitFrequency, (x) => `${percent(x, 4)} (${oneIn(x)})`)],
    ['sd per round (× stake)', figure(e.sd, (x) => fixed(x, 6))],
    ['free-spin trigger', figure(e.pFreeSpinsTrigger, (x) => (x > 0 ? oneIn(x) : 'never'))],
    ['free spins per trigger', figure(e.expectedFreeSpinsPerTrigger, (x) => fixed(x, 4))],
    ['bonus trigger', figure(e.pBonusTrigger, (x) => (x > 0 ? oneIn(x) : 'never'))],
    ...(e.simulatedOnly
      ? []
      : [
          [
            'cycle (paid spin)',
            `${count(BigInt(e.cycle))} stop combinations (enumeration: ${e.enumeration})`,
          ],
        ]),
    [
      'free spins',
      e.freeSpins === null
        ? 'none'
        : `every free-spin win ×${e.freeSpins.multiplier}; at most ${e.freeSpins.maxSpins} spins a round; retriggers ${e.freeSpins.retriggers ? 'on' : 'off'}`,
    ],
    [
      'max-win cap',
      e.maxWin.capX === null
        ? 'none'
        : `${e.maxWin.capX}× stake, ${e.maxWin.canBind ? 'can bind' : 'never reached'}`,
    ],
    [
      'declared RTP target',
      e.declaredRtp === null ? 'none' : declaredBand(e.declaredRtp.target, e.declaredRtp.tolerance),
    ],
  ];
  if (e.uncappedRtp !== null) rows.push(['uncapped RTP (upper bound)', percent(e.uncappedRtp, 4)]);
  return {
    head: [
      'figure',
      !e.simulatedOnly
        ? 'exact value'
        : partlyExact(e)
          ? 'value (exact, or as labelled)'
          : 'value (simulated: no exact figures)',
    ],
    rows,
  };
}

/** Theoretical against simulated: every part of the game with Δ, z and p. */
export function componentsTable(report: CertifyReport): TextTable {
  const value = (unit: string, x: number): string =>
    Number.isNaN(x) ? NONE : unit === 'spins per trigger' ? fixed(x, 4) : percent(x, 4);
  return {
    head: ['figure', 'exact', 'simulated', 'Δ', 'sd of a trial', 'trials', 'z', 'p'],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    rows: report.components.rows.map((r) => [
      `${r.name} (${r.unit})`,
      `${value(r.unit, r.theoretical)}${r.precision === 'exact' ? '' : ` (${r.precision})`}`,
      value(r.unit, r.simulated),
      Number.isNaN(r.difference) ? NONE : componentDifference(r),
      r.sd === null ? NONE : fixed(r.sd, 5),
      count(r.trials),
      r.z === null ? NONE : signedFixed(r.z, 2),
      r.pValue === null ? (r.untested ?? NONE) : formatP(r.pValue),
    ]),
  };
}

/** Max exposure: the largest wins of each kind, the cap and how often it is reached, and the bound. */
export function maxExposureTable(report: CertifyReport): TextTable {
  const m = report.exact.maxExposure;
  const stake = report.exact.stake;
  const win = (credits: number): string => `${count(credits)} credits (${fixed(credits / stake, 2)}× stake)`;
  const capCredits = m.cap?.credits ?? null;
  const cut = (credits: number): string =>
    capCredits !== null && credits > capCredits
      ? `, before the cap, which cuts it to ${count(capCredits)}`
      : '';
  const rows: string[][] = [
    [
      'largest paid-spin win',
      m.largestPaidSpin === null
        ? report.exact.simulatedOnly
          ? 'unknown: no exact analysis of this game’s mechanics yet'
          : 'the cycle was not enumerated'
        : `${win(m.largestPaidSpin.credits)}${cut(m.largestPaidSpin.credits)}, ${oneIn(1 / m.largestPaidSpin.oneIn!)} paid spins (exact)`,
    ],
  ];
  if (report.exact.freeSpins !== null) {
    rows.push([
      'largest free-spin win',
      m.largestFreeSpin === null
        ? 'the free reel set was not enumerated'
        : `${win(m.largestFreeSpin.credits)} (×${report.exact.freeSpins.multiplier} included)${cut(m.largestFreeSpin.credits)}, ${oneIn(1 / m.largestFreeSpin.oneIn!)} free spins (exact)`,
    ]);
  }
  if (m.cap !== null) {
    const exact =
      m.cap.exactOneIn === null ? '' : `exact 1 in ${count(Math.round(m.cap.exactOneIn))} rounds; `;
    const simulated =
      m.cap.simulatedOneIn === null
        ? 'never in the simulation'
        : `simulated ${count(m.cap.simulatedHits)} times, 1 in ${count(Math.round(m.cap.simulatedOneIn))} rounds`;
    rows.push([
      'max-win cap',
      `${win(m.cap.credits)}: ${m.cap.canBind ? `${exact}${simulated}` : 'no round can reach it'}`,
    ]);
  }
  rows.push(
    ['largest round observed', `${win(m.largestObservedRound.credits)} (simulation)`],
    [
      'bound on a round’s win',
      `${win(m.roundBound.credits)} before the cap: an upper bound (from ${m.roundBound.from}; at most ${count(m.roundBound.freeSpins)} free spins a round), not a win that can occur`,
    ],
  );
  return { head: ['max exposure', 'value'], rows };
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
      ...(s.holdAndWin.triggers > 0 ? [['  hold and win', percent(s.components.holdAndWin, 4)]] : []),
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
      ...(s.holdAndWin.triggers > 0
        ? [['hold-and-win features', `${count(s.holdAndWin.triggers)} (${oneIn(s.holdAndWin.triggers / n)})`]]
        : []),
      ['largest win', `${count(s.maxWinObserved)} credits (${fixed(s.maxWinObservedX, 1)}× stake)`],
      ['max-win cap hits', s.cap.maxWin === null ? 'no cap' : count(s.cap.hits)],
      ['credits won / staked', `${s.totals.won} / ${s.totals.staked}`],
    ],
  };
}

/** What the distribution table compares, in one or two sentences. */
export function distributionNote(report: CertifyReport): string {
  const d = report.distribution;
  const cap =
    d.cap === null
      ? ''
      : ` Rounds the max-win cap ends (${count(d.cap.credits)} credits) have their own bucket, =${d.cap.x}; no round wins more, so no bucket lies above it.`;
  return d.exactScope === null
    ? `Whole rounds (paid spin, bonus and free spins together), simulated; no exact column: ${d.exactReason ?? 'not computed'}.${cap}`
    : `Whole rounds (paid spin, bonus and free spins together), simulated and exact (${d.exactPrecision ?? 'exact'}: the paid spin's enumerated cycle combined with the bonus prize tree and the free-spin chain).${cap}`;
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
      row.cap ? `${row.bucket} (cap)` : row.bucket,
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
  const multiplier = spin === 'free' ? (report.combinations.freeSpinMultiplier ?? 1) : 1;
  return {
    head: [
      'combination',
      multiplier === 1
        ? 'pays, credits (× stake)'
        : `pays, credits (× stake), as paid: ×${multiplier} included`,
      'hits in cycle',
      'probability',
      'per spin',
      'RTP contribution',
      'share of RTP',
      ...(observed ? ['observed', 'expected', 'obs / exp'] : []),
    ],
    numeric: observed ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 3, 4, 5, 6],
    rows: rows.map((row) => [
      row.label,
      `${count(row.pay)}${row.kind === 'line' ? ' /line' : row.kind === 'ways' ? ' /way' : ''} (${fixed(row.payX, row.payX < 1 ? 3 : 2)}×)`,
      count(BigInt(row.hits)),
      share(row.probability),
      oneIn(row.perSpin),
      percent(row.rtp, 4),
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

/** What the PAR table's RTP columns mean, in one sentence. */
export function combinationNote(report: CertifyReport, spin: 'paid' | 'free'): string {
  const d = report.combinations.denominator;
  const what =
    spin === 'paid'
      ? "the paid spin's rows add up to its line/ways and scatter parts"
      : `one free spin's rows add up to the free-spin part: a row's return per free spin × ${report.combinations.freeSpinMultiplier ?? 1} (the multiplier) × the free spins a paid round plays on average`;
  const cycle = report.combinations.rows.find((row) => row.spin === spin)?.cycle;
  return `Hits in cycle: weighted stop combinations of its reel set's cycle${cycle === undefined ? '' : ` (${count(BigInt(cycle))})`}, over every payline. RTP contribution: per paid round, as a fraction of the stake, before the max-win cap; ${what}. Share of RTP: of ${d.label}, ${percent(d.value, 4)}.`;
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

/** The features' coverage tests, one row each (verdict 6). */
export function coverageTable(report: CertifyReport): TextTable | null {
  const c = report.coverage;
  const rows: string[][] = [];
  const fit = (name: string, trials: string, t: FitSection): void => {
    rows.push([
      name,
      trials,
      t.impossible.length > 0
        ? 'impossible outcome seen'
        : t.statistic === null
          ? NONE
          : fixed(t.statistic, 2),
      String(t.dof),
      t.pValue === null ? 'too few to test' : formatP(t.pValue),
    ]);
  };
  if (c.freeCombinations !== null) {
    fit('free-spin paying combinations', `${count(c.freeTrials)} trial spins`, c.freeCombinations);
  }
  for (const r of c.freeReels) {
    rows.push([
      `free reel ${r.reel} stops${r.weighted ? ' (weighted)' : ''}`,
      `${count(r.draws)} draws`,
      fixed(r.statistic, 2),
      String(r.dof),
      r.pValue === null ? 'too few to test' : formatP(r.pValue),
    ]);
  }
  if (c.awards !== null) fit('spins awarded per feature', `${count(c.features)} features`, c.awards.test);
  if (c.prizes !== null) fit('bonus prizes', `${count(c.bonuses)} bonuses`, c.prizes);
  if (rows.length === 0) return null;
  return { head: ['test', 'trials', 'χ²', 'dof', 'p-value'], numeric: [2, 3, 4], rows };
}

/** The award each feature started with: observed against expected. */
export function awardsTable(report: CertifyReport): TextTable | null {
  const a = report.coverage.awards;
  if (a === null) return null;
  return {
    head: ['spins awarded', 'features', 'expected'],
    numeric: [0, 1, 2],
    rows: a.rows.map((r) => [String(r.awarded), count(r.observed), fixed(r.expected, 1)]),
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
      [
        count(s.draws),
        count(s.pairs),
        s.correlation.toExponential(3),
        signedFixed(s.z, 3),
        formatP(s.pValue),
      ],
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

/**
 * Format 2 without an exact analysis: the paying combinations of the paid spin the detailed rounds
 * showed, by their mechanic's key — observed counts only (null for a game with a PAR table).
 */
export function observedCombinationTable(report: CertifyReport): TextTable | null {
  const observed = report.combinations.observed;
  if (observed === null) return null;
  const rounds = report.detail.rounds;
  return {
    head: ['combination', 'key', 'occurrences', 'per detailed round'],
    numeric: [2, 3],
    rows: observed.map((c) => [c.label, c.key, count(c.count), rounds > 0 ? share(c.count / rounds) : NONE]),
  };
}

export function observedCombinationNote(report: CertifyReport): string {
  return `No PAR table: the exact probabilities of this game's paying combinations come with the exact analysis of its mechanics, which does not exist yet, so verdict 3 is N/A. Listed instead: every paying combination of the paid spin the detailed rounds showed (every window of a cascade, each win once), by its mechanic's key. ${report.detail.description}`;
}

/** Format 2: its weighted draws (heights, values, awards, coins) against their weights, one row each. */
export function drawTable(report: CertifyReport): TextTable | null {
  if (report.draws.length === 0) return null;
  return {
    head: ['draw', 'verdict', 'draws', 'χ²', 'dof', 'p-value'],
    numeric: [2, 3, 4],
    rows: report.draws.map((d) => [
      d.name,
      d.part === 'reels' ? '4' : '6',
      count(d.draws),
      d.test.impossible.length > 0
        ? 'impossible outcome seen'
        : d.test.statistic === null
          ? NONE
          : fixed(d.test.statistic, 2),
      String(d.test.dof),
      d.test.pValue === null ? 'too few to test' : formatP(d.test.pValue),
    ]),
  };
}

export const DRAW_NOTE =
  'Each weighted draw the game file defines besides the reel stops — reel heights and drawn values on every spin (verdict 4), drawn free-spin awards, a mode’s start draw, hold-and-win coin values and landings (verdict 6) — counted over the detailed rounds and tested against its weights (χ², classes merged to expect ≥ 5).';

/** What the paid spin's reel-stop section says when a round of the mode has no paid spin. */
export function reelStopsNote(report: CertifyReport): string | null {
  return report.reels.length > 0
    ? null
    : `A round of the mode "${report.identification.mode}" starts in its feature: it has no paid spin, so no paid-spin reel stop is tested (the free spins' stops are, in verdict 6).`;
}
