import type { NamedGameIdentity } from '../game/identity.js';
import type { FalseAlarmRate } from './check-level.js';
import type { RtpTarget } from '../certify/verdict-rtp-target.js';
import type { Verdict } from '../certify/verdict.js';
import type { Precision } from '../math/analysis-types.js';

/** One game (one variant) as `check` judged it. */
export interface CheckResult {
  /** The game file as named on the command line. */
  readonly file: string;
  readonly game: NamedGameIdentity;
  /** The bet mode checked ("base": the game as written); its figures are per credit staked in it. */
  readonly mode: string;
  readonly target: RtpTarget;
  /** The exact analysis's RTP: its value, how it was obtained, the fraction when exact. */
  readonly rtp: { readonly value: number; readonly precision: Precision; readonly fraction: string | null };
  /** Why figures are not exact (a binding max-win cap), empty when they are. */
  readonly notExact: readonly string[];
  readonly simulation: CheckSimulation | null;
  /** The target verdict first, then (with `--simulate`) the simulation's agreement with the exact RTP. */
  readonly verdicts: readonly Verdict[];
  readonly passed: boolean;
  readonly elapsedSeconds: number;
}

export interface CheckSimulation {
  readonly spins: number;
  readonly seed: string;
  readonly rng: string;
  readonly rtp: number;
  readonly sd: number;
  readonly interval99: readonly [number, number];
  /**
   * `requested`: `--simulate N`; `no exact RTP`: a binding cap left no exact figure to check, or the
   * game uses a format-2 mechanic the exact analysis does not cover yet.
   */
  readonly why: 'requested' | 'no exact RTP';
}

export interface CheckReport {
  readonly passed: boolean;
  readonly results: readonly CheckResult[];
  /** The run's simulation tests and the chance, at most, that a run of correct games fails. */
  readonly falseAlarm: FalseAlarmRate;
  readonly elapsedSeconds: number;
}
