/**
 * The structure of a `slotsim/2` game file (version 1 plus the format-2 spec's keys), in zod: the
 * one source of the loader's structural validation of version-2 files and of their JSON Schema
 * (`configs/schema/slotsim-game-2.schema.json`). Keys version 2 leaves as version 1 has them are
 * version 1's own schemas (`schema.ts`); cross-references are checked afterwards, as for version 1.
 */
import { z } from 'zod';
import { MAX_CASCADES, MAX_RESPINS } from './limits-v2.js';
import { gameShape, MAX_ROWS, patternRuleSchema, symbolSchema } from './schema.js';
import {
  countRecord,
  doc,
  nameKey,
  nonNegative,
  positiveInt,
  reelSetName,
  strict,
  symbolId,
  text,
} from './schema-builders.js';
import { countRangeRecord, strictExcept, weight, weightedList } from './schema-v2-parts.js';

export const FORMAT_V2 = 'slotsim/2';

const whole = (what: string) => positiveInt(what);
const multiplierList = weightedList(
  'value',
  whole('a multiplier: a whole number ≥ 1'),
  '[{ "value": 2, "weight": 3 }, { "value": 3, "weight": 1 }]',
);

export const symbolSchemaV2 = doc(
  strict(
    {
      ...symbolSchema.shape,
      multiplier: doc(
        z
          .union([whole('a multiplier: a whole number ≥ 1'), multiplierList], {
            error:
              'a multiplier: a whole number ≥ 1, or a weighted list such as [{ "value": 2, "weight": 3 }]',
          })
          .optional(),
        {
          description:
            'Wilds only: a whole number ≥ 1 (default 1), or a weighted list each cell showing the wild draws its multiplier from when it appears.',
        },
      ),
      coin: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'A hold-and-win coin: like a scatter, never in pays, lines, ways or clusters; counted by `holdAndWin.trigger`.',
      }),
      multiplierSymbol: doc(multiplierList.optional(), {
        description:
          'A multiplier symbol (neither wild nor scatter): each cell showing it draws a value from this list; a spin that pays is multiplied by the sum of the values on its final window.',
      }),
      expand: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'Wilds only: a reel showing this wild shows it on all its cells, with the value of its topmost cell of it.',
      }),
    },
    'an object of symbol properties ({} for an ordinary symbol)',
  ),
  {
    id: 'Symbol',
    description:
      'Symbol properties; `{}` for an ordinary symbol. At most one of wild, scatter, coin and multiplierSymbol.',
  },
);

const payValue = nonNegative('a pay: a number ≥ 0');

export const kindRuleSchemaV2 = doc(
  strict(
    {
      symbol: symbolId,
      pays: doc(countRangeRecord(payValue, 'of count → pay, such as { "3": 5, "4-5": 25, "6+": 100 }'), {
        description:
          'Run length (lines), reels in the run (ways), cluster size (cluster) or count (anywhere) → pay, a multiple of the line bet. Keys "N", "N-M" or "N+".',
      }),
    },
    'a pay rule { "symbol", "pays" }',
  ),
  { id: 'KindRule', description: 'The pays of one symbol: by run, ways, cluster or count.' },
);

export const payRuleSchemaV2 = z.union([kindRuleSchemaV2, patternRuleSchema], {
  error: 'a pay rule: { "symbol", "pays" } or { "pattern", "pay" }',
});

const heightsSchema = doc(
  z.array(
    weightedList(
      'rows',
      positiveInt(`a height: a number of rows from 1 to ${MAX_ROWS}`).max(MAX_ROWS, {
        error: `a height: a number of rows from 1 to ${MAX_ROWS}`,
      }),
      '[{ "rows": 2, "weight": 1 }, { "rows": 3, "weight": 3 }]',
    ),
    { error: 'a list of weighted height lists, one per reel' },
  ),
  {
    description:
      'Variable reel heights (ways and anywhere games): per reel, the weighted list its height is drawn from on every spin.',
  },
);

/** A drawn award, or a start table: a version-1 weighted table keyed by whole numbers ≥ 1. */
const countTable = (what: string, example: string) =>
  countRecord(weight, `of ${what} → weight, such as ${example}`);

const spinsAward = z.union(
  [positiveInt('a positive integer number of spins'), countTable('spins', '{ "9": 1, "10": 9, "11": 45 }')],
  { error: 'a number of spins, or a weighted table of spin counts such as { "9": 1, "10": 9 }' },
);

