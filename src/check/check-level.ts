/**
 * The false-alarm rate of `check`. A CI gate runs on every push: a test that a correct game fails
 * once in 100 runs (the 1 % level of a certification report) fails some build every week. So each
 * simulation test of `check` is made at the 10⁻⁴ level, and a run of k such tests FAILs a correct
 * game with probability at most k × 10⁻⁴ (Bonferroni: the chance that any of k tests fails is at
 * most the sum of their chances, whatever their dependence), which the output states. (A simulated
 * RTP whose interval crosses an edge of its target band is INCONCLUSIVE, which also fails the gate:
 * not a false alarm, but rounds too few to confirm the tolerance.)
 */

/** The two-sided level of each simulation test. */
export const CASE_ALPHA = 1e-4;

/** Φ⁻¹(1 − CASE_ALPHA / 2): the test's interval is mean ± CASE_Z · sd / √n. */
export const CASE_Z = 3.890591886413094;

/** The false-alarm rate of one run: its simulation tests, each at CASE_ALPHA, and the Bonferroni bound. */
export interface FalseAlarmRate {
  /** Simulation tests made in the run (at most one per game and variant). */
  readonly tests: number;
  readonly perTest: number;
  /** min(1, tests × perTest): the chance that a run of correct games fails, at most. */
  readonly atMost: number;
}

export function falseAlarmRate(tests: number): FalseAlarmRate {
  return { tests, perTest: CASE_ALPHA, atMost: Math.min(1, tests * CASE_ALPHA) };
}

/** "3 simulation tests at 10⁻⁴ each: a false alarm in at most 0.03 % of runs (Bonferroni)". */
export function falseAlarmText(rate: FalseAlarmRate): string {
  if (rate.tests === 0) return 'No simulation test in this run: every verdict is exact (no false alarms).';
  const percent = `${(rate.atMost * 100).toFixed(2).replace(/\.?0+$/, '')} %`;
  return `${rate.tests} simulation test${rate.tests === 1 ? '' : 's'} at the 10⁻⁴ level each: a correct game fails this run with probability at most ${percent} (Bonferroni, ${rate.tests} × 10⁻⁴).`;
}

/** Whether a verdict is a simulation test made at CASE_ALPHA (a PASS or FAIL at the check's level). */
export function isSimulationTest(verdict: {
  readonly status: string;
  readonly figures: Readonly<Record<string, unknown>>;
}): boolean {
  return verdict.status !== 'N/A' && verdict.figures.level === CASE_ALPHA;
}
