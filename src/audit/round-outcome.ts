/**
 * What the audit layer needs of a round outcome of either format: its canonical text and its
 * stake. A format-1 game's outcome is format 1's `RoundOutcome` (its stake the bet); a format-2
 * game's is `RoundOutcomeV2` (its stake the mode's cost).
 */
import { isRoundOutcomeV2, type AnyRoundOutcome } from '../engine/outcome.js';
import { outcomeJson } from './outcome-json.js';
import { outcomeJsonV2 } from './outcome-json-v2.js';

/** Exactly `canonicalJson(outcome)`, by the hand-written serialiser of its format. */
export function outcomeText(outcome: AnyRoundOutcome): string {
  return isRoundOutcomeV2(outcome) ? outcomeJsonV2(outcome) : outcomeJson(outcome);
}

/** Credits the round staked: the bet (format 1), the mode's cost (format 2). */
export function stakeOf(outcome: AnyRoundOutcome): number {
  return isRoundOutcomeV2(outcome) ? outcome.cost : outcome.stake;
}

/** Free spins the round played. */
export function freeSpinsPlayed(outcome: AnyRoundOutcome): number {
  return outcome.freeSpins?.spins.length ?? 0;
}