const freeSpinsSchemaV2 = doc(
  strict(
    {
      trigger: strict(
        {
          symbol: symbolId,
          awards: doc(countRangeRecord(spinsAward, 'of count → spins, such as { "3": 10, "4+": 15 }'), {
            description:
              'Count of trigger cells on the paid spin → free spins awarded: a number, or a weighted table of spin counts drawn right before the first free spin.',
          }),
        },
        'a trigger { "symbol", "awards" }',
      ),
      retrigger: doc(countRangeRecord(spinsAward, 'of count → spins, such as { "3": 10 }').optional(), {
        description:
          'Count of trigger cells on a free spin → spins added, or a table drawn right after that spin (default: the trigger awards; {} turns retriggers off).',
      }),
      reelSet: doc(reelSetName.optional(), {
        description: 'Reel set of the free spins (default: that of the paid spin).',
      }),
      multiplier: doc(positiveInt().optional(), {
        description: 'Multiplies every free-spin win (default 1).',
      }),
      maxSpins: doc(positiveInt().optional(), {
        description: 'Cap on free spins in one round, first award included (default 1000).',
      }),
      stickyWilds: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'A cell that has shown a wild in a free spin shows it (with its value) in every later free spin of the feature.',
      }),
      multiplierMeter: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'The feature adds up the multiplier symbols of every paying free spin; each paying spin is multiplied by the total so far.',
      }),
    },
    'a free-spins feature { "trigger", "retrigger", "reelSet", "multiplier", "maxSpins", "stickyWilds", "multiplierMeter" }',
  ),
  { id: 'FreeSpins', description: 'Free spins, triggered by a count of a scatter symbol.' },
);

const ladderSchema = doc(
  z.union(
    [
      z
        .array(whole('a ladder entry: a whole number ≥ 1'), { error: 'a list of whole numbers ≥ 1' })
        .min(1, { error: 'a list of at least one whole number ≥ 1' }),
      strict(
        {
          start: whole('a whole number ≥ 1'),
          step: whole('a whole number ≥ 1'),
          max: whole('a whole number ≥ 1'),
        },
        'a ladder { "start", "step", "max" }',
      ),
    ],
    { error: 'a ladder: a list such as [1, 2, 3, 5], or { "start", "step", "max" }' },
  ),
  {
    id: 'Ladder',
    description:
      'The multiplier of the c-th evaluation of a spin (c = 0, 1, …): entry c of a list, the last repeating, or min(start + step·c, max).',
  },
);

const cascadeSchema = doc(
  strict(
    {
      refill: doc(z.enum(['strip', 'redraw'], { error: '"strip" or "redraw"' }), {
        description:
          '"strip": holes refill from the strip above the stop, no draws; "redraw": each reel with holes draws a new stop.',
      }),
      maxCascades: doc(
        positiveInt(`a number of refills from 1 to ${MAX_CASCADES}`).max(MAX_CASCADES, {
          error: `a number of refills from 1 to ${MAX_CASCADES}`,
        }),
        { description: 'At most this many refills in one spin (required).' },
      ),
      ladder: doc(ladderSchema.optional(), { description: 'The ladder of paid spins (default [1]).' }),
      freeLadder: doc(ladderSchema.optional(), {
        description: 'The ladder of free spins (default: `ladder`).',
      }),
      ladderScope: doc(z.enum(['spin', 'feature'], { error: '"spin" or "feature"' }).optional(), {
        description:
          '"spin" (default): the ladder restarts every spin; "feature": it carries over through the free spins.',
      }),
      keep: doc(z.array(symbolId, { error: 'a list of symbol ids' }).optional(), {
        description: 'Symbols whose cells are never removed.',
      }),
      scatterCount: doc(
        z.enum(['final', 'initial', 'each'], { error: '"final", "initial" or "each"' }).optional(),
        {
          description:
            'Which window the scatter is counted on: "final" (default), "initial", or "each" (every window, after its pays).',
        },
      ),
    },
    'a cascade { "refill", "maxCascades", "ladder", "freeLadder", "ladderScope", "keep", "scatterCount" }',
  ),
  { id: 'Cascade', description: 'Tumbles: winning cells are removed, the rest fall, the holes refill.' },
);

