/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES, parseGame } from '../../src/game/index.js';
import {
  changed,
  errorOf,
  expectIssue,
  featureGame,
  issuesOf,
  text,
  threeBells,
  waysGame,
  type Json,
} from './games.js';

/** [what, base game, change, path, fragments of the message] */
type Case = [string, () => Json, (g: Json) => void, string, ...string[]];

const cases: Case[] = [
  [
    'a missing key',
    threeBells,
    (g) => delete g.grid,
    'grid',
    'missing (expected a grid { "reels", "rows" })',
  ],
  [
    'a missing nested key',
    threeBells,
    (g) => delete g.bet.credits,
    'bet.credits',
    'missing (expected a positive integer number of credits)',
  ],
  [
    'a wrong type',
    threeBells,
    (g) => (g.grid.reels = '3'),
    'grid.reels',
    'found "3" (expected a number of reels from 1 to 100)',
  ],
  [
    'a fraction where an integer is due',
    threeBells,
    (g) => (g.bet.credits = 1.5),
    'bet.credits',
    'found 1.5 (expected a positive integer',
  ],
  [
    'zero rows',
    threeBells,
    (g) => (g.grid.rows = 0),
    'grid.rows',
    'found 0 (expected a number of rows from 1 to 100)',
  ],
  ['too many reels', threeBells, (g) => (g.grid.reels = 101), 'grid.reels', 'found 101'],
  [
    'an id with capitals',
    threeBells,
    (g) => (g.id = 'Three-Bells'),
    'id',
    'found "Three-Bells" (expected an id of lowercase letters, digits and dashes',
  ],
  ['an id starting with a dash', threeBells, (g) => (g.id = '-bells'), 'id', 'found "-bells"'],
  ['an empty name', threeBells, (g) => (g.name = ''), 'name', 'found "" (expected a non-empty name)'],
  [
    'a null',
    threeBells,
    (g) => (g.symbols.BELL = null),
    'symbols.BELL',
    'found null (expected an object of symbol properties',
  ],
  [
    'a misspelt symbol property',
    threeBells,
    (g) => (g.symbols.WILD.wlid = true),
    'symbols.WILD.wlid',
    'unknown key (expected one of: wild, multiplier, except, scatter; did you mean "wild"?)',
  ],
  [
    'an unknown top-level key',
    threeBells,
    (g) => (g.paylins = []),
    'paylins',
    'unknown key',
    'did you mean "paylines"?',
  ],
  [
    'a wild flag that is not a boolean',
    threeBells,
    (g) => (g.symbols.WILD.wild = 'yes'),
    'symbols.WILD.wild',
    'found "yes" (expected true or false)',
  ],
  [
    'a zero wild multiplier',
    threeBells,
    (g) => (g.symbols.WILD.multiplier = 0),
    'symbols.WILD.multiplier',
    'found 0 (expected a positive integer)',
  ],
  [
    'a fractional wild multiplier',
    threeBells,
    (g) => (g.symbols.WILD.multiplier = 1.5),
    'symbols.WILD.multiplier',
    'found 1.5',
  ],
  [
    'an evaluation that does not exist',
    threeBells,
    (g) => (g.evaluation = 'megaways'),
    'evaluation',
    'found "megaways" (expected "lines" or "ways")',
  ],
  [
    'a negative row index',
    threeBells,
    (g) => (g.paylines[0][1] = -1),
    'paylines[0][1]',
    'found -1 (expected a row index: an integer ≥ 0)',
  ],
  [
    'a count key with a leading zero',
    threeBells,
    (g) => (g.pays[1].pays = { '03': 20 }),
    'pays[1].pays.03',
    'key "03" is not allowed (expected a count: a positive integer key such as "3")',
  ],
  [
    'a count key of zero',
    threeBells,
    (g) => (g.pays[1].pays = { '0': 20 }),
    'pays[1].pays.0',
    'key "0" is not allowed',
  ],
  [
    'a word as a count key',
    threeBells,
    (g) => (g.pays[1].pays = { three: 20 }),
    'pays[1].pays.three',
    'key "three" is not allowed',
  ],
  [
    'a negative pay',
    threeBells,
    (g) => (g.pays[1].pays['3'] = -20),
    'pays[1].pays.3',
    'found -20 (expected a pay: a number ≥ 0)',
  ],
  [
    'a pay rule with a bad symbol type',
    threeBells,
    (g) => (g.pays[1].symbol = 7),
    'pays[1].symbol',
    'found 7 (expected a symbol id such as "A")',
  ],
  [
    'a pattern rule with a bad pay',
    threeBells,
    (g) => (g.pays[4].pay = '1'),
    'pays[4].pay',
    'found "1" (expected a pay: a number ≥ 0)',
  ],
  [
    'a pay rule mixing both kinds',
    threeBells,
    (g) => (g.pays[1].pay = 3),
    'pays[1].pay',
    'unknown key (expected one of: symbol, pays; did you mean "pays"?)',
  ],
  [
    'a pay rule of neither kind',
    threeBells,
    (g) => (g.pays[1] = {}),
    'pays[1]',
    'found an object (expected a pay rule: { "symbol", "pays" } or { "pattern", "pay" })',
  ],
  [
    'an empty pattern',
    threeBells,
    (g) => (g.pays[4].pattern = []),
    'pays[4].pattern',
    'found an empty list (expected a list of at least one symbol or group id)',
  ],
  [
    'a strip entry that is not a string',
    threeBells,
    (g) => (g.reelSets.base[0][2] = 3),
    'reelSets.base[0][2]',
    'found 3 (expected a symbol id such as "A")',
  ],
  [
    'a reel that is neither a strip nor a weighted reel',
    threeBells,
    (g) => (g.reelSets.base[0] = 'BELL'),
    'reelSets.base[0]',
    'found "BELL" (expected a reel: a list of symbol ids, or { "strip": [...], "weights": [...] })',
  ],
  [
    'a zero weight',
    threeBells,
    (g) => (g.reelSets.base[1].weights[3] = 0),
    'reelSets.base[1].weights[3]',
    'found 0 (expected a positive integer weight)',
  ],
  [
    'a fractional weight',
    threeBells,
    (g) => (g.reelSets.base[1].weights[3] = 0.5),
    'reelSets.base[1].weights[3]',
    'found 0.5 (expected a positive integer weight)',
  ],
  [
    'a weighted reel without weights',
    threeBells,
    (g) => delete g.reelSets.base[1].weights,
    'reelSets.base[1].weights',
    'missing (expected a list of positive integer weights)',
  ],
  [
    'an unknown key in a weighted reel',
    threeBells,
    (g) => (g.reelSets.base[1].weight = []),
    'reelSets.base[1].weight',
    'unknown key (expected one of: strip, weights; did you mean "weights"?)',
  ],
  [
    'a base without its object',
    threeBells,
    (g) => (g.base = 'base'),
    'base',
    'found "base" (expected an object { "reelSet" })',
  ],
  [
    'a free-spin award of zero spins',
    featureGame,
    (g) => (g.freeSpins.trigger.awards['3'] = 0),
    'freeSpins.trigger.awards.3',
    'found 0 (expected a positive integer number of spins)',
  ],
  [
    'a fractional retrigger',
    featureGame,
    (g) => (g.freeSpins.retrigger = { '3': 2.5 }),
    'freeSpins.retrigger.3',
    'found 2.5 (expected a positive integer number of spins)',
  ],
  [
    'a fractional free-spin multiplier',
    featureGame,
    (g) => (g.freeSpins.multiplier = 1.5),
    'freeSpins.multiplier',
    'found 1.5 (expected a positive integer)',
  ],
  [
    'zero max spins',
    featureGame,
    (g) => (g.freeSpins.maxSpins = 0),
    'freeSpins.maxSpins',
    'found 0 (expected a positive integer)',
  ],
  [
    'a bonus trigger of neither kind',
    featureGame,
    (g) => (g.bonus.trigger = { lines: {} }),
    'bonus.trigger',
    'expected a bonus trigger: { "anywhere": { "symbol", "count" } } or { "line": { "symbol", "count" } }',
  ],
  [
    'a bonus trigger with a zero count',
    featureGame,
    (g) => (g.bonus.trigger.line.count = 0),
    'bonus.trigger.line.count',
    'found 0 (expected a positive integer count)',
  ],
  [
    'a prize node of neither kind',
    featureGame,
    (g) => (g.bonus.prize.each = { pick: {}, each: {} }),
    'bonus.prize.each.each',
    'unknown key (expected one of: pick)',
  ],
  [
    'a prize value that is not a number',
    featureGame,
    (g) => (g.bonus.prize.each.pick = { ten: 1 }),
    'bonus.prize.each.pick.ten',
    'key "ten" is not allowed (expected a prize value: a number key such as "5" or "2.5")',
  ],
  [
    'a prize value with a trailing zero',
    featureGame,
    (g) => (g.bonus.prize.each.pick = { '2.50': 1 }),
    'bonus.prize.each.pick["2.50"]',
    'key "2.50" is not allowed',
  ],
  [
    'a zero prize weight',
    featureGame,
    (g) => (g.bonus.prize.each.pick['10'] = 0),
    'bonus.prize.each.pick.10',
    'found 0 (expected a positive integer weight)',
  ],
  [
    'a repeat count key that is not a whole number ("0" is allowed: draw nothing)',
    featureGame,
    (g) => (g.bonus.prize.repeat = { '0': 1, '-1': 1 }),
    'bonus.prize.repeat["-1"]',
    'key "-1" is not allowed (expected a count',
  ],
  [
    'a paysPer that does not exist',
    featureGame,
    (g) => (g.bonus.paysPer = 'line'),
    'bonus.paysPer',
    'found "line" (expected "lineBet" or "bet")',
  ],
  [
    'a zero max win',
    featureGame,
    (g) => (g.maxWin = 0),
    'maxWin',
    'found 0 (expected a multiple of the total bet: a number > 0)',
  ],
  [
    'a negative RTP tolerance',
    featureGame,
    (g) => (g.rtp.tolerance = -0.001),
    'rtp.tolerance',
    'found -0.001 (expected a tolerance as a fraction of the stake',
  ],
  [
    'an RTP written as a percentage',
    featureGame,
    (g) => (g.rtp.target = 96.5),
    'rtp.target',
    'found 96.5 (expected an RTP as a fraction of the stake, such as 0.965, not a percentage)',
  ],
  ['an RTP without its tolerance', featureGame, (g) => delete g.rtp.tolerance, 'rtp.tolerance', 'missing'],
  [
    'a variant setting the format',
    featureGame,
    (g) => (g.variants['high-coin'].format = 'slotsim/1'),
    'variants.high-coin.format',
    'unknown key (expected one of: description, notes, grid, bet',
  ],
  [
    'a variant nesting variants',
    featureGame,
    (g) => (g.variants['high-coin'].variants = {}),
    'variants.high-coin.variants',
    'unknown key',
  ],
  [
    'a variant naming its schema',
    featureGame,
    (g) => (g.variants['high-coin'].$schema = 'x'),
    'variants.high-coin.$schema',
    'unknown key',
  ],
  [
    'a variant with a key that is not top-level',
    featureGame,
    (g) => (g.variants['high-coin'].credits = 3),
    'variants.high-coin.credits',
    'unknown key',
  ],
  [
    'a bad value inside a variant',
    featureGame,
    (g) => (g.variants['high-coin'].bet.lineBet = 0),
    'variants.high-coin.bet.lineBet',
    'found 0',
  ],
  [
    'a variant that is not an object',
    featureGame,
    (g) => (g.variants.x = []),
    'variants.x',
    'found an empty list (expected a variant: an object of top-level keys)',
  ],
  [
    'notes that are not text',
    featureGame,
    (g) => (g.notes = 3),
    'notes',
    'found 3 (expected a string or a list of strings)',
  ],
  [
    'a ways game with a bad evaluation value',
    waysGame,
    (g) => (g.evaluation = 'Ways'),
    'evaluation',
    'found "Ways"',
  ],
];

