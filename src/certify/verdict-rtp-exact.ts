import type { Verdict } from './verdict.js';
import { minimumRounds, roundsToSettle, Z99 } from './verdict.js';
import { declaredPoints, fixed, percent, points, signedFixed, signedPoints } from '../report/format.js';

/** One-sided standard normal quantile of 99%: the power term of "detected 99% of the time". */
const Z99_ONE_SIDED = 2.3263478740408408;

export type ExactRtpInput =
  | {
      readonly kind: 'known';
      readonly rtp: number;
      /** How the exact RTP was computed: an exact fraction, or doubles from exact inputs. */
      readonly precision: 'exact' | 'exact-double';
      /** Standard deviation of one round's win (× stake) and where it comes from. */
      readonly sd: number;
      readonly sdSource: 'exact' | 'simulated';
      /** Skewness of one round's win (exact when the whole-round distribution is known), or null. */
      readonly skewness?: { readonly value: number; readonly source: 'exact' | 'simulated' } | null;
    }
  | {
      readonly kind: 'unknown';
      /** Why the RTP is not known exactly (the analysis's `notExact`). */
      readonly reasons: readonly string[];
      /** The uncapped game's RTP, an upper bound, when known. */
      readonly uncappedRtp: number | null;
    };

export interface RtpExactVerdictInput {
  readonly exact: ExactRtpInput;
  readonly simulated: { readonly rtp: number; readonly rounds: number };
  /** The declared tolerance, for the rounds that would resolve it (null: none declared). */
  readonly tolerance?: number | null;
}

const TITLE = 'Simulated RTP agrees with the exact RTP';

/**
 * Verdict 1: the simulated RTP lies inside the 99% interval of the exact RTP,
 * exact ± z₀.₉₉ · sd / √n, with the exact sd of one round when it is known. INCONCLUSIVE when the
 * rounds are too few for the normal approximation (Cochran's rule, n > 25·skewness²). It states its
 * sensitivity: the smallest deviation of the game's true RTP from the exact one it detects, and the
 * rounds that would resolve the declared tolerance.
 */
