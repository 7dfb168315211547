/**
 * The structure of a `slotsim/1` game file, in zod: the one source of both the loader's
 * structural validation and the published JSON Schema (`configs/slotsim-game.schema.json`).
 *
 * Only what a JSON Schema can say lives here: types, required and unknown keys, key and number
 * ranges. Everything that relates one part of the file to another (symbol ids, reel counts, whole
 * credits, …) is checked afterwards by `check-game.ts`, on the game with its variant merged in.
 *
 * Every leaf carries its "expected …" phrase as its zod error, so `zod-issues.ts` can say what was
 * found and what was expected without knowing the schema.
 */
import { z } from 'zod';
import { schemaDocs, type SchemaDoc } from './schema-docs.js';
import { allowedKeysMessage } from './allowed-keys.js';

export const FORMAT = 'slotsim/1';
/** The grid's limits: generous for real games, small enough that every table stays small. */
export const MAX_REELS = 100;
export const MAX_ROWS = 100;

function doc<T extends z.ZodType>(schema: T, meta: SchemaDoc): T {
  schemaDocs.add(schema, meta);
  return schema;
}

/** A strict object whose errors say what it is and which keys it allows. */
function strict<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? allowedKeysMessage(keys) : what),
  });
}

const positiveInt = (what = 'a positive integer') =>
  z.number({ error: what }).int({ error: what }).positive({ error: what });
const nonNegativeInt = (what = 'an integer ≥ 0') =>
  z.number({ error: what }).int({ error: what }).nonnegative({ error: what });
const nonNegative = (what = 'a number ≥ 0') => z.number({ error: what }).nonnegative({ error: what });

const COUNT_KEY = /^[1-9][0-9]*$/;
const countKey = z.string().regex(COUNT_KEY, { error: 'a count: a positive integer key such as "3"' });
/** An object keyed by a count: `{ "3": 5, "4": 25 }`. */
const countRecord = <V extends z.ZodType>(value: V, what: string) =>
  z.record(countKey, value, { error: `an object ${what}` });

/** A name (symbol, group, reel set, variant id); `__proto__` is refused earlier, by the JSON reader. */
const nameKey = z.string().min(1, { error: 'a non-empty name' });
const symbolId = z.string({ error: 'a symbol id such as "A"' }).min(1, { error: 'a symbol id such as "A"' });
const reelSetName = z.string({ error: 'a reel set name' }).min(1, { error: 'a reel set name' });
const text = (what: string) => z.string({ error: what }).min(1, { error: what });

export const symbolSchema = doc(
  strict(
    {
      wild: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'A wild: substitutes for every non-wild symbol except scatters, the bonus line-trigger symbol and its `except` list.',
      }),
      multiplier: doc(positiveInt().optional(), {
        description:
          'Wilds only (default 1): a match in which this wild stands for another symbol is multiplied by it.',
      }),
      except: doc(z.array(symbolId, { error: 'a list of symbol ids' }).optional(), {
        description: 'Wilds only: symbols this wild does not substitute for.',
      }),
      scatter: doc(z.boolean({ error: 'true or false' }).optional(), {
        description:
          'A scatter: pays only through `scatter`, triggers features, never part of a line or way.',
      }),
    },
    'an object of symbol properties ({} for an ordinary symbol)',
  ),
  { id: 'Symbol', description: 'Symbol properties; `{}` for an ordinary symbol.' },
);

const payValue = nonNegative('a pay: a number ≥ 0');

export const kindRuleSchema = doc(
  strict(
    {
      symbol: symbolId,
      pays: doc(countRecord(payValue, 'of run length → pay, such as { "3": 5, "4": 25 }'), {
        description: 'Run length (lines) or reels in the run (ways) → pay, a multiple of the line bet.',
      }),
    },
    'a pay rule { "symbol", "pays" }',
  ),
  { id: 'KindRule', description: 'X-of-a-kind (lines) or ways pays of one symbol.' },
);

