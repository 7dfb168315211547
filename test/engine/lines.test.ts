import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format2Mechanic } from '../../src/engine/classic.js';
import { bestLineMatch } from '../../src/engine/lines.js';
import { LineSettler } from '../../src/engine/mechanics/lines/line-settled.js';
import { playRoundV1 } from '../../src/engine/round.js';
import { parseGame } from '../../src/game/index.js';
import { compile, ONE_ROW, oneRowGame, threeBells } from '../helpers/games.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

type Sym = keyof typeof ONE_ROW;

/** Plays the one-row game with the given symbols on reels 0–4 (one draw per reel picks it). */
function playLine(symbols: Sym[], overrides: Record<string, unknown> = {}) {
  const game = compile(oneRowGame(overrides));
  const rng = new ScriptedRng(symbols.map((s) => ONE_ROW[s]));
  const outcome = playRoundV1(game, rng);
  expect(rng.consumed).toBe(5);
  return outcome;
}

describe('line pays (hand-computed, one-row five-reel game)', () => {
  it('WILD WILD WILD SEVEN A pays four sevens (100), not three wilds (50)', () => {
    const o = playLine(['WILD', 'WILD', 'WILD', 'SEVEN', 'A']);
    expect(o.paid.wins).toEqual([
      { kind: 'line', line: 0, rule: 1, symbol: 'SEVEN', count: 4, multiplier: 1, win: 100 },
    ]);
    expect(o.total).toBe(100);
  });

  it('WILD WILD WILD BLANK BLANK pays the wilds’ own three (50), not the all-wild pattern (4)', () => {
    const o = playLine(['WILD', 'WILD', 'WILD', 'BLANK', 'BLANK']);
    expect(o.paid.wins[0]).toMatchObject({ symbol: 'WILD', count: 3, multiplier: 1, win: 50 });
  });

  it('a wild run longer than any of its pays pays the entry of its full length only', () => {
    // WILD pays 3 and 5, not 4: four wilds then a blank pay nothing from the WILD rule; the
    // pattern HIGH HIGH HIGH matched by wilds alone pays 4, unmultiplied.
    const o = playLine(['WILD', 'WILD', 'WILD', 'WILD', 'BLANK']);
    expect(o.paid.wins).toHaveLength(1);
    expect(o.paid.wins[0]).toMatchObject({ symbol: 'HIGH,HIGH,HIGH', count: 3, multiplier: 1, win: 4 });
  });

  it('a run of 4 pays the "4" entry, never the "3" entry, and nothing if "4" is missing', () => {
    expect(playLine(['K', 'K', 'K', 'K', 'BLANK']).total).toBe(4); // K has only "3": pattern pays 4
    expect(playLine(['A', 'A', 'A', 'A', 'BLANK']).total).toBe(40);
    expect(playLine(['A', 'A', 'A', 'BLANK', 'A']).total).toBe(10);
  });

  it('wild multipliers multiply: W3 W3 SEVEN = 20 × 3 × 3 = 180', () => {
    const o = playLine(['W3', 'W3', 'SEVEN', 'BLANK', 'BLANK']);
    expect(o.paid.wins[0]).toMatchObject({ symbol: 'SEVEN', count: 3, multiplier: 9, win: 180 });
  });

  it('mixed wilds: WILD W3 SEVEN SEVEN BLANK = 100 × 1 × 3 = 300', () => {
    expect(playLine(['WILD', 'W3', 'SEVEN', 'SEVEN', 'BLANK']).total).toBe(300);
  });

  it('a wild never substitutes for another wild: WILD W3 WILD … is no WILD run of 3', () => {
    // Only the HIGH pattern matches, by wilds alone, so it is not multiplied: 4.
    const o = playLine(['WILD', 'W3', 'WILD', 'BLANK', 'BLANK']);
    expect(o.paid.wins).toHaveLength(1);
    expect(o.paid.wins[0]).toMatchObject({ symbol: 'HIGH,HIGH,HIGH', multiplier: 1, win: 4 });
  });

  it('a pattern with groups, multiplied by the substituting wild: W3 A K = 4 × 3 = 12', () => {
    const o = playLine(['W3', 'A', 'K', 'BLANK', 'BLANK']);
    expect(o.paid.wins[0]).toMatchObject({
      rule: 5,
      symbol: 'HIGH,HIGH,HIGH',
      count: 3,
      multiplier: 3,
      win: 12,
    });
  });

  it('a pattern needs every position: A K BLANK pays nothing', () => {
    expect(playLine(['A', 'K', 'BLANK', 'A', 'A']).total).toBe(0);
  });

  it('"except": W3 does not substitute for BAR', () => {
    expect(playLine(['W3', 'BAR', 'BAR', 'BLANK', 'BLANK']).total).toBe(0);
    expect(playLine(['BAR', 'BAR', 'W3', 'BLANK', 'BLANK']).total).toBe(0);
    expect(playLine(['BAR', 'BAR', 'BAR', 'W3', 'BLANK']).total).toBe(7);
    // WILD (no except list) does substitute for BAR.
    expect(playLine(['BAR', 'WILD', 'BAR', 'BLANK', 'BLANK']).total).toBe(7);
  });

  it('a run must hold the symbol itself: WILD WILD then a blank is no seven', () => {
    expect(playLine(['WILD', 'WILD', 'BLANK', 'SEVEN', 'SEVEN']).total).toBe(0);
  });

  it('scatters are never part of a line, and pay by count anywhere × total bet', () => {
    const o = playLine(['SEVEN', 'SEVEN', 'SCAT', 'SEVEN', 'SCAT']);
    expect(o.paid.wins).toEqual([]);
    expect(o.paid.scatter).toEqual({ symbol: 'SCAT', count: 2, win: 2 });
    expect(o.components).toEqual({ lines: 0, scatter: 2, freeSpins: 0, bonus: 0 });
    expect(playLine(['SCAT', 'WILD', 'SCAT', 'BLANK', 'SCAT']).paid.scatter?.win).toBe(5);
  });

  it('scatter pays multiply the total bet, line pays the line bet', () => {
    const o = playLine(['SEVEN', 'SEVEN', 'SEVEN', 'SCAT', 'SCAT'], { bet: { credits: 10, lineBet: 2 } });
    expect(o.components.lines).toBe(20 * 2);
    expect(o.components.scatter).toBe(2 * 10);
    expect(o.stake).toBe(10);
  });

  it('on a tie the earliest rule is the one reported', () => {
    const pays = [
      { symbol: 'A', pays: { '3': 4 } },
      { pattern: ['HIGH', 'HIGH', 'HIGH'], pay: 4 },
    ];
    const o = playLine(['A', 'A', 'A', 'BLANK', 'BLANK'], { pays });
    expect(o.paid.wins[0]).toMatchObject({ rule: 0, symbol: 'A', win: 4 });
    const swapped = playLine(['A', 'A', 'A', 'BLANK', 'BLANK'], { pays: [pays[1], pays[0]] });
    expect(swapped.paid.wins[0]).toMatchObject({ rule: 0, symbol: 'HIGH,HIGH,HIGH', win: 4 });
  });
});

