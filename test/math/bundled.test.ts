import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format2Mechanic } from '../../src/engine/index.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame, fullCycle } from '../../src/math/index.js';
import { add } from '../../src/math/fraction.js';
import { Z } from '../../src/stats/confidence.js';
import { simulate } from '../../src/sim/simulate.js';
import { truncated } from './truncate.js';

/**
 * Every bundled game and variant. The full cycles of the large ones (24 M – 205 M combinations)
 * belong in `test/bench/math-bench.ts`; here each game's rules are checked on its own reels cut to
 * 12 stops (the per-reel analysis against the enumeration, to the credit), the small games and
 * goldvein-mine (24.3 M) on their whole cycle, and every game against a seeded simulation.
 * Every bundled game's whole cycle is enumerated too (10–40 s on 2 cores), as the issue asks;
 * SLOTSIM_QUICK_TESTS=1 skips those for a fast local loop.
 *
 * The format-2 bundled games are listed as skipped: the exact analysis and `simulate` refuse
 * format-2 mechanics until they support them (issue 11). Their declared targets are checked against
 * the engine in `test/game/bundled-targets.test.ts` meanwhile.
 */
const FULL = process.env.SLOTSIM_QUICK_TESTS !== '1';
const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => `configs/${f}`);

const cases = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const variants = parseGame(text, { file }).variants;
  return [null, ...variants].map((variant) => ({
    file,
    text,
    variant,
    game: parseGame(text, { file, variant }),
  }));
});

const SPINS = 1_000_000;

describe('bundled games', () => {
  it('finds the bundled games', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const { file, variant, game } of cases) {
    const name = `${file}${variant === null ? '' : ` [${variant}]`}`;
    const mechanic = format2Mechanic(game);
    if (mechanic !== null) {
      it.skip(`${name}: exact analysis against enumeration and simulation (not yet: they do not support ${mechanic})`, () => {});
      continue;
    }

    it(`${name}: the paid spin's per-reel RTP equals its enumerated cycle's exactly (reels cut to 12 stops)`, () => {
      const a = analyzeGame(truncated(game, 12));
      expect(a.enumeration).toBe('inline');
      expect(a.paidSpin!.rtp.exact).toEqual(add(a.components.lines.exact!, a.components.scatter.exact!));
    });

    it.runIf(FULL)(
      `${name}: the paid spin's per-reel RTP equals its whole enumerated cycle's exactly`,
      async () => {
        const cycle = await fullCycle(game, { threads: 2 });
        const a = analyzeGame(game, { enumeration: cycle.enumeration }); // throws if they differ by a credit
        expect(cycle.paidSpin.rtp.exact).toEqual(add(a.components.lines.exact!, a.components.scatter.exact!));
      },
    );

    it(`${name}: a simulation (seed bundled, ${SPINS.toLocaleString('en-US')} rounds) lies in its own 99.9% interval around the exact RTP`, async () => {
      const a = analyzeGame(game);
      const report = await simulate({
        game,
        spins: SPINS,
        seed: 'bundled',
        rng: 'aes-128-ctr',
        threads: 0,
      });
      // The simulated RTP is a mean of N independent round wins with sd σ (estimated by the
      // simulation's own sd), so it lies within z·σ/√N of the true RTP with probability 99.9% for
      // z = 3.29. A fixed seed makes the check deterministic.
      const tolerance = (Z[99.9] * report.sd) / Math.sqrt(SPINS);
      if (a.exact) {
        expect(Math.abs(report.rtp - a.rtp.value)).toBeLessThan(tolerance);
        expect(Math.abs(report.freeSpins.triggers / SPINS - a.pFreeSpinsTrigger.value)).toBeLessThan(
          Z[99.9] * Math.sqrt(a.pFreeSpinsTrigger.value / SPINS) + 1e-12,
        );
      } else {
        // The cap binds (thunder-anvil): the uncapped exact RTP is an upper bound.
        expect(a.rtp.precision).toBe('uncapped');
        expect(report.rtp).toBeLessThan(a.uncapped!.rtp.value + tolerance);
      }
    });
  }

  it('goldvein-mine: the analytic RTP of the paid spin equals its full cycle (24.3 M combinations, 2 threads) exactly', async () => {
    const file = 'configs/goldvein-mine.json';
    const game = parseGame(readFileSync(file, 'utf8'), { file });
    const cycle = await fullCycle(game, { threads: 2 });
    expect(cycle.paidSpin.combinations).toBe(30 ** 5);
    const a = analyzeGame(game, { enumeration: cycle.enumeration }); // throws if they differ by a credit
    expect(cycle.paidSpin.rtp.exact).toEqual(add(a.components.lines.exact!, a.components.scatter.exact!));
    expect(a.enumeration).toBe('full-cycle');
    expect(a.sd!.precision).toBe('exact');
  });
});
