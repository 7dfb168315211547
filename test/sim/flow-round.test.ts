/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- a test game is a raw JSON document, which has no static type */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playRound } from '../../src/engine/round.js';
import { isRoundOutcomeV2 } from '../../src/engine/outcome.js';
import { format2Mechanic } from '../../src/engine/classic.js';
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { finishChunk, newAccumulator, recordWin } from '../../src/sim/chunk-stats.js';
import { SquareSums } from '../../src/sim/square-sums.js';
import { compileFlow, simulateFlowRounds } from '../../src/sim/flow-round.js';
import { compileSim } from '../../src/sim/sim-game.js';
import { runChunkOn } from '../../src/sim/worker.js';
import type { Json } from '../game/games.js';
import { holdAndWinGame, V2_GAMES } from '../game/games-v2.js';

/**
 * The hold-and-win test game never triggers from a paid spin (its strips show at most one coin per
 * reel, 5 in all, and it needs 6): this copy triggers on 4, so the feature is played from paid spins too.
 */
function holdAndWinOn4(): Json {
  const game = holdAndWinGame();
  game.holdAndWin.trigger.count = 4;
  return game;
}

const GAMES: readonly (readonly [string, () => Json])[] = [...V2_GAMES, ['hold and win on 4', holdAndWinOn4]];

/** Every format-2 test game in every variant and mode, compiled by the real loader. */
const cases = GAMES.flatMap(([name, build]) => {
  const text = JSON.stringify(build());
  const first = parseGame(text, { file: `${name}.json` });
  return [null, ...first.variants].flatMap((variant) =>
    parseGame(text, { file: `${name}.json`, variant }).modes.map((mode) => ({
      name,
      variant,
      mode,
      game: parseGame(text, { file: `${name}.json`, variant, mode }),
    })),
  );
});

/**
 * Plays rounds through the engine's `playRound` (the round flow with its outcome recorder) and
 * accumulates from each record exactly what the simulator accumulates from the flow's fields.
 */
function recordedChunk(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  const acc = newAccumulator(true);
  const squares = acc.squares!;
  for (let i = 0; i < rounds; i++) {
    const o = playRound(game, rng);
    if (!isRoundOutcomeV2(o)) throw new Error('a format-2 game gives the format-2 record');
    const c = o.components;
    acc.rounds++;
    acc.total += o.total;
    acc.lines += c.lines;
    acc.scatter += c.scatter;
    acc.freeSpins += c.freeSpins;
    acc.bonus += c.bonus;
    acc.holdAndWin += c.holdAndWin;
    const played = o.freeSpins?.spins.length ?? 0;
    if (o.freeSpins !== null) {
      acc.freeSpinsTriggers++;
      acc.freeSpinsPlayed += played;
    }
    if (o.bonus !== null) acc.bonusTriggers++;
    if (o.holdAndWin !== null) acc.holdAndWinTriggers++;
    if (o.capped) acc.capHits++;
    if (o.total > 0) acc.hits++;
    recordWin(acc, o.total);
    [c.lines, c.scatter, c.freeSpins, c.bonus, c.holdAndWin, played].forEach((x, k) => squares.add(k, x));
  }
  // One more draw from the stream: both paths must have consumed exactly the same draws.
  return { stats: finishChunk(acc, 0), next: rng.int(2 ** 32) };
}

function simulatedChunk(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  const acc = newAccumulator(true);
  simulateFlowRounds(compileFlow(game), rng, rounds, acc);
  return { stats: finishChunk(acc, 0), next: rng.int(2 ** 32) };
}

/**
 * Rounds per case. The loader's test games are extreme (the heights game plays over 100 free spins
 * a round on average, the anywhere game reaches its cap on most rounds) and the recorder costs a few
 * µs a spin: each case plays tens of thousands of spins, every total compared.
 */
const ROUNDS: Readonly<Record<string, number>> = {
  'tumbling lines': 4_000,
  cluster: 6_000,
  anywhere: 1_500,
  heights: 600,
  'hold and win': 30_000,
  'hold and win on 4': 30_000,
  'sticky expanding': 10_000,
};

