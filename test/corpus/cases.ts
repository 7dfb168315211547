/**
 * The bad-input corpus: malformed and hostile game files, bad flags, bad paths and malformed audit
 * logs, each with the command line that meets it, the exit code the CLI contract gives it and the
 * one message it must print. `bad-input.test.ts` runs every case through the CLI's `main`.
 *
 * Left out on purpose (the engineer changing `verify` owns them): `verify` of a folder (it exits 70
 * today), and logs whose damage verify reports as findings (exit 1) rather than as unusable input.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- the cases take raw JSON documents apart, which have no static type */
import { changed, featureGame, text, threeBells, waysGame, type Json } from '../game/games.js';

export interface CorpusCase {
  readonly name: string;
  /**
   * Files written into the case's own folder before it runs: name → text or bytes; "sparse:N" is a
   * file of N bytes with nothing written, "version:F" the genuine audit log with format F.
   */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** The command line, after `slotsim`; `@/` stands for the case's folder. */
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly exit: number;
  /** What the message on stderr must say. */
  readonly message: RegExp;
}

const escape = (s: string): string => s.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A game file `change` breaks: refused at `path` (a JSON path, or '' for the whole file). */
function badGame(
  name: string,
  base: () => Json,
  change: (g: Json) => void,
  path: string,
  fragment: string,
  command: readonly string[] = ['simulate', '@/g.json', '--spins', '1k'],
): CorpusCase {
  const where = path === '' ? '' : `${escape(path)}: `;
  return {
    name: `game: ${name}`,
    files: { 'g.json': text(changed(base(), change)) },
    args: command,
    exit: 2,
    message: new RegExp(`g\\.json(:\\d+:\\d+)?: ${where}.*${escape(fragment)}`),
  };
}

/** A game file whose text is `content` (JSON syntax, encodings). */
function badText(name: string, content: string | Uint8Array, fragment: RegExp): CorpusCase {
  return {
    name: `json: ${name}`,
    files: { 'g.json': content },
    args: ['analyze', '@/g.json'],
    exit: 2,
    message: new RegExp(`g\\.json(:\\d+:\\d+)?: .*${fragment.source}`),
  };
}

/** A command line refused at its flags. */
function badFlag(args: readonly string[], message: RegExp): CorpusCase {
  return { name: `flags: ${args.join(' ')}`, args, exit: 2, message };
}

const BELLS = 'configs/three-bells.json';
const LOTUS = 'configs/lotus-lagoon.json';
const strip = (n: number, a = 'BELL', b = 'BLANK'): string[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : b));

