/**
 * The terminal view of a format-2 game's analysis: the mode's figures with how each was obtained,
 * the reel sets enumerated, and the PAR tables of the new mechanics (paying combinations, cascades,
 * heights, multipliers, hold and win).
 */
import Table from 'cli-table3';
import type { Analysis, Figure } from '../math/analysis-types.js';
import type { CountPar, Format2Analysis, WinPar } from '../math/format2/format2-types.js';
import { provenance } from './analysis-text.js';
import { count, fixed, oneIn, percent } from './format.js';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';

function table(head: string[]): Table.Table {
  return new Table({ head, style: TABLE_STYLE, chars: COMPACT_CHARS });
}

function odds(n: number): string {
  if (!Number.isFinite(n)) return 'never';
  return `1 in ${n >= 100 ? count(Math.round(n)) : n.toFixed(2)}`;
}

function summary(a: Analysis, f: Format2Analysis): string {
  const t = table(['figure', 'value', 'how']);
  const variant = a.game.variant === null ? '' : ` [${a.game.variant}]`;
  t.push(
    ['game', `${a.game.name} ${a.game.version}${variant}`, a.game.id],
    [
      'mode',
      `${f.mode}: ${count(f.cost)} credits a round`,
      f.modeSummary.start === 'none' ? 'a paid spin' : `starts in ${f.modeSummary.start}`,
    ],
    ['RTP', percent(a.rtp.value), provenance(a.rtp)],
  );
  const c = a.components;
  const parts: [string, Figure | undefined][] = [
    [`  ${a.evaluation} pays`, c.lines],
    ['  scatter', c.scatter],
    ['  bonus', c.bonus],
    ['  hold and win', c.holdAndWin],
    ['  free spins', c.freeSpins],
  ];
  for (const [label, figure] of parts)
    if (figure !== undefined) t.push([label, percent(figure.value), provenance(figure)]);
  const rate = (label: string, figure: Figure | null): void => {
    if (figure !== null)
      t.push([label, `${percent(figure.value)} (${oneIn(figure.value)})`, provenance(figure)]);
  };
  if (a.expectedFreeSpinsPerTrigger !== null) {
    rate('free-spin trigger', a.pFreeSpinsTrigger);
    t.push([
      'free spins per trigger',
      fixed(a.expectedFreeSpinsPerTrigger.value, 4),
      provenance(a.expectedFreeSpinsPerTrigger),
    ]);
  }
  const u = a.uncapped;
  if (f.perReel !== null && f.perReel.beforeCap && u !== null) {
    // The per-reel route's means, exact for the game without its cap (which can bind here).
    const why = (figure: Figure): string =>
      `${figure.exact === null ? 'exact-double' : 'exact'} BEFORE the cap (per-reel form; the cap can bind, so not the game's figure)`;
    t.push(['RTP before the cap', percent(u.rtp.value, 4), why(u.rtp)]);
    const before: [string, Figure | undefined][] = [
      [`  ${a.evaluation} pays`, u.components.lines],
      ['  scatter', u.components.scatter],
      ['  bonus', u.components.bonus],
      ['  hold and win', u.components.holdAndWin],
      ['  free spins', u.components.freeSpins],
    ];
    for (const [label, figure] of before)
      if (figure !== undefined && (figure.value !== 0 || label.includes('pays')))
        t.push([label, percent(figure.value, 4), why(figure)]);
    if (u.pFreeSpinsTrigger != null)
      t.push([
        'free-spin trigger before the cap',
        `${percent(u.pFreeSpinsTrigger.value)} (${oneIn(u.pFreeSpinsTrigger.value)})`,
        why(u.pFreeSpinsTrigger),
      ]);
    if (u.expectedFreeSpinsPerTrigger != null)
      t.push([
        'free spins per trigger before the cap',
        fixed(u.expectedFreeSpinsPerTrigger.value, 4),
        why(u.expectedFreeSpinsPerTrigger),
      ]);
  }
  if (f.holdAndWin !== null) rate('hold-and-win trigger', f.holdAndWin.pTrigger);
  if (c.bonus.value > 0 || a.pBonusTrigger.value > 0) rate('bonus trigger', a.pBonusTrigger);
  if (a.hitFrequency !== null) rate('hit frequency', a.hitFrequency);
  if (a.sd !== null)
    t.push([
      'sd per round',
      fixed(a.sd.value, 5),
      a.sd.precision === 'exact' ? 'exact variance, square-rooted' : provenance(a.sd),
    ]);
  if (a.volatility !== null) t.push(['volatility index', fixed(a.volatility['90'], 3), 'z × sd at 90%']);
  const m = a.maxWin;
  if (m.largestPaidSpin !== null) {
    t.push([
      'largest paid-spin win',
      `${count(m.largestPaidSpin.credits)} credits (${fixed(m.largestPaidSpin.x, 2)}× cost)`,
      odds(m.largestPaidSpin.oneIn),
    ]);
  }
  if (m.capCredits !== null) {
    const hit =
      m.capHit === null
        ? ''
        : m.capHit.value > 0
          ? `, reached ${odds(1 / m.capHit.value)} rounds (${provenance(m.capHit)})`
          : `, never reached (${provenance(m.capHit)})`;
    t.push([
      'max-win cap',
      `${count(m.capCredits)} credits (${m.capX}× bet)`,
      m.canBind ? `can bind${hit}` : 'never reached (the bound is below it)',
    ]);
  }
  t.push([
    'round win bound',
    Number.isFinite(f.modeSummary.maxExposure) ? `${count(f.modeSummary.maxExposure)} credits` : 'not known',
    a.maxWin.roundBoundFrom === 'per-reel bounds'
      ? "from the file's per-reel bounds"
      : 'from the enumerated maxima',
  ]);
  for (const s of [f.spins.base, f.spins.free]) {
    if (s === null) continue;
    const what = s.role === 'base' ? 'paid spins' : 'free spins';
    const reels = s.role === 'base' ? f.perReel?.base : f.perReel?.free;
    if ('reason' in s && reels != null)
      t.push([
        what,
        `per-reel exact form (${count(reels.states)} column states)`,
        `not enumerated: ${s.reason}; ${fixed(reels.elapsedSeconds, 2)} s`,
      ]);
    else if ('reason' in s) t.push([what, 'not enumerated', s.reason]);
    else
      t.push([
        what,
        `${count(s.combinations)} combinations, ${count(s.spins)} spins`,
        `values ${s.values}; ${s.threads === 0 ? 'inline' : `${s.threads} threads`}, ${fixed(s.elapsedSeconds, 2)} s`,
      ]);
  }
  t.push([
    'exact',
    a.exact ? 'yes' : 'NO',
    a.exact ? 'every figure as marked' : `simulated: ${f.simulated.join(', ')}`,
  ]);
  return `${t.toString()}\n`;
}