describe('structural errors name the path, what was found and what was expected', () => {
  it.each(cases)('%s', (_, base, change, path, ...fragments) => {
    expectIssue(issuesOf(changed(base(), change)), path, ...fragments);
  });
});

describe('the file as a whole', () => {
  it('must be an object', () => {
    expect(errorOf('[1, 2]').message).toBe('g.json:1:1: found a list (expected a game: a JSON object)');
  });

  it('names a different format version and stops there', () => {
    const error = errorOf(changed(threeBells(), (g) => ((g.format = 'slotsim/3'), (g.grid = 5))));
    expect(error.issues).toHaveLength(1);
    expectIssue(
      error.issues,
      'format',
      'found "slotsim/3" (expected "slotsim/1" or "slotsim/2": this slotsim reads versions 1 and 2 of the game format)',
    );
  });

  it('requires the format key', () => {
    expectIssue(
      issuesOf(changed(threeBells(), (g) => delete g.format)),
      'format',
      'missing (expected "slotsim/1")',
    );
  });

  it('collects every error, one per line, each with file, line and column', () => {
    const error = errorOf(
      changed(threeBells(), (g) => {
        g.grid.rows = 0;
        g.symbols.WILD.wlid = true;
        g.reelSets.base[1].weights[0] = -2;
      }),
    );
    expect(error.code).toBe('INVALID_GAME');
    expect(error.file).toBe('g.json');
    expect(error.issues.map((i) => i.path)).toEqual([
      'grid.rows',
      'symbols.WILD.wlid',
      'reelSets.base[1].weights[0]',
    ]);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^g\.json:\d+:\d+: [\w.[\]]+: /);
  });

  it(`names at most ${MAX_REPORTED_ISSUES} errors in the message and counts the rest`, () => {
    const error = errorOf(
      changed(threeBells(), (g) => (g.reelSets.base[0] = Array.from({ length: 30 }, () => 5))),
    );
    expect(error.issues).toHaveLength(30);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(lines.at(-1)).toBe('g.json: … and 10 more errors');
  });

  it('accepts $schema, description and notes', () => {
    const game = changed(threeBells(), (g) => {
      g.$schema = './schema/slotsim-game.schema.json';
      g.description = 'x';
      g.notes = 'y';
    });
    expect(parseGame(text(game), { file: 'g.json' }).id).toBe('three-bells');
  });

  it('quotes keys that are not plain words in paths', () => {
    const game = changed(threeBells(), (g) => (g.symbols['A B'] = { wild: 1 }));
    expectIssue(issuesOf(game), 'symbols["A B"].wild', 'found 1 (expected true or false)');
  });
});
