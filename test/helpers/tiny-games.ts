/**
 * A fast-check arbitrary of tiny valid `slotsim/2` game files, per evaluation kind: 2–3 reels of
 * 1–3 rows, strips of 2–3 stops, two paying symbols, and optionally a wild (fixed or drawn
 * multiplier, expanding), a scatter with scatter pays, free spins (drawn awards, retriggers,
 * sticky wilds, a meter, a multiplier), a bonus, multiplier symbols, a coin with hold and win,
 * cascades (both refills, ladders, keep, scope, every scatter count), "sum", heights, a cap and
 * modes with `start`. Small enough that a round's draw paths can be walked (see draw-paths.ts).
 */
import fc from 'fast-check';
import type { EvaluationKind } from '../../src/engine/model.js';

export type TinyGame = Record<string, unknown>;

const flags = fc.record({
  /** A theme forces a group of keys, so that rare combinations (sticky wilds, the meter) occur. */
  theme: fc.constantFrom('any', 'tumble', 'sticky', 'meter', 'coins'),
  reels: fc.integer({ min: 2, max: 3 }),
  rows: fc.integer({ min: 1, max: 3 }),
  wild: fc.constantFrom('none', 'fixed', 'drawn'),
  wildMultiplier: fc.integer({ min: 1, max: 3 }),
  expand: fc.boolean(),
  scatter: fc.boolean(),
  multiplierSymbol: fc.boolean(),
  coin: fc.boolean(),
  coinCount: fc.integer({ min: 1, max: 2 }),
  fullGrid: fc.boolean(),
  freeSpins: fc.boolean(),
  drawnAward: fc.boolean(),
  retrigger: fc.boolean(),
  award: fc.integer({ min: 1, max: 2 }),
  maxSpins: fc.integer({ min: 1, max: 3 }),
  fsMultiplier: fc.integer({ min: 1, max: 2 }),
  sticky: fc.boolean(),
  meter: fc.boolean(),
  bonus: fc.boolean(),
  cascade: fc.boolean(),
  redraw: fc.boolean(),
  maxCascades: fc.integer({ min: 1, max: 2 }),
  ladder: fc.constantFrom<unknown>([1], [1, 2], { start: 1, step: 2, max: 4 }),
  freeLadder: fc.constantFrom<unknown>(undefined, [2, 3]),
  featureScope: fc.boolean(),
  keepWild: fc.boolean(),
  scatterCount: fc.constantFrom('final', 'initial', 'each'),
  sum: fc.boolean(),
  heights: fc.boolean(),
  maxWin: fc.option(fc.integer({ min: 2, max: 20 }), { nil: null, freq: 1 }),
  modes: fc.boolean(),
  payA: fc.integer({ min: 1, max: 4 }),
  payB: fc.integer({ min: 1, max: 3 }),
  strips: fc.array(fc.array(fc.nat({ max: 59 }), { minLength: 2, maxLength: 3 }), {
    minLength: 3,
    maxLength: 3,
  }),
});

export function tinyGame(kind: EvaluationKind): fc.Arbitrary<TinyGame> {
  return flags.map((f) => build(kind, f));
}

type Flags = typeof flags extends fc.Arbitrary<infer T> ? T : never;

