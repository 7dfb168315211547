import type { Rng } from '../rng/rng.js';
import { bonusTriggered, drawPrize } from './bonus.js';
import { WinCap } from './cap.js';
import { refuseFormat2Mechanics } from './classic.js';
import type { Game } from './model.js';
import type {
  AnyRoundOutcome,
  BonusDraw,
  BonusOutcome,
  FreeSpinOutcome,
  FreeSpinsOutcome,
  RoundOutcome,
  RoundOutcomeV2,
} from './outcome.js';
import { OutcomeRecorder } from './outcome-recorder.js';
import { RoundFlow } from './round-flow.js';
import { playSpin } from './spin.js';
import { countInWindow } from './stops.js';

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
 * they triggered — exactly as it has always been played and recorded. For callers that handle
 * format 1's record only: a game using a format-2 mechanic is refused (BAD_INPUT), never misplayed;
 * a `slotsim/2` file that uses none plays as format 1 does.
 */
export function playRoundV1(game: Game, rng: Rng): RoundOutcome {
  refuseFormat2Mechanics(game, "format 1's round record (play, verify, recall)");
  const cap = new WinCap(game.maxWinCredits);
  const paid = playSpin(game, game.baseReelSet, rng, 1, cap);
  const paidWins = paid.outcome.wins;
  let lines = 0;
  for (let i = 0; i < paidWins.length; i++) lines += paidWins[i]!.win;
  const scatter = paid.outcome.scatter?.win ?? 0;

  let bonus: BonusOutcome | null = null;
  if (!cap.reached && game.bonus !== null && bonusTriggered(game, paid.window)) {
    const draws: BonusDraw[] = [];
    const prize = drawPrize(game.bonus.prize, rng, draws);
    bonus = { draws, win: cap.add(prize) };
  }

  let freeSpins: FreeSpinsOutcome | null = null;
  const feature = game.freeSpins;
  if (!cap.reached && feature !== null) {
    const awarded = Math.min(
      feature.awards[countInWindow(paid.window, feature.symbol)] ?? 0,
      feature.maxSpins,
    );
    if (awarded > 0) {
      const spins: FreeSpinOutcome[] = [];
      let remaining = awarded;
      let win = 0;
      while (remaining > 0) {
        const spin = playSpin(game, feature.reelSet, rng, feature.multiplier, cap);
        remaining--;
        win += spin.outcome.win;
        let retrigger = 0;
        if (!cap.reached) {
          const more = feature.retrigger[countInWindow(spin.window, feature.symbol)] ?? 0;
          retrigger = Math.min(more, feature.maxSpins - spins.length - 1 - remaining);
          remaining += retrigger;
        }
        const o = spin.outcome;
        spins.push({
          reelSet: o.reelSet,
          stops: o.stops,
          window: o.window,
          wins: o.wins,
          scatter: o.scatter,
          multiplier: o.multiplier,
          win: o.win,
          retrigger,
        });
        if (cap.reached) break;
      }
      freeSpins = { awarded, spins, win };
    }
  }

  const bonusWin = bonus?.win ?? 0;
  const freeSpinsWin = freeSpins?.win ?? 0;
  return {
    stake: game.betCredits,
    paid: paid.outcome,
    bonus,
    freeSpins,
    components: { lines, scatter, freeSpins: freeSpinsWin, bonus: bonusWin },
    total: cap.total,
    capped: cap.reached,
  };
}
