import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GameFileError, loadGame, parseGame, readGameFile } from '../../src/game/index.js';
import { featureGame, text, THREE_BELLS_FILE } from './games.js';

const dir = mkdtempSync(join(tmpdir(), 'slotsim-game-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function thrown(run: () => unknown): GameFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof GameFileError) return error;
    throw error;
  }
  throw new Error('expected a GameFileError');
}

describe('reading game files', () => {
  it('hashes the exact bytes of the file', () => {
    const bytes = readFileSync(THREE_BELLS_FILE);
    const game = loadGame(THREE_BELLS_FILE);
    expect(game.sha256).toBe(sha256(bytes));
    const read = readGameFile(THREE_BELLS_FILE);
    expect(read.text).toBe(bytes.toString('utf8'));
    expect(read.sha256).toBe(sha256(bytes));
    expect(Buffer.from(read.raw).equals(bytes)).toBe(true);
  });

  it('keeps a byte-order mark in the text, so a worker re-parsing the text gets the same hash', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(featureGame()))]));
    const read = readGameFile(file);
    expect(read.text.charCodeAt(0)).toBe(0xfeff);
    expect(read.sha256).toBe(sha256(readFileSync(file)));
    expect(parseGame(read.text, { file }).sha256).toBe(read.sha256);
    expect(loadGame(file).sha256).toBe(read.sha256);
  });

  it('compiles the variant asked for', () => {
    const file = join(dir, 'feature.json');
    writeFileSync(file, text(featureGame()));
    expect(loadGame(file, { variant: 'high-coin' }).lineBet).toBe(20);
    expect(loadGame(file, { variant: null }).lineBet).toBe(10);
  });

  it('reports errors against the path it was given', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "format": "slotsim/1",\n  "grid": 3\n}\n');
    const error = thrown(() => loadGame(file));
    expect(error.code).toBe('INVALID_GAME');
    // In the order of the file: missing keys at the object that lacks them, then the bad grid.
    expect(error.message.split('\n')[0]).toBe(
      `${file}:1:1: id: missing (expected an id of lowercase letters, digits and dashes, such as "three-bells")`,
    );
    expect(error.message).toContain(`${file}:3:3: grid: found 3 (expected a grid { "reels", "rows" })`);
  });

  it('reports a missing file, a directory and a file that is not UTF-8 as INVALID_GAME', () => {
    const missing = join(dir, 'nope.json');
    expect(thrown(() => loadGame(missing)).message).toBe(
      `${missing}: cannot read the game file (no such file)`,
    );
    expect(thrown(() => loadGame(dir)).message).toBe(
      `${dir}: cannot read the game file (a directory, not a file)`,
    );
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const error = thrown(() => readGameFile(latin1));
    expect(error.code).toBe('INVALID_GAME');
    expect(error.message).toBe(`${latin1}: not a UTF-8 text file (expected JSON in UTF-8)`);
  });
});
