/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- these tests take raw JSON documents apart, which have no static type */
/**
 * Every sentence of the format-2 spec that says something "is an error", and every ruling that
 * makes something an error, as one row: the rule, a valid game broken by one change, the JSON path
 * the loader must name, and the message it must give (what was found, what was expected).
 */
import { describe, expect, it } from 'vitest';
import { GameFileError, parseGame } from '../../src/game/index.js';
import { changed, featureGame, issuesOf, text, threeBells, waysGame, type Json } from './games.js';
import {
  anywhereGame,
  clusterGame,
  holdAndWinGame,
  megawaysGame,
  stickyExpandGame,
  tumblingLines,
} from './games-v2.js';

/** [rule, base game, change, path, message] */
type Case = [string, () => Json, (g: Json) => void, string, RegExp];

/** Ruling 2: a slotsim/1 file using a key or value of format 2 is refused, naming it. */
const formatOneCases: Case[] = [
  ...['wildMultipliers', 'cascade', 'holdAndWin', 'modes'].map((key): Case => [
    `v1: top-level "${key}"`,
    featureGame,
    (g) => (g[key] = {}),
    key,
    new RegExp(`^"${key}" is a key of format version 2 \\(expected "format": "slotsim/2" to use it\\)$`),
  ]),
  ...['coin', 'multiplierSymbol', 'expand'].map((key): Case => [
    `v1: symbol key "${key}"`,
    featureGame,
    (g) => (g.symbols.A[key] = true),
    `symbols.A.${key}`,
    new RegExp(`^"${key}" is a key of format version 2`),
  ]),
  ...['stickyWilds', 'multiplierMeter'].map((key): Case => [
    `v1: free-spin key "${key}"`,
    featureGame,
    (g) => (g.freeSpins[key] = true),
    `freeSpins.${key}`,
    new RegExp(`^"${key}" is a key of format version 2`),
  ]),
  [
    'v1: grid.heights',
    threeBells,
    (g) => (g.grid.heights = []),
    'grid.heights',
    /^"heights" is a key of format version 2/,
  ],
  [
    'v1: cluster evaluation',
    waysGame,
    (g) => (g.evaluation = 'cluster'),
    'evaluation',
    /^evaluation "cluster" needs format version 2 .*or "lines" or "ways"\)$/,
  ],
  [
    'v1: anywhere evaluation',
    waysGame,
    (g) => (g.evaluation = 'anywhere'),
    'evaluation',
    /^evaluation "anywhere" needs format version 2/,
  ],
  [
    'v1: a weighted wild multiplier',
    featureGame,
    (g) => (g.symbols.WILD.multiplier = [{ value: 2, weight: 1 }]),
    'symbols.WILD.multiplier',
    /^a weighted multiplier list needs format version 2 .*or a whole multiplier\)$/,
  ],
  [
    'v1: a range key "N-M" in pays',
    featureGame,
    (g) => (g.pays[1].pays = { '3-5': 1 }),
    'pays[1].pays.3-5',
    /^count key "3-5" is a range, which needs format version 2 .*or a single count such as "3"\)$/,
  ],
  [
    'v1: a range key "N+" in scatter pays',
    featureGame,
    (g) => (g.scatter.pays = { '3+': 1 }),
    'scatter.pays["3+"]',
    /^count key "3\+" is a range, which needs format version 2/,
  ],
  [
    'v1: a range key in awards',
    featureGame,
    (g) => (g.freeSpins.trigger.awards = { '3+': 10 }),
    'freeSpins.trigger.awards["3+"]',
    /^count key "3\+" is a range/,
  ],
  [
    'v1: a range key in retriggers',
    featureGame,
    (g) => (g.freeSpins.retrigger = { '3-4': 10 }),
    'freeSpins.retrigger.3-4',
    /^count key "3-4" is a range/,
  ],
  [
    'v1: a drawn award',
    featureGame,
    (g) => (g.freeSpins.trigger.awards['3'] = { '9': 1, '10': 2 }),
    'freeSpins.trigger.awards.3',
    /^a drawn award \(a table of spin counts\) needs format version 2 .*or a number of spins\)$/,
  ],
  [
    'v1: a drawn retrigger',
    featureGame,
    (g) => (g.freeSpins.retrigger = { '3': { '5': 1 } }),
    'freeSpins.retrigger.3',
    /^a drawn award/,
  ],
  [
    'v1: a format-2 key in a variant',
    featureGame,
    (g) => (g.variants['high-coin'].cascade = { refill: 'strip' }),
    'variants.high-coin.cascade',
    /^"cascade" is a key of format version 2/,
  ],
  [
    'v1: a format-2 value in a variant',
    featureGame,
    (g) => (g.variants['high-coin'].evaluation = 'cluster'),
    'variants.high-coin.evaluation',
    /^evaluation "cluster" needs format version 2/,
  ],
  [
    'v1: a draw bound above 2^32 (format 2 allows up to 2^53 − 1)',
    threeBells,
    (g) => (g.reelSets.base[1].weights[0] = 2 ** 32),
    'reelSets.base[1].weights',
    /^the weights add up to 4294967317 \(expected at most 2\^32 = 4294967296, the largest draw of format version 1; "slotsim\/2" allows up to 2\^53 − 1\)$/,
  ],
];

