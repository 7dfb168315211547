import { abs, decimalFraction } from './decimal.js';
import type { Fraction } from '../math/fraction.js';
import { sub, toNumber } from '../math/fraction.js';
import type { Verdict } from './verdict.js';
import { minimumRounds, roundsToSettle } from './verdict.js';
import { declaredBand, declaredPercent, declaredPoints, percent, points } from '../report/format.js';

/** A declared RTP target and tolerance (fractions of the stake). */
export interface RtpTarget {
  readonly target: number;
  readonly tolerance: number;
  /** Where they come from: the game file (its `rtp` key) or the command line. */
  readonly source: 'declared' | 'command line' | 'declared and command line';
}

export type TargetRtpInput =
  | { readonly kind: 'exact'; readonly rtp: number; readonly fraction: Fraction }
  | { readonly kind: 'exact-double'; readonly rtp: number }
  | {
      readonly kind: 'simulated';
      readonly reasons: readonly string[];
      readonly rtp: number;
      readonly interval99: readonly [number, number];
      readonly rounds: number;
      /** The sd of one round (× stake) behind the interval, for the rounds that would settle it. */
      readonly sd: number;
      /** The skewness of one round's win, when known: too few rounds for it leave the interval untrustworthy. */
      readonly skewness: number | null;
    }
  | { readonly kind: 'unknown'; readonly reasons: readonly string[] };

export interface RtpTargetVerdictInput {
  readonly target: RtpTarget | null;
  readonly rtp: TargetRtpInput;
}

const TITLE = 'RTP within the target ± tolerance';

/**
 * Verdict 2: the game's RTP lies in [target − tolerance, target + tolerance] — compared exactly
 * when the RTP is an exact fraction (the target read as the decimal it was written as). When the
 * RTP is known only from a simulation (a binding max-win cap whose exact figures could not be
 * computed), its 99% interval decides: PASS when the interval lies inside the band, FAIL when it
 * lies wholly outside, INCONCLUSIVE when it overlaps an edge of the band (or the rounds are too few
 * for the interval to be trusted) — with the rounds that would settle it.
 */
