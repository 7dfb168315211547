/**
 * The contract every mechanic is admitted through (issue 10, item 0): on generated tiny games of
 * each evaluation kind, every draw path of a round (within a budget) must give a record whose
 * parts add up, whose amounts follow from its wins, which accounts for every draw, which replays
 * to itself from its draws, and whose total the recorder-free round flow (the simulator's path)
 * reproduces. The simulator and the exact enumerator join this contract later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationKind, Game } from '../../src/engine/model.js';
import { isRoundOutcomeV2, type RoundOutcomeV2 } from '../../src/engine/outcome.js';
import { RoundFlow } from '../../src/engine/round-flow.js';
import { playRound } from '../../src/engine/round.js';
import { listModes, parseGame } from '../../src/game/index.js';
import { ReplayRng } from '../../src/rng/replay-rng.js';
import type { Draw } from '../../src/rng/draw.js';
import { forEachDrawPath } from '../helpers/draw-paths.js';
import { roundViolations } from '../helpers/round-invariants.js';
import { tinyGame, type TinyGame } from '../helpers/tiny-games.js';

const SEED = 20261207;
const RUNS = 40;
const PATH_BUDGET = 150;

function play(game: Game, rng: ReplayRng | Parameters<typeof playRound>[1]): RoundOutcomeV2 {
  const o = playRound(game, rng);
  if (!isRoundOutcomeV2(o)) throw new Error('a format-2 game gave a format-1 record');
  return o;
}

/** Checks every path of every mode of one tiny game; returns the rounds played. */
function checkGame(file: TinyGame): number {
  const text = JSON.stringify(file);
  let rounds = 0;
  for (const mode of listModes(text, { file: 'tiny.json' })) {
    const game = parseGame(text, { file: 'tiny.json', variant: null, mode });
    const flow = new RoundFlow(game);
    rounds += forEachDrawPath(
      (rng) => play(game, rng),
      PATH_BUDGET,
      (draws: readonly Draw[]) => {
        const replay = new ReplayRng(draws);
        const outcome = play(game, replay);
        const where = `mode ${mode}, draws ${JSON.stringify(draws.map((d) => d.value))}`;
        expect(replay.allConsumed, `${where}: replay consumed every draw`).toBe(true);
        expect(roundViolations(game, outcome, draws.length), where).toEqual([]);
        // Replaying gives the same record again (nothing leaks from round to round).
        expect(play(game, new ReplayRng(draws)), where).toEqual(outcome);
        // The recorder-free flow (the simulator's path) pays the same, from the same draws.
        const bare = new ReplayRng(draws);
        flow.play(bare, null);
        expect(bare.allConsumed, `${where}: the recorder-free flow consumed every draw`).toBe(true);
        expect(
          {
            total: flow.total,
            capped: flow.capped,
            lines: flow.lines,
            scatter: flow.scatter,
            bonus: flow.bonus,
            holdAndWin: flow.holdAndWin,
            freeSpins: flow.freeSpins,
          },
          where,
        ).toEqual({ total: outcome.total, capped: outcome.capped, ...outcome.components });
      },
    );
  }
  return rounds;
}

describe('tiny games: every mechanic through one contract', () => {
  const kinds: EvaluationKind[] = ['lines', 'ways', 'cluster', 'anywhere'];
  kinds.forEach((kind, k) => {
    const seed = SEED + k;
    it(`${kind}: ${RUNS} generated games (seed ${seed}), every draw path within ${PATH_BUDGET} per mode`, () => {
      let rounds = 0;
      fc.assert(
        fc.property(tinyGame(kind), (file) => {
          rounds += checkGame(file);
        }),
        { seed, numRuns: RUNS },
      );
      expect(rounds).toBeGreaterThan(RUNS);
    });
  });
});
