/** The file schema of the features: free spins and the bonus with its prize tree. */
import { z } from 'zod';
import {
  countRecord,
  doc,
  positiveInt,
  reelSetName,
  repeatCountRecord,
  strict,
  symbolId,
} from './schema-builders.js';

const symbolCount = positiveInt('a positive integer count');

/** A prize node as the file writes it (recursive, so spelt out for zod). */
export type PrizeNodeFile =
  { pick: Record<string, number> } | { repeat: Record<string, number>; each: PrizeNodeFile };
type PrizeNodeSchema = z.ZodType<PrizeNodeFile>;

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
      repeatCountRecord(
        positiveInt('a positive integer weight'),
        'of count → weight, such as { "2": 1, "3": 1 }',
      ),
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

export type BonusFile = z.output<typeof bonusSchema>;
export type FreeSpinsFile = z.output<typeof freeSpinsSchema>;
