/**
 * "Every version-1 file keeps its meaning, and stays valid when relabelled slotsim/2" (format-2
 * spec): each bundled game and variant, relabelled, compiles to the same model (but its format),
 * and so gives the same exact figures and the same seeded totals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { playRound } from '../../src/engine/index.js';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame, type Figure } from '../../src/math/index.js';
import { createRng } from '../../src/rng/index.js';
import { simulate } from '../../src/sim/simulate.js';

// The bundled version-1 games: a `slotsim/2` file (the format-2 bundled games) has nothing to relabel.
const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `configs/${f}`)
  .filter((file) => readFileSync(file, 'utf8').includes('"format": "slotsim/1"'));

const cases = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const relabelled = text.replace('"format": "slotsim/1"', '"format": "slotsim/2"');
  const variants = parseGame(text, { file }).variants;
  return [null, ...variants].map((variant) => ({
    name: `${file}${variant === null ? '' : ` [${variant}]`}`,
    v1: parseGame(text, { file, variant }),
    v2: parseGame(relabelled, { file, variant }),
  }));
});

const exact = (f: Figure | null): string | null =>
  f === null ? null : `${f.precision} ${f.exact === null ? f.value : `${f.exact.n}/${f.exact.d}`}`;

function figures(game: Game) {
  const a = analyzeGame(game);
  return {
    rtp: exact(a.rtp),
    components: Object.fromEntries(
      Object.entries(a.components).map(([k, f]: [string, Figure | null]) => [k, exact(f)]),
    ),
    pFreeSpinsTrigger: exact(a.pFreeSpinsTrigger),
    pBonusTrigger: exact(a.pBonusTrigger),
    expectedFreeSpinsPerTrigger: exact(a.expectedFreeSpinsPerTrigger),
  };
}

it('relabels the seven bundled version-1 games', () => {
  expect(files).toHaveLength(7);
});

describe.each(cases)('$name relabelled slotsim/2', ({ v1, v2 }) => {
  it('is format 2 and otherwise the same compiled game', () => {
    expect(v1.format).toBe(1);
    expect(v2.format).toBe(2);
    expect(v2.sha256).not.toBe(v1.sha256);
    expect({ ...v2, format: 1, sha256: v1.sha256 }).toEqual(v1);
  });

  it('has the same exact figures', () => {
    expect(figures(v2)).toEqual(figures(v1));
  });

  it('plays the same seeded rounds: 2,000 through the engine, 50,000 simulated (seed "relabel")', async () => {
    const play = (game: Game) => {
      const rng = createRng('aes-128-ctr', 'relabel', 0);
      return Array.from({ length: 2000 }, () => playRound(game, rng).total);
    };
    expect(play(v2)).toEqual(play(v1));
    const run = (game: Game) =>
      simulate({ game, spins: 50_000, seed: 'relabel', rng: 'aes-128-ctr', threads: 0 }).then(
        (r) => r.totals,
      );
    expect(await run(v2)).toEqual(await run(v1));
  });
});
