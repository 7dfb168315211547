import { interval } from '../stats/confidence.js';

/** The game's RTP from exact analysis, as the caller computed it. */
export interface ExactRtp {
  readonly value: number;
  /**
   * How it was computed: "exact" and "exact-double" are the game's true RTP; "uncapped" (the cap can
   * bind) and "simulated" are not exact, so the log's interval is not checked against them.
   */
  readonly precision: 'exact' | 'exact-double' | 'exact-expectation' | 'uncapped' | 'simulated';
}

export interface RtpFigures {
  readonly rounds: number;
  readonly staked: number;
  readonly won: number;
  /** Won ÷ staked over the log's rounds. */
  readonly rtp: number;
  /** Standard deviation of one round's win per credit staked. */
  readonly sd: number;
  /**
   * rtp ± 2.576·sd/√rounds, clipped to what an RTP can be (≥ 0); null with fewer than two rounds.
   */
  readonly interval99: readonly [number, number] | null;
  /**
   * Too few rounds for the interval to say anything about the game: fewer than
   * `MIN_ROUNDS_FOR_INTERVAL`, or an interval so wide that it reaches below 0 before clipping (the
   * rounds cannot even tell the RTP from zero). The interval is then shown, marked, and not
   * compared with the exact RTP.
   */
  readonly tooFewRounds: boolean;
  /** The game's RTP from analysis, when the caller knows it. */
  readonly exact: ExactRtp | null;
  /** Whether an exact RTP lies in the 99% interval (null when there is nothing to compare, or too few rounds). */
  readonly exactInInterval: boolean | null;
}

/**
 * Below this many rounds the normal approximation behind the interval is not trusted (slot wins are
 * far from normal: a few large wins carry much of the RTP).
 */
export const MIN_ROUNDS_FOR_INTERVAL = 100;

/** Sums of the log's rounds for its RTP and a 99% confidence interval. */
export class RtpTally {
  private rounds = 0;
  private staked = 0;
  private won = 0;
  private sumX = 0;
  private sumX2 = 0;

  add(stake: number, win: number): void {
    this.rounds++;
    this.staked += stake;
    this.won += win;
    const x = win / stake;
    this.sumX += x;
    this.sumX2 += x * x;
  }

  figures(exact: ExactRtp | null): RtpFigures {
    const n = this.rounds;
    const rtp = this.staked > 0 ? this.won / this.staked : 0;
    const mean = n > 0 ? this.sumX / n : 0;
    const variance = n > 1 ? Math.max(0, (this.sumX2 - n * mean * mean) / (n - 1)) : 0;
    const sd = Math.sqrt(variance);
    const raw = n < 2 ? null : interval(rtp, sd, n, 99);
    const interval99: readonly [number, number] | null = raw === null ? null : [Math.max(0, raw[0]), raw[1]];
    const tooFewRounds = n < MIN_ROUNDS_FOR_INTERVAL || raw === null || raw[0] < 0;
    const comparable =
      exact !== null && !tooFewRounds && (exact.precision === 'exact' || exact.precision === 'exact-double');
    return {
      rounds: n,
      staked: this.staked,
      won: this.won,
      rtp,
      sd,
      interval99,
      tooFewRounds,
      exact,
      exactInInterval:
        interval99 === null || !comparable
          ? null
          : exact.value >= interval99[0] && exact.value <= interval99[1],
    };
  }
}
