import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { outcomeJsonV2 } from '../../src/audit/outcome-json-v2.js';
import { outcomeText } from '../../src/audit/round-outcome.js';
import type { RoundOutcomeV2 } from '../../src/engine/outcome.js';
import { playRoundV2 } from '../../src/engine/round.js';
import { listModes, parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { tinyGame } from '../helpers/tiny-games.js';
import { compileFormat2, FORMAT2_FILES } from './format2-games.js';

const SEED = 'outcome-json-v2';

/** What a sample of rounds holds, to be sure it exercises every part of the record. */
function shapes(sample: readonly RoundOutcomeV2[]) {
  const spins = sample.flatMap((o) => [...(o.paid === null ? [] : [o.paid]), ...(o.freeSpins?.spins ?? [])]);
  const evaluations = spins.flatMap((s) => s.evaluations);
  return {
    cascade: evaluations.some((e) => e.refill !== null),
    redraw: evaluations.some((e) => e.refill !== null && e.refill.stops.length > 0),
    refillValues: evaluations.some((e) => e.refill !== null && e.refill.values.length > 0),
    kinds: new Set(evaluations.flatMap((e) => e.wins.map((w) => w.kind))),
    eachScatter: evaluations.some((e) => e.scatter !== null),
    heights: spins.some((s) => s.heights !== null),
    values: spins.some((s) => s.values.length > 0),
    sticky: spins.some((s) => s.sticky.length > 0),
    expanded: spins.some((s) => s.expanded.length > 0),
    meter: spins.some((s) => s.meter !== null && s.meter > 0),
    multiplierSymbols: spins.some((s) => s.multiplierSymbols !== null),
    retriggers: sample.some((o) => o.freeSpins?.spins.some((s) => s.retriggers.length > 0) === true),
    drawnAward: sample.some((o) => o.freeSpins?.awards.some((a) => a.drawn) === true),
    holdAndWin: sample.some((o) => o.holdAndWin !== null && o.holdAndWin.respins.length > 0),
    jackpot: sample.some((o) => (o.holdAndWin?.jackpots.length ?? 0) > 0),
    startFreeSpins: sample.some((o) => o.start?.kind === 'freeSpins'),
    startCoins: sample.some((o) => o.start?.kind === 'holdAndWin'),
    capped: sample.some((o) => o.capped),
  };
}

describe(`the verifier's format-2 outcome text (seed ${SEED})`, () => {
  const sample: RoundOutcomeV2[] = [];
  for (const file of FORMAT2_FILES) {
    for (const mode of file.modes) {
      const game = compileFormat2(file, mode);
      const rng = createRng('aes-128-ctr', `${SEED}/${file.name}/${mode}`, 0);
      for (let i = 0; i < 150; i++) sample.push(playRoundV2(game, rng));
    }
  }

  it('outcomeJsonV2 is exactly canonicalJson on rounds of every test game and mode', () => {
    const seen = shapes(sample);
    expect(seen).toEqual({
      cascade: true,
      redraw: true,
      refillValues: true,
      kinds: new Set(['line', 'ways', 'cluster', 'anywhere']),
      eachScatter: true,
      heights: true,
      values: true,
      sticky: true,
      expanded: true,
      meter: true,
      multiplierSymbols: true,
      retriggers: true,
      drawnAward: true,
      holdAndWin: true,
      jackpot: true,
      startFreeSpins: true,
      startCoins: true,
      capped: seen.capped,
    });
    for (const o of sample) expect(outcomeJsonV2(o)).toBe(canonicalJson(o));
  });

  it('outcomeText picks the serialiser of the outcome format', () => {
    for (const o of sample.slice(0, 50)) expect(outcomeText(o)).toBe(canonicalJson(o));
  });

  it('is exactly canonicalJson on tiny games of every kind, every mode (fast-check)', () => {
    for (const kind of ['lines', 'ways', 'cluster', 'anywhere'] as const) {
      fc.assert(
        fc.property(tinyGame(kind), fc.integer({ min: 0, max: 1 << 30 }), (file, seed) => {
          const text = JSON.stringify(file);
          for (const mode of listModes(text, { file: 'tiny.json' })) {
            const game = parseGame(text, { file: 'tiny.json', mode });
            const rng = createRng('aes-128-ctr', `${SEED}/tiny/${seed}`, 0);
            for (let i = 0; i < 20; i++) {
              const o = playRoundV2(game, rng);
              expect(outcomeJsonV2(o)).toBe(canonicalJson(o));
            }
          }
        }),
        { seed: 20261, numRuns: 60 },
      );
    }
  });
});
