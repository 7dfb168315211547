import { abs, decimalFraction } from './decimal.js';
import type { Fraction } from '../math/fraction.js';
import { sub, toNumber } from '../math/fraction.js';
import type { Verdict } from './verdict.js';

/** A declared RTP target and tolerance (fractions of the stake). */
export interface RtpTarget {
  readonly target: number;
  readonly tolerance: number;
  /** Where they come from: the game file (its `rtp` key) or the command line. */
  readonly source: 'declared' | 'command line' | 'declared and command line';
}

export type TargetRtpInput =
  | { readonly kind: 'exact'; readonly rtp: number; readonly fraction: Fraction }
  | { readonly kind: 'double'; readonly rtp: number }
  | {
      readonly kind: 'simulated';
      readonly reasons: readonly string[];
      readonly rtp: number;
      readonly interval99: readonly [number, number];
      readonly rounds: number;
    }
  | { readonly kind: 'unknown'; readonly reasons: readonly string[] };

export interface RtpTargetVerdictInput {
  readonly target: RtpTarget | null;
  readonly rtp: TargetRtpInput;
}

const TITLE = 'RTP within the target ± tolerance';

/**
 * Verdict 2: the game's RTP lies in [target − tolerance, target + tolerance] — compared exactly
 * when the RTP is an exact fraction (the target read as the decimal it was written as). When a
 * binding max-win cap leaves no exact RTP, the simulated RTP's 99% interval must reach the band:
 * the simulation cannot refute the target, which is weaker and said so.
 */
export function rtpTargetVerdict(input: RtpTargetVerdictInput): Verdict {
  const { target, rtp } = input;
  const method =
    'PASS when |RTP − target| ≤ tolerance (exact rational arithmetic when the RTP is an exact fraction).';
  if (target === null) {
    return {
      id: 'rtp-target',
      title: TITLE,
      status: 'N/A',
      reason: 'the game declares no "rtp" target (its "rtp" key is missing)',
      method,
      figures: { rtp: rtp.kind === 'unknown' ? null : rtp.rtp, target: null, tolerance: null },
      details: rtp.kind === 'unknown' ? [] : [['RTP', rtp.rtp.toFixed(8)]],
      notes: [],
    };
  }
  const low = target.target - target.tolerance;
  const high = target.target + target.tolerance;
  const band = `${target.target} ± ${target.tolerance} (${low.toFixed(6)} … ${high.toFixed(6)}, ${target.source})`;
  const common = {
    id: 'rtp-target' as const,
    title: TITLE,
    method,
  };
  switch (rtp.kind) {
    case 'exact':
    case 'double': {
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
        summary: `${rtp.kind === 'exact' ? 'exact' : 'computed'} RTP ${rtp.rtp.toFixed(6)} is ${pass ? 'within' : 'outside'} ${band}: ${distance.toFixed(6)} from the target`,
        figures: {
          rtp: rtp.rtp,
          precision: rtp.kind,
          target: target.target,
          tolerance: target.tolerance,
          targetSource: target.source,
          distance,
        },
        details: [
          ['RTP', rtp.rtp.toFixed(8)],
          ['target', `${target.target} (${target.source})`],
          ['tolerance', String(target.tolerance)],
          ['|RTP − target|', distance.toFixed(8)],
        ],
        notes:
          rtp.kind === 'double'
            ? ['the RTP is computed in double precision from exact inputs (free-spin retrigger chain)']
            : [],
      };
    }
    case 'simulated': {
      const [lo, hi] = rtp.interval99;
      const pass = hi >= low && lo <= high;
      const conclusive = lo >= low && hi <= high;
      const notes = [
        `${rtp.reasons.join('; ')}: the RTP is known only from ${rtp.rounds.toLocaleString('en-US')} simulated rounds, so the test asks whether their 99% interval reaches the target band`,
      ];
      if (pass && !conclusive) {
        notes.push(
          `the interval (width ${(hi - lo).toFixed(6)}) is wider than the band (${(2 * target.tolerance).toFixed(6)}): the simulation does not refute the target but cannot confirm the tolerance; simulate more rounds to tighten it`,
        );
      }
      return {
        ...common,
        status: pass ? 'PASS' : 'FAIL',
        summary: `simulated RTP ${rtp.rtp.toFixed(6)} (99% interval ${lo.toFixed(6)} … ${hi.toFixed(6)}) ${pass ? 'reaches' : 'misses'} ${band}${pass && !conclusive ? ' (not conclusive)' : ''}`,
        figures: {
          rtp: rtp.rtp,
          precision: 'simulated',
          low: lo,
          high: hi,
          rounds: rtp.rounds,
          target: target.target,
          tolerance: target.tolerance,
          targetSource: target.source,
          conclusive,
        },
        details: [
          ['simulated RTP', rtp.rtp.toFixed(8)],
          ['99% interval', `${lo.toFixed(8)} … ${hi.toFixed(8)}`],
          ['rounds', rtp.rounds.toLocaleString('en-US')],
          ['target', `${target.target} (${target.source})`],
          ['tolerance', String(target.tolerance)],
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
