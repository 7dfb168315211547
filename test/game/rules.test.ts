/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- these tests take raw JSON documents apart, which have no static type */
import { describe, expect, it } from 'vitest';
import { parseGame } from '../../src/game/index.js';
import {
  changed,
  expectIssue,
  featureGame,
  issuesOf,
  text,
  threeBells,
  waysGame,
  type Json,
} from './games.js';

/** [rule, base game, change, path, fragments of the message] */
type Case = [string, () => Json, (g: Json) => void, string, ...string[]];

const BELLS_SYMBOLS = 'expected one of: BELL, CHERRY, BAR, BLANK, WILD';

const cases: Case[] = [
  // Symbol ids, wherever they are named.
  [
    'an unknown symbol on a strip',
    threeBells,
    (g) => (g.reelSets.base[2][5] = 'Q'),
    'reelSets.base[2][5]',
    `unknown symbol "Q" (${BELLS_SYMBOLS})`,
  ],
  [
    'an unknown symbol on a weighted strip',
    threeBells,
    (g) => (g.reelSets.base[1].strip[0] = 'BELLS'),
    'reelSets.base[1].strip[0]',
    'unknown symbol "BELLS"',
    'did you mean "BELL"?',
  ],
  [
    'a group on a strip',
    threeBells,
    (g) => (g.reelSets.base[0][0] = 'ANY'),
    'reelSets.base[0][0]',
    '"ANY" is a group, not a symbol (expected a symbol, one of: BELL',
  ],
  [
    'an unknown symbol in a pay rule',
    threeBells,
    (g) => (g.pays[1].symbol = 'bell'),
    'pays[1].symbol',
    'unknown symbol "bell"',
    'did you mean "BELL"?',
  ],
  [
    'an unknown symbol in a pattern',
    threeBells,
    (g) => (g.pays[4].pattern[1] = 'ANYTHING'),
    'pays[4].pattern[1]',
    'unknown symbol or group "ANYTHING" (expected one of: BELL, CHERRY, BAR, BLANK, WILD, ANY; did you mean "ANY"?)',
  ],
  [
    'an unknown symbol in a group',
    threeBells,
    (g) => g.groups.ANY.push('GOLD'),
    'groups.ANY[2]',
    `unknown symbol "GOLD" (${BELLS_SYMBOLS})`,
  ],
  [
    'an unknown symbol in an except list',
    threeBells,
    (g) => (g.symbols.WILD.except = ['PLUM']),
    'symbols.WILD.except[0]',
    'unknown symbol "PLUM"',
  ],
  [
    'an unknown scatter symbol',
    featureGame,
    (g) => (g.scatter.symbol = 'SCATTER'),
    'scatter.symbol',
    'unknown symbol "SCATTER"',
    'did you mean "SCAT"?',
  ],
  [
    'an unknown free-spin trigger',
    featureGame,
    (g) => (g.freeSpins.trigger.symbol = 'FS'),
    'freeSpins.trigger.symbol',
    'unknown symbol "FS"',
  ],
  [
    'an unknown bonus line symbol',
    featureGame,
    (g) => (g.bonus.trigger.line.symbol = 'BONUS2'),
    'bonus.trigger.line.symbol',
    'unknown symbol "BONUS2"',
  ],
  [
    'an unknown bonus anywhere symbol',
    waysGame,
    (g) => (g.bonus.trigger.anywhere.symbol = 'S'),
    'bonus.trigger.anywhere.symbol',
    'unknown symbol "S"',
  ],
  ['no symbols at all', threeBells, (g) => (g.symbols = {}), 'symbols', 'no symbols (expected at least one)'],

  // Groups.
  [
    'a group id that is also a symbol id',
    threeBells,
    (g) => (g.groups.BELL = ['BAR']),
    'groups.BELL',
    'group id "BELL" is also a symbol id (expected a name no symbol has)',
  ],
  [
    'an empty group',
    threeBells,
    (g) => (g.groups.ANY = []),
    'groups.ANY',
    'an empty group (expected at least one symbol id)',
  ],
  [
    'a group listing a symbol twice',
    threeBells,
    (g) => g.groups.ANY.push('BELL'),
    'groups.ANY[2]',
    '"BELL" is listed twice',
  ],
  [
    'a group holding a scatter',
    featureGame,
    (g) => g.groups.ROYAL.push('SCAT'),
    'groups.ROYAL[2]',
    '"SCAT" is a scatter',
    'expected a symbol without "scatter": true',
  ],

  // Wilds and scatters.
  [
    'a symbol both wild and scatter',
    threeBells,
    (g) => (g.symbols.WILD.scatter = true),
    'symbols.WILD',
    'both wild and scatter',
  ],
  [
    'a multiplier on a non-wild',
    threeBells,
    (g) => (g.symbols.BELL.multiplier = 2),
    'symbols.BELL.multiplier',
    'a multiplier on a symbol that is not wild (expected "wild": true, or no multiplier)',
  ],
  [
    'an except list on a non-wild',
    threeBells,
    (g) => (g.symbols.BELL.except = ['BAR']),
    'symbols.BELL.except',
    'an except list on a symbol that is not wild',
  ],
  [
    'an except list naming a wild',
    featureGame,
    (g) => (g.symbols.WILD.except = ['K', 'W5']),
    'symbols.WILD.except[1]',
    '"W5" is a wild, and a wild never substitutes for another wild (expected a symbol that is not wild)',
  ],
  [
    'a pay rule for a scatter',
    featureGame,
    (g) => (g.pays[3].symbol = 'SCAT'),
    'pays[3].symbol',
    '"SCAT" is a scatter, and a scatter is never part of a line or way',
  ],
  [
    'a pattern holding a scatter',
    featureGame,
    (g) => (g.pays[4].pattern[2] = 'SCAT'),
    'pays[4].pattern[2]',
    '"SCAT" is a scatter',
  ],
  [
    'a scatter pay on a non-scatter',
    featureGame,
    (g) => (g.scatter.symbol = 'A'),
    'scatter.symbol',
    '"A" is not a scatter (expected a symbol marked "scatter": true)',
  ],
  [
    'free spins triggered by a non-scatter',
    featureGame,
    (g) => (g.freeSpins.trigger.symbol = 'BONUS'),
    'freeSpins.trigger.symbol',
    '"BONUS" is not a scatter',
  ],
  [
    'an anywhere bonus on a non-scatter',
    waysGame,
    (g) => (g.bonus.trigger.anywhere.symbol = 'A'),
    'bonus.trigger.anywhere.symbol',
    '"A" is not a scatter',
  ],
  [
    'a line bonus on a scatter',
    featureGame,
    (g) => (g.bonus.trigger.line.symbol = 'SCAT'),
    'bonus.trigger.line.symbol',
    '"SCAT" is a scatter',
  ],

  // Evaluation, paylines and the line bet.
  [
    'a lines game without paylines',
    threeBells,
    (g) => delete g.paylines,
    'paylines',
    'missing (expected the paylines of a lines game: a list of lines of 3 row indexes)',
  ],
  [
    'a lines game with no paylines',
    threeBells,
    (g) => (g.paylines = []),
    'paylines',
    'an empty list (expected at least one payline)',
  ],
  [
    'a payline of the wrong length',
    threeBells,
    (g) => (g.paylines = [[0, 0]]),
    'paylines[0]',
    'a payline of 2 row indexes (expected 3, one per reel)',
  ],
  [
    'a payline row outside the grid',
    featureGame,
    (g) => (g.paylines[1][3] = 3),
    'paylines[1][3]',
    'row 3 is outside the grid (expected a row index from 0 to 2)',
  ],
  [
    'a ways game with paylines',
    waysGame,
    (g) => (g.paylines = [[0, 0, 0]]),
    'paylines',
    'paylines in a ways game',
  ],
  [
    'a ways game without a line bet',
    waysGame,
    (g) => delete g.bet.lineBet,
    'bet.lineBet',
    'missing (expected the line bet in credits: a ways game must give it)',
  ],
  [
    'a line bet that does not divide',
    featureGame,
    (g) => (g.bet.credits = 25),
    'bet.lineBet',
    'missing, and bet.credits 25 does not divide by the 3 paylines (expected "lineBet", or credits divisible by the number of paylines)',
  ],
  [
    'a pattern in a ways game',
    waysGame,
    (g) => g.pays.push({ pattern: ['A', 'A'], pay: 1 }),
    'pays[3]',
    'a pattern in a ways game',
  ],
  [
    'a pattern longer than the reels',
    threeBells,
    (g) => g.pays[4].pattern.push('ANY'),
    'pays[4].pattern',
    '4 positions (expected at most 3, one per reel)',
  ],
  [
    'a run longer than the reels',
    threeBells,
    (g) => (g.pays[1].pays['4'] = 50),
    'pays[1].pays.4',
    'run length 4 cannot occur (expected 1 to 3, the reels)',
  ],
  [
    'a ways count beyond the reels',
    waysGame,
    (g) => (g.pays[0].pays['4'] = 50),
    'pays[0].pays.4',
    'reel count 4 cannot occur (expected 1 to 3, the reels)',
  ],
  [
    'a pay rule without pays',
    threeBells,
    (g) => (g.pays[1].pays = {}),
    'pays[1].pays',
    'an empty object (expected at least one run length)',
  ],

  // Whole credits.
  [
    'a line pay that is not whole credits',
    threeBells,
    (g) => (g.pays[1].pays['3'] = 2.5),
    'pays[1].pays.3',
    '2.5 × line bet 1 = 2.5 credits (expected a whole number of credits)',
  ],
  [
    'a decimal pay that is not whole at this line bet',
    featureGame,
    (g) => (g.pays[1].pays['3'] = 1.15),
    'pays[1].pays.3',
    '1.15 × line bet 10 = 11.5 credits',
  ],
  [
    'a pattern pay that is not whole credits',
    featureGame,
    (g) => (g.pays[4].pay = 0.25),
    'pays[4].pay',
    '0.25 × line bet 10 = 2.5 credits',
  ],
  [
    'a ways pay that is not whole credits',
    waysGame,
    (g) => (g.pays[1].pays['2'] = 0.5),
    'pays[1].pays.2',
    '0.5 × line bet 1 = 0.5 credits',
  ],
  [
    'a scatter pay that is not whole credits',
    featureGame,
    (g) => (g.scatter.pays['4'] = 10.51),
    'scatter.pays.4',
    '10.51 × total bet 30 = 315.3 credits',
  ],
  [
    'a pay too large to count exactly',
    threeBells,
    (g) => (g.pays[1].pays['3'] = 1e300),
    'pays[1].pays.3',
    `(expected at most ${Number.MAX_SAFE_INTEGER} credits)`,
  ],
  [
    'a bonus prize that is not whole credits per line bet',
    featureGame,
    (g) => (g.bonus.prize.each.pick['2.55'] = 1),
    'bonus.prize.each.pick["2.55"]',
    '2.55 × line bet 10 = 25.5 credits',
  ],
  [
    'a bonus prize that is not whole credits per bet',
    waysGame,
    (g) => (g.bonus.prize.pick['0.25'] = 1),
    'bonus.prize.pick["0.25"]',
    '0.25 × total bet 10 = 2.5 credits',
  ],
  [
    'a max win that is not whole credits',
    featureGame,
    (g) => (g.maxWin = 1000.01),
    'maxWin',
    '1000.01 × total bet 30 = 30000.3 credits',
  ],

  // Counts of cells.
  [
    'a scatter count beyond the window',
    featureGame,
    (g) => (g.scatter.pays['16'] = 100),
    'scatter.pays.16',
    'count 16 cannot occur (expected 1 to 15, the cells of the window)',
  ],
  [
    'a scatter without pays',
    featureGame,
    (g) => (g.scatter.pays = {}),
    'scatter.pays',
    'an empty object (expected at least one count)',
  ],
  [
    'a free-spin award beyond the window',
    featureGame,
    (g) => (g.freeSpins.trigger.awards['20'] = 5),
    'freeSpins.trigger.awards.20',
    'count 20 cannot occur',
  ],
  [
    'free spins that can never trigger',
    featureGame,
    (g) => (g.freeSpins.trigger.awards = {}),
    'freeSpins.trigger.awards',
    'an empty object (expected at least one count)',
  ],
  [
    'a retrigger beyond the window',
    featureGame,
    (g) => (g.freeSpins.retrigger = { '16': 5 }),
    'freeSpins.retrigger.16',
    'count 16 cannot occur',
  ],
  [
    'an anywhere bonus beyond the window',
    waysGame,
    (g) => (g.bonus.trigger.anywhere.count = 10),
    'bonus.trigger.anywhere.count',
    '10 cells cannot occur (expected 1 to 9',
  ],
  [
    'a line bonus longer than the reels',
    featureGame,
    (g) => (g.bonus.trigger.line.count = 6),
    'bonus.trigger.line.count',
    '6 reels cannot occur (expected 1 to 5',
  ],
  [
    'a line bonus in a ways game',
    waysGame,
    (g) => (g.bonus.trigger = { line: { symbol: 'A', count: 3 } }),
    'bonus.trigger.line',
    'a line trigger in a ways game (expected "anywhere"',
  ],
  [
    'an empty prize pick',
    featureGame,
    (g) => (g.bonus.prize.each.pick = {}),
    'bonus.prize.each.pick',
    'an empty object (expected at least one prize value → weight)',
  ],
  [
    'prize weights beyond the largest draw',
    featureGame,
    (g) => (g.bonus.prize.each.pick = { '1': 2 ** 31, '2': 2 ** 31 + 1 }),
    'bonus.prize.each.pick',
    'the weights add up to 4294967297 (expected at most 2^32',
  ],

  // Reel sets.
  [
    'a reel set with too few reels',
    threeBells,
    (g) => g.reelSets.base.pop(),
    'reelSets.base',
    '2 reels (expected 3, one per grid column)',
  ],
  [
    'an empty strip',
    threeBells,
    (g) => (g.reelSets.base[0] = []),
    'reelSets.base[0]',
    'an empty strip (expected at least one symbol id)',
  ],
  [
    'an empty weighted strip',
    threeBells,
    (g) => (g.reelSets.base[1] = { strip: [], weights: [] }),
    'reelSets.base[1].strip',
    'an empty strip',
  ],
  [
    'weights that do not match the strip',
    threeBells,
    (g) => g.reelSets.base[1].weights.pop(),
    'reelSets.base[1].weights',
    '7 weights for 8 stops (expected one weight per stop)',
  ],
  [
    'weights beyond the largest draw',
    threeBells,
    (g) => (g.reelSets.base[1].weights[0] = 2 ** 32),
    'reelSets.base[1].weights',
    'the weights add up to 4294967317 (expected at most 2^32 = 4294967296',
  ],
  ['no reel sets', threeBells, (g) => (g.reelSets = {}), 'reelSets', 'no reel sets (expected at least one)'],
  [
    'a base reel set that does not exist',
    threeBells,
    (g) => (g.base.reelSet = 'main'),
    'base.reelSet',
    'no reel set "main" (expected a reel set name, one of: base)',
  ],
  [
    'no "base" reel set when base is left out',
    threeBells,
    (g) => ((g.reelSets = { main: g.reelSets.base }), delete g.base),
    'reelSets',
    'no reel set "base" for the paid spins',
  ],
  [
    'a free-spin reel set that does not exist',
    featureGame,
    (g) => (g.freeSpins.reelSet = 'fre'),
    'freeSpins.reelSet',
    'no reel set "fre"',
    'did you mean "free"?',
  ],
];