const jsonSyntax: CorpusCase[] = [
  badText('an empty file', '', /invalid JSON: expected a value/),
  badText('only spaces', '   \n\t  ', /invalid JSON: expected a value/),
  badText('an unclosed object', '{', /invalid JSON/),
  badText('an unclosed list', '{"format": [1, 2', /invalid JSON/),
  badText('a trailing comma', '{"format": "slotsim/1",}', /invalid JSON/),
  badText('single quotes', "{'format': 'slotsim/1'}", /invalid JSON/),
  badText('a comment', '// a game\n{"format": "slotsim/1"}', /invalid JSON/),
  badText('NaN', '{"format": "slotsim/1", "maxWin": NaN}', /invalid JSON/),
  badText('an unterminated string', '{"format": "slotsim/1', /invalid JSON/),
  badText('a raw newline in a string', '{"id": "a\nb"}', /invalid JSON/),
  badText('a bad escape', '{"id": "\\q"}', /invalid JSON/),
  badText('text after the document', '{} {}', /invalid JSON/),
  badText('a list at the top', '[1, 2, 3]', /found a list .*expected a game: a JSON object/),
  badText('a number at the top', '42', /expected a game: a JSON object/),
  badText('null at the top', 'null', /expected a game: a JSON object/),
  badText('a string at the top', '"slotsim/1"', /expected a game: a JSON object/),
  badText('bytes that are not UTF-8', new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), /not a UTF-8 text file/),
  badText('a byte-order mark, then garbage', '\ufeffgarbage', /invalid JSON/),
  badText('nesting 200,000 deep', '['.repeat(200_000), /nested more than 64 levels deep/),
  badText(
    'objects nested 100,000 deep',
    `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    /nested more than 64 levels/,
  ),
  badText(
    'a number past doubles',
    '{"format": "slotsim/1", "maxWin": 1e400}',
    /maxWin: number 1e400 is too large/,
  ),
  badText(
    'a __proto__ key',
    '{"__proto__": {"polluted": true}}',
    /__proto__: the key "__proto__" is not allowed/,
  ),
  badText(
    'a duplicated key',
    '{"format": "slotsim/1", "format": "slotsim/1"}',
    /format: .*(twice|duplicate)/,
  ),
  badText(
    'another format version',
    '{"format": "slotsim/3"}',
    /format: found "slotsim\/3" \(expected "slotsim\/1" or "slotsim\/2"/,
  ),
];

/** Three Bells as format 2 with the "sum" wild-multiplier rule: valid, simulated, but not yet analysed exactly. */
const sumWilds = (): Json => ({ ...threeBells(), format: 'slotsim/2', wildMultipliers: 'sum' });

/** Three Bells as format 2 with a bet mode "ante" (cost 2). */
const withModes = (): Json => ({
  ...threeBells(),
  format: 'slotsim/2',
  modes: { ante: { cost: 2 } },
});

const formatTwo: CorpusCase[] = [
  badGame(
    'a format-2 key in a format-1 file',
    threeBells,
    (g) => (g.wildMultipliers = 'sum'),
    'wildMultipliers',
    'is a key of format version 2',
  ),
  {
    name: 'analyze --full-cycle of a format-2 mechanic the enumeration does not handle yet',
    files: { 'g.json': text(sumWilds()) },
    args: ['analyze', '@/g.json', '--full-cycle'],
    exit: 2,
    message:
      /slotsim: --full-cycle: a game using "wildMultipliers": "sum" is enumerated by analyze without --full-cycle, up to --budget spins \(.*g\.json\)/,
  },
  {
    name: 'simulate --mode of a mode the game lacks',
    files: { 'g.json': text(withModes()) },
    args: ['simulate', '@/g.json', '--mode', 'buy', '--spins', '1k'],
    exit: 2,
    message: /g\.json: no mode "buy" \(expected one of: base, ante\)/,
  },
  {
    name: 'analyze --mode of a game without modes',
    files: { 'g.json': text(threeBells()) },
    args: ['analyze', '@/g.json', '--mode', 'ante'],
    exit: 2,
    message: /g\.json: no mode "ante" \(the game has only the mode "base"\)/,
  },
  {
    name: 'check --mode with --all-modes',
    files: { 'g.json': text(withModes()) },
    args: ['check', '@/g.json', '--mode', 'ante', '--all-modes', '--target', '0.9', '--tolerance', '0.1'],
    exit: 2,
    message: /slotsim: --mode and --all-modes cannot be used together/,
  },
  {
    name: 'certify --mode of a mode the game lacks',
    files: { 'g.json': text(withModes()) },
    args: ['certify', '@/g.json', '--mode', 'turbo', '--spins', '1k', '--out', '@/out'],
    exit: 2,
    message: /g\.json: no mode "turbo" \(expected one of: base, ante\)/,
  },
  {
    name: 'certify --mode with --all-modes',
    files: { 'g.json': text(withModes()) },
    args: ['certify', '@/g.json', '--mode', 'ante', '--all-modes', '--spins', '1k', '--out', '@/out'],
    exit: 2,
    message: /slotsim: --all-modes cannot be combined with --mode: --all-modes certifies every bet mode/,
  },
  {
    name: 'certify --all-modes with --all-variants',
    files: { 'g.json': text(withModes()) },
    args: ['certify', '@/g.json', '--all-modes', '--all-variants', '--spins', '1k', '--out', '@/out'],
    exit: 2,
    message: /slotsim: --all-modes cannot be combined with --all-variants: certify every mode of one variant/,
  },
  {
    name: 'certify --all-modes with --checkpoint',
    files: { 'g.json': text(withModes()) },
    args: [
      'certify',
      '@/g.json',
      '--all-modes',
      '--checkpoint',
      '@/c.ckpt',
      '--spins',
      '1k',
      '--out',
      '@/out',
    ],
    exit: 2,
    message: /slotsim: --all-modes cannot be combined with --checkpoint: checkpoint each mode on its own/,
  },
  {
    name: 'certify --budget with --shard and --partial',
    files: { 'g.json': text(withModes()) },
    args: [
      'certify',
      '@/g.json',
      '--budget',
      '1000',
      '--shard',
      '0/2',
      '--partial',
      '@/p.json',
      '--seed',
      '1',
    ],
    exit: 2,
    message:
      /slotsim: --budget cannot be combined with --shard, --shards, --partial, --checkpoint or --resume/,
  },
  {
    name: 'certify --budget that is not a count',
    files: { 'g.json': text(withModes()) },
    args: ['certify', '@/g.json', '--budget', 'lots', '--spins', '1k', '--out', '@/out'],
    exit: 2,
    message: /--budget/,
  },
  {
    name: 'certify --all-modes with --shard and --partial',
    files: { 'g.json': text(withModes()) },
    args: ['certify', '@/g.json', '--all-modes', '--shard', '0/2', '--partial', '@/p.json', '--seed', '1'],
    exit: 2,
    message: /slotsim: --all-modes cannot be combined with --shard: shard each mode on its own/,
  },
  {
    name: 'analyze --sim-seed empty',
    files: { 'g.json': text(sumWilds()) },
    args: ['analyze', '@/g.json', '--sim-seed', ''],
    exit: 2,
    message: /slotsim: --sim-seed: expected a non-empty string/,
  },
];

const types: CorpusCase[] = [
  badGame('no format', threeBells, (g) => delete g.format, 'format', 'missing (expected "slotsim/1")'),
  badGame('no grid', threeBells, (g) => delete g.grid, 'grid', 'missing (expected a grid'),
  badGame('reels as text', threeBells, (g) => (g.grid.reels = '3'), 'grid.reels', 'found "3"'),
  badGame('no reels', threeBells, (g) => (g.grid.reels = 0), 'grid.reels', 'from 1 to 100'),
  badGame('101 reels', threeBells, (g) => (g.grid.reels = 101), 'grid.reels', 'found 101'),
  badGame('negative rows', threeBells, (g) => (g.grid.rows = -1), 'grid.rows', 'from 1 to 100'),
  badGame('fractional rows', threeBells, (g) => (g.grid.rows = 1.5), 'grid.rows', 'found 1.5'),
  badGame('an id with capitals', threeBells, (g) => (g.id = 'Three-Bells'), 'id', 'lowercase letters'),
  badGame('an id that is a number', threeBells, (g) => (g.id = 7), 'id', 'found 7'),
  badGame('an empty name', threeBells, (g) => (g.name = ''), 'name', 'a non-empty name'),
  badGame('no version', threeBells, (g) => delete g.version, 'version', 'missing'),
  badGame('a bet of no credits', threeBells, (g) => (g.bet.credits = 0), 'bet.credits', 'positive integer'),
  badGame('a bet as text', threeBells, (g) => (g.bet = '1'), 'bet', 'found "1"'),
  badGame('a line bet of 0', threeBells, (g) => (g.bet.lineBet = 0), 'bet.lineBet', 'positive integer'),
  badGame(
    'symbols as a list',
    threeBells,
    (g) => (g.symbols = ['BELL']),
    'symbols',
    'symbol id → properties',
  ),
  badGame(
    'an unknown symbol property',
    threeBells,
    (g) => (g.symbols.BELL = { shiny: true }),
    'symbols.BELL.shiny',
    'unknown key',
  ),
  badGame(
    'wild as text',
    threeBells,
    (g) => (g.symbols.WILD.wild = 'yes'),
    'symbols.WILD.wild',
    'true or false',
  ),
  badGame(
    'a multiplier of 0',
    threeBells,
    (g) => (g.symbols.WILD.multiplier = 0),
    'symbols.WILD.multiplier',
    'positive integer',
  ),
  badGame(
    'paylines as an object',
    threeBells,
    (g) => (g.paylines = { a: [0, 0, 0] }),
    'paylines',
    'a list of paylines',
  ),
  badGame(
    'a negative row on a payline',
    threeBells,
    (g) => (g.paylines[0][1] = -1),
    'paylines[0][1]',
    'integer ≥ 0',
  ),
  badGame('pays as an object', threeBells, (g) => (g.pays = {}), 'pays', 'a list of pay rules'),
  badGame(
    'a pay rule of neither kind',
    threeBells,
    (g) => (g.pays[1] = { symbol: 'BELL' }),
    'pays[1].pays',
    'missing (expected an object of run length → pay',
  ),
  badGame(
    'a negative pay',
    threeBells,
    (g) => (g.pays[1].pays['3'] = -20),
    'pays[1].pays.3',
    'a pay: a number ≥ 0',
  ),
  badGame(
    'a pay count of 0',
    threeBells,
    (g) => (g.pays[1].pays = { '0': 5 }),
    'pays[1].pays.0',
    'key "0" is not allowed (expected a count',
  ),
  badGame(
    'a pay count "03"',
    threeBells,
    (g) => (g.pays[1].pays = { '03': 5 }),
    'pays[1].pays.03',
    'key "03" is not allowed',
  ),
  badGame('no reel sets', threeBells, (g) => delete g.reelSets, 'reelSets', 'missing'),
  badGame(
    'a reel that is a symbol',
    threeBells,
    (g) => (g.reelSets.base[0] = 'BELL'),
    'reelSets.base[0]',
    'a reel',
  ),
  badGame(
    'weights as text',
    threeBells,
    (g) => (g.reelSets.base[1].weights = 'heavy'),
    'reelSets.base[1].weights',
    'positive integer weights',
  ),
  badGame(
    'a zero weight',
    threeBells,
    (g) => (g.reelSets.base[1].weights[0] = 0),
    'reelSets.base[1].weights[0]',
    'positive integer weight',
  ),
  badGame(
    'a fractional weight',
    threeBells,
    (g) => (g.reelSets.base[1].weights[0] = 1.5),
    'reelSets.base[1].weights[0]',
    'found 1.5',
  ),
  badGame(
    'base.reelSet as a number',
    threeBells,
    (g) => (g.base.reelSet = 1),
    'base.reelSet',
    'a reel set name',
  ),
  badGame(
    'evaluation "cluster"',
    threeBells,
    (g) => (g.evaluation = 'cluster'),
    'evaluation',
    '"lines" or "ways"',
  ),
  badGame('a maxWin of 0', threeBells, (g) => (g.maxWin = 0), 'maxWin', 'a number > 0'),
  badGame(
    'an RTP target in percent',
    threeBells,
    (g) => (g.rtp = { target: 96.5, tolerance: 0.01 }),
    'rtp.target',
    'not a percentage',
  ),
  badGame(
    'an RTP without a tolerance',
    threeBells,
    (g) => (g.rtp = { target: 0.95 }),
    'rtp.tolerance',
    'missing',
  ),
  badGame(
    'free-spin awards keyed 0',
    featureGame,
    (g) => (g.freeSpins.trigger.awards = { '0': 5 }),
    'freeSpins.trigger.awards.0',
    'key "0" is not allowed',
  ),
  badGame(
    'maxSpins of 0',
    featureGame,
    (g) => (g.freeSpins.maxSpins = 0),
    'freeSpins.maxSpins',
    'positive integer',
  ),
  badGame(
    'a free-spin multiplier of 1.5',
    featureGame,
    (g) => (g.freeSpins.multiplier = 1.5),
    'freeSpins.multiplier',
    'found 1.5',
  ),
  badGame(
    'a bonus trigger of both kinds',
    featureGame,
    (g) =>
      (g.bonus.trigger = { line: { symbol: 'BONUS', count: 3 }, anywhere: { symbol: 'SCAT', count: 3 } }),
    'bonus.trigger',
    'a bonus trigger',
  ),
  badGame(
    'an empty pick',
    featureGame,
    (g) => (g.bonus.prize = { pick: {} }),
    'bonus.prize.pick',
    'an empty object',
  ),
  badGame(
    'a pick value that is not a number',
    featureGame,
    (g) => (g.bonus.prize = { pick: { ten: 1 } }),
    'bonus.prize.pick.ten',
    'expected a prize value',
  ),
  badGame(
    'a repeat without each',
    featureGame,
    (g) => (g.bonus.prize = { repeat: { '2': 1 } }),
    'bonus.prize.each',
    'found nothing (expected a prize node',
  ),
  badGame(
    'paysPer "spin"',
    featureGame,
    (g) => (g.bonus.paysPer = 'spin'),
    'bonus.paysPer',
    '"lineBet" or "bet"',
  ),
  badGame(
    'variants as a list',
    featureGame,
    (g) => (g.variants = []),
    'variants',
    'variant name → top-level keys',
  ),
  badGame(
    'a variant setting the format',
    featureGame,
    (g) => (g.variants['high-coin'].format = 'slotsim/1'),
    'variants.high-coin.format',
    'unknown key',
  ),
  badGame(
    'a variant nesting variants',
    featureGame,
    (g) => (g.variants['high-coin'].variants = {}),
    'variants.high-coin.variants',
    'unknown key',
  ),
  badGame(
    'a variant removing a key with null',
    featureGame,
    (g) => (g.variants['high-coin'].bonus = null),
    'variants.high-coin.bonus',
    'found null',
  ),
  badGame('an unknown top-level key', threeBells, (g) => (g.jackpot = 5), 'jackpot', 'unknown key'),
  badGame(
    'a description that is a number',
    threeBells,
    (g) => (g.description = 5),
    'description',
    'a string',
  ),
];

const semantics: CorpusCase[] = [
  badGame(
    'an unknown symbol on a strip',
    threeBells,
    (g) => (g.reelSets.base[2][5] = 'Q'),
    'reelSets.base[2][5]',
    'unknown symbol "Q"',
  ),
  badGame(
    'a group on a strip',
    threeBells,
    (g) => (g.reelSets.base[0][0] = 'ANY'),
    'reelSets.base[0][0]',
    'is a group, not a symbol',
  ),
  badGame(
    'an unknown symbol in a pay rule',
    threeBells,
    (g) => (g.pays[1].symbol = 'bell'),
    'pays[1].symbol',
    'did you mean "BELL"?',
  ),
  badGame(
    'an unknown symbol in a pattern',
    threeBells,
    (g) => (g.pays[4].pattern[1] = 'NONE'),
    'pays[4].pattern[1]',
    'unknown symbol or group',
  ),
  badGame(
    'two reels for three',
    threeBells,
    (g) => g.reelSets.base.pop(),
    'reelSets.base',
    '2 reels (expected 3',
  ),
  badGame(
    'an empty strip',
    threeBells,
    (g) => (g.reelSets.base[0] = []),
    'reelSets.base[0]',
    'an empty strip',
  ),
  badGame(
    'weights that do not match the strip',
    threeBells,
    (g) => g.reelSets.base[1].weights.pop(),
    'reelSets.base[1].weights',
    '7 weights for 8 stops',
  ),
  badGame(
    'weights past 2^32',
    threeBells,
    (g) => (g.reelSets.base[1].weights[0] = 2 ** 32),
    'reelSets.base[1].weights',
    'expected at most 2^32',
  ),
  badGame(
    'a payline outside the grid',
    threeBells,
    (g) => (g.paylines[0][2] = 3),
    'paylines[0][2]',
    'row 3 is outside the grid',
  ),
  badGame(
    'a payline of two rows',
    threeBells,
    (g) => (g.paylines[0] = [0, 0]),
    'paylines[0]',
    'a payline of 2 row indexes',
  ),
  badGame(
    'no paylines in a lines game',
    threeBells,
    (g) => delete g.paylines,
    'paylines',
    'missing (expected the paylines',
  ),
  badGame('an empty list of paylines', threeBells, (g) => (g.paylines = []), 'paylines', 'an empty list'),
  badGame(
    'paylines in a ways game',
    waysGame,
    (g) => (g.paylines = [[0, 0, 0]]),
    'paylines',
    'paylines in a ways game',
  ),
  badGame(
    'a ways game without a line bet',
    waysGame,
    (g) => delete g.bet.lineBet,
    'bet.lineBet',
    'a ways game must give it',
  ),
  badGame(
    'credits that the lines do not divide',
    featureGame,
    (g) => (g.bet = { credits: 31 }),
    'bet.lineBet',
    'does not divide by the 3 paylines',
  ),
  badGame(
    'a pay that is not whole credits',
    threeBells,
    (g) => (g.pays[1].pays['3'] = 20.5),
    'pays[1].pays.3',
    'expected a whole number of credits',
  ),
  badGame(
    'a run longer than the reels',
    threeBells,
    (g) => (g.pays[1].pays = { '4': 5 }),
    'pays[1].pays.4',
    'run length 4 cannot occur',
  ),
  badGame(
    'a pattern longer than the reels',
    threeBells,
    (g) => g.pays[4].pattern.push('ANY'),
    'pays[4].pattern',
    '4 positions (expected at most 3',
  ),
  badGame(
    'a pattern in a ways game',
    waysGame,
    (g) => g.pays.push({ pattern: ['A'], pay: 1 }),
    'pays[3]',
    'a pattern in a ways game',
  ),
  badGame(
    'a scatter in a pay rule',
    featureGame,
    (g) => (g.pays[3].symbol = 'SCAT'),
    'pays[3].symbol',
    'is a scatter',
  ),
  badGame(
    'a scatter in a pattern',
    featureGame,
    (g) => (g.pays[4].pattern[0] = 'SCAT'),
    'pays[4].pattern[0]',
    'is a scatter',
  ),
  badGame(
    'a scatter pay of a symbol that is not a scatter',
    featureGame,
    (g) => (g.scatter.symbol = 'A'),
    'scatter.symbol',
    '"A" is not a scatter',
  ),
  badGame(
    'a scatter count past the window',
    featureGame,
    (g) => (g.scatter.pays['16'] = 1),
    'scatter.pays.16',
    'count 16 cannot occur',
  ),
  badGame(
    'a scatter pay that is not whole credits',
    featureGame,
    (g) => (g.scatter.pays['3'] = 0.01),
    'scatter.pays.3',
    'whole number of credits',
  ),
  badGame(
    'a free-spin trigger that is not a scatter',
    featureGame,
    (g) => (g.freeSpins.trigger.symbol = 'A'),
    'freeSpins.trigger.symbol',
    'is not a scatter',
  ),
  badGame(
    'free spins on a reel set that does not exist',
    featureGame,
    (g) => (g.freeSpins.reelSet = 'bonus'),
    'freeSpins.reelSet',
    'no reel set "bonus"',
  ),
  badGame(
    'a retrigger count past the window',
    featureGame,
    (g) => (g.freeSpins.retrigger = { '20': 5 }),
    'freeSpins.retrigger.20',
    'cannot occur',
  ),
  badGame(
    'a line bonus trigger in a ways game',
    waysGame,
    (g) => (g.bonus.trigger = { line: { symbol: 'A', count: 3 } }),
    'bonus.trigger.line',
    'a line trigger in a ways game',
  ),
  badGame(
    'an anywhere trigger of more cells than the window',
    waysGame,
    (g) => (g.bonus.trigger.anywhere.count = 10),
    'bonus.trigger.anywhere.count',
    '10 cells cannot occur',
  ),
  badGame(
    'a line trigger longer than the reels',
    featureGame,
    (g) => (g.bonus.trigger.line.count = 6),
    'bonus.trigger.line.count',
    '6 reels cannot occur',
  ),
  badGame(
    'prize weights past 2^32',
    featureGame,
    (g) => (g.bonus.prize = { pick: { '1': 2 ** 31, '2': 2 ** 31 + 1 } }),
    'bonus.prize.pick',
    'expected at most 2^32',
  ),
  badGame(
    'a prize that is not whole credits',
    waysGame,
    (g) => (g.bonus.prize = { pick: { '0.05': 1 } }),
    'bonus.prize.pick["0.05"]',
    '0.05 × total bet 10 = 0.5 credits (expected a whole number of credits)',
  ),
  badGame(
    'a maxWin that is not whole credits',
    featureGame,
    (g) => (g.maxWin = 0.001),
    'maxWin',
    'whole number of credits',
  ),
  badGame(
    'no reel set "base"',
    threeBells,
    (g) => {
      g.reelSets = { main: g.reelSets.base };
      delete g.base;
    },
    'reelSets',
    'no reel set "base" for the paid spins',
  ),
  badGame(
    'base naming a missing reel set',
    threeBells,
    (g) => (g.base.reelSet = 'main'),
    'base.reelSet',
    'no reel set "main"',
  ),
  badGame(
    'a symbol both wild and scatter',
    threeBells,
    (g) => (g.symbols.WILD.scatter = true),
    'symbols.WILD',
    'both wild and scatter',
  ),
  badGame(
    'a multiplier on a plain symbol',
    threeBells,
    (g) => (g.symbols.BELL.multiplier = 2),
    'symbols.BELL.multiplier',
    'not wild',
  ),
  badGame(
    'an except list on a plain symbol',
    threeBells,
    (g) => (g.symbols.BELL.except = ['BAR']),
    'symbols.BELL.except',
    'not wild',
  ),
  badGame(
    'a wild excepting a wild',
    featureGame,
    (g) => (g.symbols.WILD.except = ['W5']),
    'symbols.WILD.except[0]',
    'is a wild',
  ),
  badGame(
    'a group named like a symbol',
    threeBells,
    (g) => (g.groups.BELL = ['BAR']),
    'groups.BELL',
    'is also a symbol id',
  ),
  badGame('an empty group', threeBells, (g) => (g.groups.NONE = []), 'groups.NONE', 'an empty group'),
  badGame(
    'a group listing a member twice',
    threeBells,
    (g) => g.groups.ANY.push('BELL'),
    'groups.ANY[2]',
    'listed twice',
  ),
  badGame(
    'a group holding a scatter',
    featureGame,
    (g) => g.groups.ROYAL.push('SCAT'),
    'groups.ROYAL[2]',
    'is a scatter',
  ),
  badGame('no symbols', threeBells, (g) => (g.symbols = {}), 'symbols', 'no symbols'),
  badGame(
    'a variant that breaks a reel set',
    featureGame,
    (g) => (g.variants['no-retrigger'].freeSpins.reelSet = 'missing'),
    'variants.no-retrigger.freeSpins.reelSet',
    'no reel set "missing"',
  ),
  badGame(
    'a variant whose bet leaves pays fractional',
    featureGame,
    (g) => (g.variants['high-coin'].bet = { credits: 3 }),
    'pays[1].pays.3',
    'with variant "high-coin": 1.1 × line bet 1 = 1.1 credits',
  ),
  badGame(
    'a variant renaming the game',
    featureGame,
    (g) => (g.variants['high-coin'].name = 'Other'),
    'variants.high-coin.name',
    "a variant cannot change the game's name",
  ),
  badGame(
    'a variant changing the id',
    featureGame,
    (g) => (g.variants['high-coin'].id = 'other'),
    'variants.high-coin.id',
    "a variant cannot change the game's id",
  ),
  badGame(
    'a variant changing the version',
    featureGame,
    (g) => (g.variants['high-coin'].version = '9'),
    'variants.high-coin.version',
    "a variant cannot change the game's version",
  ),
];

/** One symbol on every reel of a grid: every line and way always shows it. */
function allA(reels: number, rows: number, evaluation: 'lines' | 'ways', pay: number): Json {
  return {
    format: 'slotsim/1',
    id: 'all-a',
    name: 'All A',
    version: '1',
    grid: { reels, rows },
    bet: { credits: 1, lineBet: 1 },
    evaluation,
    ...(evaluation === 'lines' ? { paylines: [Array.from({ length: reels }, () => 0)] } : {}),
    symbols: { A: {}, SC: { scatter: true } },
    pays: [{ symbol: 'A', pays: { [String(reels)]: pay } }],
    reelSets: { base: Array.from({ length: reels }, (_, r) => (r === 0 ? ['A', 'SC'] : ['A'])) },
  };
}

const limits: CorpusCase[] = [
  badGame(
    '256 symbols',
    threeBells,
    (g) => {
      for (let i = 0; i < 251; i++) g.symbols[`S${i}`] = {};
    },
    'symbols',
    '256 symbols (expected at most 255',
  ),
  badGame(
    'maxSpins of a billion',
    featureGame,
    (g) => (g.freeSpins.maxSpins = 1e9),
    'freeSpins.maxSpins',
    'expected at most 10,000',
  ),
  badGame(
    'maxSpins 10,001',
    featureGame,
    (g) => (g.freeSpins.maxSpins = 10_001),
    'freeSpins.maxSpins',
    '10,001 free spins',
  ),
  badGame(
    'a round that shows too many cells',
    featureGame,
    (g) => {
      g.grid.rows = 100;
      g.freeSpins.maxSpins = 2000;
    },
    'freeSpins.maxSpins',
    'window cells',
  ),
  badGame(
    'repeat 10000 nested twice',
    featureGame,
    (g) =>
      (g.bonus.prize = {
        repeat: { '10000': 1 },
        each: { repeat: { '10000': 1 }, each: { pick: { '1': 1 } } },
      }),
    'bonus.prize.repeat',
    '100,010,001 draws',
  ),
  badGame(
    'a bonus of 101 draws',
    featureGame,
    (g) => (g.bonus.prize = { repeat: { '100': 1 }, each: { pick: { '1': 1 } } }),
    'bonus.prize.repeat',
    '101 draws',
  ),
  badGame(
    'a spin that could win 10^40 credits (20 × 100 all-A ways)',
    () => allA(20, 100, 'ways', 1),
    () => undefined,
    'pays[0]',
    'a paid spin can win up to 1.000e40 credits',
  ),
  badGame(
    'a pay of 2^52 + 1',
    threeBells,
    (g) => (g.pays[0].pays['3'] = 2 ** 52 + 1),
    'pays[0]',
    'expected at most 2^38',
  ),
  badGame(
    'a pay past 2^53',
    threeBells,
    (g) => (g.pays[0].pays['3'] = 2 ** 54),
    'pays[0].pays.3',
    'expected at most 9007199254740991 credits',
  ),
  badGame(
    'a scatter pay past 2^38',
    featureGame,
    (g) => (g.scatter.pays['4'] = 2 ** 34),
    'scatter.pays',
    'a paid spin can win up to',
  ),
  badGame(
    'a free-spin multiplier past 2^53',
    featureGame,
    (g) => (g.freeSpins.multiplier = 2 ** 45),
    'freeSpins.multiplier',
    'a free spin can win up to',
  ),
  badGame(
    'a bonus prize past 2^53',
    featureGame,
    (g) => (g.bonus.prize = { repeat: { '99': 1 }, each: { pick: { [String(2 ** 47)]: 1 } } }),
    'bonus.prize',
    'the bonus can pay up to',
  ),
  badGame(
    'a round past 2^53 without a cap',
    () => allA(3, 1, 'lines', 2 ** 38),
    (g) => {
      g.freeSpins = { trigger: { symbol: 'SC', awards: { '1': 10 } }, multiplier: 10, maxSpins: 5000 };
    },
    'freeSpins.maxSpins',
    'or cap the round with "maxWin"',
  ),
  badGame(
    'a strip of 100,001 stops',
    threeBells,
    (g) => (g.reelSets.base[0] = strip(100_001)),
    'reelSets.base[0]',
    'a strip of 100,001 stops',
  ),
  badGame(
    '1,001 paylines',
    threeBells,
    (g) => {
      g.paylines = Array.from({ length: 1001 }, () => [0, 0, 0]);
      g.bet = { credits: 1001 };
    },
    'paylines',
    '1,001 paylines',
  ),
  badGame(
    '1,001 pay rules',
    threeBells,
    (g) => (g.pays = Array.from({ length: 1001 }, () => ({ symbol: 'BELL', pays: { '3': 1 } }))),
    'pays',
    '1,001 pay rules',
  ),
  badGame(
    '2^24 stops × paylines',
    threeBells,
    (g) => {
      g.reelSets.base = [0, 1, 2].map(() => strip(60_000));
      g.paylines = Array.from({ length: 100 }, () => [0, 0, 0]);
      g.bet = { credits: 100 };
    },
    'reelSets.base',
    'expected at most 2^24',
  ),
  // The same limits reach every command that opens a game.
  badGame(
    '256 symbols, for analyze',
    threeBells,
    (g) => {
      for (let i = 0; i < 251; i++) g.symbols[`S${i}`] = {};
    },
    'symbols',
    'expected at most 255',
    ['analyze', '@/g.json'],
  ),
  badGame(
    'maxSpins of a billion, for analyze',
    featureGame,
    (g) => (g.freeSpins.maxSpins = 1e9),
    'freeSpins.maxSpins',
    'expected at most 10,000',
    ['analyze', '@/g.json'],
  ),
  badGame(
    'repeat 10000 nested twice, for play',
    featureGame,
    (g) =>
      (g.bonus.prize = {
        repeat: { '10000': 1 },
        each: { repeat: { '10000': 1 }, each: { pick: { '1': 1 } } },
      }),
    'bonus.prize.repeat',
    'draws',
    ['play', '@/g.json', '--rounds', '10', '--audit-log', '@/log.jsonl'],
  ),
  badGame(
    'a pay of 2^52 + 1, for certify',
    threeBells,
    (g) => (g.pays[0].pays['3'] = 2 ** 52 + 1),
    'pays[0]',
    'expected at most 2^38',
    ['certify', '@/g.json', '--out', '@/report'],
  ),
  badGame(
    'a variant past the limits, for check',
    featureGame,
    (g) => (g.variants['no-retrigger'].freeSpins.maxSpins = 50_000),
    'variants.no-retrigger.freeSpins.maxSpins',
    'expected at most 10,000',
    ['check', '@/g.json'],
  ),
];

const flags: CorpusCase[] = [
  badFlag(['simulate', BELLS, '--spins', '0'], /--spins: "0" is not a count/),
  badFlag(['simulate', BELLS, '--spins', '-5'], /--spins: "-5" is not a count/),
  badFlag(['simulate', BELLS, '--spins', '1.5'], /--spins: "1\.5" is not a count/),
  badFlag(['simulate', BELLS, '--spins', 'many'], /--spins: "many" is not a count/),
  badFlag(['simulate', BELLS, '--spins', '1e300'], /--spins: "1e300" is not a count/),
  badFlag(['simulate', BELLS, '--spins', '10X'], /--spins: "10X" is not a count/),
  badFlag(['simulate', BELLS, '--threads', '0'], /--threads: "0" is not a thread count/),
  badFlag(['simulate', BELLS, '--threads', '257'], /--threads: "257" is not a thread count/),
  badFlag(['simulate', BELLS, '--threads', 'all'], /--threads: "all" is not a thread count/),
  badFlag(['simulate', BELLS, '--seed', ''], /--seed: expected a non-empty string/),
  badFlag(['simulate', BELLS, '--rng', 'mt19937'], /unknown rng "mt19937"/),
  badFlag(['simulate', BELLS, '--rng', 'crypto'], /crypto/),
  badFlag(['simulate', BELLS, '--variant', 'high'], /no variant "high" \(the game has no variants\)/),
  badFlag(['simulate', LOTUS, '--variant', '95'], /no variant "95" \(expected one of: 94, 96/),
  badFlag(['simulate', BELLS, '--fast'], /unknown option '--fast'/),
  badFlag(['simulate'], /missing required argument 'game'/),
  badFlag(['simulate', BELLS, 'extra'], /too many arguments/),
  badFlag(['simulate', BELLS, '--spins'], /option '--spins <n>' argument missing/),
  badFlag(['simulat', BELLS], /unknown command 'simulat'/),
  badFlag(['analyze', BELLS, '--sim-spins', '0'], /--sim-spins: "0" is not a count/),
  badFlag(['analyze', BELLS, '--threads', '-1'], /--threads: "-1" is not a thread count/),
  badFlag(['certify', BELLS, '--detail-spins', 'lots'], /--detail-spins: "lots" is not a count/),
  badFlag(['certify', BELLS, '--spins', '0'], /--spins: "0" is not a count/),
  badFlag(
    ['check', LOTUS, '--target', '96.5', '--tolerance', '0.001'],
    /--target: "96\.5" is not a fraction of the stake/,
  ),
  badFlag(['check', LOTUS, '--tolerance', '-0.1'], /--tolerance: "-0\.1" is not a fraction/),
  badFlag(['check', LOTUS, '--target', 'x'], /--target: "x" is not a fraction/),
  badFlag(['check', LOTUS, '--simulate', '50'], /--simulate: 50 rounds are too few for a test/),
  badFlag(
    ['check', LOTUS, '--variant', '94', '--all-variants'],
    /--variant and --all-variants cannot be used together/,
  ),
  badFlag(['check', BELLS], /no RTP target for configs\/three-bells\.json/),
  badFlag(['check', LOTUS, '--seed', ''], /--seed: expected a non-empty string/),
  badFlag(['check'], /missing required argument 'games'/),
  badFlag(['rng', '--bytes', '0'], /--bytes: "0" is not a count/),
  badFlag(['rng', '--rng', 'crypto', '--seed', '1'], /the crypto generator cannot be seeded/),
  badFlag(['rng', '--rng', 'aes-128-ctr'], /the aes-128-ctr generator needs a seed/),
  badFlag(['rng', '--rng', 'nope', '--seed', '1'], /unknown rng "nope"/),
  badFlag(
    ['rng', '--rng', 'alea', '--seed', '1', '--stream', '-1'],
    /--stream: "-1" is not a non-negative whole number/,
  ),
  badFlag(['play', BELLS, '--rounds', '0', '--audit-log', '@/a.jsonl'], /--rounds: "0" is not a count/),
  badFlag(['play', BELLS, '--rounds', '10'], /required option '--audit-log <file>' not specified/),
  badFlag(
    ['play', BELLS, '--rounds', '5', '--audit-log', '@/b.jsonl', '--players', '0'],
    /--players: "0" is not a count/,
  ),
  badFlag(
    ['play', BELLS, '--rounds', '5', '--audit-log', '@/c.jsonl', '--bet', '7'],
    /--bet: 7 credits; a round of Three Bells stakes exactly 1/,
  ),
  badFlag(['verify', '@/none.jsonl'], /required option '--game <file>' not specified/),
  badFlag(['recall', '@/none.jsonl', '--game', BELLS], /required option '--round <id>' not specified/),
];

const paths: CorpusCase[] = [
  badFlag(['simulate', '@/missing.json'], /missing\.json: cannot read the game file \(no such file\)/),
  badFlag(['simulate', '@/'], /cannot read the game file \(a directory, not a file\)/),
  {
    name: 'paths: a game file under a file',
    files: { 'f.txt': 'x' },
    args: ['analyze', '@/f.txt/g.json'],
    exit: 2,
    message: /cannot read the game file \(a file is in the way/,
  },
  badFlag(['analyze', ''], /cannot read the game file/),
  {
    name: 'paths: a game file that is 64 MiB and one byte',
    files: { 'huge.json': 'sparse:67108865' },
    args: ['simulate', '@/huge.json'],
    exit: 2,
    message: /huge\.json: a file of 67,108,865 bytes \(expected a game file of at most 64 MiB\)/,
  },
  {
    name: 'paths: simulate --out that is a file',
    files: { 'f.txt': 'x' },
    args: ['simulate', BELLS, '--spins', '10B', '--out', '@/f.txt'],
    exit: 2,
    message: /--out: cannot write to .*f\.txt \(a file, not a folder\)/,
  },
  {
    name: 'paths: simulate --out under a file',
    files: { 'f.txt': 'x' },
    args: ['simulate', BELLS, '--spins', '10B', '--out', '@/f.txt/out'],
    exit: 2,
    message: /--out: cannot write to .*f\.txt\/out \(a file is in the way/,
  },
  badFlag(
    ['simulate', BELLS, '--spins', '10B', '--out', '/sys/slotsim-corpus/out'],
    /--out: cannot write to \/sys\/slotsim-corpus\/out \(/,
  ),
  {
    name: 'paths: certify --out that is a file',
    files: { 'f.txt': 'x' },
    args: ['certify', BELLS, '--spins', '10B', '--out', '@/f.txt'],
    exit: 2,
    message: /--out: cannot write to .*f\.txt \(a file, not a folder\)/,
  },
  {
    name: 'paths: certify --out that is not empty',
    files: { 'out/old.txt': 'x' },
    args: ['certify', BELLS, '--spins', '10B', '--out', '@/out'],
    exit: 2,
    message: /--out: .*out already exists and is not empty/,
  },
  badFlag(
    ['certify', BELLS, '--spins', '10B', '--out', '/sys/slotsim-corpus/report'],
    /--out: cannot write to \/sys\/slotsim-corpus\/report/,
  ),
  {
    name: 'paths: check --junit that is a folder',
    files: { 'dir/keep.txt': 'x' },
    args: ['check', LOTUS, '--simulate', '10B', '--junit', '@/dir'],
    exit: 2,
    message: /--junit: cannot write to .*dir \(a folder, not a file\)/,
  },
  {
    name: 'paths: check --junit under a file',
    files: { 'f.txt': 'x' },
    args: ['check', LOTUS, '--junit', '@/f.txt/check.xml'],
    exit: 2,
    message: /--junit: cannot write to .*check\.xml \(.*f\.txt is a file\)/,
  },
  badFlag(
    ['check', LOTUS, '--junit', '/sys/slotsim-corpus/check.xml'],
    /--junit: cannot write to \/sys\/slotsim-corpus\/check\.xml/,
  ),
  {
    name: 'paths: GITHUB_STEP_SUMMARY that is a folder',
    files: { 'dir/keep.txt': 'x' },
    args: ['check', LOTUS, '--simulate', '10B'],
    env: { GITHUB_STEP_SUMMARY: '@/dir' },
    exit: 2,
    message: /GITHUB_STEP_SUMMARY: cannot write to .*dir \(a folder, not a file\)/,
  },
  badFlag(['play', BELLS, '--rounds', '5', '--audit-log', BELLS], /already exists/),
  badFlag(
    ['verify', '@/missing.jsonl', '--game', BELLS],
    /missing\.jsonl: cannot read the audit log \(no such file\)/,
  ),
  badFlag(
    ['verify', '@/run.jsonl', '--game', '@/missing.json'],
    /missing\.json: cannot read the game file \(no such file\)/,
  ),
  badFlag(
    ['verify', '@/run.jsonl', '--game', BELLS, '--ledger', '@/missing.ledger.jsonl'],
    /missing\.ledger\.jsonl: cannot read it \(no such file\)/,
  ),
  badFlag(
    ['verify', '@/run.jsonl', '--game', BELLS, '--hmac-key-file', '@/missing.key'],
    /--hmac-key-file: cannot read .*missing\.key \(no such file\)/,
  ),
];

/** Audit logs damaged so that nothing in them can be verified: unusable input (exit 2). */
const logs: CorpusCase[] = [
  {
    name: 'log: empty',
    files: { 'log.jsonl': '' },
    args: ['verify', '@/log.jsonl', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: the audit log is empty/,
  },
  {
    name: 'log: not JSON',
    files: { 'log.jsonl': 'hello\n' },
    args: ['verify', '@/log.jsonl', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: not a slotsim audit log/,
  },
  {
    name: 'log: binary bytes',
    files: { 'log.jsonl': new Uint8Array([0xff, 0xfe, 0x00, 0x01]) },
    args: ['verify', '@/log.jsonl', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: not a slotsim audit log/,
  },
  {
    name: 'log: a game file given as the log',
    args: ['verify', BELLS, '--game', BELLS],
    exit: 2,
    message: /three-bells\.json: not a slotsim audit log/,
  },
  {
    name: 'log: a header cut in half',
    files: { 'log.jsonl': '{"chain":"sha256","createdAt":"2026-' },
    args: ['verify', '@/log.jsonl', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: not a slotsim audit log/,
  },
  {
    name: 'log: another format version',
    files: { 'log.jsonl': 'version:slotsim-audit/9' },
    args: ['verify', '@/log.jsonl', '--game', BELLS],
    exit: 2,
    message:
      /log\.jsonl: audit log format "slotsim-audit\/9"; this slotsim verifies "slotsim-audit\/1"( and "slotsim-audit\/2")?/,
  },
  {
    name: 'log: recall of an empty log',
    files: { 'log.jsonl': '' },
    args: ['recall', '@/log.jsonl', '--round', 'r', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: the audit log is empty/,
  },
  {
    name: 'log: recall of a log that is not one',
    files: { 'log.jsonl': 'hello\n' },
    args: ['recall', '@/log.jsonl', '--round', 'r', '--game', BELLS],
    exit: 2,
    message: /log\.jsonl: not a slotsim audit log/,
  },
  {
    name: 'log: recall of another format version',
    files: { 'log.jsonl': 'version:slotsim-audit/9' },
    args: ['recall', '@/log.jsonl', '--round', 'r', '--game', BELLS],
    exit: 2,
    message: /audit log format "slotsim-audit\/9"/,
  },
  {
    name: 'log: recall of a round the log does not hold',
    args: ['recall', '@/run.jsonl', '--round', 'no-such-round', '--game', BELLS],
    exit: 2,
    message: /--round: no round "no-such-round" in .*run\.jsonl/,
  },
  badFlag(
    ['verify', '@/run.jsonl', '--game', BELLS, '--max-findings', '0'],
    /--max-findings: "0" is not a count/,
  ),
  {
    name: 'log: recall with a game file that is invalid',
    files: { 'g.json': '{' },
    args: ['recall', '@/run.jsonl', '--round', 'r', '--game', '@/g.json'],
    exit: 2,
    message: /g\.json:\d+:\d+: invalid JSON/,
  },
  {
    name: 'log: verify with a game file that is invalid',
    files: { 'g.json': '[]' },
    args: ['verify', '@/run.jsonl', '--game', '@/g.json'],
    exit: 2,
    message: /g\.json(:\d+:\d+)?: .*expected a game: a JSON object/,
  },
];

/** Shards, partials, merge and checkpoints (issue 12): unusable input is refused before any work. */
const shards: CorpusCase[] = [
  {
    name: 'merge: no such partial',
    args: ['merge', '@/missing.partial'],
    exit: 2,
    message: /missing\.partial: cannot read it \(no such file\)/,
  },
  {
    name: 'merge: a folder',
    files: { 'd/x': '' },
    args: ['merge', '@/d'],
    exit: 2,
    message: /d: cannot read it \(a directory, not a file\)/,
  },
  {
    name: 'merge: an empty file',
    files: { 'p.partial': '' },
    args: ['merge', '@/p.partial'],
    exit: 2,
    message: /p\.partial: not a slotsim partial \(empty\)/,
  },
  {
    name: 'merge: a game file instead of a partial',
    args: ['merge', BELLS],
    exit: 2,
    message: /three-bells\.json: not a slotsim partial \(line 1: the line is not a sealed record/,
  },
  { name: 'merge: no partial given', args: ['merge'], exit: 2, message: /missing required argument/ },
  badFlag(
    ['simulate', BELLS, '--seed', '1', '--shard', '1/1', '--partial', '@/p'],
    /--shard: shard 1 of 1 \(expected an index from 0 to 0\)/,
  ),
  badFlag(
    ['simulate', BELLS, '--seed', '1', '--shard', '1-4', '--partial', '@/p'],
    /--shard: "1-4" is not a shard; expected I\/N/,
  ),
  badFlag(
    ['simulate', BELLS, '--seed', '1', '--shards', 'many', '--partial', '@/p'],
    /--shards: "many" is not a shard count/,
  ),
  badFlag(['simulate', BELLS, '--shards', '4'], /--shards needs --partial FILE/),
  badFlag(['simulate', BELLS, '--shard', '0/4', '--partial', '@/p'], /--partial needs --seed/),
  {
    name: 'flags: a Kubernetes index past --shards',
    args: ['simulate', BELLS, '--seed', '1', '--shards', '2', '--partial', '@/p'],
    env: { JOB_COMPLETION_INDEX: '5' },
    exit: 2,
    message: /JOB_COMPLETION_INDEX with --shards 2: shard 5 of 2 \(expected an index from 0 to 1\)/,
  },
  {
    name: 'flags: a partial under a file',
    files: { f: 'x' },
    args: ['simulate', BELLS, '--seed', '1', '--shard', '0/1', '--partial', '@/f/p.partial'],
    exit: 2,
    message: /--partial: cannot write to .*f\/p\.partial/,
  },
  badFlag(['simulate', BELLS, '--resume'], /--resume needs --checkpoint FILE/),
  {
    name: 'flags: a checkpoint that is a folder',
    files: { 'd/x': '' },
    args: ['simulate', BELLS, '--spins', '1k', '--checkpoint', '@/d'],
    exit: 2,
    message: /--checkpoint: cannot write to .*d \(a folder, not a file\)/,
  },
  {
    name: 'flags: --resume of a file that is no checkpoint',
    files: { 'c.ckpt': 'hello\n' },
    args: ['simulate', BELLS, '--spins', '1k', '--checkpoint', '@/c.ckpt', '--resume'],
    exit: 2,
    message: /--resume: .*c\.ckpt is not a slotsim checkpoint \(line 1: the line is not a sealed record/,
  },
];

export const CORPUS: readonly CorpusCase[] = [
  ...jsonSyntax,
  ...formatTwo,
  ...types,
  ...semantics,
  ...limits,
  ...flags,
  ...paths,
  ...logs,
  ...shards,
];
