/**
 * The game file an auditor verifies against: the same bytes, the same content in other bytes (a
 * CRLF or reformatted copy), or another game — three different answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gameContentSha256 } from '../../src/audit/game-content.js';
import { renderVerify } from '../../src/report/verify-text.js';
import { fixtureGame as fixtureJson, FIXTURE_TEXT } from './fixture-game.js';
import { brief, makeLog, tempDir, verify, type MadeLog } from './make-log.js';

const tmp = tempDir();
let made: MadeLog;
beforeAll(async () => {
  made = await makeLog({ dir: tmp.dir, seed: 'identity-1', players: 2, roundsPerPlayer: 10 });
});
afterAll(() => tmp.remove());

describe('game identity: bytes and canonical content', () => {
  it('canonical content ignores line ends, indentation and member order, and nothing else', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(fixtureJson).reverse()));
    expect(gameContentSha256(FIXTURE_TEXT.replaceAll('\n', '\r\n'))).toBe(gameContentSha256(FIXTURE_TEXT));
    expect(gameContentSha256(reordered)).toBe(gameContentSha256(FIXTURE_TEXT));
    expect(gameContentSha256(FIXTURE_TEXT.replace('"maxWin": 40', '"maxWin": 41'))).not.toBe(
      gameContentSha256(FIXTURE_TEXT),
    );
  });

  it('a CRLF copy of the game file: same game content, different bytes — a note, not a finding', async () => {
    const crlf = FIXTURE_TEXT.replaceAll('\n', '\r\n');
    const { findings, report } = await verify(made.log, crlf, { ledger: made.ledger });
    expect(brief(findings)).toEqual([]);
    expect(report.game.match).toBe('same-content');
    expect(renderVerify(report)).toContain('same game content, different bytes');
  });

  it('a reformatted copy (one line, members reordered): the same', async () => {
    const compact = JSON.stringify(Object.fromEntries(Object.entries(fixtureJson).reverse()));
    const { findings, report } = await verify(made.log, compact);
    expect(brief(findings)).toEqual([]);
    expect(report.game.match).toBe('same-content');
  });

  it('a real change of the math: a different game, reported at line 1', async () => {
    const changed = FIXTURE_TEXT.replace('"maxWin": 40', '"maxWin": 41');
    const { findings, report } = await verify(made.log, changed);
    expect(findings.filter((f) => f.kind === 'identity').map((f) => [f.line, f.field])).toEqual([
      [1, 'game.sha256'],
    ]);
    expect(report.game.match).toBe('different');
    expect(renderVerify(report)).toContain('a DIFFERENT game file');
  });

  it('the same bytes: no note', async () => {
    const { report } = await verify(made.log, FIXTURE_TEXT);
    expect(report.game.match).toBe('same-bytes');
    expect(renderVerify(report)).not.toContain('same game content');
  });
});
