import type {
  BonusDescription,
  GameDescription,
  PrizeTree,
  SymbolDescription,
} from '../certify/game-description.js';
import type { ReelStripSet } from '../certify/reel-strips.js';
import type { CertifyReport } from '../certify/report-types.js';
import type { TextTable } from './certify-tables.js';
import { count, declaredBand, fixed, percent, plain } from './format.js';

/**
 * The game description, reel strips and volatility sections of the certification report as rows
 * of text, shared by the Markdown and HTML renderers (as `certify-tables.ts` is for the rest).
 */

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

function credits(n: number): string {
  return plural(n, 'credit');
}

/** "3, 4, 5" → "3–5" when consecutive. */
function counts(list: readonly number[]): string {
  const consecutive = list.every((c, i) => i === 0 || c === list[i - 1]! + 1);
  return consecutive && list.length > 2 ? `${list[0]}–${list.at(-1)}` : list.join(', ');
}

/** How a line, way or cluster pays, in one sentence. */
export function evaluationText(d: GameDescription): string {
  switch (d.evaluation) {
    case 'ways':
      return `${count(d.ways ?? 0)} ways (${d.grid.rows}^${d.grid.reels}): a symbol pays for runs on adjacent reels from reel 1, once per way through the run (the product of its cells per reel); every pay rule is evaluated and the wins add up.`;
    case 'lines':
      return `${plural(d.paylines.length, 'payline')}: each line pays its highest combination, read left to right from reel 1 (on a tie, the earliest rule of the pay table); the lines' wins add up.`;
    case 'cluster':
      return 'cluster pays: each group of side-by-side cells showing a symbol (or wilds standing in for it) pays by its size; every cluster pays and the wins add up.';
    case 'anywhere':
      return 'pays anywhere: a symbol pays by how many cells show it (or wilds standing in for it) anywhere in the window; every rule is evaluated and the wins add up.';
    default: {
      const never: never = d.evaluation;
      throw new Error(`unknown evaluation ${String(never)}`);
    }
  }
}

export function gameOverviewTable(d: GameDescription): TextTable {
  const stake = d.stake;
  const betText =
    d.evaluation === 'lines'
      ? `${credits(stake.credits)} per paid round (the stake); line bet ${credits(stake.lineBet)}${stake.lineBet * d.paylines.length === stake.credits ? ` × ${plural(d.paylines.length, 'line')}` : ''}`
      : `${credits(stake.credits)} per paid round (the stake); pays are per line bet of ${credits(stake.lineBet)}`;
  return {
    head: ['', ''],
    rows: [
      ['grid', `${d.grid.reels} reels × ${plural(d.grid.rows, 'row')}`],
      [
        'evaluation',
        d.evaluation === 'ways'
          ? evaluationText(d)
          : `lines: ${plural(d.paylines.length, 'payline')} (listed below)`,
      ],
      ['stake', betText],
      [
        'max-win cap',
        d.maxWin === null
          ? 'none'
          : `${plain(d.maxWin.x)}× stake = ${credits(d.maxWin.credits)} per round (the win that passes it is cut to fit and the round ends)`,
      ],
      [
        'declared RTP',
        d.declaredRtp === null ? 'none' : declaredBand(d.declaredRtp.target, d.declaredRtp.tolerance),
      ],
    ],
  };
}

/** Paylines as row patterns: one row per line, its row index on each reel (0 = top). */
export function paylinesTable(d: GameDescription): TextTable | null {
  if (d.evaluation !== 'lines') return null;
  return {
    head: ['line', ...Array.from({ length: d.grid.reels }, (_, r) => `reel ${r + 1}`)],
    numeric: Array.from({ length: d.grid.reels + 1 }, (_, i) => i),
    rows: d.paylines.map((line, i) => [String(i + 1), ...line.map(String)]),
  };
}

