import type { Game } from '../engine/model.js';
import type { BonusAnalysis } from './analysis-types.js';
import { bonusTriggerHits, prizeMoments } from './bonus.js';
import type { PrizeMoments } from './bonus.js';
import { exactFigure } from './figures.js';
import { div, frac, mul, sub, toNumber } from './fraction.js';
import type { Fraction } from './fraction.js';

/** The bonus: its exact trigger probability on the paid spin and its prize's moments. */
export interface BonusPart {
  readonly analysis: BonusAnalysis;
  readonly prize: PrizeMoments;
  readonly pTrigger: Fraction;
  readonly rtp: Fraction;
}

export function bonusPart(game: Game, cycle: bigint): BonusPart | null {
  const bonus = game.bonus;
  if (bonus === null) return null;
  const trigger = bonus.trigger;
  const hits = bonusTriggerHits(game, game.baseReelSet, trigger);
  const pTrigger = frac(hits, cycle);
  const prize = prizeMoments(bonus.prize);
  const stake = frac(game.betCredits);
  const symbol = game.symbols[trigger.symbol]!.id;
  return {
    prize,
    pTrigger,
    rtp: mul(pTrigger, div(prize.mean, stake)),
    analysis: {
      trigger:
        trigger.kind === 'line'
          ? `${trigger.count} × ${symbol} on a payline`
          : `${trigger.count}+ × ${symbol} anywhere`,
      hits,
      pTrigger: exactFigure(pTrigger),
      meanPrize: exactFigure(div(prize.mean, stake)),
      sdPrize:
        Math.sqrt(Math.max(0, toNumber(sub(prize.meanSquare, mul(prize.mean, prize.mean))))) /
        game.betCredits,
      maxPrize: prize.max / game.betCredits,
    },
  };
}
