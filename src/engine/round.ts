import type { Rng } from '../rng/rng.js';
import { refuseFormat2Mechanics } from './classic.js';
import type { Game } from './model.js';
import type { AnyRoundOutcome, RoundOutcome, RoundOutcomeV2 } from './outcome.js';
import { OutcomeRecorder } from './outcome-recorder.js';
import { RoundFlow } from './round-flow.js';
import { V1OutcomeRecorder } from './v1-outcome-recorder.js';

/**
 * Plays one whole round of a game of either format, drawing from `rng` in exactly the order of
 * the format spec, and returns its record: format 1's `RoundOutcome` for a `slotsim/1` game, the
 * format-2 record (`RoundOutcomeV2`) for a `slotsim/2` game. Pure: everything random comes from
 * `rng`, and the same draws always give the same outcome.
 */
export function playRound(game: Game, rng: Rng): AnyRoundOutcome {
  return game.format === 1 ? playRoundV1(game, rng) : playRoundV2(game, rng);
}

const flows = new WeakMap<Game, RoundFlow>();

/** The game's round flow (one per game, reused round after round). */
export function roundFlowOf(game: Game): RoundFlow {
  let flow = flows.get(game);
  if (flow === undefined) {
    flow = new RoundFlow(game);
    flows.set(game, flow);
  }
  return flow;
}

/** A round of a format-2 game, through the round flow with the outcome recorder. */
export function playRoundV2(game: Game, rng: Rng): RoundOutcomeV2 {
  const flow = roundFlowOf(game);
  const recorder = new OutcomeRecorder(flow.tables);
  flow.play(rng, recorder);
  return recorder.outcome(flow);
}

/**
 * A round of a format-1 game — the paid spin, the bonus if it triggered, then the free spins if
 * they triggered — recorded as format 1 has always recorded it (`V1OutcomeRecorder`), through the
 * same round flow as every other round. For callers that handle format 1's record only: a game
 * using a format-2 mechanic is refused (BAD_INPUT), never misplayed; a `slotsim/2` file that uses
 * none plays as format 1 does.
 */
export function playRoundV1(game: Game, rng: Rng): RoundOutcome {
  refuseFormat2Mechanics(game, "format 1's round record (play, verify, recall)");
  const flow = roundFlowOf(game);
  const recorder = new V1OutcomeRecorder(flow.tables);
  flow.play(rng, recorder);
  return recorder.outcome(flow);
}
