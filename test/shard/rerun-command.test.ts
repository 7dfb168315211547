import { describe, expect, it } from 'vitest';
import { guessPartialPath, shardCommand } from '../../src/shard/rerun-command.js';
import type { RunIdentity } from '../../src/shard/run-identity.js';

const run: RunIdentity = {
  command: 'certify',
  slotsimVersion: '0.1.0',
  game: { file: 'games/my game.json', sha256: 'ab', id: 'g', version: '1', variant: '94', mode: 'buy' },
  seed: "lab's seed",
  rng: 'chacha20',
  rounds: 1_000_000_000,
  chunkRounds: 262_144,
  chunks: 3815,
  cycleTasks: 9,
  detailRounds: 10_000_000,
  rngCertificate: 'GLI-19 #123',
  allVariants: false,
  variants: [],
};

describe('the command that re-runs a missing shard', () => {
  it('repeats every choice of the run, quoted for a POSIX shell', () => {
    expect(shardCommand(run, { index: 5, count: 64 }, 'parts/shard-5.partial')).toBe(
      "slotsim certify 'games/my game.json' --variant 94 --mode buy --spins 1000000000 --seed 'lab'\\''s seed' --rng chacha20 --detail-spins 10000000 --rng-certificate 'GLI-19 #123' --shard 5/64 --partial parts/shard-5.partial",
    );
    const analyze: RunIdentity = {
      ...run,
      command: 'analyze',
      seed: null,
      rng: null,
      rounds: 10_000_000,
      chunks: 0,
      detailRounds: null,
      rngCertificate: null,
      game: { ...run.game, variant: null, mode: 'base' },
    };
    expect(shardCommand(analyze, { index: 0, count: 2 }, 'p0')).toBe(
      "slotsim analyze 'games/my game.json' --full-cycle --sim-spins 10000000 --shard 0/2 --partial p0",
    );
  });

  it('certify --all-variants is re-run whole (every variant of the shard)', () => {
    const all: RunIdentity = {
      ...run,
      allVariants: true,
      variants: ['94', '96'],
      game: { ...run.game, mode: 'base' },
    };
    expect(shardCommand(all, { index: 1, count: 2 }, 'p1')).toMatch(
      /^slotsim certify 'games\/my game\.json' --all-variants --spins /,
    );
  });

  it("names the missing shard's partial after a sibling's, zero padding kept", () => {
    expect(guessPartialPath({ path: 'runs/7/parts/shard-3.partial', index: 3 }, 12)).toBe(
      'runs/7/parts/shard-12.partial',
    );
    expect(guessPartialPath({ path: 'parts/part-003-of-128.partial', index: 3 }, 41)).toBe(
      'parts/part-041-of-128.partial',
    );
    expect(guessPartialPath({ path: 'parts/mine.partial', index: 3 }, 4)).toBe('<partial file of shard 4>');
  });
});
