/**
 * Games at the edges of what the loader accepts simulate exactly: awards of 2^31 credits and more,
 * sums past 2^53, weighted reels of up to 2^32 units, 255 symbols, huge wild multipliers. Each is
 * checked against the detailed engine, round by round, on the same stream.
 */
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { playRound } from '../../src/engine/round.js';
import { isSlotsimError, SlotsimError } from '../../src/errors.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame } from '../../src/math/index.js';
import { createRng } from '../../src/rng/index.js';
import type { Piscina } from 'piscina';
import { runOrdered } from '../../src/sim/run-ordered.js';
import { simulate } from '../../src/sim/simulate.js';
import { threeBells } from '../helpers/games.js';
import {
  bigPay,
  everyRound,
  heavyReel,
  longRun,
  manySymbols,
  spinLimitPay,
  tableEdge,
  waysBigPay,
} from './edge-games.js';

/** What the engine says `rounds` rounds of chunk 0 of `seed` win, in exact integers. */
function engineTotals(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  let won = 0n;
  let hits = 0;
  let maxWin = 0;
  for (let i = 0; i < rounds; i++) {
    const total = playRound(game, rng).total;
    expect(Number.isSafeInteger(total)).toBe(true);
    won += BigInt(total);
    if (total > 0) hits++;
    maxWin = Math.max(maxWin, total);
  }
  return { won: won.toString(), hits, maxWin };
}

/** Simulates one chunk (threads 0: on this thread; 1: on a worker) and compares it with the engine. */
async function expectExact(game: Game, seed: string, rounds: number, threads = 0) {
  const report = await simulate({ game, spins: rounds, seed, rng: 'aes-128-ctr', threads });
  const engine = engineTotals(game, seed, rounds);
  expect(report.totals.won).toBe(engine.won);
  expect(Math.round(report.hitFrequency * rounds)).toBe(engine.hits);
  expect(report.maxWinObserved).toBe(engine.maxWin);
  return { report, engine };
}

describe('the simulator counts every award the loader accepts exactly', () => {
  it('a 3×WILD pay of 2,200,000,000 credits (past 2^31; it wrapped to a negative Int32) (seed big-pay)', async () => {
    const { report } = await expectExact(bigPay(), 'big-pay', 100_000);
    // WILD WILD WILD is 1 stop combination in 8 × 23 × 8 = 1472: about 68 times in 100 k rounds.
    expect(report.maxWinObserved).toBe(2_200_000_000);
    expect(report.rtp).toBeGreaterThan(100);
  });

  it('a pay of 2^38, the most one spin may win (seed huge-pay)', async () => {
    const { report } = await expectExact(spinLimitPay(), 'huge-pay', 100_000);
    expect(report.maxWinObserved).toBe(2 ** 38);
  });

  it('ways wins and a scatter pay past 2^31 (seed ways-big)', async () => {
    const { engine } = await expectExact(waysBigPay(), 'ways-big', 100_000);
    expect(engine.maxWin).toBeGreaterThanOrEqual(2 ** 31);
  });

  it('sums past 2^53 within a chunk stay exact: half the rounds win 2^38 (seed every-round)', async () => {
    // 2^15 rounds of 2^38 make 2^53, so the 80,000 rounds (about 40,000 of each kind) sum past it,
    // in runs of 32,767 rounds.
    const { report } = await expectExact(everyRound(), 'every-round', 80_000);
    expect(BigInt(report.totals.won)).toBeGreaterThan(2n ** 53n);
  });

  it('a weighted reel of 2^32 units, on a worker thread (it was "internal error", exit 70) (seed heavy-reel)', async () => {
    const game = heavyReel();
    expect(game.baseReelSet.reels[1]!.drawBound).toBe(2 ** 32);
    await expectExact(game, 'heavy-reel', 100_000, 1);
  });

  it('a weighted reel of 2^20 + 1 units, just past the stop table (seed table-edge)', async () => {
    await expectExact(tableEdge(), 'table-edge', 100_000);
  });

  it('255 symbols on 8 reels: line indexes past 2^31 (seed many-symbols)', async () => {
    const game = manySymbols();
    expect(game.symbols).toHaveLength(255);
    const { engine } = await expectExact(game, 'many-symbols', 100_000);
    expect(engine.hits).toBeGreaterThan(1000);
  });

  it('a ways wild of multiplier 2^37 on 30 reels: a long run that pays nothing is 0, not NaN (seed long-run)', async () => {
    const { report, engine } = await expectExact(longRun(), 'long-run', 20_000);
    expect(Number.isFinite(report.rtp)).toBe(true);
    expect(engine.hits).toBeGreaterThan(1000);
  });
});

describe('the exact analysis accepts every game the simulator does', () => {
  // `analyzeGame` enumerates small cycles inline and checks the enumeration against the per-reel
  // analysis to the last credit (an INTERNAL error otherwise); a game beyond the enumeration is
  // analysed without it.
  it.each([
    ['big-pay', bigPay, true],
    ['huge-pay', spinLimitPay, true],
    ['ways-big (the enumeration disagreed: Int32 pay tables)', waysBigPay, true],
    ['heavy-reel', heavyReel, true],
    ['table-edge', tableEdge, true],
    ['every-round', everyRound, true],
    ['many-symbols (the inline enumeration refused it: BAD_INPUT)', manySymbols, false],
  ] as const)('%s', (_name, make, enumerated) => {
    const game = make();
    const analysis = analyzeGame(game);
    expect(analysis.enumeration).toBe(enumerated ? 'inline' : 'none');
    expect(Number.isFinite(analysis.rtp.value)).toBe(true);
  });
});

describe('an error inside a worker', () => {
  it('comes back as the SlotsimError it was, with its code (an empty seed: BAD_INPUT)', async () => {
    const game = parseGame(JSON.stringify(threeBells), { file: 'three-bells.json' });
    const error: unknown = await simulate({
      game,
      spins: 1000,
      seed: '',
      rng: 'aes-128-ctr',
      threads: 1,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isSlotsimError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'rng seed must be a non-empty string' });
  });
});

describe('a run whose tasks fail', () => {
  /** A pool that settles each task after its own delay: task i fails when `fails` holds i. */
  function scriptedPool(delays: readonly number[], fails: readonly number[]): Piscina {
    const pool = {
      run: (index: number) =>
        new Promise((resolve, reject) =>
          setTimeout(() => {
            if (fails.includes(index))
              reject(new SlotsimError(index === 1 ? 'BAD_INPUT' : 'INTERNAL', `task ${index}`));
            else resolve(index);
          }, delays[index]),
        ),
      destroy: () => Promise.resolve(),
    };
    return pool as unknown as Piscina;
  }

  it('ends with the error of the failed task of lowest index, even when a later one fails first', async () => {
    // Task 1 fails after 60 ms, task 2 after 5 ms: task 1's error is the run's.
    const merged: number[] = [];
    const error: unknown = await runOrdered<number>(
      scriptedPool([1, 60, 5, 1], [1, 2]),
      [0, 1, 2, 3],
      { threads: 2 },
      (index) => merged.push(index),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: 'task 1' });
    expect(merged).toEqual([0]);
  });
});