function build(kind: EvaluationKind, drawn: Flags): TinyGame {
  const f = { ...drawn };
  switch (f.theme) {
    case 'tumble':
      Object.assign(f, { cascade: true, scatter: true });
      break;
    case 'sticky':
      Object.assign(f, {
        freeSpins: true,
        scatter: true,
        sticky: true,
        cascade: false,
        heights: false,
        award: 2,
      });
      if (f.wild === 'none') f.wild = 'drawn';
      break;
    case 'meter':
      Object.assign(f, { freeSpins: true, scatter: true, multiplierSymbol: true, meter: true, award: 2 });
      break;
    case 'coins':
      Object.assign(f, { coin: true, heights: false });
      break;
    default:
      break;
  }
  const cells = f.reels * f.rows;
  const wild = f.wild !== 'none';
  const cascade = f.cascade;
  const coin = f.coin && !f.heights;
  const heights = f.heights && (kind === 'ways' || kind === 'anywhere') && f.rows > 1;
  const freeSpins = f.freeSpins && f.scatter;
  const sticky = freeSpins && f.sticky && wild && !cascade && !heights;
  const ids = [
    'A',
    'B',
    ...(wild ? ['W'] : []),
    ...(f.scatter ? ['S'] : []),
    ...(f.multiplierSymbol ? ['M'] : []),
    ...(coin ? ['C'] : []),
  ];
  const symbols: Record<string, unknown> = { A: {}, B: {} };
  if (wild) {
    symbols.W = {
      wild: true,
      multiplier:
        f.wild === 'fixed'
          ? f.wildMultiplier
          : [
              { value: 1, weight: 1 },
              { value: f.wildMultiplier + 1, weight: 1 },
            ],
      ...(f.expand && !cascade ? { expand: true } : {}),
    };
  }
  if (f.scatter) symbols.S = { scatter: true };
  if (f.multiplierSymbol) {
    symbols.M = {
      multiplierSymbol: [
        { value: 2, weight: 1 },
        { value: 3, weight: 1 },
      ],
    };
  }
  if (coin) symbols.C = { coin: true };
  const strip = (seeds: readonly number[]): string[] => seeds.map((s) => ids[s % ids.length]!);
  const reels = f.strips.slice(0, f.reels).map(strip);
  // An A on reel 0 keeps most games paying sometimes; tumbling games get scatters on two reels.
  reels[0]![0] = 'A';
  if (f.theme === 'tumble') for (const reel of reels.slice(1)) reel[reel.length - 1] = 'S';

  const top = kind === 'lines' || kind === 'ways' ? f.reels : cells;
  const pays = [
    { symbol: 'A', pays: { '2+': f.payA } },
    { symbol: 'B', pays: { [String(top)]: f.payB } },
  ];
  const game: TinyGame = {
    format: 'slotsim/2',
    id: `tiny-${kind}`,
    name: `Tiny ${kind}`,
    version: '1',
    grid: {
      reels: f.reels,
      rows: f.rows,
      ...(heights
        ? {
            heights: Array.from({ length: f.reels }, () => [
              { rows: 1, weight: 1 },
              { rows: f.rows, weight: 2 },
            ]),
          }
        : {}),
    },
    bet: { credits: 2, lineBet: 1 },
    evaluation: kind,
    symbols,
    pays,
    reelSets: { base: reels },
  };
  if (kind === 'lines') {
    const lines = [Array<number>(f.reels).fill(0)];
    if (f.rows > 1) lines.push(Array<number>(f.reels).fill(f.rows - 1));
    if (f.rows > 2 && f.reels === 3) lines.push([0, 1, 2]);
    game.paylines = lines;
  }
  if (f.sum && kind !== 'ways') game.wildMultipliers = 'sum';
  if (f.scatter) game.scatter = { symbol: 'S', pays: { '2+': 1 } };
  if (freeSpins) {
    game.freeSpins = {
      trigger: { symbol: 'S', awards: { '2+': f.drawnAward ? { '1': 1, '2': 1 } : f.award } },
      retrigger: f.retrigger ? { '2+': f.drawnAward ? { '1': 2, '2': 1 } : 1 } : {},
      maxSpins: f.maxSpins,
      multiplier: f.fsMultiplier,
      ...(sticky ? { stickyWilds: true } : {}),
      ...(f.meter && f.multiplierSymbol ? { multiplierMeter: true } : {}),
    };
  }
  if (f.bonus && f.scatter) {
    game.bonus = {
      trigger: { anywhere: { symbol: 'S', count: 2 } },
      prize: { pick: { '1': 1, '2': 1 } },
      paysPer: 'bet',
    };
  }
  if (coin) {
    game.holdAndWin = {
      trigger: { symbol: 'C', count: Math.min(f.coinCount, cells) },
      respins: 1,
      maxRespins: 2,
      land: { coin: 1, blank: 2 },
      values: [
        { value: 1, weight: 2 },
        { jackpot: 'MINI', weight: 1 },
      ],
      jackpots: { MINI: 3, GRAND: 10 },
      ...(f.fullGrid ? { fullGrid: 'GRAND' } : {}),
    };
  }
  if (cascade) {
    game.cascade = {
      refill: f.redraw ? 'redraw' : 'strip',
      maxCascades: f.maxCascades,
      ladder: f.ladder,
      ...(f.freeLadder === undefined ? {} : { freeLadder: f.freeLadder }),
      ...(f.featureScope ? { ladderScope: 'feature' } : {}),
      ...(f.keepWild && wild ? { keep: ['W'] } : {}),
      scatterCount: f.scatterCount,
    };
  }
  if (f.maxWin !== null) game.maxWin = f.maxWin;
  if (f.modes) {
    const modes: Record<string, unknown> = { ante: { cost: 3, replace: { maxWin: 4 } } };
    if (freeSpins) modes.buy = { cost: 20, start: { freeSpins: { '1': 1, '2': 1 } } };
    if (coin) modes.coins = { cost: 10, start: { holdAndWin: { '1': 2, '2': 1 } } };
    game.modes = modes;
  }
  return game;
}
