/**
 * The verdicts of `check` that rest on a simulation, made at the check's level (`check-level.ts`,
 * 10⁻⁴ per test) instead of the certification report's 1 %. The exact target verdict, which samples
 * nothing, is the report's own (`rtpTargetVerdict`).
 */
import type { ExactRtpInput } from '../certify/verdict-rtp-exact.js';
import type { RtpTarget } from '../certify/verdict-rtp-target.js';
import type { Verdict } from '../certify/verdict.js';
import { clipInterval, MIN_INTERVAL_ROUNDS } from '../stats/confidence.js';
import { CASE_Z } from './check-level.js';
import { declaredBand, declaredPercent, declaredPoints, percent, signedFixed } from '../report/format.js';

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
      details: [['simulated RTP', percent(simulated.rtp, 6)]],
      notes: [...exact.reasons],
    };
  }
  const half = (CASE_Z * exact.sd) / Math.sqrt(simulated.rounds);
  const [low, high] = clipInterval([exact.rtp - half, exact.rtp + half], simulated.range);
  const pass = simulated.rtp >= low && simulated.rtp <= high;
  if (simulated.rounds < MIN_INTERVAL_ROUNDS) return tooFew(title, method, simulated, 'rtp-exact');
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
    summary: `simulated ${percent(simulated.rtp)} is ${pass ? 'inside' : 'outside'} ${percent(low)} … ${percent(high)}, the interval at ${LEVEL} around the exact ${percent(exact.rtp)} (z = ${signedFixed(z, 2)})`,
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
      ['exact RTP', percent(exact.rtp, 6)],
      ['simulated RTP', percent(simulated.rtp, 6)],
      [`sd per round (${exact.sdSource})`, exact.sd.toFixed(6)],
      ['rounds', simulated.rounds.toLocaleString('en-US')],
      ['interval (10⁻⁴ level)', `${percent(low, 6)} … ${percent(high, 6)}`],
      ['z', signedFixed(z, 3)],
    ],
    notes,
  };
}

/**
 * A game without an exact RTP against its target, from its simulation (as the certification
 * report judges it, at the check's level): PASS when the interval at the 10⁻⁴ level lies inside
 * the band target ± tolerance, FAIL when it lies wholly outside, INCONCLUSIVE when it crosses an
 * edge (the rounds cannot confirm the tolerance; the verdict says how many would).
 */
export function simulatedTargetVerdict(
  target: RtpTarget,
  simulated: SimulatedRtp,
  reasons: readonly string[],
): Verdict {
  const method = `PASS when the simulated RTP's interval at ${LEVEL} lies inside [target − tolerance, target + tolerance], FAIL when it lies wholly outside, INCONCLUSIVE otherwise.`;
  const title = 'RTP within the target ± tolerance';
  if (simulated.rounds < MIN_INTERVAL_ROUNDS) return tooFew(title, method, simulated, 'rtp-target');
  const half = (CASE_Z * simulated.sd) / Math.sqrt(simulated.rounds);
  const [lo, hi] = clipInterval([simulated.rtp - half, simulated.rtp + half], simulated.range);
  const low = target.target - target.tolerance;
  const high = target.target + target.tolerance;
  const inside = lo >= low && hi <= high;
  const outside = hi < low || lo > high;
  const status = inside ? 'PASS' : outside ? 'FAIL' : 'INCONCLUSIVE';
  const band = `${declaredBand(target.target, target.tolerance)} (${declaredPercent(low)} … ${declaredPercent(high)}, ${target.source})`;
  // Rounds after which the interval, centred where the estimate is now, would clear the nearest edge.
  const room =
    simulated.rtp < low
      ? low - simulated.rtp
      : simulated.rtp > high
        ? simulated.rtp - high
        : Math.min(simulated.rtp - low, high - simulated.rtp);
  const settle = room > 0 ? Math.max(1, Math.ceil(((CASE_Z * simulated.sd) / room) ** 2)) : null;
  const notes = [
    `${reasons.join('; ')}: the RTP is known only from ${simulated.rounds.toLocaleString('en-US')} simulated rounds, so the verdict rests on their interval at ${LEVEL}: PASS inside the band, FAIL wholly outside, INCONCLUSIVE otherwise`,
  ];
  if (status === 'INCONCLUSIVE') {
    notes.push(
      settle === null
        ? 'no number of rounds can settle it while the estimate sits on the edge of the band'
        : `about ${settle.toLocaleString('en-US')} rounds would settle it if the estimate stays at ${percent(simulated.rtp)}`,
    );
  }
  return {
    id: 'rtp-target',
    title,
    status,
    summary: `simulated RTP ${percent(simulated.rtp)}: its interval ${percent(lo)} … ${percent(hi)} at the 10⁻⁴ level lies ${inside ? 'inside' : outside ? 'wholly outside' : 'across an edge of'} ${band}`,
    method,
    figures: {
      rtp: simulated.rtp,
      precision: 'simulated',
      low: lo,
      high: hi,
      rounds: simulated.rounds,
      target: target.target,
      tolerance: target.tolerance,
      targetSource: target.source,
      roundsToSettle: status === 'INCONCLUSIVE' ? settle : null,
      level: 1e-4,
    },
    details: [
      ['simulated RTP', percent(simulated.rtp, 6)],
      ['interval (10⁻⁴ level)', `${percent(lo, 6)} … ${percent(hi, 6)}`],
      ['rounds', simulated.rounds.toLocaleString('en-US')],
      ['target', `${declaredPercent(target.target)} (${target.source})`],
      ['tolerance', declaredPoints(target.tolerance)],
    ],
    notes,
  };
}

/** A test on fewer rounds than any interval needs (`MIN_INTERVAL_ROUNDS`): INCONCLUSIVE. */
function tooFew(
  title: string,
  method: string,
  simulated: SimulatedRtp,
  id: 'rtp-exact' | 'rtp-target',
): Verdict {
  return {
    id,
    title,
    status: 'INCONCLUSIVE',
    summary: `${simulated.rounds.toLocaleString('en-US')} simulated round${simulated.rounds === 1 ? ' settles' : 's settle'} nothing: a test needs at least ${MIN_INTERVAL_ROUNDS}`,
    method,
    figures: {
      simulatedRtp: simulated.rtp,
      rounds: simulated.rounds,
      roundsToSettle: MIN_INTERVAL_ROUNDS,
      level: 1e-4,
    },
    details: [
      ['simulated RTP', percent(simulated.rtp, 6)],
      ['rounds', simulated.rounds.toLocaleString('en-US')],
    ],
    notes: [],
  };
}
