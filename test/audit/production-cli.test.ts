/**
 * The production commands (`play`, `verify`, `recall`, `recover`) end to end through the built CLI,
 * on the hardening points of issue 8: unusable paths, wallet failures, signed logs, recovery.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './make-log.js';
import { oneMessage, slotsim, type CliResult } from './run-slotsim.js';

const GAME = 'configs/three-bells.json';
const tmp = tempDir('slotsim-prod-cli-');
const log = join(tmp.dir, 'run.jsonl');
const ledger = join(tmp.dir, 'run.ledger.jsonl');
let played: CliResult;

beforeAll(async () => {
  played = await slotsim('play', GAME, '--rounds', '60', '--players', '2', '--audit-log', log, '--no-fsync');
});
afterAll(() => tmp.remove());

describe('paths that cannot be read: exit 2 with the path and the OS reason, no stack trace', () => {
  it('verify and recall of a directory, a directory as --ledger', async () => {
    expect(played.code, played.stderr).toBe(0);
    const dir = join(tmp.dir, 'a-directory');
    mkdirSync(dir);
    const results = await Promise.all([
      slotsim('verify', dir, '--game', GAME),
      slotsim('recall', dir, '--round', 'x', '--game', GAME),
      slotsim('verify', log, '--game', GAME, '--ledger', dir),
      slotsim('recall', log, '--round', 'x', '--game', GAME, '--ledger', dir),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(2);
      const message = oneMessage(r);
      expect(message).toContain(dir);
      expect(message).toContain('a directory, not a file');
    }
  });

  it('a missing file is named with its reason', async () => {
    const missing = join(tmp.dir, 'missing.jsonl');
    writeFileSync(join(tmp.dir, 'x'), '');
    const r = await slotsim('verify', missing, '--game', GAME);
    expect(r.code).toBe(2);
    expect(oneMessage(r)).toContain(`${missing}: cannot read the audit log (no such file)`);
  });
});