describe('semantic rules name the path, what was found and what was expected', () => {
  it.each(cases)('%s', (_, base, change, path, ...fragments) => {
    expectIssue(issuesOf(changed(base(), change)), path, ...fragments);
  });
});

describe('what the rules allow', () => {
  const loads = (game: Json) => parseGame(text(game), { file: 'g.json' });

  it('a strip shorter than the rows (it wraps)', () => {
    const game = changed(waysGame(), (g) => (g.reelSets.base[0] = ['A']));
    expect(loads(game).baseReelSet.reels[0]).toMatchObject({ strip: [0], drawBound: 1 });
  });

  it('a line bet other than credits / paylines (a 3-coin pay level)', () => {
    expect(loads(changed(threeBells(), (g) => (g.bet = { credits: 3, lineBet: 1 }))).lineBet).toBe(1);
  });

  it('decimal pays that make whole credits, and weights adding up to exactly 2^32', () => {
    const game = changed(threeBells(), (g) => {
      g.bet = { credits: 4, lineBet: 4 };
      g.pays[1].pays['3'] = 0.25;
      g.reelSets.base[1] = { strip: ['BELL', 'BAR'], weights: [2 ** 31, 2 ** 31] };
    });
    const compiled = loads(game);
    expect(compiled.pays[1]).toMatchObject({ pays: [0, 0, 0, 1] });
    expect(compiled.baseReelSet.reels[1]?.drawBound).toBe(2 ** 32);
  });

  it('a wild own pay, a group holding a wild, a pattern naming a wild, and zero pays', () => {
    const game = changed(threeBells(), (g) => {
      g.groups.ANY.push('WILD');
      g.pays.push({ pattern: ['WILD', 'BLANK'], pay: 0 });
    });
    const compiled = loads(game);
    const rule = compiled.pays[4];
    // In a group, the wild matches as itself (direct), so never by substituting.
    expect(rule?.kind === 'pattern' && rule.direct[0]?.[4]).toBe(true);
    expect(rule?.kind === 'pattern' && rule.substitute[0]?.[4]).toBe(false);
  });

  it('reports several broken rules together', () => {
    const issues = issuesOf(
      changed(featureGame(), (g) => {
        g.reelSets.base[0][0] = 'X';
        g.pays[1].pays['3'] = 1.15;
        g.freeSpins.reelSet = 'nope';
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['pays[1].pays.3', 'reelSets.base[0][0]', 'freeSpins.reelSet']);
    expect(issues.every((i) => i.location !== null)).toBe(true);
  });
});