function symbolRole(s: SymbolDescription, evaluation: GameDescription['evaluation']): string {
  switch (s.role) {
    case 'wild': {
      const except =
        s.doesNotSubstitute.length === 0
          ? 'every non-wild symbol'
          : `every non-wild symbol except ${s.doesNotSubstitute.map((n) => `${n.symbol}${n.reason === 'except' ? '' : ` (${n.reason})`}`).join(', ')}`;
      const multiplier =
        s.multiplier === 1 ? 'no multiplier' : `wins it stands in for are multiplied by ${s.multiplier}`;
      return `wild: substitutes for ${except}; ${multiplier}`;
    }
    case 'scatter':
      return 'scatter: counted anywhere in the window, never part of a line or way';
    case 'symbol':
      return `pays ${{ lines: 'on lines', ways: 'on ways', cluster: 'in clusters', anywhere: 'anywhere' }[evaluation]}`;
    default: {
      const never: never = s.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

export function symbolsTable(d: GameDescription): TextTable {
  return {
    head: ['symbol', 'role', 'features', 'groups'],
    rows: d.symbols.map((s) => [
      s.id,
      symbolRole(s, d.evaluation),
      s.features.length === 0 ? '—' : s.features.join(', '),
      s.groups.length === 0 ? '—' : s.groups.join(', '),
    ]),
  };
}

export function groupsTable(d: GameDescription): TextTable | null {
  if (d.groups.length === 0) return null;
  return { head: ['group', 'members'], rows: d.groups.map((g) => [g.id, g.members.join(', ')]) };
}

/**
 * The pay table: one row per rule, one column per count; each cell the file's value in line bets
 * (credits per line bet) and the same as a multiple of the stake.
 */
export function payTable(d: GameDescription): TextTable {
  const all = d.payTable.flatMap((row) =>
    row.kind === 'kind' ? row.pays.map((p) => p.count) : [row.pay.count],
  );
  const columns = [...new Set(all)].sort((a, b) => a - b);
  return {
    head: ['rule', ...columns.map((c) => `×${c}`)],
    numeric: columns.map((_, i) => i + 1),
    rows: d.payTable.map((row) => {
      const cells = row.kind === 'kind' ? row.pays : [row.pay];
      const label =
        row.kind === 'kind'
          ? `${row.symbol} of a kind${row.wild ? ' (wild’s own run, never multiplied)' : ''}`
          : `pattern ${row.pattern.join(' ')}`;
      return [
        label,
        ...columns.map((c) => {
          const cell = cells.find((p) => p.count === c);
          return cell === undefined ? '' : `${plain(cell.perLineBet)} · ${plain(cell.x)}×`;
        }),
      ];
    }),
  };
}

export function scatterTable(d: GameDescription): TextTable | null {
  const s = d.scatter;
  if (s === null || s.pays.length === 0) return null;
  return {
    head: [`${s.symbol} in the window`, 'pays (× stake)', 'credits'],
    numeric: [0, 1, 2],
    rows: s.pays.map((p) => [String(p.count), `${plain(p.perBet)}×`, count(p.credits)]),
  };
}

export function freeSpinsTable(d: GameDescription): TextTable | null {
  const f = d.freeSpins;
  if (f === null) return null;
  const all = [...new Set([...f.awards, ...f.retriggers].map((a) => a.count))].sort((a, b) => a - b);
  const spins = (list: typeof f.awards, c: number) => {
    const entry = list.find((a) => a.count === c);
    return entry === undefined ? '—' : count(entry.spins);
  };
  return {
    head: [`${f.symbol} in the window`, 'free spins awarded (paid spin)', 'free spins added (free spin)'],
    numeric: [0, 1, 2],
    rows: all.map((c) => [
      String(c),
      spins(f.awards, c),
      f.retriggers.length === 0 ? 'off' : spins(f.retriggers, c),
    ]),
  };
}

/** The free-spin rules in sentences (awards, retriggers, reel set, multiplier, maxSpins). */
export function freeSpinsText(d: GameDescription): readonly string[] {
  const f = d.freeSpins;
  if (f === null) return [];
  return [
    `Trigger: ${counts(f.awards.map((a) => a.count))} ${f.symbol} anywhere in the paid spin's window award the free spins shown; they are played at once, on the “${f.reelSet}” reel set, and are part of the same round.`,
    f.retriggers.length === 0
      ? 'Retriggers: off (a free spin never adds spins).'
      : `Retriggers: a free spin showing ${counts(f.retriggers.map((a) => a.count))} ${f.symbol} adds the spins shown.`,
    f.multiplier === 1
      ? 'Multiplier: none (free-spin wins pay as in the paid spin).'
      : `Multiplier: every free-spin win — line or ways and scatter — is multiplied by ${f.multiplier}.`,
    `At most ${plural(f.maxSpins, 'free spin')} in one round, the first award included; an award that would pass it is cut to fit.`,
  ];
}

export function bonusText(d: GameDescription): readonly string[] {
  const b = d.bonus;
  if (b === null) return [];
  const t = b.trigger;
  const unit = b.paysPer === 'bet' ? 'total bets' : 'line bets';
  return [
    t.kind === 'line'
      ? `Trigger: ${t.count} ${t.symbol} on reels 1–${t.count} of some payline (the symbol itself; wilds do not count), on the paid spin; at most once per round.`
      : `Trigger: ${t.count} or more ${t.symbol} anywhere in the paid spin's window; at most once per round.`,
    `The prize is drawn from the tree below; values are in ${unit} (1 = ${credits(b.unitCredits)}). Mean prize ${plain(b.meanCredits / b.unitCredits)} ${unit} = ${count(Number(b.meanCredits.toFixed(2)))} credits; largest ${plain(b.maxCredits / b.unitCredits)} ${unit} = ${credits(b.maxCredits)}.`,
  ];
}

/** The prize tree as nested lines of text, two spaces of indent per level. */
export function prizeTreeLines(b: BonusDescription, stake: number): string[] {
  const unit = (value: number) =>
    `${b.paysPer === 'bet' ? 'total bet' : 'line bet'}${value === 1 ? '' : 's'}`;
  const walk = (node: PrizeTree, depth: number): string[] => {
    const pad = '  '.repeat(depth);
    if (node.kind === 'pick') {
      return [
        `${pad}pick one prize (weights of ${count(node.totalWeight)}):`,
        ...node.entries.map(
          (e) =>
            `${pad}  ${plain(e.value)} ${unit(e.value)} = ${credits(e.credits)} (${plain(e.credits / stake)}× stake): weight ${count(e.weight)}, ${percent(e.probability, 2)}`,
        ),
      ];
    }
    return [
      `${pad}repeat a number of times (weights of ${count(node.totalWeight)}):`,
      ...node.entries.map(
        (e) => `${pad}  ${e.count} times: weight ${count(e.weight)}, ${percent(e.probability, 2)}`,
      ),
      `${pad}  each time:`,
      ...walk(node.each, depth + 2),
    ];
  };
  return walk(b.prize, 0);
}

export function payTableCaption(d: GameDescription): string {
  const per = { lines: 'per line', ways: 'per way', cluster: 'per cluster', anywhere: '' }[d.evaluation];
  const k = {
    lines: `×k is a run of k from reel 1${d.payTable.some((r) => r.kind === 'pattern') ? ' (a pattern: its k positions)' : ''}`,
    ways: '×k is a run over reels 1 to k',
    cluster: '×k is a cluster of k cells',
    anywhere: '×k is k cells anywhere',
  }[d.evaluation];
  return `Each cell: the pay${per === '' ? '' : ` ${per}`} in line bets (credits per line bet, as the game file writes it) · the same as a multiple of the stake (line bet ${credits(d.stake.lineBet)}, stake ${credits(d.stake.credits)}). ${k}.`;
}

/** One reel set's strips: a row per stop, a column per reel (and its weights when weighted). */
export function reelStripTable(set: ReelStripSet): TextTable {
  const longest = Math.max(...set.reels.map((r) => r.strip.length));
  const head = ['stop'];
  for (const [i, reel] of set.reels.entries()) {
    head.push(`reel ${i + 1}`);
    if (reel.weights !== null) head.push('weight');
  }
  const numeric = [0];
  let column = 1;
  for (const reel of set.reels) {
    column++;
    if (reel.weights !== null) numeric.push(column++);
  }
  return {
    head,
    numeric,
    rows: Array.from({ length: longest }, (_, stop) => [
      String(stop),
      ...set.reels.flatMap((reel) => [
        reel.strip[stop] ?? '',
        ...(reel.weights === null ? [] : [reel.weights[stop] === undefined ? '' : count(reel.weights[stop])]),
      ]),
    ]),
  };
}

/** Symbol counts per reel: stops (and, on weighted reels, "stops / weight"), with the totals. */
export function reelCountTable(set: ReelStripSet): TextTable {
  const symbols = [...new Set(set.reels.flatMap((r) => r.counts.map((c) => c.symbol)))];
  const cell = (reel: ReelStripSet['reels'][number], symbol: string): string => {
    const c = reel.counts.find((x) => x.symbol === symbol);
    if (c === undefined) return '0';
    return reel.weights === null ? String(c.stops) : `${c.stops} / ${count(c.weight)}`;
  };
  return {
    head: ['symbol', ...set.reels.map((_, i) => `reel ${i + 1}`)],
    numeric: set.reels.map((_, i) => i + 1),
    rows: [
      ...symbols.map((s) => [s, ...set.reels.map((reel) => cell(reel, s))]),
      [
        'total',
        ...set.reels.map((reel) =>
          reel.weights === null
            ? String(reel.strip.length)
            : `${reel.strip.length} / ${count(reel.drawBound)}`,
        ),
      ],
    ],
  };
}

export function reelSetCaption(set: ReelStripSet): string {
  const weighted = set.reels.some((r) => r.weights !== null);
  const cycle = set.reels.reduce((product, r) => product * BigInt(r.drawBound), 1n);
  return `Reel set “${set.name}”: ${set.usedFor.length === 0 ? 'not used by this game' : `used for ${set.usedFor.join(' and ')}`}; ${set.reels.map((r) => r.strip.length).join(' + ')} stops; cycle ${count(cycle)} ${weighted ? 'weighted ' : ''}stop combinations.${weighted ? ' Counts read stops / weight.' : ''}`;
}

export const REEL_STRIPS_INTRO =
  'Each reel draws one stop per spin, uniformly or (weighted reels) with the chance weight / sum of the reel’s weights; the drawn stop shows on the top row and the next stops below it, wrapping around the strip.';

export function volatilityTable(report: CertifyReport): TextTable {
  const v = report.volatility;
  return {
    head: ['confidence', 'z', 'volatility index (z × sd)'],
    numeric: [1, 2],
    rows: (['90', '95', '99'] as const).map((level) => [
      `${level}%`,
      fixed(v.index[level] / v.sd, 4),
      fixed(v.index[level], 3),
    ]),
  };
}

export function rtpRangeTable(report: CertifyReport): TextTable {
  const span = (r: readonly [number, number]) => `${percent(r[0], 2)} … ${percent(r[1], 2)}`;
  return {
    head: ['rounds', '90%', '95%', '99%'],
    numeric: [0, 1, 2, 3],
    rows: report.volatility.ranges.map((r) => [count(r.rounds), span(r['90']), span(r['95']), span(r['99'])]),
  };
}

export function volatilityText(report: CertifyReport): string {
  const v = report.volatility;
  return `From the ${v.source} RTP ${percent(v.rtp, 4)} and sd of one round ${fixed(v.sd, 4)}× stake${v.source === 'simulated' ? ' (this run’s simulation: no exact sd is known)' : ''}. The volatility index is z × sd (90% is the industry’s usual figure); the RTP range is where the realised RTP of that many rounds lies with that confidence, RTP ± z · sd / √rounds (normal approximation, poor for few rounds of a volatile game).`;
}

/** The wild and scatter rules in sentences. */
export function symbolRulesText(d: GameDescription): readonly string[] {
  const out: string[] = [];
  const wilds = d.symbols.filter((s) => s.role === 'wild');
  if (wilds.length > 0) {
    const multiplied = wilds.some((w) => w.multiplier !== 1);
    out.push(
      d.evaluation === 'lines'
        ? `Wilds (${wilds.map((w) => w.id).join(', ')}): a run of a symbol may include wilds that substitute for it, and counts only if it holds the symbol itself at least once.${multiplied ? ' A win in which wilds stand in is multiplied by the product of their multipliers;' : ''} a wild’s own run (its own pay rule) is never multiplied, and the line pays the better of the two.`
        : d.evaluation === 'ways'
          ? `Wilds (${wilds.map((w) => w.id).join(', ')}): on each reel of a run, a wild that substitutes for the symbol counts as one of its cells${multiplied ? ' (a wild with a multiplier counts that many times)' : ''}; only ways holding the symbol itself at least once pay.`
          : `Wilds (${wilds.map((w) => w.id).join(', ')}): a wild that substitutes for a symbol counts as one of its cells; a win needs the symbol itself at least once${multiplied ? ', and is multiplied by the multipliers of the wilds involved' : ''}.`,
    );
  }
  const s = d.scatter;
  if (s !== null && s.pays.length > 0) {
    out.push(
      `Scatter ${s.symbol}: pays by its exact count anywhere in the window, as a multiple of the stake, added to the other wins.`,
    );
  }
  return out;
}

/** The game description's opening sentence, and what it leaves out (format-2 rules not yet listed). */
export function gameIntroText(d: GameDescription): string {
  const intro = 'The rules as certified, read from the game file (the variant merged in).';
  return d.notDescribed.length === 0
    ? intro
    : `${intro} Not described below (see the game file): ${d.notDescribed.join('; ')}.`;
}