const generalCases: Case[] = [
  // Count keys (general rules, ruling 3).
  [
    'a range "N-M" with N > M',
    tumblingLines,
    (g) => (g.pays[0].pays = { '5-3': 1 }),
    'pays[0].pays.5-3',
    /^range "5-3" is empty \(expected "N-M" with N ≤ M\)$/,
  ],
  [
    'two keys sharing a count: "3-5" and "4+"',
    tumblingLines,
    (g) => (g.pays[0].pays = { '3-5': 1, '4+': 2 }),
    'pays[0].pays["4+"]',
    /^key "4\+" shares run lengths 4 to 5 with key "3-5" \(expected each count in at most one key\)$/,
  ],
  [
    'two keys sharing a count: "3" and "3+"',
    tumblingLines,
    (g) => (g.scatter.pays = { '3': 1, '3+': 2 }),
    'scatter.pays["3+"]',
    /^key "3\+" shares count 3 with key "3" \(expected each count in at most one key\)$/,
  ],
  [
    'two keys sharing a count: "2-4" and "4-6" (awards)',
    tumblingLines,
    (g) => (g.freeSpins.trigger.awards = { '2-4': 5, '4-6': 10 }),
    'freeSpins.trigger.awards.4-6',
    /^key "4-6" shares count 4 with key "2-4"/,
  ],
  [
    'two keys sharing a count in retriggers',
    tumblingLines,
    (g) => (g.freeSpins.retrigger = { '3+': 5, '5': 1 }),
    'freeSpins.retrigger.5',
    /^key "5" shares count 5 with key "3\+"/,
  ],
  [
    'a range reaching past the reels',
    tumblingLines,
    (g) => (g.pays[0].pays = { '3-6': 1 }),
    'pays[0].pays.3-6',
    /^range "3-6" reaches run length 6, which cannot occur \(expected counts from 1 to 5, the reels; "3\+" covers 3 and above\)$/,
  ],
  [
    'a range starting past the window',
    tumblingLines,
    (g) => (g.scatter.pays = { '16+': 1 }),
    'scatter.pays["16+"]',
    /^counts 16\+ cannot occur \(expected counts from 1 to 15, the cells of the window\)$/,
  ],
  [
    'a count key with a leading zero (ruling 3)',
    tumblingLines,
    (g) => (g.pays[0].pays = { '03': 1 }),
    'pays[0].pays.03',
    /^key "03" is not allowed \(expected a count key "N", a range "N-M" or "N\+", of whole numbers ≥ 1 without leading zeros\)$/,
  ],
  [
    'a range with a leading zero (ruling 3)',
    tumblingLines,
    (g) => (g.scatter.pays = { '3-05': 1 }),
    'scatter.pays.3-05',
    /^key "3-05" is not allowed/,
  ],
  [
    'a count of 0 (ruling 3)',
    tumblingLines,
    (g) => (g.scatter.pays = { '0+': 1 }),
    'scatter.pays["0+"]',
    /^key "0\+" is not allowed/,
  ],
  [
    'a range with spaces',
    tumblingLines,
    (g) => (g.scatter.pays = { '3 - 5': 1 }),
    'scatter.pays["3 - 5"]',
    /^key "3 - 5" is not allowed/,
  ],

  // Weighted lists and draw bounds.
  [
    'a weight of 0',
    megawaysGame,
    (g) => (g.grid.heights[0][1].weight = 0),
    'grid.heights[0][1].weight',
    /^found 0 \(expected a positive integer weight\)$/,
  ],
  [
    'a fractional weight',
    clusterGame,
    (g) => (g.symbols.X.multiplierSymbol[0].weight = 1.5),
    'symbols.X.multiplierSymbol[0].weight',
    /^found 1\.5 \(expected a positive integer weight\)$/,
  ],
  [
    'an empty weighted list',
    clusterGame,
    (g) => (g.symbols.X.multiplierSymbol = []),
    'symbols.X.multiplierSymbol',
    /^found an empty list \(expected a weighted list of at least one entry, such as/,
  ],
  [
    'an unknown key in a weighted list entry',
    megawaysGame,
    (g) => (g.grid.heights[0][0].value = 2),
    'grid.heights[0][0].value',
    /^unknown key \(expected one of: rows, weight\)$/,
  ],
  [
    'weights past 2^53 − 1',
    tumblingLines,
    (g) =>
      (g.symbols.WILD.multiplier = [
        { value: 2, weight: 2 ** 52 },
        { value: 3, weight: 2 ** 52 },
      ]),
    'symbols.WILD.multiplier',
    /^the weights add up to 9007199254740992 \(expected at most 2\^53 − 1 = 9007199254740991, the largest draw\)$/,
  ],
  [
    'reel weights past 2^53 − 1',
    tumblingLines,
    (g) => (g.reelSets.base[0] = { strip: ['A', 'K'], weights: [2 ** 53 - 1, 1] }),
    'reelSets.base[0].weights',
    /^the weights add up to 9007199254740992 \(expected at most 2\^53 − 1/,
  ],
  [
    'a weight past 2^53 − 1',
    tumblingLines,
    (g) => (g.reelSets.base[0] = { strip: ['A'], weights: [2 ** 53] }),
    'reelSets.base[0].weights[0]',
    /^found 9007199254740992 \(expected a positive integer weight\)$/,
  ],
  [
    'prize weights past 2^53 − 1',
    holdAndWinGame,
    (g) =>
      (g.bonus = {
        trigger: { line: { symbol: 'A', count: 3 } },
        prize: { pick: { '1': 2 ** 53 - 1, '2': 1 } },
      }),
    'bonus.prize.pick',
    /^the weights add up to 9007199254740992/,
  ],
  [
    'land weights past 2^53 − 1',
    holdAndWinGame,
    (g) => (g.holdAndWin.land = { coin: 2 ** 53 - 1, blank: 1 }),
    'holdAndWin.land',
    /^the weights add up to 9007199254740992/,
  ],
  [
    'drawn award weights past 2^53 − 1',
    tumblingLines,
    (g) => (g.freeSpins.trigger.awards['3'] = { '9': 2 ** 53 - 1, '10': 1 }),
    'freeSpins.trigger.awards.3',
    /^the weights add up to 9007199254740992/,
  ],
  [
    'an empty drawn award',
    tumblingLines,
    (g) => (g.freeSpins.trigger.awards['3'] = {}),
    'freeSpins.trigger.awards.3',
    /^an empty table \(expected at least one spin count → weight\)$/,
  ],
  [
    'a drawn award of 0 spins',
    tumblingLines,
    (g) => (g.freeSpins.trigger.awards['3'] = { '0': 1 }),
    'freeSpins.trigger.awards.3.0',
    /^key "0" is not allowed \(expected a count: a positive integer key such as "3"\)$/,
  ],

  // Evaluation kinds.
  [
    '"sum" in a ways game',
    megawaysGame,
    (g) => (g.wildMultipliers = 'sum'),
    'wildMultipliers',
    /^"sum" in a ways game \(expected "product"/,
  ],
  [
    'an unknown wildMultipliers',
    tumblingLines,
    (g) => (g.wildMultipliers = 'max'),
    'wildMultipliers',
    /^found "max" \(expected "product" or "sum"\)$/,
  ],
  [
    'an unknown evaluation',
    tumblingLines,
    (g) => (g.evaluation = 'megaways'),
    'evaluation',
    /^found "megaways" \(expected "lines", "ways", "cluster" or "anywhere"\)$/,
  ],
  [
    'cluster: a pay rule of a wild',
    clusterGame,
    (g) => g.pays.push({ symbol: 'WILD', pays: { '5+': 1 } }),
    'pays[3].symbol',
    /^a pay rule of the wild "WILD" in a cluster game \(expected a symbol that is not wild/,
  ],
  [
    'cluster: a pattern',
    clusterGame,
    (g) => g.pays.push({ pattern: ['R', 'R'], pay: 1 }),
    'pays[3]',
    /^a pattern in a cluster game \(expected \{ "symbol", "pays" \} rules only: patterns are for lines games\)$/,
  ],
  [
    'cluster: paylines',
    clusterGame,
    (g) => (g.paylines = [[0, 0, 0, 0, 0]]),
    'paylines',
    /^paylines in a cluster game \(expected no "paylines"/,
  ],
  [
    'cluster: grid.heights',
    clusterGame,
    (g) => (g.grid.heights = [0, 1, 2, 3, 4].map(() => [{ rows: 5, weight: 1 }])),
    'grid.heights',
    /^heights in a cluster game \(expected no "heights": variable reel heights are for ways and pay-anywhere games\)$/,
  ],
  [
    'anywhere: a pay rule of a wild',
    anywhereGame,
    (g) => ((g.symbols.W = { wild: true }), g.pays.push({ symbol: 'W', pays: { '8+': 1 } })),
    'pays[2].symbol',
    /^a pay rule of the wild "W" in a pay-anywhere game/,
  ],
  [
    'anywhere: a pattern',
    anywhereGame,
    (g) => g.pays.push({ pattern: ['H'], pay: 1 }),
    'pays[2]',
    /^a pattern in a pay-anywhere game/,
  ],
  [
    'anywhere: paylines',
    anywhereGame,
    (g) => (g.paylines = [[0, 0, 0, 0, 0, 0]]),
    'paylines',
    /^paylines in a pay-anywhere game \(expected no "paylines"/,
  ],
  [
    'lines: grid.heights',
    tumblingLines,
    (g) => (g.grid.heights = [0, 1, 2, 3, 4].map(() => [{ rows: 3, weight: 1 }])),
    'grid.heights',
    /^heights in a lines game/,
  ],
  [
    'cluster: lineBet missing (ruling 5)',
    clusterGame,
    (g) => (g.bet = { credits: 20 }),
    'bet.lineBet',
    /^missing \(expected the line bet in credits: a cluster game must give it\)$/,
  ],
  [
    'anywhere: lineBet missing (ruling 5)',
    anywhereGame,
    (g) => (g.bet = { credits: 20 }),
    'bet.lineBet',
    /^missing \(expected the line bet in credits: a pay-anywhere game must give it\)$/,
  ],
  [
    'cluster: a cluster size past the grid',
    clusterGame,
    (g) => (g.pays[1].pays = { '26': 1 }),
    'pays[1].pays.26',
    /^cluster size 26 cannot occur \(expected 1 to 25, the cells of the window\)$/,
  ],
  [
    'anywhere: a count past the grid',
    anywhereGame,
    (g) => (g.pays[1].pays = { '31+': 1 }),
    'pays[1].pays["31+"]',
    /^counts 31\+ cannot occur \(expected counts from 1 to 30/,
  ],
  [
    'cluster: a line bonus',
    clusterGame,
    (g) => (g.bonus = { trigger: { line: { symbol: 'R', count: 3 } }, prize: { pick: { '1': 1 } } }),
    'bonus.trigger.line',
    /^a line trigger in a cluster game \(expected "anywhere": cluster games have no lines\)$/,
  ],
  [
    'cluster: a grid past the limit',
    clusterGame,
    (g) => ((g.grid = { reels: 33, rows: 32 }), (g.reelSets.base = Array.from({ length: 33 }, () => ['R']))),
    'grid',
    /^33 × 32 = 1056 cells \(expected at most 1024 cells in a cluster game\)$/,
  ],
  [
    'outside lines games, a second pay rule of a symbol (ruling 13)',
    megawaysGame,
    (g) => g.pays.push({ symbol: 'A', pays: { '6': 1 } }),
    'pays[4].symbol',
    /^a second pay rule of "A" \(the first is pays\[0\]; expected at most one pay rule per symbol in a ways game\)$/,
  ],

  // Variable heights.
  [
    'a height above grid.rows',
    megawaysGame,
    (g) => (g.grid.heights[2][5].rows = 8),
    'grid.heights[2][5].rows',
    /^height 8 is above grid.rows \(expected a height from 1 to 7: rows is the largest height\)$/,
  ],
  [
    'a height of 0',
    megawaysGame,
    (g) => (g.grid.heights[2][0].rows = 0),
    'grid.heights[2][0].rows',
    /^found 0 \(expected a height: a number of rows from 1 to 100\)$/,
  ],
  [
    'a height list per reel',
    megawaysGame,
    (g) => g.grid.heights.pop(),
    'grid.heights',
    /^5 height lists \(expected 6, one per reel\)$/,
  ],
  [
    'heights with hold-and-win',
    megawaysGame,
    (g) => (
      (g.symbols.C = { coin: true }),
      (g.pays = g.pays.filter((p: Json) => p.symbol !== 'C')),
      (g.holdAndWin = holdAndWinGame().holdAndWin),
      (g.holdAndWin.trigger.symbol = 'C')
    ),
    'grid.heights',
    /^heights in a game with hold-and-win \(expected no "heights", or no "holdAndWin"/,
  ],

  // Random values (ruling 12).
  [
    'a wild multiplier of 0',
    tumblingLines,
    (g) => (g.symbols.WILD.multiplier[0].value = 0),
    'symbols.WILD.multiplier[0].value',
    /^found 0 \(expected a multiplier: a whole number ≥ 1\)$/,
  ],
  [
    'a fixed wild multiplier of 1.5',
    tumblingLines,
    (g) => (g.symbols.WILD.multiplier = 1.5),
    'symbols.WILD.multiplier',
    /^found 1\.5 \(expected a multiplier: a whole number ≥ 1, or a weighted list such as/,
  ],
  [
    'a fractional multiplier-symbol value',
    clusterGame,
    (g) => (g.symbols.X.multiplierSymbol[1].value = 2.5),
    'symbols.X.multiplierSymbol[1].value',
    /^found 2\.5 \(expected a multiplier: a whole number ≥ 1\)$/,
  ],

  // Symbols (ruling 10) and what pays may name (ruling 11).
  [
    'a symbol both wild and coin',
    holdAndWinGame,
    (g) => (g.symbols.WILD.coin = true),
    'symbols.WILD',
    /^both wild and coin \(expected at most one of "wild": true, "scatter": true, "coin": true and "multiplierSymbol"\)$/,
  ],
  [
    'a symbol both scatter and multiplier symbol',
    tumblingLines,
    (g) => (g.symbols.SCAT.multiplierSymbol = [{ value: 2, weight: 1 }]),
    'symbols.SCAT',
    /^both scatter and multiplier symbol/,
  ],
  [
    'a symbol both wild and scatter (format 2 wording)',
    tumblingLines,
    (g) => (g.symbols.WILD.scatter = true),
    'symbols.WILD',
    /^both wild and scatter \(expected at most one of "wild": true, "scatter": true, "coin": true and "multiplierSymbol"\)$/,
  ],
  [
    'a symbol with three roles',
    holdAndWinGame,
    (g) => (g.symbols.COIN = { coin: true, scatter: true, wild: true }),
    'symbols.COIN',
    /^wild, scatter and coin \(expected at most one of/,
  ],
  [
    'expand on a symbol that is not wild',
    stickyExpandGame,
    (g) => (g.symbols.A.expand = true),
    'symbols.A.expand',
    /^an expand flag on a symbol that is not wild \(expected "wild": true, or no "expand"\)$/,
  ],
  [
    'a multiplier on a multiplier symbol',
    clusterGame,
    (g) => (g.symbols.X.multiplier = 2),
    'symbols.X.multiplier',
    /^a multiplier on a symbol that is not wild/,
  ],
  [
    'an except list on a coin',
    holdAndWinGame,
    (g) => (g.symbols.COIN.except = ['A']),
    'symbols.COIN.except',
    /^an except list on a symbol that is not wild/,
  ],
  [
    'a pay rule naming a coin',
    holdAndWinGame,
    (g) => g.pays.push({ symbol: 'COIN', pays: { '3': 1 } }),
    'pays[3].symbol',
    /^"COIN" is a coin, and a coin is never part of a pay \(expected a symbol without "coin": true\)$/,
  ],
  [
    'a pay rule naming a multiplier symbol',
    clusterGame,
    (g) => g.pays.push({ symbol: 'X', pays: { '5': 1 } }),
    'pays[3].symbol',
    /^"X" is a multiplier symbol, which never pays \(expected a symbol without "multiplierSymbol"\)$/,
  ],
  [
    'a pattern naming a coin',
    holdAndWinGame,
    (g) => g.pays.push({ pattern: ['A', 'COIN'], pay: 1 }),
    'pays[3].pattern[1]',
    /^"COIN" is a coin, and a coin is never part of a pay/,
  ],
  [
    'a pay rule naming a scatter',
    tumblingLines,
    (g) => g.pays.push({ symbol: 'SCAT', pays: { '3': 1 } }),
    'pays[3].symbol',
    /^"SCAT" is a scatter, and a scatter is never part of a line or way/,
  ],
  [
    'a line bonus on coins',
    holdAndWinGame,
    (g) => (g.bonus = { trigger: { line: { symbol: 'COIN', count: 3 } }, prize: { pick: { '1': 1 } } }),
    'bonus.trigger.line.symbol',
    /^"COIN" is a coin, which is never part of a line \(expected a symbol that pays on lines\)$/,
  ],
  [
    'a group holding a coin',
    holdAndWinGame,
    (g) => (g.groups = { ANY: ['A', 'COIN'] }),
    'groups.ANY[1]',
    /^"COIN" is a coin, and groups are for patterns, which never hold one \(expected a symbol that pays\)$/,
  ],

  // Expanding and sticky wilds.
  [
    'expanding wilds with a cascade',
    stickyExpandGame,
    (g) => (g.cascade = { refill: 'strip', maxCascades: 5 }),
    'cascade',
    /^a cascade in a game with the expanding wild "EW" \(expected no cascade, or no "expand": true: expanding wilds are not allowed with cascades\)$/,
  ],
  [
    'sticky wilds with a cascade',
    stickyExpandGame,
    (g) => ((g.symbols.EW.expand = false), (g.cascade = { refill: 'strip', maxCascades: 5 })),
    'freeSpins.stickyWilds',
    /^sticky wilds in a game with a cascade \(expected no "stickyWilds", or no "cascade"/,
  ],
  [
    'sticky wilds with variable heights (ruling 19)',
    megawaysGame,
    (g) => (g.freeSpins.stickyWilds = true),
    'freeSpins.stickyWilds',
    /^sticky wilds in a game with variable reel heights \(expected no "stickyWilds", or no "grid.heights"\)$/,
  ],

  // Cascades (rulings 1 and 12).
  [
    'a cascade without maxCascades (ruling 1)',
    tumblingLines,
    (g) => delete g.cascade.maxCascades,
    'cascade.maxCascades',
    /^missing \(expected a number of refills from 1 to 1000\)$/,
  ],
  [
    'maxCascades above the limit',
    tumblingLines,
    (g) => (g.cascade.maxCascades = 1001),
    'cascade.maxCascades',
    /^found 1001 \(expected a number of refills from 1 to 1000\)$/,
  ],
  [
    'a cascade without refill',
    tumblingLines,
    (g) => delete g.cascade.refill,
    'cascade.refill',
    /^missing \(expected "strip" or "redraw"\)$/,
  ],
  [
    'a ladder entry of 0',
    tumblingLines,
    (g) => (g.cascade.ladder = [1, 0]),
    'cascade.ladder[1]',
    /^found 0 \(expected a ladder entry: a whole number ≥ 1\)$/,
  ],
  [
    'an empty ladder',
    tumblingLines,
    (g) => (g.cascade.ladder = []),
    'cascade.ladder',
    /^found an empty list \(expected a list of at least one whole number ≥ 1\)$/,
  ],
  [
    'a fractional ladder step',
    tumblingLines,
    (g) => (g.cascade.freeLadder.step = 0.5),
    'cascade.freeLadder.step',
    /^found 0\.5 \(expected a whole number ≥ 1\)$/,
  ],
  [
    'a ladder max below its start',
    tumblingLines,
    (g) => (g.cascade.freeLadder = { start: 5, step: 1, max: 3 }),
    'cascade.freeLadder.max',
    /^max 3 is below start 5 \(expected max ≥ start/,
  ],
  [
    'an unknown ladderScope',
    tumblingLines,
    (g) => (g.cascade.ladderScope = 'round'),
    'cascade.ladderScope',
    /^found "round" \(expected "spin" or "feature"\)$/,
  ],
  [
    'an unknown scatterCount',
    tumblingLines,
    (g) => (g.cascade.scatterCount = 'last'),
    'cascade.scatterCount',
    /^found "last" \(expected "final", "initial" or "each"\)$/,
  ],
  [
    'keep naming an unknown symbol',
    clusterGame,
    (g) => (g.cascade.keep = ['WILDS']),
    'cascade.keep[0]',
    /^unknown symbol "WILDS" \(expected one of: .*did you mean "WILD"\?\)$/,
  ],
  [
    'keep listing a symbol twice',
    clusterGame,
    (g) => (g.cascade.keep = ['WILD', 'WILD']),
    'cascade.keep[1]',
    /^"WILD" is listed twice \(expected each symbol once\)$/,
  ],

  [
    'a cascade past the cells a spin may show (limit)',
    tumblingLines,
    (g) => ((g.grid = { reels: 5, rows: 100 }), (g.cascade.maxCascades = 200)),
    'cascade.maxCascades',
    /^500 cells × \(1 \+ 200 cascades\) = 100500 cells in one spin \(expected at most 100000: lower maxCascades\)$/,
  ],
  // Hold and win (rulings 1 and 12).
  [
    'hold-and-win without maxRespins (ruling 1)',
    holdAndWinGame,
    (g) => delete g.holdAndWin.maxRespins,
    'holdAndWin.maxRespins',
    /^missing \(expected a number of respins from 1 to 1000\)$/,
  ],
  [
    'maxRespins above the limit',
    holdAndWinGame,
    (g) => (g.holdAndWin.maxRespins = 5000),
    'holdAndWin.maxRespins',
    /^found 5000 \(expected a number of respins from 1 to 1000\)$/,
  ],
  [
    'a hold-and-win past the draws a feature may make (limit)',
    holdAndWinGame,
    (g) => ((g.grid.rows = 30), (g.holdAndWin.maxRespins = 700)),
    'holdAndWin.maxRespins',
    /^150 cells × 700 respins = 105000 draws in one feature \(expected at most 100000: lower maxRespins\)$/,
  ],
  [
    'a trigger symbol that is not a coin',
    holdAndWinGame,
    (g) => (g.holdAndWin.trigger.symbol = 'A'),
    'holdAndWin.trigger.symbol',
    /^"A" is not a coin \(expected a symbol marked "coin": true\)$/,
  ],
  [
    'a trigger count past the grid',
    holdAndWinGame,
    (g) => (g.holdAndWin.trigger.count = 16),
    'holdAndWin.trigger.count',
    /^16 coins cannot occur \(expected 1 to 15, the cells of the window\)$/,
  ],
  [
    'a coin value not whole in credits (ruling 12)',
    holdAndWinGame,
    (g) => (g.holdAndWin.values[1].value = 2.55),
    'holdAndWin.values[1].value',
    /^2\.55 × total bet 10 = 25\.5 credits \(expected a whole number of credits\)$/,
  ],
  [
    'a coin value not whole per line bet (ruling 12)',
    holdAndWinGame,
    (g) => ((g.holdAndWin.paysPer = 'lineBet'), (g.holdAndWin.values[1].value = 0.25)),
    'holdAndWin.values[1].value',
    /^0\.25 × line bet 2 = 0\.5 credits \(expected a whole number of credits\)$/,
  ],
  [
    'a jackpot not whole in credits',
    holdAndWinGame,
    (g) => (g.holdAndWin.jackpots.MINI = 20.05),
    'holdAndWin.jackpots.MINI',
    /^20\.05 × total bet 10 = 200\.5 credits \(expected a whole number of credits\)$/,
  ],
  [
    'a coin value of 0',
    holdAndWinGame,
    (g) => (g.holdAndWin.values[0].value = 0),
    'holdAndWin.values[0].value',
    /^found 0 \(expected a number > 0\)$/,
  ],
  [
    'an unknown jackpot tier',
    holdAndWinGame,
    (g) => (g.holdAndWin.values[3].jackpot = 'MINIS'),
    'holdAndWin.values[3].jackpot',
    /^no jackpot tier "MINIS" \(expected a tier of "jackpots", one of: MINI, MINOR, MAJOR, GRAND; did you mean "MINI"\?\)$/,
  ],
  [
    'a jackpot without jackpots',
    holdAndWinGame,
    (g) => (
      (g.holdAndWin.values = [{ jackpot: 'MINI', weight: 1 }]),
      delete g.holdAndWin.jackpots,
      delete g.holdAndWin.fullGrid
    ),
    'holdAndWin.values[0].jackpot',
    /^no jackpot tier "MINI" \(expected "jackpots" to define it: \{ "MINI": units \}\)$/,
  ],
  [
    'an unknown fullGrid tier',
    holdAndWinGame,
    (g) => (g.holdAndWin.fullGrid = 'MEGA'),
    'holdAndWin.fullGrid',
    /^no jackpot tier "MEGA" \(expected a tier of "jackpots", one of/,
  ],
  [
    'a coin value entry with both value and jackpot',
    holdAndWinGame,
    (g) => (g.holdAndWin.values[0].jackpot = 'MINI'),
    'holdAndWin.values[0]',
    /^found an object \(expected a coin value: \{ "value", "weight" \} or \{ "jackpot", "weight" \}\)$/,
  ],
  [
    'land without blank',
    holdAndWinGame,
    (g) => delete g.holdAndWin.land.blank,
    'holdAndWin.land.blank',
    /^missing \(expected a positive integer weight\)$/,
  ],

  // Bet modes (rulings 4, 7).
  [
    'a mode named "base"',
    anywhereGame,
    (g) => (g.modes.base = { cost: 20 }),
    'modes.base',
    /^the mode name "base" is reserved for the game as written \(expected another name\)$/,
  ],
  ...[
    'format',
    'id',
    'name',
    'version',
    'grid',
    'bet',
    'symbols',
    'groups',
    'evaluation',
    'modes',
    'variants',
  ].map((key): Case => [
    `a mode replacing "${key}"`,
    anywhereGame,
    (g) => (g.modes.ante.replace[key] = {}),
    `modes.ante.replace.${key}`,
    new RegExp(
      `^found an object \\(expected no "${key}" here: a mode's replace may not replace format, id, name, version, grid, bet, symbols, groups, evaluation, modes or variants\\)$`,
    ),
  ]),
  [
    'a mode replacing an unknown key',
    anywhereGame,
    (g) => (g.modes.ante.replace.cascades = {}),
    'modes.ante.replace.cascades',
    /^unknown key \(expected one of: description, notes, paylines, pays, scatter, reelSets, base, freeSpins, bonus, maxWin, rtp, wildMultipliers, cascade, holdAndWin; did you mean "cascade"\?\)$/,
  ],
  [
    'a mode without cost',
    anywhereGame,
    (g) => delete g.modes.ante.cost,
    'modes.ante.cost',
    /^missing \(expected a positive integer number of credits\)$/,
  ],
  [
    'a fractional cost',
    anywhereGame,
    (g) => (g.modes.ante.cost = 25.5),
    'modes.ante.cost',
    /^found 25\.5 \(expected a positive integer number of credits\)$/,
  ],
  [
    'a start in both features',
    holdAndWinGame,
    (g) => (g.modes.coins.start.freeSpins = { '10': 1 }),
    'modes.coins.start',
    /^found an object \(expected a start: \{ "freeSpins": \{ spins → weight \} \} or \{ "holdAndWin": \{ coins → weight \} \}\)$/,
  ],
  [
    'a start table key of 0 (ruling 4)',
    anywhereGame,
    (g) => (g.modes.buy.start.freeSpins = { '0': 1 }),
    'modes.buy.start.freeSpins.0',
    /^key "0" is not allowed \(expected a count: a positive integer key such as "3"\)$/,
  ],
  [
    'start coins past the grid (ruling 4)',
    holdAndWinGame,
    (g) => (g.modes.coins.start.holdAndWin['16'] = 1),
    'modes.coins.start.holdAndWin.16',
    /^16 starting coins cannot occur \(expected 1 to 15, the cells of the grid\)$/,
  ],
  [
    'an empty start table',
    anywhereGame,
    (g) => (g.modes.buy.start.freeSpins = {}),
    'modes.buy.start.freeSpins',
    /^an empty table \(expected at least one number of spins → weight\)$/,
  ],
  [
    'a start in free spins without free spins',
    holdAndWinGame,
    (g) => (g.modes.coins.start = { freeSpins: { '10': 1 } }),
    'modes.coins.start.freeSpins',
    /^a start in free spins, in a game without free spins \(expected "freeSpins" at the top level or in the mode's "replace"\)$/,
  ],
  [
    'a start in hold-and-win without hold-and-win',
    anywhereGame,
    (g) => (g.modes.buy.start = { holdAndWin: { '6': 1 } }),
    'modes.buy.start.holdAndWin',
    /^a start in hold-and-win, in a game without hold-and-win/,
  ],
  [
    'an unknown key in a mode',
    anywhereGame,
    (g) => (g.modes.ante.id = 'x'),
    'modes.ante.id',
    /^unknown key \(expected one of: description, cost, replace, start, rtp\)$/,
  ],

  // Variants keep the game's identity (as the h-input branch does for version 1).
  ...['id', 'name', 'version'].map((key): Case => [
    `a variant setting "${key}"`,
    anywhereGame,
    (g) => (g.variants['94'][key] = 'x'),
    `variants.94.${key}`,
    new RegExp(
      `^found "x" \\(expected no "${key}" here: a variant keeps the game's id, name and version\\)$`,
    ),
  ]),
  [
    'a variant setting "format"',
    anywhereGame,
    (g) => (g.variants['94'].format = 'slotsim/2'),
    'variants.94.format',
    /^found "slotsim\/2" \(expected no "format" here: every variant has the format of its file\)$/,
  ],
];

describe('format 2: every error names the path, what was found and what was expected', () => {
  it.each([...formatOneCases, ...generalCases])('%s', (_, base, change, path, message) => {
    const issues = issuesOf(changed(base(), change));
    const match = issues.find((i) => i.path === path && message.test(i.message));
    expect(
      match,
      `no issue at ${path} matching ${String(message)}; got:\n${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
    ).toBeDefined();
  });
});

describe('format 2: where a problem is, and which variant and mode cause it', () => {
  it('gives file:line:column and the JSON path of a format-2 key', () => {
    const source = text(changed(tumblingLines(), (g) => (g.cascade.maxCascades = 0)));
    const line = source.split('\n').findIndex((l) => l.includes('"maxCascades"')) + 1;
    const column = (source.split('\n')[line - 1] ?? '').indexOf('"maxCascades"') + 1;
    let caught: unknown;
    try {
      parseGame(source, { file: 'tumble.json' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GameFileError);
    expect((caught as GameFileError).message).toBe(
      `tumble.json:${line}:${column}: cascade.maxCascades: found 0 (expected a number of refills from 1 to 1000)`,
    );
  });

  it('names the mode whose replace makes a top-level key invalid', () => {
    const game = changed(stickyExpandGame(), (g) => {
      g.symbols.EW.expand = false;
      g.modes = { tumble: { cost: 20, replace: { cascade: { refill: 'strip', maxCascades: 5 } } } };
    });
    const issues = issuesOf(game);
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'freeSpins.stickyWilds: with mode "tumble": sticky wilds in a game with a cascade (expected no "stickyWilds", or no "cascade": sticky wilds are not allowed with cascades)',
    ]);
  });

  it("names the variant whose keys make a mode's entry invalid, and reports a problem once", () => {
    const game = changed(anywhereGame(), (g) => {
      // Variant "94"'s own mode "buy" starts in hold-and-win, which the game does not have.
      g.variants['94'].modes.buy.start = { holdAndWin: { '6': 1 } };
    });
    expect(issuesOf(game).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'variants.94.modes.buy.start.holdAndWin: a start in hold-and-win, in a game without hold-and-win (expected "holdAndWin" at the top level or in the mode\'s "replace")',
    ]);
    // Variant "tiny" has 5 cells: the top-level mode's start of 6 to 9 coins cannot occur in it.
    const tiny = changed(holdAndWinGame(), (g) => {
      g.holdAndWin.trigger.count = 5;
      g.variants = {
        tiny: { grid: { reels: 5, rows: 1 }, paylines: [[0, 0, 0, 0, 0]], bet: { credits: 10, lineBet: 2 } },
      };
    });
    expect(issuesOf(tiny).map((i) => `${i.path}: ${i.message}`)).toEqual(
      ['6', '7', '8', '9'].map(
        (n) =>
          `modes.coins.start.holdAndWin.${n}: with variant "tiny": ${n} starting coins cannot occur (expected 1 to 5, the cells of the grid)`,
      ),
    );
  });

  it('names the variant and mode of a problem in neither', () => {
    const game = changed(megawaysGame(), (g) => {
      g.symbols.COIN = { coin: true };
      g.variants = {
        v: { modes: { coins: { cost: 100, replace: { holdAndWin: holdAndWinGame().holdAndWin } } } },
      };
    });
    expect(issuesOf(game).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'grid.heights: with variant "v", mode "coins": heights in a game with hold-and-win (expected no "heights", or no "holdAndWin": hold-and-win plays on the whole grid)',
    ]);
  });
});