export function rtpExactVerdict(input: RtpExactVerdictInput): Verdict {
  const { simulated } = input;
  const exact = input.exact;
  const method =
    'The simulated RTP must lie inside exact RTP ± 2.5758 × sd / √rounds, the 99% interval of the mean of that many rounds; the rounds must number more than 25 × skewness² (Cochran’s rule) for that interval to hold.';
  if (exact.kind === 'unknown') {
    const bound =
      exact.uncappedRtp === null
        ? ''
        : ` The uncapped game's exact RTP, ${percent(exact.uncappedRtp)}, is only an upper bound; the simulated ${percent(simulated.rtp)} is ${simulated.rtp <= exact.uncappedRtp ? 'below' : 'above'} it.`;
    return {
      id: 'rtp-exact',
      title: TITLE,
      status: 'N/A',
      reason: `No exact RTP to compare with: ${exact.reasons.join('; ')}.${bound} The simulated RTP stands as the estimate of the game's RTP.`,
      method,
      figures: { simulatedRtp: simulated.rtp, rounds: simulated.rounds, uncappedRtp: exact.uncappedRtp },
      details: [
        ['simulated RTP', percent(simulated.rtp)],
        ['rounds', simulated.rounds.toLocaleString('en-US')],
        ...(exact.uncappedRtp === null
          ? []
          : [['uncapped exact RTP (upper bound)', percent(exact.uncappedRtp)] as const]),
      ],
      notes: [...exact.reasons],
    };
  }
  const n = simulated.rounds;
  const half = n > 0 ? (Z99 * exact.sd) / Math.sqrt(n) : Number.POSITIVE_INFINITY;
  const low = exact.rtp - half;
  const high = exact.rtp + half;
  const z =
    half > 0 ? ((simulated.rtp - exact.rtp) * Z99) / half : simulated.rtp === exact.rtp ? 0 : Infinity;
  const skewness = exact.skewness ?? null;
  const needed = skewness === null ? 2 : minimumRounds(skewness.value);
  const tooFew = n < needed;
  const inside = simulated.rtp >= low && simulated.rtp <= high;
  const status = tooFew ? 'INCONCLUSIVE' : inside ? 'PASS' : 'FAIL';
  const tolerance = input.tolerance ?? null;
  const forTolerance = tolerance === null ? null : roundsToSettle(exact.sd, tolerance);
  const toleranceText = tolerance === null ? '' : declaredPoints(tolerance);
  const sure = (half * (Z99 + Z99_ONE_SIDED)) / Z99;
  const notes: string[] = [];
  if (exact.sdSource === 'simulated') {
    notes.push(
      "the exact sd needs the whole cycle enumerated, which was not done here: the interval uses the simulation's own sd",
    );
  }
  if (exact.precision === 'exact-double') {
    notes.push(
      'the exact RTP is exact-double: computed in double precision from exact inputs (the free-spin retrigger chain, or the capped whole-round distribution)',
    );
  }
  notes.push(
    `sensitivity: with ${n.toLocaleString('en-US')} rounds a true RTP ${points(half)} away from the exact one is detected half the time, and ${points(sure)} away 99% of the time${
      forTolerance === null
        ? ''
        : `; the declared tolerance ±${toleranceText} is resolved (half-width of the 99% interval ≤ tolerance) from about ${forTolerance.toLocaleString('en-US')} rounds`
    }`,
  );
  if (tooFew) {
    notes.push(
      skewness === null
        ? 'one round has no spread to measure: at least two are needed'
        : `a round's win has skewness ${skewness.value.toFixed(1)} (${skewness.source}): Cochran's rule asks for more than 25 × skewness² = ${needed.toLocaleString('en-US')} rounds before the mean of the rounds is near enough to normal for a 99% interval`,
    );
  }
  const summary = tooFew
    ? `${n.toLocaleString('en-US')} rounds are too few to judge: the 99% interval needs more than ${needed.toLocaleString('en-US')} (Cochran's rule); simulated ${percent(simulated.rtp)} against the exact ${percent(exact.rtp)}`
    : `simulated ${percent(simulated.rtp)} is ${inside ? 'inside' : 'outside'} the 99% interval ${percent(low)} … ${percent(high)} around the exact ${percent(exact.rtp)} (z = ${signedFixed(z, 2)}); deviations beyond ±${points(half)} are detected`;
  return {
    id: 'rtp-exact',
    title: TITLE,
    status,
    summary,
    method,
    figures: {
      exactRtp: exact.rtp,
      simulatedRtp: simulated.rtp,
      rounds: n,
      sd: exact.sd,
      sdSource: exact.sdSource,
      low,
      high,
      z,
      detectableDeviation: half,
      detectableDeviation99: sure,
      roundsForTolerance: forTolerance,
      skewness: skewness?.value ?? null,
      minimumRounds: needed,
    },
    details: [
      ['exact RTP', percent(exact.rtp, 6)],
      ['simulated RTP', percent(simulated.rtp, 6)],
      ['difference', signedPoints(simulated.rtp - exact.rtp)],
      [`sd per round (${exact.sdSource})`, `${fixed(exact.sd, 6)}× stake`],
      ['rounds', n.toLocaleString('en-US')],
      ['99% interval', `${percent(low, 6)} … ${percent(high, 6)}`],
      ['z', signedFixed(z, 3)],
      [
        'smallest deviation detected (half the time / 99% of the time)',
        `±${points(half)} / ±${points(sure)}`,
      ],
      ...(forTolerance === null
        ? []
        : [
            [
              `rounds that resolve the tolerance ±${toleranceText}`,
              `about ${forTolerance.toLocaleString('en-US')}`,
            ] as const,
          ]),
      ...(skewness === null
        ? []
        : [
            [
              `skewness of a round (${skewness.source}); rounds Cochran's rule needs`,
              `${skewness.value.toFixed(2)}; more than ${needed.toLocaleString('en-US')}`,
            ] as const,
          ]),
    ],
    notes,
  };
}
