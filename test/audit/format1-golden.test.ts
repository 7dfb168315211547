/**
 * A format-1 game's audit log stays byte for byte what it was before format 2 reached the
 * production path. `fixtures/format1-golden.jsonl` and its ledger were written by the version
 * before (commit "tests: a format-1 log and ledger pinned byte for byte") with `writeGoldenLog`:
 * 2 players × 40 rounds of the fixture game, one round voided (the generator fails on draw 300),
 * a bonus and free spins among them. A regression snapshot, not a truth: it pins the bytes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_TEXT } from './fixture-game.js';
import { writeGoldenLog } from './golden-log.js';
import { brief, fixtureGame, tempDir, verify } from './make-log.js';

const GOLDEN = 'test/audit/fixtures/format1-golden.jsonl';
const GOLDEN_LEDGER = 'test/audit/fixtures/format1-golden.ledger.jsonl';
const tmp = tempDir('slotsim-golden-');
afterAll(() => tmp.remove());

describe('a format-1 log, pinned byte for byte', () => {
  it('the pinned log holds a void round, a bonus and free spins', () => {
    const text = readFileSync(GOLDEN, 'utf8');
    expect(text.match(/"type":"void"/g)).toHaveLength(1);
    expect(text).toContain('"bonus":{"draws"');
    expect(text).toContain('"freeSpins":{"awarded"');
    // Format 1's records name no mode.
    expect(text).not.toContain('"mode"');
  });

  it('the production path writes exactly the same log and ledger again', async () => {
    const made = await writeGoldenLog({
      dir: tmp.dir,
      name: 'format1-golden',
      game: fixtureGame(),
      gameText: FIXTURE_TEXT,
      seed: 'golden-3',
      players: 2,
      roundsPerPlayer: 40,
      failAtDraw: 300,
    });
    expect(readFileSync(made.log, 'utf8')).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(readFileSync(made.ledger, 'utf8')).toBe(readFileSync(GOLDEN_LEDGER, 'utf8'));
  });

  it('the pinned log verifies with its ledger', async () => {
    const { findings, report } = await verify(GOLDEN, FIXTURE_TEXT, { ledger: GOLDEN_LEDGER });
    expect(brief(findings)).toEqual([]);
    expect(report.rounds.total).toBe(80);
    expect(report.rounds.replayed).toBe(79);
  });
});
