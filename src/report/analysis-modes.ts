/**
 * `analyze --all-modes`: every bet mode's analysis, then one table of the modes side by side (cost,
 * RTP with its label, hit rate, feature rates, max exposure, cap rate — each per credit staked in
 * its mode) and the spread of RTP across them.
 */
import Table from 'cli-table3';
import type { Analysis, Figure } from '../math/analysis-types.js';
import { toText } from '../math/fraction.js';
import { analysisJson, figureJson } from './analysis-json.js';
import type { Json } from './analysis-json.js';
import { count, fixed, oneIn, percent, points } from './format.js';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';

/** A mode's headline RTP, for the spread. */
export interface ModeRtp {
  readonly mode: string;
  readonly rtp: number;
  readonly precision: string;
}

/** How far the modes' RTPs lie apart. */
export interface RtpSpread {
  readonly lowest: ModeRtp;
  readonly highest: ModeRtp;
  /** highest − lowest, a fraction of the stake (said in percentage points). */
  readonly difference: number;
}

export function rtpSpread(modes: readonly ModeRtp[]): RtpSpread {
  let lowest = modes[0]!;
  let highest = modes[0]!;
  for (const m of modes) {
    if (m.rtp < lowest.rtp) lowest = m;
    if (m.rtp > highest.rtp) highest = m;
  }
  return { lowest, highest, difference: highest.rtp - lowest.rtp };
}

/** "RTP across the modes: lowest 95.5000% (buy, simulated), highest …; 1.9400 percentage points apart." */
export function rtpSpreadText(spread: RtpSpread): string {
  const one = (r: ModeRtp): string =>
    `${percent(r.rtp, 4)} (${r.mode}${r.precision === 'exact' ? '' : `, ${r.precision}`})`;
  return `RTP across the modes: lowest ${one(spread.lowest)}, highest ${one(spread.highest)}; ${points(spread.difference)} apart.`;
}

function modeOf(a: Analysis): string {
  return a.mode ?? 'base';
}

/** A figure in a cell: the value, then how it was obtained in a word (the RTP: with its interval). */
function cell(f: Figure | null | undefined, options: { rate?: boolean; interval?: boolean } = {}): string {
  if (f === null || f === undefined) return '—';
  if (options.rate === true && f.value === 0)
    return f.precision === 'simulated' ? 'never seen (simulated)' : 'never';
  const value =
    options.rate !== true
      ? percent(f.value, 4)
      : f.value < 1e-4
        ? oneIn(f.value)
        : `${percent(f.value, 4)} (${oneIn(f.value)})`;
  switch (f.precision) {
    case 'exact': {
      const text = f.exact === null ? '' : toText(f.exact);
      return text.length > 0 && text.length <= 16 ? `${value} = ${text}` : `${value} exact`;
    }
    case 'simulated':
      return options.interval === true && f.interval99 !== undefined
        ? `${value} simulated (99%: ${percent(f.interval99[0], 2)} … ${percent(f.interval99[1], 2)})`
        : `${value} simulated`;
    case 'exact-expectation':
      return `${value} exact expectation`;
    default:
      return `${value} ${f.precision}`;
  }
}

function maxExposure(a: Analysis): string {
  const bound = a.format2?.modeSummary.maxExposure;
  const cost = a.cost ?? a.stake;
  const cap = a.maxWin.capCredits;
  const x = (credits: number): string => `${fixed(credits / cost, 2)}× cost`;
  if (bound === undefined || !Number.isFinite(bound))
    return cap === null ? 'not known' : `${x(cap)} (the cap)`;
  return cap !== null && cap <= bound ? `${x(cap)} (the cap)` : `${x(bound)} (a bound)`;
}

function largestPaidSpin(a: Analysis): string {
  const m = a.maxWin.largestPaidSpin;
  if (m === null) return '—';
  return `${fixed(m.x, 2)}× (${Number.isFinite(m.oneIn) ? `1 in ${count(Math.round(m.oneIn))}` : 'never'})`;
}

