import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format2Mechanic } from '../../src/engine/classic.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { finishChunk, newAccumulator, resetAccumulator } from '../../src/sim/chunk-stats.js';
import { compileFast } from '../../src/sim/fast-game.js';
import { simulateRounds } from '../../src/sim/fast-round.js';
import { detailedChunk, fastChunk } from './chunk-pair.js';

const files = readdirSync('configs').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const cases = files.flatMap((file) => {
  const text = readFileSync(`configs/${file}`, 'utf8');
  const variants = parseGame(text, { file }).variants;
  return [null, ...variants].map((variant) => ({ file, variant, game: parseGame(text, { file, variant }) }));
});

// The fast path plays the classic games; a game using a format-2 mechanic simulates on the engine's
// round flow instead, which `flow-round.test.ts` compares with playRound (every bundled mode included).
const classic = cases.filter(({ game }) => format2Mechanic(game) === null);

describe('the fast path agrees exactly with the detailed engine', () => {
  it.skipIf(classic.length === 0).each(classic)(
    '$file variant $variant (seed fast-vs-detailed)',
    ({ game }) => {
      // Two million rounds on the benchmark game, 300 k on every other game and variant.
      const rounds = game.id === 'starfall-20' ? 2_000_000 : 300_000;
      const detailed = detailedChunk(game, 'fast-vs-detailed', rounds);
      const fast = fastChunk(game, 'fast-vs-detailed', rounds);
      expect(fast.stats).toEqual(detailed.stats);
      expect(fast.next).toBe(detailed.next);
      expect(detailed.stats.total).toBeGreaterThan(0);
    },
  );
});

describe('a reused accumulator', () => {
  it('after resetAccumulator gives exactly what a fresh one gives (starfall-20, seeds a and b)', () => {
    const game = parseGame(readFileSync('configs/starfall-20.json', 'utf8'), { file: 'starfall-20.json' });
    const fast = compileFast(game);
    const reused = newAccumulator();
    simulateRounds(fast, createRng('aes-128-ctr', 'a', 0), 50_000, reused);
    resetAccumulator(reused);
    simulateRounds(fast, createRng('aes-128-ctr', 'b', 0), 50_000, reused);
    const fresh = newAccumulator();
    simulateRounds(fast, createRng('aes-128-ctr', 'b', 0), 50_000, fresh);
    expect(finishChunk(reused, 0)).toEqual(finishChunk(fresh, 0));
    expect(reused.dense).toEqual(fresh.dense);
  });
});