describe('Three Bells, the spec’s worked example', () => {
  const game = compile(threeBells);
  const WEIGHTS = [2, 4, 3, 4, 1, 4, 1, 4];
  const STRIP = ['BELL', 'BLANK', 'BAR', 'BLANK', 'CHERRY', 'BLANK', 'WILD', 'BLANK'];

  /** A draw on the weighted middle reel that lands on `stop` (its first weight unit). */
  const drawFor = (stop: number) => WEIGHTS.slice(0, stop).reduce((a, b) => a + b, 0);

  const play = (a: string, b: string, c: string) =>
    playRoundV1(game, new ScriptedRng([STRIP.indexOf(a), drawFor(STRIP.indexOf(b)), STRIP.indexOf(c)]));

  it('WILD WILD BELL pays 20 × 2 × 2 = 80', () => expect(play('WILD', 'WILD', 'BELL').total).toBe(80));
  it('CHERRY WILD BLANK is a run of two cherries: 3 × 2 = 6', () =>
    expect(play('CHERRY', 'WILD', 'BLANK').total).toBe(6));
  it('WILD WILD WILD pays the wilds’ own 200', () => expect(play('WILD', 'WILD', 'WILD').total).toBe(200));
  it('BELL BAR WILD is the ANY pattern, × 2', () => expect(play('BELL', 'BAR', 'WILD').total).toBe(2));

  it('a weighted reel maps each draw to the first stop whose running weight exceeds it', () => {
    // weights 2,4,3,4,1,4,1,4: running sums 2,6,9,13,14,18,19,23.
    const stopOf = (draw: number) => playRoundV1(game, new ScriptedRng([0, draw, 0])).paid.stops[1];
    expect([0, 1, 2, 5, 6, 8, 9, 13, 14, 18, 19, 22].map(stopOf)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 7,
    ]);
    const rng = new ScriptedRng([0, 0, 0]);
    playRoundV1(game, rng);
    expect(rng.bounds).toEqual([8, 23, 8]);
  });

  it('the full weighted cycle gives RTP 697/736, hit frequency 247/1472 and sd ≈ 7.39399', () => {
    let n = 0;
    let won = 0;
    let squares = 0;
    let hits = 0;
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 23; b++) {
        for (let c = 0; c < 8; c++) {
          const total = playRoundV1(game, new ScriptedRng([a, b, c])).total;
          n++;
          won += total;
          squares += total * total;
          if (total > 0) hits++;
        }
      }
    }
    expect(n).toBe(1472);
    // RTP = 697/736 exactly: won / 1472 = 697/736 ⇔ won = 1394.
    expect(won).toBe(1394);
    expect(hits).toBe(247);
    const mean = won / n;
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(7.39399, 5);
  });
});

