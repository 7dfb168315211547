import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGame, parseGameVariants, readGameFile } from '../../src/game/index.js';

// The games shipped in configs/ (the JSON Schema aside) must load, every variant of them.
const files = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => join('configs', f))
  .sort();

describe('bundled games', () => {
  it.skipIf(files.length > 0)('(none in configs/ yet: nothing to load)', () => {
    expect(files).toEqual([]);
  });

  it.skipIf(files.length === 0).each(files)('%s loads, as written and as every variant', (file) => {
    const { text, sha256 } = readGameFile(file);
    const games = parseGameVariants(text, { file, sha256 });
    expect(games.map((g) => g.variant)).toEqual([null, ...(games[0]?.variants ?? [])]);
    for (const game of games) expect(loadGame(file, { variant: game.variant })).toEqual(game);
  });
});
