/**
 * Random damage to a valid game, for property tests: replace, delete, add or duplicate values
 * anywhere in the document, with values likely to hit the loader's rules (ids of other symbols,
 * zero, fractions, huge numbers, empty objects) as well as arbitrary JSON.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- these tests take raw JSON documents apart, which have no static type */
import fc from 'fast-check';
import type { Json } from './games.js';

export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'nudge'; readonly at: number; readonly by: number };

const INTERESTING: Json[] = [
  0,
  -1,
  1,
  2,
  3,
  1.5,
  0.1,
  2.5,
  1e300,
  -0,
  2 ** 32,
  2 ** 53,
  101,
  '',
  'A',
  'K',
  'WILD',
  'W5',
  'SCAT',
  'BONUS',
  'ROYAL',
  'Q',
  'base',
  'free',
  'lines',
  'ways',
  'bet',
  'lineBet',
  '3',
  '03',
  'slotsim/1',
  null,
  true,
  false,
  [],
  {},
  ['A'],
  ['SCAT', 'SCAT'],
  { '3': 1 },
  { '0': 1 },
  { pick: { '1': 1 } },
  { strip: ['A'], weights: [1] },
];
const KEYS = [
  'wild',
  'scatter',
  'multiplier',
  'except',
  'pays',
  'pay',
  'pattern',
  'symbol',
  'reelSet',
  'retrigger',
  'maxWin',
  'lineBet',
  'x',
  '3',
  '03',
  '',
  'format',
  'variants',
  'each',
  'repeat',
  'pick',
  'free',
  'B',
];

/** Values and keys that hit format 2's rules, for its property tests. */
export const FORMAT_2_VALUES: Json[] = [
  '3+',
  '3-5',
  '5-3',
  'cluster',
  'anywhere',
  'sum',
  'strip',
  'redraw',
  'each',
  'feature',
  'COIN',
  'X',
  'MINI',
  2 ** 53 - 1,
  [{ value: 2, weight: 1 }],
  [{ rows: 2, weight: 1 }],
  { '3-5': 1, '4+': 2 },
  { '9': 1, '10': 2 },
  { refill: 'strip', maxCascades: 3 },
  { cost: 10 },
];
export const FORMAT_2_KEYS = [
  'heights',
  'cascade',
  'holdAndWin',
  'modes',
  'replace',
  'start',
  'coin',
  'expand',
  'multiplierSymbol',
  'stickyWilds',
  'multiplierMeter',
  'wildMultipliers',
  'keep',
  'ladder',
  'jackpot',
  '3+',
];

export function mutation(
  extraValues: readonly Json[] = [],
  extraKeys: readonly string[] = [],
): fc.Arbitrary<Mutation[]> {
  const value: fc.Arbitrary<Json> = fc.oneof(
    fc.constantFrom(...INTERESTING, ...extraValues),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const at = fc.nat();
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at, value }),
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({ kind: fc.constant('add' as const), at, key: fc.constantFrom(...KEYS, ...extraKeys), value }),
    fc.record({ kind: fc.constant('duplicate' as const), at }),
    fc.record({ kind: fc.constant('nudge' as const), at, by: fc.constantFrom(-1, 1, 0.5, 10, -100) }),
  );
  return fc.array(one, { minLength: 1, maxLength: 4 });
}

/** A copy of `game` with every mutation applied, each at a node picked among all of the document's. */
export function mutate(game: Json, mutations: readonly Mutation[]): Json {
  const root = { doc: structuredClone(game) };
  for (const m of mutations) {
    const nodes = allNodes(root);
    const node = nodes[m.at % nodes.length];
    if (node === undefined) continue;
    const { parent, key } = node;
    const current = parent[key];
    switch (m.kind) {
      case 'replace':
        parent[key] = structuredClone(m.value);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (parent !== root) Reflect.deleteProperty(parent, key);
        break;
      case 'add':
        if (typeof current === 'object' && current !== null && !Array.isArray(current))
          current[m.key] = structuredClone(m.value);
        else if (Array.isArray(current)) current.push(structuredClone(m.value));
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(current));
        break;
      case 'nudge':
        if (typeof current === 'number') parent[key] = current + m.by;
        break;
    }
  }
  return root.doc;
}

/** Every (parent, key) pair of the document, the root first. */
function allNodes(root: Json): { parent: Json; key: string | number }[] {
  const out: { parent: Json; key: string | number }[] = [];
  const walk = (parent: Json, key: string | number) => {
    out.push({ parent, key });
    const value = parent[key];
    if (Array.isArray(value)) value.forEach((_, i) => walk(value, i));
    else if (typeof value === 'object' && value !== null) for (const k of Object.keys(value)) walk(value, k);
  };
  walk(root, 'doc');
  return out;
}
