/**
 * A verdict of the certification report or of `check`: PASS or FAIL with the numbers behind it;
 * INCONCLUSIVE when the test was made but the rounds given cannot settle it (the verdict then says
 * how many would); or N/A with the reason the test does not apply.
 */

/** Every test is made at the 1% level (the 99% interval). */
export const ALPHA = 0.01;
/** Two-sided standard normal quantile of the 99% interval. */
export const Z99 = 2.5758293035489004;

export type VerdictId = 'rtp-exact' | 'rtp-target' | 'combinations' | 'rng' | 'components' | 'features';

/** Machine-readable figures behind a verdict (numbers are fractions of the stake where RTP). */
export type VerdictFigures = Readonly<Record<string, number | string | boolean | null>>;

interface VerdictCommon {
  readonly id: VerdictId;
  readonly title: string;
  /** How the test is made, in one or two sentences. */
  readonly method: string;
  readonly figures: VerdictFigures;
  /** The same figures for people: [label, formatted value]. */
  readonly details: readonly (readonly [string, string])[];
  /** Caveats the reader must see next to the verdict (e.g. a binding cap). */
  readonly notes: readonly string[];
}

export type Verdict =
  | (VerdictCommon & { readonly status: 'PASS' | 'FAIL' | 'INCONCLUSIVE'; readonly summary: string })
  | (VerdictCommon & { readonly status: 'N/A'; readonly reason: string });

/** The overall result of a report: FAIL, else INCONCLUSIVE, else PASS. */
export type OverallStatus = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

export type VerdictStatus = Verdict['status'];

/** The one-line text of a verdict: its summary, or why it is not applicable. */
export function verdictLine(verdict: Verdict): string {
  switch (verdict.status) {
    case 'PASS':
    case 'FAIL':
    case 'INCONCLUSIVE':
      return verdict.summary;
    case 'N/A':
      return verdict.reason;
    default: {
      const never: never = verdict;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}

/**
 * FAIL when any verdict fails; otherwise INCONCLUSIVE when any could not be settled with the
 * rounds given; PASS otherwise (N/A verdicts neither fail nor settle anything).
 */
export function overallStatus(verdicts: readonly Verdict[]): OverallStatus {
  if (verdicts.some((v) => v.status === 'FAIL')) return 'FAIL';
  if (verdicts.some((v) => v.status === 'INCONCLUSIVE')) return 'INCONCLUSIVE';
  return 'PASS';
}

/**
 * Rounds after which a 99% interval of half-width z·sd/√n is at most `room` wide (the interval of
 * an estimate that stays where it is then fits `room`): ⌈(z·sd / room)²⌉; null when no number of
 * rounds can (room ≤ 0).
 */
export function roundsToSettle(sd: number, room: number): number | null {
  if (!(room > 0)) return null;
  return Math.max(1, Math.ceil(((Z99 * sd) / room) ** 2));
}

/**
 * Cochran's rule for the normal approximation of a mean of n rounds whose win has skewness γ:
 * n > 25·γ² (Cochran, Sampling Techniques, 3rd ed., §2.15). Below it the 99% interval of the
 * simulated RTP is not trustworthy, so a verdict on it is INCONCLUSIVE.
 */
export function minimumRounds(skewness: number): number {
  return Math.max(2, Math.ceil(25 * skewness * skewness));
}
