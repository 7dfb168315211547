import Table from 'cli-table3';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';
import type { Analysis, Combination, CountRow, Figure, ReelSetPar } from '../math/analysis-types.js';
import { toNumber, toText } from '../math/fraction.js';
import { count, fixed, oneIn, percent } from './format.js';
import { renderFormat2Analysis } from './analysis-format2-text.js';

/** The terminal view of an analysis: cli-table3 tables for stdout; notes go to stderr separately. */

/** How a figure was obtained, for the "how" column. */
export function provenance(figure: Figure): string {
  switch (figure.precision) {
    case 'exact': {
      const text = figure.exact === null ? '' : toText(figure.exact);
      return text.length > 0 && text.length <= 40 ? `exact ${text}` : 'exact';
    }
    case 'exact-double':
      return 'exact-double (exact inputs, computed in doubles)';
    case 'exact-expectation': {
      const text = figure.exact === null ? '' : toText(figure.exact);
      return `exact expectation${text.length > 0 && text.length <= 40 ? ` ${text}` : ''} (values by their means; the cap cannot bind)`;
    }
    case 'uncapped':
      return "WITHOUT the max-win cap (not this game's figure)";
    case 'simulated':
      return figure.interval99 === undefined
        ? 'simulated'
        : `simulated, 99% ${percent(figure.interval99[0])} … ${percent(figure.interval99[1])}`;
    default: {
      const unknown: never = figure.precision;
      return String(unknown);
    }
  }
}

function odds(n: number): string {
  if (!Number.isFinite(n)) return 'never';
  return `1 in ${n >= 100 ? count(Math.round(n)) : n.toFixed(2)}`;
}

