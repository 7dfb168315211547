import type { Game } from '../engine/model.js';
import { isRoundOutcomeV2, type AnyRoundOutcome } from '../engine/outcome.js';
import { playRound } from '../engine/round.js';
import type { Draw } from '../rng/draw.js';
import { ReplayMismatchError, ReplayRng, describeReplayMismatch } from '../rng/index.js';
import { diffValues, type ValueDiff } from './diff-values.js';
import type { DrawPair, RoundRecord } from './record.js';
import { stakeOf } from './round-outcome.js';

/** At most this many differing fields are reported for one record (a record rewritten wholesale). */
export const MAX_DIFFS_PER_RECORD = 64;

export interface ReplayProblem {
  readonly kind: 'replay-draws' | 'replay-outcome';
  readonly field: string;
  readonly recorded: unknown;
  readonly expected: unknown;
  readonly message: string;
}

export interface ReplayResult {
  /** The outcome the engine produced from the recorded draws, or null when it could not finish. */
  readonly outcome: AnyRoundOutcome | null;
  readonly problems: readonly ReplayProblem[];
}

/** A round played again from its recorded draws: the outcome, and how the draws were used. */
export interface DrawReplay {
  /** Null when the round could not finish on the recorded draws. */
  readonly outcome: AnyRoundOutcome | null;
  readonly problems: readonly ReplayProblem[];
}

/**
 * Plays a round with the compiled game, serving the recorded draws through the `Rng` interface:
 * the round must ask for exactly the recorded bounds and use every recorded draw.
 */
export function replayDraws(game: Game, recorded: readonly DrawPair[], algorithm: string): DrawReplay {
  const draws: Draw[] = new Array<Draw>(recorded.length);
  for (let i = 0; i < draws.length; i++) {
    const pair = recorded[i]!;
    draws[i] = { bound: pair[0], value: pair[1] };
  }
  const rng = new ReplayRng(draws, algorithm);
  let outcome: AnyRoundOutcome;
  try {
    outcome = playRound(game, rng);
  } catch (error) {
    if (error instanceof ReplayMismatchError)
      return { outcome: null, problems: [drawProblem(error, recorded)] };
    const message = error instanceof Error ? error.message : String(error);
    return {
      outcome: null,
      problems: [
        {
          kind: 'replay-draws',
          field: 'draws',
          recorded: undefined,
          expected: undefined,
          message: `the engine failed on the recorded draws: ${message}`,
        },
      ],
    };
  }
  if (rng.remaining === 0) return { outcome, problems: [] };
  return {
    outcome,
    problems: [
      {
        kind: 'replay-draws',
        field: `draws[${rng.consumed}]`,
        recorded: recorded[rng.consumed],
        expected: undefined,
        message: `the round used ${rng.consumed} draws; ${rng.remaining} more are recorded`,
      },
    ],
  };
}

/**
 * Replays a recorded round (or takes `replay`, when the caller already played its draws) and
 * compares: the round must use exactly the recorded draws and produce exactly the recorded
 * outcome (the whole record, either format) and stake (the bet; a format-2 mode's cost).
 */
export function replayRecord(game: Game, record: RoundRecord, replay?: DrawReplay): ReplayResult {
  const { outcome, problems: drawProblems } = replay ?? replayDraws(game, record.draws, record.rng);
  if (outcome === null) return { outcome, problems: drawProblems };
  const problems: ReplayProblem[] = [...drawProblems];
  const stake = stakeOf(outcome);
  if (record.stake !== stake) {
    problems.push({
      kind: 'replay-outcome',
      field: 'stake',
      recorded: record.stake,
      expected: stake,
      message: isRoundOutcomeV2(outcome)
        ? `the stake is not the cost of mode ${JSON.stringify(outcome.mode)}`
        : "the stake is not the game's bet",
    });
  }
  // The verifier's fast path hands over the replayed outcome as the record's when their texts match.
  if (record.outcome === outcome) return { outcome, problems };
  const diffs: ValueDiff[] = [];
  diffValues(outcome, record.outcome, 'outcome', diffs, MAX_DIFFS_PER_RECORD);
  for (const d of diffs) {
    problems.push({
      kind: 'replay-outcome',
      ...d,
      message: `replay gives ${describe(d.expected)}, the record has ${describe(d.recorded)}`,
    });
  }
  if (diffs.length >= MAX_DIFFS_PER_RECORD) {
    problems.push({
      kind: 'replay-outcome',
      field: 'outcome',
      recorded: undefined,
      expected: undefined,
      message: `more than ${MAX_DIFFS_PER_RECORD} fields of the outcome differ; the rest are not listed`,
    });
  }
  return { outcome, problems };
}

function drawProblem(error: ReplayMismatchError, draws: readonly DrawPair[]): ReplayProblem {
  const m = error.mismatch;
  const field = `draws[${m.index}]`;
  const recorded = draws[m.index];
  switch (m.kind) {
    case 'bound':
      return {
        kind: 'replay-draws',
        field,
        recorded,
        expected: [m.requestedBound, '?'],
        message: describeReplayMismatch(m),
      };
    case 'exhausted':
      return {
        kind: 'replay-draws',
        field,
        recorded: undefined,
        expected: [m.requestedBound, '?'],
        message: describeReplayMismatch(m),
      };
    case 'value':
      return {
        kind: 'replay-draws',
        field,
        recorded,
        expected: `a value in [0, ${m.bound})`,
        message: describeReplayMismatch(m),
      };
    default: {
      const unknown: never = m;
      throw new Error(`unknown replay mismatch ${String(unknown)}`);
    }
  }
}

/** A short rendering of a JSON value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