export const patternRuleSchema = doc(
  strict(
    {
      pattern: doc(
        z
          .array(symbolId, { error: 'a list of symbol or group ids' })
          .min(1, { error: 'a list of at least one symbol or group id' }),
        { description: 'Symbol or group id per reel, from the leftmost reel.' },
      ),
      pay: doc(payValue, { description: 'The pay, a multiple of the line bet.' }),
    },
    'a pay rule { "pattern", "pay" }',
  ),
  {
    id: 'PatternRule',
    description: 'A pattern of symbols or groups on the leftmost reels (lines games only).',
  },
);

export const payRuleSchema = z.union([kindRuleSchema, patternRuleSchema], {
  error: 'a pay rule: { "symbol", "pays" } or { "pattern", "pay" }',
});

export const reelSchema = doc(
  z.union(
    [
      z.array(symbolId, { error: 'a strip: a list of symbol ids' }),
      strict(
        {
          strip: z.array(symbolId, { error: 'a list of symbol ids' }),
          weights: z.array(positiveInt('a positive integer weight'), {
            error: 'a list of positive integer weights',
          }),
        },
        'a weighted reel { "strip", "weights" }',
      ),
    ],
    { error: 'a reel: a list of symbol ids, or { "strip": [...], "weights": [...] }' },
  ),
  {
    id: 'Reel',
    description:
      'A strip of symbol ids (row k shows strip[(stop + k) mod length]), or a strip with one positive integer weight per stop.',
  },
);

export const reelSetSchema = doc(
  z.array(reelSchema, { error: 'a reel set: a list of reels, one per grid column' }),
  {
    id: 'ReelSet',
    description: 'One reel per grid column.',
  },
);

const symbolCount = positiveInt('a positive integer count');

type PrizeNodeInput =
  { pick: Record<string, number> } | { repeat: Record<string, number>; each: PrizeNodeInput };
type PrizeNodeSchema = z.ZodType<PrizeNodeInput>;

const PICK_KEY = /^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
const pickNode = strict(
  {
    pick: doc(
      z.record(
        z.string().regex(PICK_KEY, { error: 'a prize value: a number key such as "5" or "2.5"' }),
        positiveInt('a positive integer weight'),
        {
          error: 'an object of prize value → weight, such as { "5": 50, "10": 100 }',
        },
      ),
      { description: 'Prize value (× the bonus unit) → integer weight.' },
    ),
  },
  'a prize node: { "pick": {...} } or { "repeat": {...}, "each": {...} }',
);
const repeatNode = strict(
  {
    repeat: doc(
      countRecord(positiveInt('a positive integer weight'), 'of count → weight, such as { "2": 1, "3": 1 }'),
      {
        description: 'How many times `each` is drawn → integer weight.',
      },
    ),
    get each(): PrizeNodeSchema {
      return prizeNodeSchema;
    },
  },
  'a prize node: { "pick": {...} } or { "repeat": {...}, "each": {...} }',
);
export const prizeNodeSchema: PrizeNodeSchema = doc(
  z.union([pickNode, repeatNode], {
    error: 'a prize node: { "pick": {...} } or { "repeat": {...}, "each": {...} }',
  }),
  {
    id: 'PrizeNode',
    description:
      'A weighted draw: `pick` a prize value, or `repeat` `each` a drawn number of times. Keys are drawn in ascending numeric order.',
  },
);

const triggerCount = strict({ symbol: symbolId, count: symbolCount }, 'an object { "symbol", "count" }');

export const bonusSchema = doc(
  strict(
    {
      trigger: doc(
        z.union(
          [
            strict({ anywhere: triggerCount }, 'a bonus trigger: { "anywhere": {...} } or { "line": {...} }'),
            strict({ line: triggerCount }, 'a bonus trigger: { "anywhere": {...} } or { "line": {...} }'),
          ],
          {
            error:
              'a bonus trigger: { "anywhere": { "symbol", "count" } } or { "line": { "symbol", "count" } }',
          },
        ),
        {
          description:
            '`anywhere`: count or more cells of a scatter in the window; `line` (lines games): reels 0…count−1 of some payline show the symbol itself.',
        },
      ),
      prize: prizeNodeSchema,
      paysPer: doc(z.enum(['lineBet', 'bet'], { error: '"lineBet" or "bet"' }).optional(), {
        description: 'What prize values multiply: the line bet (default) or the total bet.',
      }),
    },
    'a bonus { "trigger", "prize", "paysPer" }',
  ),
  { id: 'Bonus', description: 'Weighted prize draws, triggered on the paid spin.' },
);