function summary(a: Analysis): string {
  const t = new Table({ head: ['figure', 'value', 'how'], style: TABLE_STYLE, chars: COMPACT_CHARS });
  const variant = a.game.variant === null ? '' : ` [${a.game.variant}]`;
  const simulatedOnly = a.simulatedOnly === true;
  t.push(['game', `${a.game.name} ${a.game.version}${variant}`, a.game.id]);
  if (a.mode !== undefined && a.mode !== 'base')
    t.push(['mode', a.mode, 'every figure per credit staked in it']);
  t.push([
    'stake',
    `${a.stake} credits (line bet ${a.lineBet})`,
    a.evaluation === 'lines' ? `${a.paylines} paylines` : a.evaluation,
  ]);
  if (!simulatedOnly) t.push(['cycle', count(a.cycle), 'weighted stop combinations of the paid spin']);
  t.push(['RTP', percent(a.rtp.value), provenance(a.rtp)]);
  const parts: [string, Figure][] = [
    [
      a.evaluation === 'lines' || a.evaluation === 'ways' ? '  lines / ways' : `  ${a.evaluation} pays`,
      a.components.lines,
    ],
    ['  scatter', a.components.scatter],
    ['  free spins', a.components.freeSpins],
    ['  bonus', a.components.bonus],
    ...(a.holdAndWin === undefined ? [] : [['  hold and win', a.holdAndWin] as [string, Figure]]),
  ];
  for (const [label, figure] of parts) t.push([label, percent(figure.value), provenance(figure)]);
  if (a.freeSpins !== null || (simulatedOnly && a.expectedFreeSpinsPerTrigger !== null)) {
    t.push([
      'free-spin trigger',
      `${percent(a.pFreeSpinsTrigger.value)} (${oneIn(a.pFreeSpinsTrigger.value)})`,
      provenance(a.pFreeSpinsTrigger),
    ]);
    if (a.expectedFreeSpinsPerTrigger !== null) {
      t.push([
        'free spins per trigger',
        fixed(a.expectedFreeSpinsPerTrigger.value, 4),
        provenance(a.expectedFreeSpinsPerTrigger),
      ]);
    }
  }
  if (a.bonus !== null || (simulatedOnly && a.pBonusTrigger.value > 0)) {
    t.push([
      'bonus trigger',
      `${percent(a.pBonusTrigger.value)} (${oneIn(a.pBonusTrigger.value)})`,
      provenance(a.pBonusTrigger),
    ]);
  }
  const hw = a.pHoldAndWinTrigger;
  if (hw !== undefined && hw.value > 0) {
    t.push(['hold-and-win feature', `${percent(hw.value)} (${oneIn(hw.value)})`, provenance(hw)]);
  }
  if (a.hitFrequency !== null) {
    t.push([
      'hit frequency',
      `${percent(a.hitFrequency.value, 4)} (${oneIn(a.hitFrequency.value)})`,
      provenance(a.hitFrequency),
    ]);
  }
  if (a.sd !== null) {
    const how = a.sd.precision === 'exact' ? 'exact variance, square-rooted' : provenance(a.sd);
    t.push(['sd per round', fixed(a.sd.value, 5), how]);
  }
  if (a.volatility !== null) {
    t.push([
      'volatility index',
      fixed(a.volatility['90'], 3),
      `z × sd at 90% (95%: ${fixed(a.volatility['95'], 3)}, 99%: ${fixed(a.volatility['99'], 3)})${a.sd?.precision === 'simulated' ? ', simulated sd' : ''}`,
    ]);
  }
  const m = a.maxWin;
  if (m.largestPaidSpin !== null) {
    t.push([
      'largest paid-spin win',
      `${count(m.largestPaidSpin.credits)} credits (${fixed(m.largestPaidSpin.x, 2)}× stake)`,
      `enumerated, ${odds(m.largestPaidSpin.oneIn)}`,
    ]);
  }
  if (m.largestFreeSpin !== null) {
    t.push([
      'largest free-spin win',
      `${count(m.largestFreeSpin.credits)} credits (${fixed(m.largestFreeSpin.x, 2)}× stake)`,
      `multiplier included, ${odds(m.largestFreeSpin.oneIn)} free spins`,
    ]);
  }
  if (a.topAward !== null) {
    t.push([
      'highest pay-table entry',
      `${count(a.topAward.credits)} credits (${fixed(a.topAward.x, 2)}× stake)`,
      `${a.topAward.label}, ${odds(a.topAward.oneIn)}`,
    ]);
  }
  if (m.roundBoundFrom === 'enumeration' || m.capCredits !== null || simulatedOnly) {
    t.push([
      'round win bound',
      `${count(m.roundBound)} credits (${fixed(m.roundBound / a.stake, 1)}× stake)`,
      `an upper bound, from ${m.roundBoundFrom}${m.freeSpinsBound > 0 ? `; at most ${count(m.freeSpinsBound)} free spins a round` : ''}`,
    ]);
  }
  if (m.capCredits !== null) {
    const hit =
      m.capHit === null ? '' : `, reached ${odds(1 / m.capHit.value)} rounds (${provenance(m.capHit)})`;
    t.push([
      'max-win cap',
      `${count(m.capCredits)} credits (${m.capX}× stake)`,
      m.canBind ? `can bind${hit}` : 'never reached (the bound is below it)',
    ]);
  }
  t.push([
    'exact',
    a.exact ? 'yes' : 'NO',
    a.exact
      ? 'every figure as marked'
      : simulatedOnly
        ? 'every figure simulated (see the notes on stderr)'
        : 'see the NOT EXACT notes (stderr)',
  ]);
  return `${t.toString()}\n`;
}

function reelSetTable(set: ReelSetPar): string {
  const head = ['symbol', ...set.reels.map((_, r) => `reel ${r + 1}`)];
  const t = new Table({
    head,
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
    colAligns: ['left', ...set.reels.map(() => 'right' as const)],
  });
  const symbols = [...new Set(set.reels.flatMap((reel) => reel.symbols.map((s) => s.symbol)))];
  for (const symbol of symbols) {
    t.push([
      symbol,
      ...set.reels.map((reel) => {
        const s = reel.symbols.find((x) => x.symbol === symbol);
        if (s === undefined) return '-';
        if (!reel.weighted) return String(s.stops);
        const rows =
          s.rowWeights === null ? '' : ` [rows ${s.rowWeights.map((w) => w.toString()).join('/')}]`;
        return `${s.stops} / w ${s.weight}${rows}`;
      }),
    ]);
  }
  t.push(['stops', ...set.reels.map((reel) => String(reel.length))]);
  if (set.reels.some((reel) => reel.weighted))
    t.push(['draw bound', ...set.reels.map((reel) => String(reel.drawBound))]);
  return `Reel set "${set.name}" (${set.usedFor.join(', ')}); cycle ${count(set.cycle)}\n${t.toString()}\n`;
}