/** The bundled games that use a format-2 mechanic, in every variant and mode. */
const bundled = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .flatMap((file) => {
    const text = readFileSync(`configs/${file}`, 'utf8');
    const first = parseGame(text, { file });
    return [null, ...first.variants].flatMap((variant) =>
      parseGame(text, { file, variant }).modes.map((mode) => ({
        file,
        variant,
        mode,
        game: parseGame(text, { file, variant, mode }),
      })),
    );
  })
  .filter(({ game }) => format2Mechanic(game) !== null);

describe('the simulator plays the bundled format-2 games exactly as playRound does', () => {
  it('covers the six bundled format-2 games', () => {
    expect(new Set(bundled.map((c) => c.file)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(bundled)('$file, variant $variant, mode $mode (seed flow-vs-engine)', ({ game }) => {
    // A mode that starts in a feature plays a whole feature a round: a tenth as many rounds.
    const rounds = game.start === null ? 20_000 : 2_000;
    const recorded = recordedChunk(game, 'flow-vs-engine', rounds);
    const simulated = simulatedChunk(game, 'flow-vs-engine', rounds);
    expect(simulated.stats).toEqual(recorded.stats);
    expect(simulated.next).toBe(recorded.next);
    expect(recorded.stats.total).toBeGreaterThan(0n);
  });
});

describe('the simulator plays format-2 games exactly as playRound does', () => {
  it.each(cases)('$name, variant $variant, mode $mode (seed flow-vs-engine)', ({ name, game }) => {
    const rounds = ROUNDS[name] ?? 1_000;
    const recorded = recordedChunk(game, 'flow-vs-engine', rounds);
    const simulated = simulatedChunk(game, 'flow-vs-engine', rounds);
    expect(simulated.stats).toEqual(recorded.stats);
    expect(simulated.next).toBe(recorded.next);
    expect(recorded.stats.total).toBeGreaterThan(0n);
  });

  it('covers every mechanic of the test games: hold and win, free spins, modes with a start', () => {
    const triggers = (name: string, mode: string) => {
      const c = cases.find((x) => x.name === name && x.mode === mode && x.variant === null)!;
      return simulatedChunk(c.game, 'coverage', 1_000).stats;
    };
    expect(triggers('hold and win on 4', 'base').holdAndWinTriggers).toBeGreaterThan(10);
    // A mode that starts in the feature: every round plays it (ruling 41).
    expect(triggers('hold and win', 'coins').holdAndWinTriggers).toBe(1_000);
    expect(triggers('anywhere', 'buy').freeSpinsTriggers).toBe(1_000);
    expect(triggers('tumbling lines', 'base').freeSpinsTriggers).toBeGreaterThan(0);
  });
});

describe('a slotsim/2 file that uses no format-2 mechanic', () => {
  it("simulates on the classic fast path exactly as playRound's format-2 flow plays it (starfall-20, seed relabelled)", () => {
    const raw = JSON.parse(readFileSync('configs/starfall-20.json', 'utf8')) as Record<string, unknown>;
    delete raw.$schema;
    const game = parseGame(JSON.stringify({ ...raw, format: 'slotsim/2' }), { file: 'starfall-2.json' });
    const sim = compileSim(game);
    expect(sim.kind).toBe('classic');
    const recorded = recordedChunk(game, 'relabelled', 100_000);
    const acc = newAccumulator();
    const fast = runChunkOn(sim, { rng: 'aes-128-ctr', seed: 'relabelled', index: 0, rounds: 100_000 }, acc);
    expect({ ...fast, squares: null }).toEqual({ ...recorded.stats, squares: null });
  });
});

describe('SquareSums', () => {
  it('sums squares exactly past 2^53 and for values whose square is not a double', () => {
    const s = new SquareSums();
    // 94,906,265² = 9,007,199,136,250,225 is below 2^53; twice it is not.
    s.add(0, 94_906_265);
    s.add(0, 94_906_265);
    s.add(0, 3);
    // 2^40 squared is 2^80.
    s.add(1, 2 ** 40);
    s.add(1, 2 ** 40 + 1);
    const r = s.result();
    expect(r.lines).toBe(2n * 94_906_265n ** 2n + 9n);
    expect(r.scatter).toBe(2n ** 80n + (2n ** 40n + 1n) ** 2n);
    expect(r.freeSpins).toBe(0n);
  });
});
