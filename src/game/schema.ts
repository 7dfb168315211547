/**
 * The structure of a `slotsim/1` game file, in zod: the one source of both the loader's
 * structural validation and the published JSON Schema (`configs/schema/slotsim-game.schema.json`).
 *
 * Only what a JSON Schema can say lives here: types, required and unknown keys, key and number
 * ranges. Everything that relates one part of the file to another (symbol ids, reel counts, whole
 * credits, …) is checked afterwards by `check-game.ts`, on the game with its variant merged in.
 *
 * Every leaf carries its "expected …" phrase as its zod error, so `zod-issues.ts` can say what was
 * found and what was expected without knowing the schema.
 */
import { z } from 'zod';
import {
  countRecord,
  doc,
  nameKey,
  nonNegative,
  nonNegativeInt,
  positiveInt,
  reelSetName,
  strict,
  symbolId,
  text,
} from './schema-builders.js';
import { bonusSchema, freeSpinsSchema } from './schema-features.js';

export const FORMAT = 'slotsim/1';
/** The grid's limits: generous for real games, small enough that every table stays small. */
export const MAX_REELS = 100;
export const MAX_ROWS = 100;

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

/** The keys a game (and so a variant) may set. */
export const gameShape = {
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

/**
 * Keys that name the game: a variant (and a bet mode, when the format has them) may not replace
 * them, or a log of the variant would name another game than the file's.
 */
export const IDENTITY_KEYS: readonly string[] = ['id', 'name', 'version'];

const { id: _id, name: _name, version: _version, ...variantShape } = gameShape;

export const variantSchema = doc(strict(variantShape, 'a variant: an object of top-level keys').partial(), {
  id: 'Variant',
  description:
    'Top-level keys that replace the game’s own, wholesale. The game’s identity (id, name, version) cannot be replaced.',
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
export type { BonusFile, FreeSpinsFile, PrizeNodeFile } from './schema-features.js';
