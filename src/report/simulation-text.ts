import Table from 'cli-table3';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';
import type { SimulationReport } from '../sim/simulate.js';
import { count, fixed, oneIn, percent } from './format.js';

/** The terminal view of a simulation: the figures, then the win distribution. */
export function renderSimulation(report: SimulationReport): string {
  const figures = new Table({ head: ['figure', 'value'], style: TABLE_STYLE, chars: COMPACT_CHARS });
  const variant = report.game.variant === null ? '' : ` [${report.game.variant}]`;
  const [lo95, hi95] = report.confidence['95'];
  const [lo99, hi99] = report.confidence['99'];
  figures.push(
    ['game', `${report.game.name} ${report.game.version}${variant}`],
    ...(report.mode === 'base' ? [] : [['mode', report.mode]]),
    ['stake', `${count(report.cost)} credits a round`],
    ['rounds', count(report.spins)],
    ['seed / rng', `${report.seed} / ${report.rng}`],
    ['RTP', percent(report.rtp)],
    ['  pays (paid spin)', percent(report.components.lines)],
    ['  scatter', percent(report.components.scatter)],
    ['  free spins', percent(report.components.freeSpins)],
    ['  bonus', percent(report.components.bonus)],
    ...(report.holdAndWin.triggers > 0 ? [['  hold and win', percent(report.components.holdAndWin)]] : []),
    ['95% interval', report.confidenceNote ?? `${percent(lo95)} … ${percent(hi95)}`],
    ['99% interval', report.confidenceNote === null ? `${percent(lo99)} … ${percent(hi99)}` : 'n/a'],
    ['hit frequency', `${percent(report.hitFrequency, 2)} (${oneIn(report.hitFrequency)})`],
    ['sd per round', fixed(report.sd, 4)],
  );
  if (report.freeSpins.triggers > 0 || report.spins === 0) {
    figures.push([
      'free-spin triggers',
      `${count(report.freeSpins.triggers)} (${oneIn(report.freeSpins.triggers / report.spins)}), average ${fixed(report.freeSpins.averageLength, 2)} spins`,
    ]);
  }
  if (report.bonus.triggers > 0) {
    figures.push([
      'bonus triggers',
      `${count(report.bonus.triggers)} (${oneIn(report.bonus.triggers / report.spins)})`,
    ]);
  }
  if (report.holdAndWin.triggers > 0) {
    figures.push([
      'hold-and-win features',
      `${count(report.holdAndWin.triggers)} (${oneIn(report.holdAndWin.triggers / report.spins)})`,
    ]);
  }
  figures.push([
    'largest win',
    `${count(report.maxWinObserved)} credits (${fixed(report.maxWinObservedX, 1)}× stake)`,
  ]);
  if (report.cap.maxWin !== null) {
    // The cap is in multiples of the total bet, which a mode's cost need not equal.
    const unit = report.cost === report.stake && report.mode === 'base' ? 'stake' : 'bet';
    figures.push(['max-win cap hits', `${count(report.cap.hits)} (cap ${report.cap.maxWin}× ${unit})`]);
  }
  figures.push([
    'speed',
    `${count(Math.round(report.spinsPerSecond))} rounds/s on ${report.threads} thread(s), ${fixed(report.elapsedSeconds, 2)} s`,
  ]);

  const distribution = new Table({
    head: ['win (× stake)', 'rounds', 'share', 'share of RTP'],
    colAligns: ['left', 'right', 'right', 'right'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  for (const row of report.distribution) {
    distribution.push([row.bucket, count(row.count), percent(row.share, 4), percent(row.shareOfRtp, 2)]);
  }
  return `${figures.toString()}\n${distribution.toString()}\n`;
}
