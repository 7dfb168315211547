import { describe, expect, it } from 'vitest';
import { playRoundV1 } from '../../src/engine/round.js';
import { compile } from '../helpers/games.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';

describe('ways pays (hand-computed, 3×3)', () => {
  const game = compile({
    format: 'slotsim/1',
    id: 'ways-test',
    name: 'Ways Test',
    version: '1',
    grid: { reels: 3, rows: 3 },
    bet: { credits: 10, lineBet: 1 },
    evaluation: 'ways',
    symbols: {
      A: {},
      K: {},
      WILD: { wild: true, multiplier: 2 },
      W: { wild: true },
      SCAT: { scatter: true },
    },
    pays: [
      { symbol: 'WILD', pays: { '1': 3 } },
      { symbol: 'A', pays: { '3': 5 } },
      { symbol: 'K', pays: { '3': 2 } },
    ],
    reelSets: {
      base: [
        ['A', 'WILD', 'K'],
        ['A', 'A', 'K', 'A', 'W', 'K'],
        ['W', 'K', 'K', 'A', 'W', 'K'],
      ],
    },
  });

  it('counts ways with wild multipliers and pays only ways holding the symbol', () => {
    // Window: [A, WILD×2, K] [A, A, K] [W, K, K].
    // A: n = 1+2, 2, 1 (W); m = 2, 0, 1 → Πn − Πm = 6 − 0 = 6 ways × 5 = 30.
    // K: n = 1+2, 1, 2+1; m = 2, 0, 1 → 9 − 0 = 9 ways × 2 = 18.
    // WILD's own rule: one WILD on reel 0, none on reel 1 → run 1 → "1": 3 × 1 way = 3.
    const o = playRoundV1(game, new ScriptedRng([0, 0, 0]));
    expect(o.paid.wins).toEqual([
      { kind: 'ways', rule: 0, symbol: 'WILD', count: 1, ways: 1, win: 3 },
      { kind: 'ways', rule: 1, symbol: 'A', count: 3, ways: 6, win: 30 },
      { kind: 'ways', rule: 2, symbol: 'K', count: 3, ways: 9, win: 18 },
    ]);
    expect(o.total).toBe(51);
  });

  it('subtracts the ways made of wilds alone (Πm)', () => {
    // Window: [A, WILD×2, K] [A, W, K] [A, W, K].
    // A: n = 3, 2, 2; m = 2, 1, 1 → 12 − 2 = 10 ways × 5 = 50. K likewise: 10 × 2 = 20. WILD: 3.
    const o = playRoundV1(game, new ScriptedRng([0, 3, 3]));
    expect(o.paid.wins.map((w) => (w.kind === 'ways' ? [w.symbol, w.ways, w.win] : null))).toEqual([
      ['WILD', 1, 3],
      ['A', 10, 50],
      ['K', 10, 20],
    ]);
    expect(o.total).toBe(73);
  });
});

function freeSpinsGame(extra: Record<string, unknown> = {}, freeSpins: Record<string, unknown> = {}) {
  const strip = ['SCAT', 'A', 'BLANK'];
  return compile({
    format: 'slotsim/1',
    id: 'fs-test',
    name: 'Free Spins Test',
    version: '1',
    grid: { reels: 3, rows: 1 },
    bet: { credits: 1 },
    symbols: { A: {}, BLANK: {}, SCAT: { scatter: true } },
    paylines: [[0, 0, 0]],
    pays: [{ symbol: 'A', pays: { '3': 10 } }],
    scatter: { symbol: 'SCAT', pays: { '3': 2 } },
    reelSets: { base: [strip, strip, strip], free: [strip, strip, strip] },
    freeSpins: {
      trigger: { symbol: 'SCAT', awards: { '3': 2 } },
      retrigger: { '3': 3 },
      reelSet: 'free',
      multiplier: 3,
      maxSpins: 4,
      ...freeSpins,
    },
    ...extra,
  });
}

const SCATS = [0, 0, 0];
const AAA = [1, 1, 1];
const BLANKS = [2, 2, 2];

