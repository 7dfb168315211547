import { describe, expect, it } from 'vitest';
import { describeGame } from '../../src/certify/game-description.js';
import { loadGame } from '../../src/game/index.js';
import { compile, threeBells } from '../helpers/games.js';

// Expectations come from the game files and the format spec, worked by hand.

describe('the game description of the certification report', () => {
  it('three-bells (the spec game): grid, line, stake, roles, groups and the pay table in line bets and × stake', () => {
    const d = describeGame(compile(threeBells));
    expect(d.grid).toEqual({ reels: 3, rows: 1 });
    expect(d.evaluation).toBe('lines');
    expect(d.paylines).toEqual([[0, 0, 0]]);
    expect(d.ways).toBeNull();
    expect(d.stake).toEqual({ credits: 1, lineBet: 1 });
    expect(d.symbols.map((s) => [s.id, s.role, s.multiplier])).toEqual([
      ['BELL', 'symbol', 1],
      ['CHERRY', 'symbol', 1],
      ['BAR', 'symbol', 1],
      ['BLANK', 'symbol', 1],
      ['WILD', 'wild', 2],
    ]);
    // No scatter, no bonus, no except list: the wild substitutes for every non-wild symbol.
    expect(d.symbols.find((s) => s.id === 'WILD')!.doesNotSubstitute).toEqual([]);
    expect(d.symbols.find((s) => s.id === 'BELL')!.groups).toEqual(['ANY']);
    expect(d.groups).toEqual([{ id: 'ANY', members: ['BELL', 'BAR'] }]);
    expect(d.payTable).toEqual([
      {
        kind: 'kind',
        symbol: 'WILD',
        wild: true,
        pays: [{ count: 3, perLineBet: 200, credits: 200, x: 200 }],
      },
      { kind: 'kind', symbol: 'BELL', wild: false, pays: [{ count: 3, perLineBet: 20, credits: 20, x: 20 }] },
      { kind: 'kind', symbol: 'BAR', wild: false, pays: [{ count: 3, perLineBet: 5, credits: 5, x: 5 }] },
      {
        kind: 'kind',
        symbol: 'CHERRY',
        wild: false,
        pays: [
          { count: 1, perLineBet: 1, credits: 1, x: 1 },
          { count: 2, perLineBet: 3, credits: 3, x: 3 },
          { count: 3, perLineBet: 8, credits: 8, x: 8 },
        ],
      },
      { kind: 'pattern', pattern: ['ANY', 'ANY', 'ANY'], pay: { count: 3, perLineBet: 1, credits: 1, x: 1 } },
    ]);
    expect([d.scatter, d.freeSpins, d.bonus, d.maxWin, d.declaredRtp]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('starfall-20: 20 lines of 1 credit, scatter pays × stake, free spins with explicit retriggers', () => {
    const d = describeGame(loadGame('configs/starfall-20.json'));
    expect(d.paylines).toHaveLength(20);
    expect(d.paylines[0]).toEqual([1, 1, 1, 1, 1]);
    expect(d.stake).toEqual({ credits: 20, lineBet: 1 });
    // COMET ×5 pays 750 line bets: 750 credits, 750 / 20 = 37.5× the stake.
    const comet = d.payTable.find((r) => r.kind === 'kind' && r.symbol === 'COMET');
    expect(comet).toMatchObject({
      pays: expect.arrayContaining([{ count: 5, perLineBet: 750, credits: 750, x: 37.5 }]) as unknown,
    });
    // SCAT 3/4/5 pay 2/10/50 × bet = 40/200/1000 credits.
    expect(d.scatter).toEqual({
      symbol: 'SCAT',
      pays: [
        { count: 3, perBet: 2, credits: 40 },
        { count: 4, perBet: 10, credits: 200 },
        { count: 5, perBet: 50, credits: 1000 },
      ],
    });
    expect(d.freeSpins).toEqual({
      symbol: 'SCAT',
      awards: [
        { count: 3, spins: 10 },
        { count: 4, spins: 15 },
        { count: 5, spins: 20 },
      ],
      retriggers: [
        { count: 3, spins: 5 },
        { count: 4, spins: 10 },
        { count: 5, spins: 15 },
      ],
      reelSet: 'free',
      multiplier: 2,
      maxSpins: 250,
    });
    const scat = d.symbols.find((s) => s.id === 'SCAT')!;
    expect(scat).toMatchObject({ role: 'scatter', features: ['scatter pays', 'free-spin trigger'] });
    expect(d.symbols.find((s) => s.id === 'WILD')!.doesNotSubstitute).toEqual([
      { symbol: 'SCAT', reason: 'scatter' },
    ]);
  });

  it('northern-howl: 243 ways, a ×2 wild, default retriggers equal to the awards', () => {
    const d = describeGame(loadGame('configs/northern-howl.json'));
    expect(d.evaluation).toBe('ways');
    expect(d.ways).toBe(243);
    expect(d.paylines).toEqual([]);
    expect(d.symbols.find((s) => s.id === 'WILD2')).toMatchObject({ role: 'wild', multiplier: 2 });
    expect(d.freeSpins!.retriggers).toEqual(d.freeSpins!.awards);
    expect(d.freeSpins!.awards.map((a) => a.spins)).toEqual([10, 15, 25]);
  });

  it('lotus-lagoon: "retrigger": {} turns retriggers off (no rows)', () => {
    const d = describeGame(loadGame('configs/lotus-lagoon.json', { variant: '94' }));
    expect(d.freeSpins!.retriggers).toEqual([]);
    expect(d.freeSpins!.awards.map((a) => a.spins)).toEqual([8, 12, 15]);
    expect(d.freeSpins!.multiplier).toBe(3);
    expect(d.declaredRtp).toEqual({ target: 0.942, tolerance: 0.0005 });
  });

  it('crimson-sevens: the wild except CHERRY, and two pattern rules over groups', () => {
    const d = describeGame(loadGame('configs/crimson-sevens.json'));
    expect(d.symbols.find((s) => s.id === 'WILD')).toMatchObject({
      multiplier: 2,
      doesNotSubstitute: [{ symbol: 'CHERRY', reason: 'except' }],
    });
    expect(
      d.payTable.filter((r) => r.kind === 'pattern').map((r) => r.kind === 'pattern' && r.pattern),
    ).toEqual([
      ['ANY7', 'ANY7', 'ANY7'],
      ['ANYBAR', 'ANYBAR', 'ANYBAR'],
    ]);
  });

  it('goldvein-mine: the line-triggered bonus, its prize tree, mean 442.68 and largest 12,000 line bets', () => {
    const d = describeGame(loadGame('configs/goldvein-mine.json'));
    // The wild never stands in for the bonus's line-trigger symbol.
    expect(d.symbols.find((s) => s.id === 'WILD')!.doesNotSubstitute).toEqual([
      { symbol: 'TNT', reason: 'bonus line trigger' },
    ]);
    expect(d.symbols.find((s) => s.id === 'TNT')!.features).toEqual(['bonus trigger']);
    const b = d.bonus!;
    expect(b.trigger).toEqual({ kind: 'line', symbol: 'TNT', count: 3 });
    expect(b.paysPer).toBe('lineBet');
    expect(b.unitCredits).toBe(1);
    // E = E[repeat] × E[repeat] × E[pick] = 1.7 × 2.8 × 93; the largest is 3 × 4 × 1000.
    expect(b.meanCredits).toBeCloseTo(1.7 * 2.8 * 93, 10);
    expect(b.maxCredits).toBe(12_000);
    expect(b.prize).toMatchObject({
      kind: 'repeat',
      totalWeight: 10,
      entries: [
        { count: 1, weight: 5, probability: 0.5 },
        { count: 2, weight: 3, probability: 0.3 },
        { count: 3, weight: 2, probability: 0.2 },
      ],
      each: { kind: 'repeat', totalWeight: 5, each: { kind: 'pick', totalWeight: 100 } },
    });
    const pick = b.prize.kind === 'repeat' && b.prize.each.kind === 'repeat' ? b.prize.each.each : null;
    expect(pick?.kind === 'pick' && pick.entries.at(-1)).toEqual({
      value: 1000,
      credits: 1000,
      weight: 1,
      probability: 0.01,
    });
  });

  it('thunder-anvil: the cap in credits, two scatters, an anywhere bonus paid in total bets', () => {
    const d = describeGame(loadGame('configs/thunder-anvil.json'));
    expect(d.maxWin).toEqual({ x: 500, credits: 5000 });
    expect(d.freeSpins).toMatchObject({ symbol: 'BOLT', multiplier: 10, maxSpins: 50 });
    expect(d.symbols.find((s) => s.id === 'ORB')).toMatchObject({
      role: 'scatter',
      features: ['bonus trigger'],
    });
    const b = d.bonus!;
    expect(b.trigger).toEqual({ kind: 'anywhere', symbol: 'ORB', count: 3 });
    expect(b.unitCredits).toBe(10);
    // 1.7 × (1·300 + 2·250 + 5·200 + 10·150 + 25·70 + 50·20 + 100·8 + 250·2 + 500·1) / 1001 total bets.
    expect(b.meanCredits).toBeCloseTo(((1.7 * 7850) / 1001) * 10, 9);
    expect(b.maxCredits).toBe(3 * 500 * 10);
    expect(b.prize.kind === 'repeat' && b.prize.each.kind === 'pick' && b.prize.each.entries[0]).toEqual({
      value: 1,
      credits: 10,
      weight: 300,
      probability: 300 / 1001,
    });
  });

  it('names the format-2 rules of a model it does not detail, and none for the bundled format-1 games', () => {
    for (const file of [
      'starfall-20',
      'northern-howl',
      'thunder-anvil',
      'lotus-lagoon',
      'goldvein-mine',
      'crimson-sevens',
    ]) {
      expect(describeGame(loadGame(`configs/${file}.json`)).notDescribed).toEqual([]);
    }
    // A compiled model with format-2 members set (the format-2 loader fills them from a file).
    const game = compile(threeBells);
    const model = {
      ...game,
      heights: [{ items: [1], cumulative: [1], total: 1 }],
      cascade: {
        refill: 'strip',
        maxCascades: 20,
        ladder: { kind: 'list', values: [1] },
        freeLadder: { kind: 'list', values: [1] },
        ladderScope: 'spin',
        keep: game.symbols.map(() => false),
        scatterCount: 'final',
      },
      mode: 'ante',
      cost: 2,
    } as const;
    expect(describeGame(model).notDescribed).toEqual([
      'variable reel heights',
      'cascades',
      'the bet mode "ante" (stake 2 credits)',
    ]);
  });
});