const coinValueSchema = z.union(
  [
    strict(
      {
        value: doc(z.number({ error: 'a number > 0' }).positive({ error: 'a number > 0' }), {
          description: 'Units of the hold-and-win unit.',
        }),
        weight,
      },
      'a coin value { "value", "weight" }',
    ),
    strict({ jackpot: text('a jackpot tier name'), weight }, 'a coin value { "jackpot", "weight" }'),
  ],
  { error: 'a coin value: { "value", "weight" } or { "jackpot", "weight" }' },
);

const holdAndWinSchema = doc(
  strict(
    {
      trigger: strict(
        {
          symbol: symbolId,
          count: positiveInt('a positive integer count'),
        },
        'a trigger { "symbol", "count" }',
      ),
      respins: doc(positiveInt('a positive integer number of respins'), {
        description: 'Respins left after the trigger and after every respin that lands a coin.',
      }),
      maxRespins: doc(
        positiveInt(`a number of respins from 1 to ${MAX_RESPINS}`).max(MAX_RESPINS, {
          error: `a number of respins from 1 to ${MAX_RESPINS}`,
        }),
        { description: 'At most this many respins in one feature (required).' },
      ),
      land: doc(strict({ coin: weight, blank: weight }, 'an object { "coin", "blank" }'), {
        description: 'Each empty cell of a respin draws rng.int(coin + blank); below `coin` a coin lands.',
      }),
      values: doc(
        z
          .array(coinValueSchema, { error: 'a weighted list of coin values' })
          .min(1, { error: 'a weighted list of at least one coin value' }),
        { description: 'What a coin is worth, drawn when it lands (list order).' },
      ),
      jackpots: doc(
        z
          .record(
            nameKey,
            z.number({ error: 'a number of units > 0' }).positive({ error: 'a number of units > 0' }),
            { error: 'an object of jackpot tier → units' },
          )
          .optional(),
        { description: 'Jackpot tier → units of the hold-and-win unit.' },
      ),
      fullGrid: doc(text('a jackpot tier name').optional(), {
        description: 'The tier paid on top when every cell holds a coin.',
      }),
      paysPer: doc(z.enum(['bet', 'lineBet'], { error: '"bet" or "lineBet"' }).optional(), {
        description: 'The unit of coin values and jackpots: the total bet (default) or the line bet.',
      }),
    },
    'a hold-and-win feature { "trigger", "respins", "maxRespins", "land", "values", "jackpots", "fullGrid", "paysPer" }',
  ),
  { id: 'HoldAndWin', description: 'Coin respins on the whole grid.' },
);

/** The top-level keys of a version-2 game (and so of a variant, and of a mode's `replace`). */
export const gameShapeV2 = {
  ...gameShape,
  grid: doc(
    strict(
      {
        ...gameShape.grid.shape,
        heights: heightsSchema.optional(),
      },
      'a grid { "reels", "rows", "heights" }',
    ),
    { description: 'Reels (columns) and rows of the window; with `heights`, rows is the largest height.' },
  ),
  symbols: doc(z.record(nameKey, symbolSchemaV2, { error: 'an object of symbol id → properties' }), {
    description: 'Symbol id → properties. File order gives the symbol indexes.',
  }),
  evaluation: doc(
    z
      .enum(['lines', 'ways', 'cluster', 'anywhere'], {
        error: '"lines", "ways", "cluster" or "anywhere"',
      })
      .optional(),
    { description: 'How the window pays (default "lines").' },
  ),
  wildMultipliers: doc(z.enum(['product', 'sum'], { error: '"product" or "sum"' }).optional(), {
    description:
      'How the multipliers of the wilds in a win combine: "product" (default) or "sum" (of those ≥ 2; not in ways games).',
  }),
  pays: doc(z.array(payRuleSchemaV2, { error: 'a list of pay rules' }), {
    description: 'Pay rules, in priority order for ties.',
  }),
  scatter: doc(
    strict(
      {
        symbol: symbolId,
        pays: countRangeRecord(
          nonNegative('a multiple of the total bet: a number ≥ 0'),
          'of count → multiple of the total bet, such as { "3": 5, "4+": 20 }',
        ),
      },
      'a scatter { "symbol", "pays" }',
    ).optional(),
    { description: 'Scatter pays: count of cells → multiple of the total bet.' },
  ),
  freeSpins: freeSpinsSchemaV2.optional(),
  cascade: cascadeSchema.optional(),
  holdAndWin: holdAndWinSchema.optional(),
};

/** The keys a mode's `replace` may not replace (format-2 spec, "Bet modes"). */
export const NOT_REPLACEABLE = [
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
] as const;

