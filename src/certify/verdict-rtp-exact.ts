import type { Verdict } from './verdict.js';
import { Z99 } from './verdict.js';

export type ExactRtpInput =
  | {
      readonly kind: 'known';
      readonly rtp: number;
      /** How the exact RTP was computed: an exact fraction, or doubles from exact inputs. */
      readonly precision: 'exact' | 'exact-double';
      /** Standard deviation of one round's win (× stake) and where it comes from. */
      readonly sd: number;
      readonly sdSource: 'exact' | 'simulated';
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
}

const TITLE = 'Simulated RTP agrees with the exact RTP';

/**
 * Verdict 1: the simulated RTP lies inside the 99% interval of the exact RTP,
 * exact ± z₀.₉₉ · sd / √n, with the exact sd of one round when it is known.
 */
export function rtpExactVerdict(input: RtpExactVerdictInput): Verdict {
  const { simulated } = input;
  const exact = input.exact;
  const method =
    'The simulated RTP must lie inside exact RTP ± 2.5758 × sd / √rounds, the 99% interval of the mean of that many rounds.';
  if (exact.kind === 'unknown') {
    const bound =
      exact.uncappedRtp === null
        ? ''
        : ` The uncapped game's exact RTP, ${exact.uncappedRtp.toFixed(6)}, is only an upper bound; the simulated ${simulated.rtp.toFixed(6)} is ${simulated.rtp <= exact.uncappedRtp ? 'below' : 'above'} it.`;
    return {
      id: 'rtp-exact',
      title: TITLE,
      status: 'N/A',
      reason: `No exact RTP to compare with: ${exact.reasons.join('; ')}.${bound} The simulated RTP stands as the estimate of the game's RTP.`,
      method,
      figures: { simulatedRtp: simulated.rtp, rounds: simulated.rounds, uncappedRtp: exact.uncappedRtp },
      details: [
        ['simulated RTP', simulated.rtp.toFixed(6)],
        ['rounds', simulated.rounds.toLocaleString('en-US')],
        ...(exact.uncappedRtp === null
          ? []
          : [['uncapped exact RTP (upper bound)', exact.uncappedRtp.toFixed(6)] as const]),
      ],
      notes: [...exact.reasons],
    };
  }
  const n = simulated.rounds;
  const half = (Z99 * exact.sd) / Math.sqrt(n);
  const low = exact.rtp - half;
  const high = exact.rtp + half;
  const z =
    half > 0 ? ((simulated.rtp - exact.rtp) * Z99) / half : simulated.rtp === exact.rtp ? 0 : Infinity;
  const pass = simulated.rtp >= low && simulated.rtp <= high;
  const notes: string[] = [];
  if (exact.sdSource === 'simulated') {
    notes.push(
      "the exact sd needs the whole cycle enumerated, which was not done here: the interval uses the simulation's own sd",
    );
  }
  if (exact.precision === 'exact-double') {
    notes.push('the exact RTP is computed in double precision from exact inputs (free-spin retrigger chain)');
  }
  return {
    id: 'rtp-exact',
    title: TITLE,
    status: pass ? 'PASS' : 'FAIL',
    summary: `simulated ${simulated.rtp.toFixed(6)} is ${pass ? 'inside' : 'outside'} the 99% interval ${low.toFixed(6)} … ${high.toFixed(6)} around the exact ${exact.rtp.toFixed(6)} (z = ${z.toFixed(2)})`,
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
    },
    details: [
      ['exact RTP', exact.rtp.toFixed(8)],
      ['simulated RTP', simulated.rtp.toFixed(8)],
      ['difference', (simulated.rtp - exact.rtp).toExponential(3)],
      [`sd per round (${exact.sdSource})`, exact.sd.toFixed(6)],
      ['rounds', n.toLocaleString('en-US')],
      ['99% interval', `${low.toFixed(8)} … ${high.toFixed(8)}`],
      ['z', z.toFixed(3)],
    ],
    notes,
  };
}