export function rtpTargetVerdict(input: RtpTargetVerdictInput): Verdict {
  const { target, rtp } = input;
  const method =
    'PASS when |RTP − target| ≤ tolerance (exact rational arithmetic when the RTP is an exact fraction). A simulated RTP passes only when its whole 99% interval lies inside the band, fails when the interval lies wholly outside it, and is INCONCLUSIVE otherwise.';
  if (target === null) {
    return {
      id: 'rtp-target',
      title: TITLE,
      status: 'N/A',
      reason: 'the game declares no "rtp" target (its "rtp" key is missing)',
      method,
      figures: { rtp: rtp.kind === 'unknown' ? null : rtp.rtp, target: null, tolerance: null },
      details: rtp.kind === 'unknown' ? [] : [['RTP', percent(rtp.rtp, 6)]],
      notes: [],
    };
  }
  const low = target.target - target.tolerance;
  const high = target.target + target.tolerance;
  const band = `${declaredBand(target.target, target.tolerance)} (${declaredPercent(low)} … ${declaredPercent(high)}, ${target.source})`;
  const common = {
    id: 'rtp-target' as const,
    title: TITLE,
    method,
  };
  switch (rtp.kind) {
    case 'exact':
    case 'exact-double': {
      let distance: number;
      let pass: boolean;
      if (rtp.kind === 'exact') {
        const gap = abs(sub(rtp.fraction, decimalFraction(target.target)));
        const slack = sub(decimalFraction(target.tolerance), gap);
        pass = slack.n >= 0n;
        distance = toNumber(gap);
      } else {
        distance = Math.abs(rtp.rtp - target.target);
        // Doubles from exact inputs carry a relative error below 1e-12.
        pass = distance <= target.tolerance + 1e-12;
      }
      return {
        ...common,
        status: pass ? 'PASS' : 'FAIL',
        summary: `${rtp.kind === 'exact' ? 'exact' : 'computed'} RTP ${percent(rtp.rtp)} is ${pass ? 'within' : 'outside'} ${band}: ${points(distance)} from the target`,
        figures: {
          rtp: rtp.rtp,
          precision: rtp.kind,
          target: target.target,
          tolerance: target.tolerance,
          targetSource: target.source,
          distance,
        },
        details: [
          ['RTP', percent(rtp.rtp, 6)],
          ['target', `${declaredPercent(target.target)} (${target.source})`],
          ['tolerance', `± ${declaredPoints(target.tolerance)}`],
          ['|RTP − target|', points(distance, 6)],
        ],
        notes:
          rtp.kind === 'exact-double'
            ? [
                'the RTP is exact-double: computed in double precision from exact inputs (the free-spin retrigger chain, or the capped whole-round distribution)',
              ]
            : [],
      };
    }
    case 'simulated': {
      const [lo, hi] = rtp.interval99;
      const inside = lo >= low && hi <= high;
      const outside = hi < low || lo > high;
      const needed = rtp.skewness === null ? 2 : minimumRounds(rtp.skewness);
      const tooFew = rtp.rounds < needed;
      const status = tooFew ? 'INCONCLUSIVE' : inside ? 'PASS' : outside ? 'FAIL' : 'INCONCLUSIVE';
      // Rounds after which the interval, centred where the estimate is now, would lie wholly on one
      // side of the nearest edge of the band.
      const room =
        rtp.rtp < low
          ? low - rtp.rtp
          : rtp.rtp > high
            ? rtp.rtp - high
            : Math.min(rtp.rtp - low, high - rtp.rtp);
      const settle = roundsToSettle(rtp.sd, room);
      const notes = [
        `${rtp.reasons.join('; ')}: the RTP is known only from ${rtp.rounds.toLocaleString('en-US')} simulated rounds, so the verdict rests on their 99% interval: PASS when it lies inside the band, FAIL when it lies wholly outside, INCONCLUSIVE otherwise`,
      ];
      const settleText =
        settle === null
          ? 'no number of rounds can settle it while the estimate sits on the edge of the band'
          : `about ${settle.toLocaleString('en-US')} rounds would settle it if the estimate stays at ${percent(rtp.rtp)}`;
      let summary: string;
      if (tooFew) {
        summary = `${rtp.rounds.toLocaleString('en-US')} rounds are too few for the 99% interval of the simulated RTP to be trusted (Cochran's rule for a round win of skewness ${rtp.skewness?.toFixed(1) ?? '?'}: more than ${needed.toLocaleString('en-US')})`;
      } else if (status === 'INCONCLUSIVE') {
        summary = `simulated RTP ${percent(rtp.rtp)}: its 99% interval ${percent(lo)} … ${percent(hi)} is neither inside nor wholly outside ${band}; ${settleText}`;
        notes.push(
          `the interval reaches ${lo < low ? "below the band's floor" : "above the band's ceiling"}: the simulation can neither confirm nor refute the tolerance`,
        );
      } else {
        summary = `simulated RTP ${percent(rtp.rtp)}: its 99% interval ${percent(lo)} … ${percent(hi)} lies ${inside ? 'inside' : 'wholly outside'} ${band}`;
      }
      return {
        ...common,
        status,
        summary,
        figures: {
          rtp: rtp.rtp,
          precision: 'simulated',
          low: lo,
          high: hi,
          rounds: rtp.rounds,
          target: target.target,
          tolerance: target.tolerance,
          targetSource: target.source,
          roundsToSettle:
            status === 'INCONCLUSIVE' && !tooFew ? settle : tooFew ? Math.max(needed, settle ?? 0) : null,
          minimumRounds: needed,
        },
        details: [
          ['simulated RTP', percent(rtp.rtp, 6)],
          ['99% interval', `${percent(lo, 6)} … ${percent(hi, 6)}`],
          ['rounds', rtp.rounds.toLocaleString('en-US')],
          ['target', `${declaredPercent(target.target)} (${target.source})`],
          ['tolerance', `± ${declaredPoints(target.tolerance)}`],
          ...(status === 'INCONCLUSIVE' && settle !== null
            ? [['rounds that would settle it', `about ${settle.toLocaleString('en-US')}`] as const]
            : []),
        ],
        notes,
      };
    }
    case 'unknown':
      return {
        ...common,
        status: 'N/A',
        reason: `no exact RTP (${rtp.reasons.join('; ')}) and no simulation to compare with the target`,
        figures: { rtp: null, target: target.target, tolerance: target.tolerance },
        details: [],
        notes: [...rtp.reasons],
      };
    default: {
      const never: never = rtp;
      throw new Error(`unknown RTP kind ${String(never)}`);
    }
  }
}
