import { stringify } from 'csv-stringify/sync';
import type { SimulationReport } from '../sim/simulate.js';

/** `summary.csv` (one figure a row) and `distribution.csv` of a simulation, for `--out DIR`. */
export function simulationCsv(report: SimulationReport): Record<string, string> {
  const rows: [string, string | number][] = [
    ['game', report.game.id],
    ['version', report.game.version],
    ['variant', report.game.variant ?? ''],
    ['sha256', report.game.sha256],
    ['mode', report.mode],
    ['cost', report.cost],
    ['spins', report.spins],
    ['seed', report.seed],
    ['rng', report.rng],
    ['threads', report.threads],
    ['rtp', report.rtp],
    ['rtp_lines', report.components.lines],
    ['rtp_scatter', report.components.scatter],
    ['rtp_free_spins', report.components.freeSpins],
    ['rtp_bonus', report.components.bonus],
    ['rtp_hold_and_win', report.components.holdAndWin],
    ['hit_frequency', report.hitFrequency],
    ['sd', report.sd],
    // Empty when too few rounds make the intervals meaningless (ci_note says why).
    ['ci95_low', report.confidenceNote === null ? report.confidence['95'][0] : ''],
    ['ci95_high', report.confidenceNote === null ? report.confidence['95'][1] : ''],
    ['ci99_low', report.confidenceNote === null ? report.confidence['99'][0] : ''],
    ['ci99_high', report.confidenceNote === null ? report.confidence['99'][1] : ''],
    ['ci_note', report.confidenceNote ?? ''],
    ['free_spins_triggers', report.freeSpins.triggers],
    ['free_spins_played', report.freeSpins.spins],
    ['free_spins_average_length', report.freeSpins.averageLength],
    ['bonus_triggers', report.bonus.triggers],
    ['hold_and_win_triggers', report.holdAndWin.triggers],
    ['max_win_observed_credits', report.maxWinObserved],
    ['cap_hits', report.cap.hits],
    ['credits_won', report.totals.won],
    ['credits_staked', report.totals.staked],
  ];
  return {
    'summary.csv': stringify(rows, { header: true, columns: ['figure', 'value'] }),
    'distribution.csv': stringify(
      report.distribution.map((row) => [row.bucket, row.count, row.share, row.rtp, row.shareOfRtp]),
      { header: true, columns: ['win_x_stake', 'count', 'share', 'rtp', 'share_of_rtp'] },
    ),
  };
}
