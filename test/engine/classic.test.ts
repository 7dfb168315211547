import { describe, expect, it } from 'vitest';
import { format2Mechanic, refuseFormat2Mechanics } from '../../src/engine/classic.js';
import { analyzeGame } from '../../src/math/index.js';
import { compileFast } from '../../src/sim/fast-game.js';
import { playRound, playRoundV1, isRoundOutcomeV2 } from '../../src/engine/index.js';
import { createRng } from '../../src/rng/index.js';
import { compile, threeBells } from '../helpers/games.js';

/** Three Bells relabelled slotsim/2 with one format-2 key added. */
function withKey(extra: object): object {
  return { ...threeBells, format: 'slotsim/2', ...extra };
}

describe('classic games and the format-2 mechanics the classic code does not implement', () => {
  it('finds no format-2 mechanic in a format-1 game or in one relabelled slotsim/2', () => {
    expect(format2Mechanic(compile(threeBells))).toBeNull();
    expect(format2Mechanic(compile({ ...threeBells, format: 'slotsim/2' }))).toBeNull();
  });

  it('names the mechanic; the classic simulator, analysis and format 1’s round record refuse the game with BAD_INPUT', () => {
    const game = compile(withKey({ wildMultipliers: 'sum' }));
    expect(format2Mechanic(game)).toBe('"wildMultipliers": "sum"');
    const refused = { name: 'SlotsimError', code: 'BAD_INPUT' };
    expect(() => refuseFormat2Mechanics(game, 'x')).toThrow(expect.objectContaining(refused) as Error);
    expect(() => compileFast(game)).toThrow(/the simulator does not support "wildMultipliers": "sum"/);
    expect(() => analyzeGame(game)).toThrow(/the exact analysis does not support/);
    expect(() => playRoundV1(game, createRng('aes-128-ctr', 'x', 0))).toThrow(
      /format 1's round record \(play, verify, recall\) does not support "wildMultipliers": "sum"/,
    );
    // The engine itself plays it, with format 2's record.
    expect(isRoundOutcomeV2(playRound(game, createRng('aes-128-ctr', 'x', 0)))).toBe(true);
  });
});