function winTable(title: string, rows: readonly WinPar[]): string {
  if (rows.length === 0) return '';
  const t = table(['combination', 'per spin', 'odds', 'RTP contribution', 'how']);
  for (const w of rows)
    t.push([
      w.label,
      w.perSpin.value.toPrecision(6),
      odds(w.oneIn),
      percent(w.rtp.value, 4),
      w.rtp.precision,
    ]);
  return `${title}\n${t.toString()}\n`;
}

function countTable(title: string, head: string, rows: readonly CountPar[]): string {
  if (rows.length === 0) return '';
  const t = table([head, 'probability', 'odds']);
  for (const r of rows) t.push([String(r.count), r.probability.value.toPrecision(6), odds(r.oneIn)]);
  return `${title}\n${t.toString()}\n`;
}

function cascadeTables(f: Format2Analysis): string {
  let out = '';
  for (const c of [f.cascades.base, f.cascades.free]) {
    if (c === null) continue;
    const what = c.role === 'base' ? 'paid spin' : 'free spin';
    out += countTable(`Windows evaluated per ${what} (1 + cascades)`, 'windows', c.windows);
    const t = table(['cascade step', 'RTP contribution', 'share of pays']);
    for (const r of c.byIndex)
      t.push([
        r.index === 0 ? 'first window' : `after cascade ${r.index}`,
        percent(r.rtp.value, 4),
        percent(r.share, 2),
      ]);
    out += `${t.toString()}\n`;
    out += `average cascades per ${what}: ${fixed(c.averageCascades.value, 4)}; average chain given a tumble: ${c.averageChain === null ? '-' : fixed(c.averageChain.value, 4)}; share of pays after the first window: ${percent(c.tumbleShare, 2)}\n`;
  }
  return out;
}

