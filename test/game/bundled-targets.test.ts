import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { RoundFlow } from '../../src/engine/round-flow.js';
import { listModes, listVariants, parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { Z } from '../../src/stats/confidence.js';

/**
 * Every bundled format-2 game declares an RTP target in every variant and mode (configs/README.md
 * gives the 10 M-round simulations they come from, until the exact analysis of issue 11 exists).
 * Each is played here through the engine's recorder-free round flow — the simulator's path — for a
 * fixed-seed run, and the run must agree with the declaration.
 *
 * The tolerance, derived: the run's RTP X̄ is the mean of N independent round wins (per credit of
 * the mode's cost) of sd σ, so by the central limit theorem |X̄ − RTP| ≤ z·σ/√N with probability
 * 99.9 % for z = 3.29, σ estimated by the run's own sd. The file declares RTP ∈ [target − tol,
 * target + tol], so if it is right, |X̄ − target| ≤ tol + z·σ̂/√N with probability at least 99.9 %.
 * The normal approximation needs N > 25·g² (Cochran's rule, g the skewness of one round's win),
 * which is asserted too, from the run's own g: a mode whose wins are so skewed that N rounds cannot
 * judge it fails instead of passing on a meaningless interval. A fixed seed makes the test
 * deterministic.
 */

const SEED = 'targets';
/**
 * Rounds per mode: 200 k, and 100 k in a mode whose round is a whole free-spin feature (about 11
 * spins each). Cochran's rule holds in every bundled mode: the runs' skewness is 4 (the buy) to
 * 73 (saffron-sails, whose sticky sails reach the cap), which asks for 0.5 k to 133 k rounds.
 */
const roundsOf = (game: Game): number => (game.start?.kind === 'freeSpins' ? 100_000 : 200_000);

const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((f) => `configs/${f}`)
  .filter((file) => readFileSync(file, 'utf8').includes('"format": "slotsim/2"'));

const cases = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [null, ...listVariants(text, { file })].flatMap((variant) =>
    listModes(text, { file, variant }).map((mode) => {
      const name = `${file}${variant === null ? '' : ` [${variant}]`} mode ${mode}`;
      const game = parseGame(text, { file, variant, mode });
      return { name, game, rounds: roundsOf(game) };
    }),
  );
});

/** The run's RTP, sd and skewness of one round's win, per credit of the mode's cost. */
function run(flow: RoundFlow, rounds: number) {
  const rng = createRng('aes-128-ctr', SEED, 0);
  const cost = flow.game.cost;
  let sum = 0;
  let squares = 0;
  let cubes = 0;
  for (let i = 0; i < rounds; i++) {
    flow.play(rng, null);
    const x = flow.total / cost;
    sum += x;
    squares += x * x;
    cubes += x * x * x;
  }
  const mean = sum / rounds;
  const variance = squares / rounds - mean * mean;
  const sd = Math.sqrt((variance * rounds) / (rounds - 1));
  const skewness = (cubes / rounds - 3 * mean * (squares / rounds) + 2 * mean ** 3) / variance ** 1.5;
  return { rtp: mean, sd, skewness };
}

describe(`the bundled format-2 games meet their declared RTP targets (seed "${SEED}")`, () => {
  it('finds them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('$name: $rounds rounds lie within target ± (tolerance + 3.29·sd/√N)', ({ game, rounds }) => {
    const target = game.rtp;
    expect(target).not.toBeNull();
    const { rtp, sd, skewness } = run(new RoundFlow(game), rounds);
    expect(
      rounds,
      `Cochran's rule: ${rounds} rounds for a skewness of ${skewness.toFixed(1)}`,
    ).toBeGreaterThan(25 * skewness ** 2);
    const allowed = target!.tolerance + (Z[99.9] * sd) / Math.sqrt(rounds);
    expect(
      Math.abs(rtp - target!.target),
      `RTP ${rtp.toFixed(5)} (sd ${sd.toFixed(2)}) against ${target!.target} ± ${target!.tolerance}`,
    ).toBeLessThanOrEqual(allowed);
  });
});