function combinationTable(
  title: string,
  rows: readonly Combination[],
  lines: number,
  multiplier: number,
  denominator: Analysis['parDenominator'],
): string {
  const t = new Table({
    head: [
      'combination',
      multiplier === 1 ? 'pays (credits)' : `pays (credits, ×${multiplier} included)`,
      'hits in cycle',
      lines > 1 ? 'per spin' : 'probability',
      'odds',
      'RTP contribution',
      'share of game RTP',
    ],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  for (const row of rows) {
    const per = row.kind === 'line' ? ' /line' : row.kind === 'ways' ? ' /way' : '';
    t.push([
      row.label,
      `${count(row.pay * multiplier)}${per}`,
      count(row.hits),
      toNumber(row.perSpin).toPrecision(6),
      odds(row.oneIn),
      percent(row.gameRtp.value, 4),
      percent(row.shareOfGameRtp, 2),
    ]);
  }
  const note = `RTP contribution: per paid round, as paid, before the max-win cap; share of ${denominator.label} (${percent(denominator.value, 4)})`;
  return `${title}\n${t.toString()}\n${note}\n`;
}

function countTable(title: string, rows: readonly CountRow[], valueHead: string): string {
  const t = new Table({
    head: ['count', 'hits in cycle', 'probability', 'odds', valueHead],
    colAligns: ['right', 'right', 'right', 'right', 'right'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  for (const row of rows) {
    const p = toNumber(row.probability);
    t.push([String(row.count), count(row.hits), p.toPrecision(6), odds(row.oneIn), count(row.value)]);
  }
  return `${title}\n${t.toString()}\n`;
}

function featureTables(a: Analysis): string {
  let out = '';
  const fs = a.freeSpins;
  if (fs !== null) {
    out += countTable(`Free-spin triggers (${fs.symbol} on the paid spin)`, fs.triggers, 'spins awarded');
    out += countTable(`Retriggers (${fs.symbol} on a free spin)`, fs.retriggers, 'spins added');
    const t = new Table({ head: ['free spins', 'value', 'how'], style: TABLE_STYLE, chars: COMPACT_CHARS });
    t.push(
      ['reel set / multiplier / max spins', `${fs.reelSet} / ×${fs.multiplier} / ${fs.maxSpins}`, ''],
      [
        'retrigger per free spin',
        `${percent(toNumber(fs.pRetrigger))} (${oneIn(toNumber(fs.pRetrigger))})`,
        'exact',
      ],
    );
    for (const s of fs.spinsByAward)
      t.push([`spins played after ${s.awarded} awarded`, fixed(s.spins.value, 4), provenance(s.spins)]);
    t.push(
      [
        'spins per trigger',
        fixed(fs.expectedSpinsPerTrigger.value, 4),
        provenance(fs.expectedSpinsPerTrigger),
      ],
      ['win per free spin (× stake)', fixed(fs.winPerSpin.value, 6), provenance(fs.winPerSpin)],
      ['win per trigger (× stake)', fixed(fs.winPerTrigger.value, 4), provenance(fs.winPerTrigger)],
    );
    out += `${t.toString()}\n`;
    out += combinationTable(
      `Free-spin pays (per free spin, as paid: the ×${fs.multiplier} multiplier included)`,
      fs.combinations,
      a.paylines,
      fs.multiplier,
      a.parDenominator,
    );
  }
  const b = a.bonus;
  if (b !== null) {
    const t = new Table({ head: ['bonus', 'value', 'how'], style: TABLE_STYLE, chars: COMPACT_CHARS });
    t.push(
      ['trigger', b.trigger, ''],
      ['hits in cycle', count(b.hits), ''],
      [
        'trigger probability',
        `${percent(b.pTrigger.value)} (${oneIn(b.pTrigger.value)})`,
        provenance(b.pTrigger),
      ],
      ['mean prize (× stake)', fixed(b.meanPrize.value, 4), provenance(b.meanPrize)],
      ['prize sd (× stake)', fixed(b.sdPrize, 4), 'exact variance, square-rooted'],
      ['largest prize (× stake)', fixed(b.maxPrize, 2), ''],
    );
    out += `${t.toString()}\n`;
  }
  return out;
}

function rangeTable(a: Analysis): string {
  if (a.rtpRanges === null) return '';
  const t = new Table({
    head: ['rounds', '90%', '95%', '99%'],
    colAligns: ['right', 'right', 'right', 'right'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  const span = (r: readonly [number, number]): string => `${percent(r[0], 2)} … ${percent(r[1], 2)}`;
  for (const row of a.rtpRanges)
    t.push([count(row.rounds), span(row['90']), span(row['95']), span(row['99'])]);
  const from = a.sd?.precision === 'simulated' ? ', simulated RTP and sd' : '';
  return `RTP range after n rounds (rtp ± z·sd/√n${from})\n${t.toString()}\n`;
}

function fullCycleTables(a: Analysis): string {
  const p = a.paidSpin;
  if (p === null || a.enumeration !== 'full-cycle') return '';
  const t = new Table({
    head: ['full cycle (paid spin only, features excluded)', 'value', 'how'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  t.push(
    ['stop combinations', count(p.combinations), `${p.threads} thread(s), ${fixed(p.elapsedSeconds, 2)} s`],
    ['RTP of the paid spin', percent(p.rtp.value), provenance(p.rtp)],
    [
      'hit frequency',
      `${percent(p.hitFrequency.value)} (${oneIn(p.hitFrequency.value)})`,
      provenance(p.hitFrequency),
    ],
    ['sd', fixed(p.sd, 5), 'exact variance, square-rooted'],
    [
      'largest paid-spin win',
      `${count(p.maxWin.credits)} credits (${fixed(p.maxWin.x, 2)}× stake)`,
      odds(p.maxWin.oneIn),
    ],
  );
  if (p.freeSpin !== null) {
    t.push([
      'free spin: hit frequency',
      percent(p.freeSpin.hitFrequency.value),
      `${count(p.freeSpin.combinations)} stop combinations`,
    ]);
  }
  const d = new Table({
    head: ['paid-spin win (× stake)', 'hits in cycle', 'share', 'share of RTP'],
    colAligns: ['left', 'right', 'right', 'right'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  for (const row of p.distribution)
    d.push([row.bucket, count(row.count), percent(row.share, 4), percent(row.shareOfRtp, 2)]);
  return `${t.toString()}\n${d.toString()}\n`;
}

/** Every table, for stdout. */
export function renderAnalysis(a: Analysis): string {
  if (a.format2 !== undefined) return renderFormat2Analysis(a, a.format2);
  let out = summary(a);
  out += rangeTable(a);
  out += fullCycleTables(a);
  for (const set of a.reelSets) out += reelSetTable(set);
  if (a.simulatedOnly === true) {
    // No PAR table of combinations: their exact probabilities come with the exact analysis.
    return out;
  }
  out += combinationTable('Paid-spin pays', a.combinations, a.paylines, 1, a.parDenominator);
  if (a.scatter !== null) out += countTable('Scatter counts on the paid spin', a.scatter, 'pays (credits)');
  out += featureTables(a);
  return out;
}

/** The notes, for stderr. */
export function renderAnalysisNotes(a: Analysis): string {
  const lines = [...a.notExact.map((n) => `NOT EXACT: ${n}`), ...a.notes.map((n) => `note: ${n}`)];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
