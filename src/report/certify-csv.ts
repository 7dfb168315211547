import { stringify } from 'csv-stringify/sync';
import type { CertifyReport } from '../certify/report-types.js';

/**
 * `par.csv`: every paying combination (paid spin, then one free spin) with its exact and observed
 * frequency, its pay as paid (a free spin's multiplier included), and its worth to the game.
 */
export function parCsv(report: CertifyReport): string {
  // A game with no exact analysis yet (format 2): the combinations seen, observed counts only.
  const observed = (report.combinations.observed ?? []).map((c) => [
    'paid',
    c.key,
    c.key.split(':')[0]!,
    c.label,
    ...Array<string>(13).fill(''),
    c.count,
    '',
  ]);
  return stringify(
    [
      ...report.combinations.rows.map((row) => [
        row.spin,
        row.key,
        row.kind,
        row.label,
        row.pay,
        row.payX,
        row.multiplier,
        row.basePay,
        row.hits,
        row.cycle,
        row.trials,
        row.probability,
        row.perSpin,
        row.oneIn,
        row.rtp,
        row.shareOfRtp,
        report.combinations.denominator.label,
        row.observed ?? '',
        row.expected ?? '',
      ]),
      ...observed,
    ],
    {
      header: true,
      columns: [
        'spin',
        'key',
        'kind',
        'combination',
        'pay_credits_as_paid',
        'pay_x_stake_as_paid',
        'free_spin_multiplier',
        'pay_table_credits',
        'hits_in_cycle',
        'cycle',
        'trials_per_spin',
        'probability_per_trial',
        'occurrences_per_spin',
        'one_in_spins',
        'rtp_contribution_per_paid_round',
        'share_of_rtp',
        'share_of',
        'observed',
        'expected',
      ],
    },
  );
}

/** `distribution.csv`: the win distribution in multiples of the stake, simulated and exact. */
export function distributionCsv(report: CertifyReport): string {
  const scope = report.distribution.exactScope;
  return stringify(
    report.distribution.rows.map((row) => [
      row.bucket,
      row.cap ? 'yes' : 'no',
      row.simulated.count,
      row.simulated.share,
      row.simulated.rtp,
      row.simulated.shareOfRtp,
      row.exact?.share ?? '',
      row.exact?.rtp ?? '',
      row.exact?.shareOfRtp ?? '',
      scope ?? '',
    ]),
    {
      header: true,
      columns: [
        'win_x_stake',
        'cap_bucket',
        'simulated_rounds',
        'simulated_share',
        'simulated_rtp',
        'simulated_share_of_rtp',
        'exact_share',
        'exact_rtp',
        'exact_share_of_rtp',
        'exact_scope',
      ],
    },
  );
}
