import { stringify } from 'csv-stringify/sync';
import type { CertifyReport } from '../certify/report-types.js';

/** `par.csv`: every paying combination (paid spin, then free spins) with its exact and observed frequency. */
export function parCsv(report: CertifyReport): string {
  return stringify(
    report.combinations.rows.map((row) => [
      row.spin,
      row.key,
      row.kind,
      row.label,
      row.pay,
      row.payX,
      row.hits,
      row.trials,
      row.probability,
      row.perSpin,
      row.oneIn,
      row.rtp,
      row.shareOfRtp,
      row.observed ?? '',
      row.expected ?? '',
    ]),
    {
      header: true,
      columns: [
        'spin',
        'key',
        'kind',
        'combination',
        'pay_credits',
        'pay_x_stake',
        'hits_in_cycle',
        'trials_per_spin',
        'probability_per_trial',
        'occurrences_per_spin',
        'one_in_spins',
        'rtp',
        'share_of_rtp',
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
