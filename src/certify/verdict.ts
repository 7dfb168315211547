/**
 * A verdict of the certification report or of `check`: PASS or FAIL with the numbers behind it,
 * or N/A with the reason the test cannot be made honestly.
 */

/** Every test is made at the 1% level (the 99% interval). */
export const ALPHA = 0.01;
/** Two-sided standard normal quantile of the 99% interval. */
export const Z99 = 2.5758293035489004;

export type VerdictId = 'rtp-exact' | 'rtp-target' | 'combinations' | 'rng';

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
  | (VerdictCommon & { readonly status: 'PASS' | 'FAIL'; readonly summary: string })
  | (VerdictCommon & { readonly status: 'N/A'; readonly reason: string });

export type VerdictStatus = Verdict['status'];

/** The one-line text of a verdict: its summary, or why it is not applicable. */
export function verdictLine(verdict: Verdict): string {
  switch (verdict.status) {
    case 'PASS':
    case 'FAIL':
      return verdict.summary;
    case 'N/A':
      return verdict.reason;
    default: {
      const never: never = verdict;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}

/** FAIL when any verdict fails; PASS otherwise (N/A verdicts do not fail a report). */
export function overallStatus(verdicts: readonly Verdict[]): 'PASS' | 'FAIL' {
  return verdicts.some((v) => v.status === 'FAIL') ? 'FAIL' : 'PASS';
}