const {
  id: _id,
  name: _name,
  version: _version,
  grid: _grid,
  bet: _bet,
  symbols: _symbols,
  groups: _groups,
  evaluation: _evaluation,
  ...replaceable
} = gameShapeV2;

const replaceSchema = doc(
  strictExcept(
    replaceable,
    NOT_REPLACEABLE,
    (key) =>
      `no "${key}" here: a mode's replace may not replace ${NOT_REPLACEABLE.slice(0, -1).join(', ')} or ${NOT_REPLACEABLE.at(-1) ?? ''}`,
    'an object of top-level keys to replace',
  ).partial(),
  {
    id: 'Replace',
    description: 'Top-level keys the mode replaces wholesale (a key absent at the top level is added).',
  },
);

const startSchema = doc(
  z.union(
    [
      strict(
        { freeSpins: countTable('spins', '{ "10": 80, "15": 15, "20": 5 }') },
        'a start { "freeSpins": {...} } or { "holdAndWin": {...} }',
      ),
      strict(
        { holdAndWin: countTable('starting coins', '{ "6": 2268, "7": 324 }') },
        'a start { "freeSpins": {...} } or { "holdAndWin": {...} }',
      ),
    ],
    { error: 'a start: { "freeSpins": { spins → weight } } or { "holdAndWin": { coins → weight } }' },
  ),
  {
    description:
      'The round has no paid spin: it starts in free spins (a drawn number of spins) or in hold-and-win (a drawn number of coins on drawn cells).',
  },
);

const modeSchema = doc(
  strict(
    {
      description: gameShape.description,
      cost: doc(positiveInt('a positive integer number of credits'), {
        description: 'The stake of one round of the mode, in credits.',
      }),
      replace: replaceSchema.optional(),
      start: startSchema.optional(),
      rtp: gameShape.rtp,
    },
    'a mode { "cost", "replace", "start", "rtp" }',
  ),
  {
    id: 'Mode',
    description: 'A bet mode: its stake, the keys it replaces, how its rounds start, its RTP target.',
  },
);

const modesSchema = doc(
  z.record(nameKey, modeSchema, { error: 'an object of mode name → mode' }).optional(),
  { description: 'Bet modes besides "base" (the game as written; the name is reserved).' },
);

const shapeWithModes = { ...gameShapeV2, modes: modesSchema };

/** Identity keys: a variant keeps the game's, since records and reports name the game by them. */
export const NOT_IN_VARIANT = ['format', 'id', 'name', 'version'] as const;

const { id: _vid, name: _vname, version: _vversion, ...variantKeys } = shapeWithModes;

export const variantSchemaV2 = doc(
  strictExcept(
    variantKeys,
    NOT_IN_VARIANT,
    (key) =>
      key === 'format'
        ? 'no "format" here: every variant has the format of its file'
        : `no "${key}" here: a variant keeps the game's id, name and version`,
    'a variant: an object of top-level keys',
  ).partial(),
  { id: 'Variant', description: 'Top-level keys that replace the game’s own, wholesale.' },
);

export const gameFileSchemaV2 = strict(
  {
    $schema: doc(z.string({ error: 'a string' }).optional(), {
      description: 'The JSON Schema of this file (for editors).',
    }),
    format: doc(z.literal(FORMAT_V2, { error: `"${FORMAT_V2}"` }), {
      description: 'The format version: "slotsim/2".',
    }),
    ...shapeWithModes,
    variants: doc(
      z.record(nameKey, variantSchemaV2, { error: 'an object of variant name → top-level keys' }).optional(),
      {
        description: 'Variant name → top-level keys that replace the game’s own (a shallow merge).',
      },
    ),
  },
  'a game: a JSON object',
);

export type GameFileV2 = z.output<typeof gameFileSchemaV2>;
export type SymbolPropsV2 = z.output<typeof symbolSchemaV2>;
export type FreeSpinsFileV2 = z.output<typeof freeSpinsSchemaV2>;
export type CascadeFile = z.output<typeof cascadeSchema>;
export type HoldAndWinFile = z.output<typeof holdAndWinSchema>;
export type LadderFile = z.output<typeof ladderSchema>;
export type ModeFile = z.output<typeof modeSchema>;
export type SpinsAwardFile = z.output<typeof spinsAward>;
export type WeightedListFile<K extends string> = readonly ({ readonly [P in K]: number } & {
  readonly weight: number;
})[];