describe('free spins', () => {
  it('plays the award, multiplies every win, retriggers and cuts retriggers to maxSpins', () => {
    // Paid: 3 SCAT → scatter 2, award 2. FS1: SCAT×3 → 2×3 = 6, retrigger 3 cut to 4−1−1 = 2.
    // FS2: A A A → 10×3 = 30. FS3: SCAT×3 → 6, retrigger cut to 0. FS4: blanks → 0.
    const rng = new ScriptedRng([...SCATS, ...SCATS, ...AAA, ...SCATS, ...BLANKS]);
    const o = playRoundV1(freeSpinsGame(), rng);
    expect(rng.consumed).toBe(15);
    expect(o.freeSpins?.awarded).toBe(2);
    expect(o.freeSpins?.spins.map((s) => [s.win, s.retrigger, s.multiplier])).toEqual([
      [6, 2, 3],
      [30, 0, 3],
      [6, 0, 3],
      [0, 0, 3],
    ]);
    expect(o.freeSpins?.spins[0]?.reelSet).toBe('free');
    expect(o.components).toEqual({ lines: 0, scatter: 2, freeSpins: 42, bonus: 0 });
    expect(o.total).toBe(44);
  });

  it('cuts the first award to maxSpins', () => {
    const rng = new ScriptedRng([...SCATS, ...SCATS]);
    const o = playRoundV1(freeSpinsGame({}, { maxSpins: 1 }), rng);
    expect(o.freeSpins?.awarded).toBe(1);
    expect(o.freeSpins?.spins).toHaveLength(1);
    expect(rng.consumed).toBe(6);
  });

  it('retriggers default to the trigger awards; {} turns them off', () => {
    const byDefault = freeSpinsGame({}, { retrigger: undefined, maxSpins: 1000 });
    // award 2; FS1 scatters → +2; then four blank spins… FS1 + 3 more = 4 spins in all.
    const rng = new ScriptedRng([...SCATS, ...SCATS, ...BLANKS, ...BLANKS, ...BLANKS]);
    expect(playRoundV1(byDefault, rng).freeSpins?.spins).toHaveLength(4);
    const off = freeSpinsGame({}, { retrigger: {}, maxSpins: 1000 });
    const rng2 = new ScriptedRng([...SCATS, ...SCATS, ...BLANKS]);
    expect(playRoundV1(off, rng2).freeSpins?.spins.map((s) => s.retrigger)).toEqual([0, 0]);
    expect(rng2.consumed).toBe(9);
  });

  it('no trigger, no free spins', () => {
    expect(playRoundV1(freeSpinsGame(), new ScriptedRng(AAA)).freeSpins).toBeNull();
  });
});

describe('max-win cap', () => {
  it('cuts the win that passes the cap and ends the round: nothing after it is drawn', () => {
    // Cap 20 credits. Paid: scatter 2; FS1: 6 (total 8), retrigger; FS2: 30 → cut to 12 → end.
    const rng = new ScriptedRng([...SCATS, ...SCATS, ...AAA, ...SCATS, ...SCATS]);
    const o = playRoundV1(freeSpinsGame({ maxWin: 20 }), rng);
    expect(rng.consumed).toBe(9);
    expect(o.total).toBe(20);
    expect(o.capped).toBe(true);
    expect(o.freeSpins?.spins.map((s) => s.win)).toEqual([6, 12]);
    expect(o.components).toEqual({ lines: 0, scatter: 2, freeSpins: 18, bonus: 0 });
  });

  it('a cap reached on the paid spin plays no features', () => {
    const rng = new ScriptedRng([...SCATS, ...SCATS]);
    const o = playRoundV1(freeSpinsGame({ maxWin: 1 }), rng);
    expect(rng.consumed).toBe(3);
    expect(o.freeSpins).toBeNull();
    expect(o.total).toBe(1);
    expect(o.paid.scatter?.win).toBe(1);
    expect(o.capped).toBe(true);
  });

  it('a round under the cap is not capped', () => {
    const o = playRoundV1(freeSpinsGame({ maxWin: 1000 }), new ScriptedRng(AAA));
    expect(o).toMatchObject({ total: 10, capped: false });
  });
});