const STARTS = { none: 'a paid spin', freeSpins: 'free spins', holdAndWin: 'hold and win' } as const;

/** The modes side by side (a feature's column only when some mode has the feature). */
export function renderModesTable(analyses: readonly Analysis[]): string {
  const columns: [string, (a: Analysis) => string][] = [
    ['mode', modeOf],
    [
      'cost',
      (a) => {
        const cost = a.cost ?? a.stake;
        return `${count(cost)} credit${cost === 1 ? '' : 's'}`;
      },
    ],
    ['starts in', (a) => STARTS[a.format2?.modeSummary.start ?? 'none']],
    ['RTP', (a) => cell(a.rtp, { interval: true })],
    ['hit rate', (a) => cell(a.format2?.modeSummary.hitFrequency ?? a.hitFrequency, { rate: true })],
  ];
  if (analyses.some((a) => a.freeSpins !== null || (a.format2?.modeSummary.freeSpinsRate ?? null) !== null))
    columns.push(['free spins', (a) => cell(freeSpinsRate(a), { rate: true })]);
  if (analyses.some((a) => (a.format2?.modeSummary.holdAndWinRate ?? a.pHoldAndWinTrigger ?? null) !== null))
    columns.push([
      'hold and win',
      (a) => cell(a.format2?.modeSummary.holdAndWinRate ?? a.pHoldAndWinTrigger, { rate: true }),
    ]);
  columns.push(['max exposure', maxExposure]);
  if (analyses.some((a) => a.maxWin.largestPaidSpin !== null))
    columns.push(['largest paid spin', largestPaidSpin]);
  if (analyses.some((a) => a.maxWin.capCredits !== null))
    columns.push([
      'cap rate',
      (a) =>
        a.maxWin.capCredits === null
          ? 'no cap'
          : cell(a.format2?.modeSummary.capRate ?? a.maxWin.capHit, { rate: true }),
    ]);
  const t = new Table({ head: columns.map(([head]) => head), style: TABLE_STYLE, chars: COMPACT_CHARS });
  for (const a of analyses) t.push(columns.map(([, value]) => value(a)));
  return `Bet modes (every figure per credit staked in its mode)\n${t.toString()}\n${rtpSpreadText(modesSpread(analyses))}\n`;
}

function freeSpinsRate(a: Analysis): Figure | null {
  return a.format2?.modeSummary.freeSpinsRate ?? (a.freeSpins === null ? null : a.pFreeSpinsTrigger);
}

export function modesSpread(analyses: readonly Analysis[]): RtpSpread {
  return rtpSpread(analyses.map((a) => ({ mode: modeOf(a), rtp: a.rtp.value, precision: a.rtp.precision })));
}

/** `analyze --all-modes --json`: each mode's analysis document, the modes' table rows and the spread. */
export function modesJson(analyses: readonly Analysis[]): Json {
  const spread = modesSpread(analyses);
  return {
    format: 'slotsim-analyze-modes/1',
    modes: analyses.map((a) => analysisJson(a)),
    table: analyses.map((a) => {
      const s = a.format2?.modeSummary;
      return {
        mode: modeOf(a),
        cost: a.cost ?? a.stake,
        start: s?.start ?? 'none',
        rtp: figureJson(a.rtp),
        hitFrequency: figureJson(s?.hitFrequency ?? a.hitFrequency),
        freeSpinsRate: figureJson(freeSpinsRate(a)),
        holdAndWinRate: figureJson(s?.holdAndWinRate ?? a.pHoldAndWinTrigger ?? null),
        capRate: figureJson(s?.capRate ?? a.maxWin.capHit),
        maxExposure: s === undefined || !Number.isFinite(s.maxExposure) ? null : s.maxExposure,
      };
    }),
    rtpSpread: {
      lowest: { ...spread.lowest },
      highest: { ...spread.highest },
      difference: spread.difference,
    },
  };
}