function holdAndWinTables(f: Format2Analysis): string {
  const hw = f.holdAndWin;
  if (hw === null) return '';
  const t = table(['hold and win', 'value', 'how']);
  t.push(
    ['trigger', hw.trigger, ''],
    [
      'played per round',
      `${percent(hw.pTrigger.value)} (${oneIn(hw.pTrigger.value)})`,
      provenance(hw.pTrigger),
    ],
    ['mean win per feature (× cost)', fixed(hw.meanWin.value, 4), provenance(hw.meanWin)],
    ['sd per feature (× cost)', fixed(hw.sdWin, 4), ''],
    ['largest feature win (× cost)', fixed(hw.maxWin, 2), ''],
    ['respins played per feature', fixed(hw.respins.value, 4), provenance(hw.respins)],
    [
      'full grid',
      `${odds(hw.fullGrid.oneInFeatures)} features, ${odds(hw.fullGrid.oneInRounds)} rounds`,
      provenance(hw.fullGrid.perFeature),
    ],
  );
  for (const j of hw.jackpots) {
    t.push([
      `jackpot ${j.tier} (${fixed(j.x, 2)}× cost)`,
      `${odds(j.oneInFeatures)} features, ${odds(j.oneInRounds)} rounds`,
      provenance(j.perFeature),
    ]);
  }
  return `${t.toString()}\n${countTable('Coins at the start of the feature', 'coins', hw.starts)}${countTable('Coins at the end of the feature', 'coins', hw.finalCoins)}`;
}

function otherTables(f: Format2Analysis): string {
  let out = '';
  const h = f.heights;
  if (h !== null) {
    const t = table(['ways', 'probability']);
    for (const w of h.ways) t.push([count(w.ways), w.probability.value.toPrecision(6)]);
    out += `Ways per spin (Π heights; average ${fixed(h.averageWays.value, 2)})\n${t.toString()}\n`;
  }
  const m = f.multipliers;
  if (m !== null) {
    for (const s of m.symbols) {
      out += `${s.symbol} (${s.kind}) values: ${s.values.map((v) => `${v.value} (${percent(v.probability.value, 2)})`).join(', ')}; mean ${fixed(s.mean.value, 4)}\n`;
    }
    if (m.factors !== null && m.factors.length > 1) {
      const t = table(['factor', 'share of paying paid spins']);
      for (const x of m.factors) t.push([String(x.factor), x.probability.value.toPrecision(6)]);
      out += `Multiplier-symbol factors on paying paid spins\n${t.toString()}\n`;
    }
  }
  return out;
}

/** Every table of a format-2 analysis, for stdout. */
export function renderFormat2Analysis(a: Analysis, f: Format2Analysis): string {
  return (
    summary(a, f) +
    winTable('Paid-spin pays (per paid spin, cascade steps and multiplier symbols included)', f.wins.base) +
    winTable('Free-spin pays (per free spin, before the free-spin multiplier)', f.wins.free) +
    cascadeTables(f) +
    holdAndWinTables(f) +
    otherTables(f)
  );
}