describe('the line settler: a prefix that settles what its line pays', () => {
  const games = readdirSync('configs')
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => ({ name: f, game: parseGame(readFileSync(`configs/${f}`, 'utf8'), { file: f }) }))
    .concat([{ name: 'one-row test game', game: compile(oneRowGame()) }])
    // The lines of a game with a format-2 mechanic depend on more than their symbols.
    .filter(({ game }) => game.evaluation === 'lines' && game.reels >= 3 && format2Mechanic(game) === null);

  it.each(games)('$name: every pair called settled pays the same whatever follows it', ({ game }) => {
    const settler = new LineSettler(game);
    const S = game.symbols.length;
    const n = game.reels;
    let settled = 0;
    for (let a = 0; a < S; a++) {
      for (let b = 0; b < S; b++) {
        if (!settler.settled([a, b], 2)) continue;
        settled++;
        const line = new Array<number>(n).fill(0);
        line[0] = a;
        line[1] = b;
        const first = bestLineMatch(game, line);
        for (let c = 1; c < S ** (n - 2); c++) {
          for (let r = 2, rest = c; r < n; r++, rest = Math.floor(rest / S)) line[r] = rest % S;
          expect(bestLineMatch(game, line), line.join(' ')).toEqual(first);
        }
      }
    }
    // The pruning is worth having: most pairs settle their line.
    expect(settled).toBeGreaterThan((S * S) / 2);
  });

  it.each(games)(
    '$name: every three-symbol prefix called settled pays the same whatever follows it',
    ({ game }) => {
      const settler = new LineSettler(game);
      const S = game.symbols.length;
      const n = game.reels;
      if (n < 4) return; // three symbols are the whole line
      for (let p = 0; p < S ** 3; p++) {
        const prefix = [p % S, Math.floor(p / S) % S, Math.floor(p / S / S)];
        if (!settler.settled(prefix, 3)) continue;
        const line = [...prefix, ...new Array<number>(n - 3).fill(0)];
        const first = bestLineMatch(game, line);
        for (let c = 1; c < S ** (n - 3); c++) {
          for (let r = 3, rest = c; r < n; r++, rest = Math.floor(rest / S)) line[r] = rest % S;
          expect(bestLineMatch(game, line), line.join(' ')).toEqual(first);
        }
      }
    },
  );

  it('a pair that does not settle its line is one some completion changes (one-row game)', () => {
    const game = compile(oneRowGame());
    const settler = new LineSettler(game);
    const { SEVEN, WILD, A, BLANK } = ONE_ROW;
    expect(settler.settled([SEVEN, SEVEN], 2)).toBe(false);
    expect(settler.settled([WILD, SEVEN], 2)).toBe(false);
    expect(settler.settled([SEVEN, BLANK], 2)).toBe(true);
    const a = bestLineMatch(game, [SEVEN, SEVEN, SEVEN, BLANK, BLANK]);
    const b = bestLineMatch(game, [SEVEN, SEVEN, BLANK, BLANK, BLANK]);
    expect(a).not.toEqual(b);
    expect(settler.settled([A, BLANK], 2)).toBe(true);
  });
});
