/**
 * The verdicts of `check` that rest on a simulation, made at the check's level (`check-level.ts`,
 * 10⁻⁴ per test) instead of the certification report's 1 %. The exact target verdict, which samples
 * nothing, is the report's own (`rtpTargetVerdict`).
 */
import type { ExactRtpInput } from '../certify/verdict-rtp-exact.js';
import type { RtpTarget } from '../certify/verdict-rtp-target.js';
import type { Verdict } from '../certify/verdict.js';
import { clipInterval } from '../stats/confidence.js';
import { CASE_Z } from './check-level.js';

const LEVEL = `the 10⁻⁴ level (± ${CASE_Z.toFixed(4)} sd/√n)`;

export interface SimulatedRtp {
  readonly rtp: number;
  readonly rounds: number;
  /** The simulation's own sd of a round (× stake). */
  readonly sd: number;
  /** The RTP's possible range, to clip intervals to. */
  readonly range: readonly [number, number];
}

/** Simulated RTP against the exact RTP: it must lie in exact ± CASE_Z · sd / √n. */
export function agreementVerdict(exact: ExactRtpInput, simulated: SimulatedRtp): Verdict {
  const title = 'Simulated RTP agrees with the exact RTP';
  const method = `The simulated RTP must lie inside exact RTP ± ${CASE_Z.toFixed(4)} × sd / √rounds: a test at the 10⁻⁴ level, so a correct game fails it in one run out of 10,000.`;
  if (exact.kind === 'unknown') {
    return {
      id: 'rtp-exact',
      title,
      status: 'N/A',
      reason: `no exact RTP to compare with: ${exact.reasons.join('; ')}`,
      method,
      figures: { simulatedRtp: simulated.rtp, rounds: simulated.rounds, uncappedRtp: exact.uncappedRtp },
      details: [['simulated RTP', simulated.rtp.toFixed(6)]],
      notes: [...exact.reasons],
    };
  }
  const half = (CASE_Z * exact.sd) / Math.sqrt(simulated.rounds);
  const [low, high] = clipInterval([exact.rtp - half, exact.rtp + half], simulated.range);
  const pass = simulated.rtp >= low && simulated.rtp <= high;
  const z =
    half > 0 ? ((simulated.rtp - exact.rtp) * CASE_Z) / half : simulated.rtp === exact.rtp ? 0 : Infinity;
  const notes: string[] = [];
  if (exact.sdSource === 'simulated') {
    notes.push("the exact sd needs the whole cycle enumerated: the interval uses the simulation's own sd");
  }
  return {
    id: 'rtp-exact',
    title,
    status: pass ? 'PASS' : 'FAIL',
    summary: `simulated ${simulated.rtp.toFixed(6)} is ${pass ? 'inside' : 'outside'} ${low.toFixed(6)} … ${high.toFixed(6)}, the interval at ${LEVEL} around the exact ${exact.rtp.toFixed(6)} (z = ${z.toFixed(2)})`,
    method,
    figures: {
      exactRtp: exact.rtp,
      simulatedRtp: simulated.rtp,
      rounds: simulated.rounds,
      sd: exact.sd,
      sdSource: exact.sdSource,
      low,
      high,
      z,
      level: 1e-4,
    },
    details: [
      ['exact RTP', exact.rtp.toFixed(8)],
      ['simulated RTP', simulated.rtp.toFixed(8)],
      [`sd per round (${exact.sdSource})`, exact.sd.toFixed(6)],
      ['rounds', simulated.rounds.toLocaleString('en-US')],
      ['interval (10⁻⁴ level)', `${low.toFixed(8)} … ${high.toFixed(8)}`],
      ['z', z.toFixed(3)],
    ],
    notes,
  };
}

/**
 * A game without an exact RTP (its cap binds) against its target: PASS when the simulated RTP's
 * interval at the 10⁻⁴ level reaches the band target ± tolerance (the simulation cannot refute it).
 */
export function simulatedTargetVerdict(
  target: RtpTarget,
  simulated: SimulatedRtp,
  reasons: readonly string[],
): Verdict {
  const half = (CASE_Z * simulated.sd) / Math.sqrt(simulated.rounds);
  const [lo, hi] = clipInterval([simulated.rtp - half, simulated.rtp + half], simulated.range);
  const low = target.target - target.tolerance;
  const high = target.target + target.tolerance;
  const pass = hi >= low && lo <= high;
  const conclusive = lo >= low && hi <= high;
  const band = `${target.target} ± ${target.tolerance} (${low.toFixed(6)} … ${high.toFixed(6)}, ${target.source})`;
  const notes = [
    `${reasons.join('; ')}: the RTP is known only from ${simulated.rounds.toLocaleString('en-US')} simulated rounds, so the test asks whether their interval at ${LEVEL} reaches the target band`,
  ];
  if (pass && !conclusive) {
    notes.push(
      `the interval (width ${(hi - lo).toFixed(6)}) is wider than the band (${(2 * target.tolerance).toFixed(6)}): the simulation does not refute the target but cannot confirm the tolerance; simulate more rounds to tighten it`,
    );
  }
  return {
    id: 'rtp-target',
    title: 'RTP within the target ± tolerance',
    status: pass ? 'PASS' : 'FAIL',
    summary: `simulated RTP ${simulated.rtp.toFixed(6)} (interval ${lo.toFixed(6)} … ${hi.toFixed(6)} at the 10⁻⁴ level) ${pass ? 'reaches' : 'misses'} ${band}${pass && !conclusive ? ' (not conclusive)' : ''}`,
    method: `PASS when the simulated RTP's interval at ${LEVEL} reaches [target − tolerance, target + tolerance].`,
    figures: {
      rtp: simulated.rtp,
      precision: 'simulated',
      low: lo,
      high: hi,
      rounds: simulated.rounds,
      target: target.target,
      tolerance: target.tolerance,
      targetSource: target.source,
      conclusive,
      level: 1e-4,
    },
    details: [
      ['simulated RTP', simulated.rtp.toFixed(8)],
      ['interval (10⁻⁴ level)', `${lo.toFixed(8)} … ${hi.toFixed(8)}`],
      ['rounds', simulated.rounds.toLocaleString('en-US')],
      ['target', `${target.target} (${target.source})`],
      ['tolerance', String(target.tolerance)],
    ],
    notes,
  };
}
