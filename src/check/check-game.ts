import { format2Mechanic } from '../engine/classic.js';
import { analyzeFormat2 } from '../math/format2/analyze-format2.js';
import { namedGameIdentity } from '../game/identity.js';
import { exactRtpInput, targetRtpInput } from '../certify/build-report.js';
import { rtpTargetVerdict } from '../certify/verdict-rtp-target.js';
import type { Verdict } from '../certify/verdict.js';
import { winBounds } from '../game/win-bounds.js';
import type { RtpTarget } from '../certify/verdict-rtp-target.js';
import type { Game } from '../engine/model.js';
import { analyzeGameCancellable } from '../math/analyze-cancellable.js';
import { exactAnalysis, INLINE_LIMIT } from '../math/index.js';
import type { Analysis } from '../math/index.js';
import { enumerationSize } from '../math/cycle-run.js';
import { toText } from '../math/fraction.js';
import { DEFAULT_SIM_RNG } from '../rng/index.js';
import type { RngName } from '../rng/index.js';
import { simulate } from '../sim/simulate.js';
import type { SimulationReport } from '../sim/simulate.js';
import type { CheckResult } from './check-types.js';
import { agreementVerdict, simulatedTargetVerdict } from './check-verdicts.js';
import type { SimulatedRtp } from './check-verdicts.js';

/**
 * The fixed defaults of `check`'s simulations, so a CI job never flakes: the same rounds are played
 * on every run. A game whose RTP a binding max-win cap leaves inexact is simulated even without
 * `--simulate` (CAP_SPINS rounds).
 */
export const CHECK_DEFAULTS = {
  seed: 'slotsim-check',
  rng: DEFAULT_SIM_RNG,
  capSpins: 10_000_000,
} as const;

/**
 * Rounds of the format-2 analysis's own stand-in simulation when `check` runs it: none of its
 * simulated figures is used (only an RTP that is exact), so it is kept token-sized.
 */
const FORMAT2_TOKEN_ROUNDS = 1_000;

export interface CheckGameInput {
  readonly file: string;
  readonly game: Game;
  readonly text: string;
  readonly target: RtpTarget;
}

export interface CheckOptions {
  /** `--simulate N`: rounds to simulate for every game, or null. */
  readonly simulate: number | null;
  /** Format 2: spins the exact analysis may enumerate (default `SPIN_BUDGET`, 2 × 10⁹). */
  readonly budget?: number;
  readonly seed: string;
  readonly rng: RngName;
  readonly threads: number;
  /** Rounds simulated for a game without exact RTP when `simulate` is null. */
  readonly capSpins: number;
  readonly signal?: AbortSignal;
  /** The exact analysis's enumeration (format 2, combinations), then the simulation (rounds). */
  readonly onProgress?: (done: number, total: number, unit: 'combinations' | 'rounds') => void;
}

/**
 * The exact analysis, fast: no enumeration unless a small one makes a figure exact or gives the sd.
 * With a signal it runs on a worker thread, so Ctrl-C stops it at once (`analyzeGameCancellable`).
 */
async function quickAnalysis(
  game: Game,
  wantSd: boolean,
  signal: AbortSignal | undefined,
): Promise<Analysis> {
  const small = enumerationSize(game) <= INLINE_LIMIT;
  const quick = await analyzeGameCancellable(game, { inlineLimit: 0 }, signal);
  return small && (!quick.exact || wantSd) ? analyzeGameCancellable(game, {}, signal) : quick;
}

/** `check` of one game (one variant and mode): its RTP against the target, and a simulation when asked or needed. */
export async function checkGame(input: CheckGameInput, options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const { game } = input;
  let analysis: Analysis;
  if (format2Mechanic(game) !== null) {
    // Format 2: the exact analysis within its budget. Its stand-in simulation is not used here (a
    // token one): an RTP it cannot give exactly is gated on the check's own simulation, below.
    const format2 = await analyzeFormat2(game, {
      threads: options.threads,
      rtpOnly: true,
      ...(options.budget === undefined ? {} : { budget: options.budget }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined
        ? {}
        : { onProgress: (done: number, total: number) => options.onProgress?.(done, total, 'combinations') }),
      simulation: { rounds: FORMAT2_TOKEN_ROUNDS, seed: options.seed, rng: options.rng },
    });
    analysis = format2;
  } else {
    const quick = await quickAnalysis(game, options.simulate !== null, options.signal);
    // A binding cap: its exact capped figures come from the enumerated cycles (on the pool).
    analysis =
      quick.exact || game.maxWinCredits === null
        ? quick
        : await exactAnalysis(game, {
            threads: options.threads,
            enumerate: 'when-capped',
            ...(options.signal === undefined ? {} : { signal: options.signal }),
          });
  }
  const known =
    analysis.rtp.precision === 'exact' ||
    analysis.rtp.precision === 'exact-double' ||
    analysis.rtp.precision === 'exact-expectation';
  const spins = options.simulate ?? (known ? null : options.capSpins);
  let report: SimulationReport | null = null;
  if (spins !== null) {
    report = await simulate({
      game,
      spins,
      seed: options.seed,
      rng: options.rng,
      threads: options.threads,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined
        ? {}
        : { onProgress: (done: number) => options.onProgress?.(done, spins, 'rounds') }),
    });
  }
  // Tests on a simulation are made at the check's level, 10⁻⁴ (check-level.ts); the exact target
  // verdict samples nothing.
  const simulated: SimulatedRtp | null =
    report === null
      ? null
      : {
          rtp: report.rtp,
          rounds: report.spins,
          sd: report.sd,
          range: [0, winBounds(game).round / game.cost],
        };
  const exactTarget = targetRtpInput(analysis, null);
  const verdicts: Verdict[] = [
    exactTarget.kind === 'unknown' && simulated !== null
      ? simulatedTargetVerdict(input.target, simulated, analysis.notExact)
      : rtpTargetVerdict({ target: input.target, rtp: exactTarget }),
  ];
  if (simulated !== null && report !== null && options.simulate !== null) {
    verdicts.push(agreementVerdict(exactRtpInput(analysis, report.sd), simulated));
  }
  // A simulated RTP is the check's own simulation's (never the analysis's token stand-in).
  const rtp =
    analysis.rtp.precision === 'simulated' && report !== null
      ? { value: report.rtp, exact: null, precision: 'simulated' as const }
      : analysis.rtp;
  return {
    file: input.file,
    game: namedGameIdentity(game),
    mode: game.mode,
    target: input.target,
    rtp: {
      value: rtp.value,
      precision: rtp.precision,
      fraction:
        (rtp.precision === 'exact' || rtp.precision === 'exact-expectation') && rtp.exact !== null
          ? toText(rtp.exact)
          : null,
    },
    notExact: analysis.notExact,
    simulation:
      report === null
        ? null
        : {
            spins: report.spins,
            seed: report.seed,
            rng: report.rng,
            rtp: report.rtp,
            sd: report.sd,
            interval99: report.confidence['99'],
            why: options.simulate !== null ? 'requested' : 'no exact RTP',
          },
    verdicts,
    // A CI gate passes only what it confirmed: an INCONCLUSIVE verdict fails the case as FAIL does.
    passed: verdicts.every((v) => v.status === 'PASS' || v.status === 'N/A'),
    elapsedSeconds: (performance.now() - started) / 1000,
  };
}