export const freeSpinsSchema = doc(
  strict(
    {
      trigger: strict(
        {
          symbol: symbolId,
          awards: doc(
            countRecord(
              positiveInt('a positive integer number of spins'),
              'of count → spins, such as { "3": 10 }',
            ),
            {
              description: 'Exact count of trigger cells on the paid spin → free spins awarded.',
            },
          ),
        },
        'a trigger { "symbol", "awards" }',
      ),
      retrigger: doc(
        countRecord(
          positiveInt('a positive integer number of spins'),
          'of count → spins, such as { "3": 10 }',
        ).optional(),
        {
          description:
            'Count of trigger cells on a free spin → spins added (default: the trigger awards; {} turns retriggers off).',
        },
      ),
      reelSet: doc(reelSetName.optional(), {
        description: 'Reel set of the free spins (default: that of the paid spin).',
      }),
      multiplier: doc(positiveInt().optional(), {
        description: 'Multiplies every free-spin win (default 1).',
      }),
      maxSpins: doc(positiveInt().optional(), {
        description: 'Cap on free spins in one round, first award included (default 1000).',
      }),
    },
    'a free-spins feature { "trigger", "retrigger", "reelSet", "multiplier", "maxSpins" }',
  ),
  { id: 'FreeSpins', description: 'Free spins, triggered by a count of a scatter symbol.' },
);

