import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format2Mechanic } from '../../src/engine/classic.js';
import { bestLineMatch } from '../../src/engine/lines.js';
import { parseGame } from '../../src/game/index.js';
import { compileFast } from '../../src/sim/fast-game.js';

const lineGames = readdirSync('configs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => ({ name: f, game: parseGame(readFileSync(`configs/${f}`, 'utf8'), { file: f }) }))
  .filter(({ game }) => game.evaluation === 'lines');
// The fast path compiles the classic games; one using a format-2 mechanic simulates on the round flow.
const games = lineGames.filter(({ game }) => format2Mechanic(game) === null);

describe('the compiled line-pay table (filled a deciding prefix at a time)', () => {
  it.each(games)('$name: every entry is what bestLineMatch pays for its combination', ({ game }) => {
    const fast = compileFast(game);
    const table = fast.linePay!;
    const S = game.symbols.length;
    expect(table.length).toBe(S ** game.reels);
    const line = new Array<number>(game.reels).fill(0);
    for (let index = 0; index < table.length; index++) {
      for (let r = 0, rest = index; r < game.reels; r++, rest = Math.floor(rest / S)) line[r] = rest % S;
      if (table[index] !== (bestLineMatch(game, line)?.win ?? 0)) {
        expect(table[index], `index ${index}: ${line.join(' ')}`).toBe(bestLineMatch(game, line)?.win ?? 0);
      }
    }
  });
});