const PRIZE = {
  repeat: { '2': 1, '3': 1, '4': 1 },
  each: { repeat: { '2': 1, '3': 1 }, each: { pick: { '100': 52, '5': 50, '25': 120, '10': 100 } } },
};

const BONUS_STRIP = ['LO', 'WILD', 'SCAT', 'BLANK'];
const bonusGameRaw = {
  format: 'slotsim/1',
  id: 'bonus-test',
  name: 'Bonus Test',
  version: '1',
  grid: { reels: 3, rows: 1 },
  bet: { credits: 2 },
  symbols: { LO: {}, BLANK: {}, WILD: { wild: true }, SCAT: { scatter: true } },
  paylines: [[0, 0, 0]],
  pays: [{ symbol: 'BLANK', pays: { '3': 1 } }],
  reelSets: { base: [BONUS_STRIP, BONUS_STRIP, BONUS_STRIP] },
};

function bonusGame(trigger: Record<string, unknown>, paysPer: string) {
  return compile({ ...bonusGameRaw, bonus: { trigger, prize: PRIZE, paysPer } });
}

describe('bonus prize trees', () => {
  it('draws depth-first through cumulative weights in ascending key order', () => {
    // repeat: draw 0 of 3 → 2 times.
    //   repeat: draw 1 of 2 → 3 picks; pick weights 5:50 10:100 25:120 100:52, sums 50,150,270,322:
    //     0 → 5, 50 → 10, 321 → 100
    //   repeat: draw 0 of 2 → 2 picks: 149 → 10, 150 → 25
    // prize 150 × lineBet 2 = 300.
    const game = bonusGame({ line: { symbol: 'LO', count: 3 } }, 'lineBet');
    const rng = new ScriptedRng([0, 0, 0, 0, 1, 0, 50, 321, 0, 149, 150]);
    const o = playRoundV1(game, rng);
    expect(rng.bounds).toEqual([4, 4, 4, 3, 2, 322, 322, 322, 2, 322, 322]);
    expect(o.bonus?.win).toBe(300);
    expect(o.bonus?.draws.map((d) => d.result)).toEqual([2, 3, 5 * 2, 10 * 2, 100 * 2, 2, 10 * 2, 25 * 2]);
    expect(o.components.bonus).toBe(300);
    expect(o.total).toBe(300);
  });

  it('a line trigger needs the symbol itself: wilds do not count', () => {
    const game = bonusGame({ line: { symbol: 'LO', count: 3 } }, 'lineBet');
    const o = playRoundV1(game, new ScriptedRng([0, 1, 0]));
    expect(o.bonus).toBeNull();
    expect(o.total).toBe(0);
  });

  it('an anywhere trigger counts scatter cells (N or more); paysPer "bet" multiplies the total bet', () => {
    const game = bonusGame({ anywhere: { symbol: 'SCAT', count: 2 } }, 'bet');
    // SCAT BLANK SCAT: two scatters. repeat: draw 0 → 2 times; each: draw 0 → 2 picks of draw 0 → 5.
    // 4 × 5 = 20 × total bet 2 = 40 credits.
    const o = playRoundV1(game, new ScriptedRng([2, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(o.bonus?.win).toBe(40);
    expect(o.bonus?.draws).toHaveLength(7);
    expect(playRoundV1(game, new ScriptedRng([2, 3, 3])).bonus).toBeNull();
  });

  it('a repeat count of 0 is allowed and draws nothing below it', () => {
    const game = compile({
      ...bonusGameRaw,
      bonus: {
        trigger: { line: { symbol: 'LO', count: 3 } },
        prize: { repeat: { '0': 1, '2': 1 }, each: { pick: { '5': 1 } } },
      },
    });
    const rng = new ScriptedRng([0, 0, 0, 0]);
    const o = playRoundV1(game, rng);
    expect(o.bonus).toEqual({ draws: [{ node: 'repeat', bound: 2, draw: 0, result: 0 }], win: 0 });
    expect(rng.consumed).toBe(4);
  });
});