/** The keys a game (and so a variant) may set. */
const gameShape = {
  description: doc(z.string({ error: 'a string' }).optional(), {
    description: 'Free text about the game or variant (ignored).',
  }),
  notes: doc(
    z.union([z.string(), z.array(z.string())], { error: 'a string or a list of strings' }).optional(),
    {
      description: 'Free-text notes (ignored).',
    },
  ),
  id: doc(
    z
      .string({ error: 'an id of lowercase letters, digits and dashes, such as "three-bells"' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, {
        error: 'an id of lowercase letters, digits and dashes, such as "three-bells"',
      }),
    { description: 'Machine id: lowercase letters, digits and dashes.' },
  ),
  name: doc(text('a non-empty name'), { description: 'Human name.' }),
  version: doc(text('a non-empty version string'), { description: 'Version of the math.' }),
  grid: doc(
    strict(
      {
        reels: positiveInt(`a number of reels from 1 to ${MAX_REELS}`).max(MAX_REELS, {
          error: `a number of reels from 1 to ${MAX_REELS}`,
        }),
        rows: positiveInt(`a number of rows from 1 to ${MAX_ROWS}`).max(MAX_ROWS, {
          error: `a number of rows from 1 to ${MAX_ROWS}`,
        }),
      },
      'a grid { "reels", "rows" }',
    ),
    { description: 'Reels (columns) and rows of the window.' },
  ),
  bet: doc(
    strict(
      {
        credits: doc(positiveInt('a positive integer number of credits'), {
          description: 'Total stake of one paid round.',
        }),
        lineBet: doc(positiveInt('a positive integer number of credits').optional(), {
          description:
            'What line and ways pays multiply. Lines games default it to credits / paylines; ways games must give it.',
        }),
      },
      'a bet { "credits", "lineBet" }',
    ),
    { description: 'The stake, in integer credits.' },
  ),
  symbols: doc(z.record(nameKey, symbolSchema, { error: 'an object of symbol id → properties' }), {
    description: 'Symbol id → properties. File order gives the symbol indexes.',
  }),
  groups: doc(
    z
      .record(nameKey, z.array(symbolId, { error: 'a list of symbol ids' }), {
        error: 'an object of group id → list of symbol ids',
      })
      .optional(),
    { description: 'Group id → member symbol ids, for patterns.' },
  ),
  evaluation: doc(z.enum(['lines', 'ways'], { error: '"lines" or "ways"' }).optional(), {
    description: 'How the window pays (default "lines").',
  }),
  paylines: doc(
    z
      .array(
        z.array(nonNegativeInt('a row index: an integer ≥ 0'), {
          error: 'a payline: a list of row indexes, one per reel',
        }),
        {
          error: 'a list of paylines',
        },
      )
      .optional(),
    { description: 'Lines games: each line as its row index (0 = top) on every reel.' },
  ),
  pays: doc(z.array(payRuleSchema, { error: 'a list of pay rules' }), {
    description: 'Pay rules, in priority order for ties.',
  }),
  scatter: doc(
    strict(
      {
        symbol: symbolId,
        pays: countRecord(
          nonNegative('a multiple of the total bet: a number ≥ 0'),
          'of exact count → multiple of the total bet, such as { "3": 5 }',
        ),
      },
      'a scatter { "symbol", "pays" }',
    ).optional(),
    { description: 'Scatter pays: exact count of cells → multiple of the total bet.' },
  ),
  reelSets: doc(z.record(nameKey, reelSetSchema, { error: 'an object of reel set name → list of reels' }), {
    description: 'Reel set name → one reel per grid column.',
  }),
  base: doc(strict({ reelSet: reelSetName.optional() }, 'an object { "reelSet" }').optional(), {
    description: 'The reel set of paid spins (default "base").',
  }),
  freeSpins: freeSpinsSchema.optional(),
  bonus: bonusSchema.optional(),
  maxWin: doc(
    z
      .number({ error: 'a multiple of the total bet: a number > 0' })
      .positive({ error: 'a multiple of the total bet: a number > 0' })
      .optional(),
    {
      description: "Cap on one round's total win, as a multiple of the total bet.",
    },
  ),
  rtp: doc(
    strict(
      {
        target: z
          .number({ error: 'an RTP as a fraction of the stake, such as 0.965, not a percentage' })
          .positive({ error: 'an RTP as a fraction of the stake, such as 0.965, not a percentage' })
          .lt(2, { error: 'an RTP as a fraction of the stake, such as 0.965, not a percentage' }),
        tolerance: z
          .number({ error: 'a tolerance as a fraction of the stake, such as 0.0005' })
          .nonnegative({ error: 'a tolerance as a fraction of the stake, such as 0.0005' })
          .lt(1, { error: 'a tolerance as a fraction of the stake, such as 0.0005' }),
      },
      'an object { "target", "tolerance" }',
    ).optional(),
    { description: 'Declared RTP and tolerance for the CI gate, as fractions of the stake.' },
  ),
};

export const variantSchema = doc(strict(gameShape, 'a variant: an object of top-level keys').partial(), {
  id: 'Variant',
  description: 'Top-level keys that replace the game’s own, wholesale.',
});

export const gameFileSchema = strict(
  {
    $schema: doc(z.string({ error: 'a string' }).optional(), {
      description: 'The JSON Schema of this file (for editors).',
    }),
    format: doc(z.literal(FORMAT, { error: `"${FORMAT}"` }), {
      description: 'The format version: "slotsim/1".',
    }),
    ...gameShape,
    variants: doc(
      z.record(nameKey, variantSchema, { error: 'an object of variant name → top-level keys' }).optional(),
      {
        description: 'Variant name → top-level keys that replace the game’s own (a shallow merge).',
      },
    ),
  },
  'a game: a JSON object',
);

export type GameFile = z.output<typeof gameFileSchema>;
export type GameVariant = z.output<typeof variantSchema>;
export type GameKey = keyof GameVariant;
export type SymbolProps = z.output<typeof symbolSchema>;
export type PayRuleFile = z.output<typeof payRuleSchema>;
export type ReelFile = z.output<typeof reelSchema>;
export type PrizeNodeFile = PrizeNodeInput;
export type BonusFile = z.output<typeof bonusSchema>;
export type FreeSpinsFile = z.output<typeof freeSpinsSchema>;
