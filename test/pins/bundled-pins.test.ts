import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playRoundV1 } from '../../src/engine/index.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame } from '../../src/math/index.js';
import type { Figure } from '../../src/math/index.js';
import { createRng } from '../../src/rng/index.js';
import { simulate } from '../../src/sim/simulate.js';

/**
 * REGRESSION SNAPSHOTS, not truth. Every bundled game's exact figures and seeded totals are pinned
 * so that a refactor of the engine, the simulator or the analysis (the mechanics seam of issue 10)
 * must leave them byte-identical: a change that moved the engine, the fast path and the analysis
 * the same wrong way would pass every agreement test, but not this one. Their truth is checked
 * elsewhere (hand-computed games, the enumeration against the per-reel analysis, simulation
 * against the exact RTP). A deliberate change of a figure updates the snapshot
 * (`npx vitest run test/pins -u`) in a commit that says why.
 */

const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((f) => `configs/${f}`);

const cases = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const variants = parseGame(text, { file }).variants;
  return [null, ...variants].map((variant) => ({ file, variant, game: parseGame(text, { file, variant }) }));
});

/** A figure as pinned: its label, the exact fraction when there is one, else 12 significant digits. */
function pin(figure: Figure | null): string | null {
  if (figure === null) return null;
  const value = figure.exact !== null ? `${figure.exact.n}/${figure.exact.d}` : figure.value.toPrecision(12);
  return `${figure.precision} ${value}`;
}

const SIM_SPINS = 300_000;
const ENGINE_ROUNDS = 20_000;

describe('bundled games, pinned (regression snapshots)', () => {
  for (const { file, variant, game } of cases) {
    const name = `${file}${variant === null ? '' : ` [${variant}]`}`;

    it(`${name}: exact analysis`, () => {
      const a = analyzeGame(game);
      expect({
        rtp: pin(a.rtp),
        lines: pin(a.components.lines),
        scatter: pin(a.components.scatter),
        freeSpins: pin(a.components.freeSpins),
        bonus: pin(a.components.bonus),
        pFreeSpinsTrigger: pin(a.pFreeSpinsTrigger),
        pBonusTrigger: pin(a.pBonusTrigger),
        expectedFreeSpinsPerTrigger: pin(a.expectedFreeSpinsPerTrigger),
      }).toMatchSnapshot();
    });

    it(`${name}: simulation of ${SIM_SPINS} rounds, seed "pin"`, async () => {
      const r = await simulate({ game, spins: SIM_SPINS, seed: 'pin', rng: 'aes-128-ctr', threads: 0 });
      expect({
        won: r.totals.won,
        staked: r.totals.staked,
        hits: Math.round(r.hitFrequency * r.spins),
        freeSpins: r.freeSpins,
        bonusTriggers: r.bonus.triggers,
        capHits: r.cap.hits,
        maxWinObserved: r.maxWinObserved,
        components: r.components,
      }).toMatchSnapshot();
    });

    it(`${name}: the engine's ${ENGINE_ROUNDS} rounds, seed "pin-engine"`, () => {
      const rng = createRng('aes-128-ctr', 'pin-engine', 0);
      let total = 0;
      let lines = 0;
      let scatter = 0;
      let freeSpins = 0;
      let bonus = 0;
      let spinsPlayed = 0;
      let capped = 0;
      let hash = 0;
      for (let i = 0; i < ENGINE_ROUNDS; i++) {
        const o = playRoundV1(game, rng);
        total += o.total;
        lines += o.components.lines;
        scatter += o.components.scatter;
        freeSpins += o.components.freeSpins;
        bonus += o.components.bonus;
        spinsPlayed += o.freeSpins?.spins.length ?? 0;
        if (o.capped) capped++;
        // The paid spin's stops, folded in: the draws themselves are pinned, not only the wins.
        for (const s of o.paid.stops) hash = (Math.imul(hash, 31) + s) | 0;
      }
      expect({ total, lines, scatter, freeSpins, bonus, spinsPlayed, capped, hash }).toMatchSnapshot();
    });
  }
});
