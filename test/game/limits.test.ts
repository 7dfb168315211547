/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- these tests take raw JSON documents apart, which have no static type */
import { describe, expect, it } from 'vitest';
import { loadGame, parseGame } from '../../src/game/index.js';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_BONUS_DRAWS,
  MAX_FREE_SPINS,
  MAX_GAME_FILE_BYTES,
  MAX_PAY_RULES,
  MAX_PAYLINES,
  MAX_ROUND_CELLS,
  MAX_STOP_CELLS,
  MAX_STOPS,
  MAX_SYMBOLS,
} from '../../src/game/limits.js';
import { winBounds } from '../../src/game/win-bounds.js';
import {
  changed,
  expectIssue,
  featureGame,
  issuesOf,
  text,
  threeBells,
  waysGame,
  type Json,
} from './games.js';

const loads = (game: Json, variant: string | null = null) =>
  parseGame(text(game), { file: 'g.json', variant });

/** A 1-row game with one symbol on every reel, so every line always shows A A … A. */
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
    symbols: { A: {} },
    pays: [{ symbol: 'A', pays: { [String(reels)]: pay } }],
    reelSets: { base: Array.from({ length: reels }, () => ['A']) },
  };
}

describe('the limits of what a game may ask for', () => {
  it(`at most ${MAX_SYMBOLS} symbols`, () => {
    const withSymbols = (n: number) =>
      changed(threeBells(), (g) => {
        for (let i = Object.keys(g.symbols).length; i < n; i++) g.symbols[`S${i}`] = {};
      });
    expect(loads(withSymbols(MAX_SYMBOLS)).symbols).toHaveLength(MAX_SYMBOLS);
    expectIssue(issuesOf(withSymbols(MAX_SYMBOLS + 1)), 'symbols', '256 symbols (expected at most 255');
  });

  it(`at most ${MAX_FREE_SPINS.toLocaleString('en-US')} free spins in a round (maxSpins)`, () => {
    const withMax = (n: number) => changed(featureGame(), (g) => (g.freeSpins.maxSpins = n));
    expect(loads(withMax(MAX_FREE_SPINS)).freeSpins?.maxSpins).toBe(MAX_FREE_SPINS);
    expectIssue(
      issuesOf(withMax(50_000)),
      'freeSpins.maxSpins',
      '50,000 free spins (expected at most 10,000',
    );
    // In a variant, the path is the variant's.
    const variant = changed(featureGame(), (g) => (g.variants['no-retrigger'].freeSpins.maxSpins = 1e9));
    expectIssue(
      issuesOf(variant),
      'variants.no-retrigger.freeSpins.maxSpins',
      'free spins (expected at most',
    );
  });

  it(`at most ${MAX_ROUND_CELLS.toLocaleString('en-US')} window cells shown in one round`, () => {
    // 10×10 = 100 cells: 100 × (1 + 4999) = 500,000 fits; one more spin does not.
    const grid = (maxSpins: number | undefined, rows = 10) =>
      changed(featureGame(), (g) => {
        g.grid = { reels: 5, rows };
        g.paylines = [[0, 0, 0, 0, 0]];
        g.bet = { credits: 10, lineBet: 10 };
        g.scatter.pays = { '3': 2 };
        g.maxWin = 5000;
        delete g.variants;
        if (maxSpins === undefined) delete g.freeSpins.maxSpins;
        else g.freeSpins.maxSpins = maxSpins;
      });
    expect(loads(grid(4999, 20)).freeSpins?.maxSpins).toBe(4999);
    expectIssue(
      issuesOf(grid(5000, 20)),
      'freeSpins.maxSpins',
      'a round can show 500,100 window cells: 100 cells × (1 paid spin + 5000 free spins)',
      'lower maxSpins to 4999 or less',
    );
    // The default maxSpins (1000) on 100 × 100 cells: the path is the feature, which wrote no maxSpins.
    expectIssue(
      issuesOf(grid(undefined, 100)),
      'freeSpins',
      '500 cells × (1 paid spin + 1000 free spins, the default maxSpins)',
    );
  });

  it(`at most ${MAX_BONUS_DRAWS} draws in one bonus (repeat counts multiply)`, () => {
    const withPrize = (prize: Json) => changed(waysGame(), (g) => (g.bonus.prize = prize));
    const pick = { pick: { '1': 1 } };
    // 1 + 9 × (1 + 10 × 1) = 100 draws at most.
    expect(
      loads(withPrize({ repeat: { '9': 1 }, each: { repeat: { '10': 1 }, each: pick } })).bonus,
    ).not.toBeNull();
    expectIssue(
      issuesOf(withPrize({ repeat: { '9': 1, '2': 5 }, each: { repeat: { '11': 1, '0': 1 }, each: pick } })),
      'bonus.prize.each.repeat',
      'the bonus can make 109 draws in one round (expected at most 100',
    );
    // The issue's hang: repeat 10000 nested twice.
    expectIssue(
      issuesOf(withPrize({ repeat: { '10000': 1 }, each: { repeat: { '10000': 1 }, each: pick } })),
      'bonus.prize.repeat',
      '100,010,001 draws',
    );
  });
});

describe("the limits of a game's size", () => {
  it(`a game file of at most ${MAX_GAME_FILE_BYTES / 2 ** 20} MiB, refused before it is read`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-limits-'));
    try {
      const file = join(dir, 'huge.json');
      writeFileSync(file, '');
      truncateSync(file, MAX_GAME_FILE_BYTES + 1); // sparse: nothing is written
      expect(() => loadGame(file)).toThrow(
        `${file}: a file of 67,108,865 bytes (expected a game file of at most 64 MiB)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`at most ${MAX_STOPS.toLocaleString('en-US')} stops on a strip, weighted or not`, () => {
    const strip = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'BELL' : 'BLANK'));
    expect(loads(changed(threeBells(), (g) => (g.reelSets.base[0] = strip(MAX_STOPS)))).reels).toBe(3);
    expectIssue(
      issuesOf(changed(threeBells(), (g) => (g.reelSets.base[2] = strip(MAX_STOPS + 1)))),
      'reelSets.base[2]',
      'a strip of 100,001 stops (expected at most 100,000',
    );
    const weighted = changed(threeBells(), (g) => {
      g.reelSets.base[1] = { strip: strip(MAX_STOPS + 1), weights: strip(MAX_STOPS + 1).map(() => 1) };
    });
    expectIssue(issuesOf(weighted), 'reelSets.base[1].strip', 'a strip of 100,001 stops');
  });

  it(`at most ${MAX_PAYLINES.toLocaleString('en-US')} paylines and ${MAX_PAY_RULES.toLocaleString('en-US')} pay rules`, () => {
    const lines = changed(threeBells(), (g) => {
      g.paylines = Array.from({ length: MAX_PAYLINES + 1 }, () => [0, 0, 0]);
      g.bet = { credits: MAX_PAYLINES + 1 };
    });
    expectIssue(issuesOf(lines), 'paylines', '1,001 paylines (expected at most 1,000');
    const rules = changed(threeBells(), (g) => {
      g.pays = Array.from({ length: MAX_PAY_RULES + 1 }, () => ({ symbol: 'BELL', pays: { '3': 1 } }));
    });
    expectIssue(issuesOf(rules), 'pays', '1,001 pay rules (expected at most 1,000');
  });

  it(`at most 2^24 stops × paylines in a reel set (the simulator's per-stop tables)`, () => {
    // 5 reels of 40,000 stops × 100 paylines = 20,000,000 > 16,777,216.
    const game = changed(allA(5, 1, 'lines', 1), (g) => {
      g.reelSets.base = Array.from({ length: 5 }, () => Array.from({ length: 40_000 }, () => 'A'));
      g.paylines = Array.from({ length: 100 }, () => [0, 0, 0, 0, 0]);
      g.bet = { credits: 100 };
    });
    expectIssue(
      issuesOf(game),
      'reelSets.base',
      `200,000 stops × 100 paylines = 20,000,000 (expected at most 2^24 = ${MAX_STOP_CELLS.toLocaleString('en-US')}`,
    );
  });
});

describe('every amount is counted exactly: a spin at most 2^38 credits, a round at most 2^53 − 1', () => {
  it('a single award of 2^31 or more loads (the simulator must count it exactly)', () => {
    const game = loads(changed(threeBells(), (g) => (g.pays[0].pays['3'] = 2_200_000_000)));
    expect(game.pays[0]).toMatchObject({ pays: [0, 0, 0, 2_200_000_000] });
  });

  it('a paid spin that could pass 2^38 is refused at the rule that can pay most (2^52 + 1 wrapped to 1)', () => {
    // One line pays at most 2^37; two lines could make 2^38, three pass it.
    const oneLine = changed(allA(3, 3, 'lines', 2 ** 37), (g) => (g.paylines = [[0, 0, 0]]));
    expect(winBounds(loads(oneLine)).paidSpin).toBe(2 ** 37);
    const twoLines = changed(
      oneLine,
      (g) =>
        (g.paylines = [
          [0, 0, 0],
          [1, 1, 1],
        ]),
    );
    expect(winBounds(loads(twoLines)).paidSpin).toBe(2 ** 38);
    const threeLines = changed(twoLines, (g) => g.paylines.push([2, 2, 2]));
    expectIssue(
      issuesOf(threeLines),
      'pays[0]',
      'a paid spin can win up to 412,316,860,416 credits (expected at most 2^38 = 274,877,906,944 credits in one spin',
    );
    expectIssue(
      issuesOf(changed(threeBells(), (g) => (g.pays[0].pays['3'] = 2 ** 52 + 1))),
      'pays[0]',
      'a paid spin can win up to 4,503,599,627,370,497 credits',
    );
  });

  it('the 20 × 100 all-A ways grid (100^20 ways) is refused, never simulated', () => {
    expectIssue(issuesOf(allA(20, 100, 'ways', 1)), 'pays[0]', 'a paid spin can win up to 1.000e40 credits');
  });

  it('a scatter pay past 2^38 is refused at the scatter', () => {
    const game = changed(featureGame(), (g) => (g.scatter.pays['4'] = 2 ** 34));
    expectIssue(issuesOf(game), 'scatter.pays', 'a paid spin can win up to');
  });

  it('wild multipliers count: a lines run and a way multiply by the wilds that may stand in them', () => {
    // Three Bells: WILD ×2 on every reel; BELL pays 20 for 3, so WILD WILD BELL pays 20 × 2 × 2 = 80,
    // and the bound of BELL's rule is 20 × 2 × 2 × 2 = 160 (a sound, not tight, bound). WILD pays 200.
    expect(winBounds(loads(threeBells())).paidSpin).toBe(200);
    const bells = changed(threeBells(), (g) => (g.pays[1].pays['3'] = 1000));
    expect(winBounds(loads(bells)).paidSpin).toBe(8000);
    // Ways: 3 rows, WILD ×3 substitutes: a reel counts at most 3 × 3 = 9 for A; A pays 5 for 3.
    // K pays 1 for 2 and 2 for 3: its bound is the larger, 2 × 9³; WILD's own rule counts 3 rows a reel.
    expect(winBounds(loads(waysGame())).paidSpin).toBe(5 * 9 ** 3 + 2 * 9 ** 3 + 10 * 3 ** 3);
  });

  it('a free-spin multiplier that takes one free spin past 2^53 − 1 is refused at the multiplier', () => {
    const game = changed(featureGame(), (g) => (g.freeSpins.multiplier = 2 ** 45));
    expectIssue(
      issuesOf(game),
      'freeSpins.multiplier',
      'a free spin can win up to',
      'its multiplier 35184372088832 included',
    );
  });

  it('a bonus whose prize could pass 2^53 − 1 is refused at the prize', () => {
    const game = changed(waysGame(), (g) => {
      g.bonus.paysPer = 'lineBet';
      g.bonus.prize = { repeat: { '3': 1 }, each: { pick: { [String(2 ** 52)]: 1 } } };
    });
    expectIssue(issuesOf(game), 'bonus.prize', 'the bonus can pay up to 1.351e16 credits');
  });

  it('a round whose free spins could pass 2^53 − 1 is refused at maxSpins, unless maxWin caps it', () => {
    // A spin can win up to 2^38 credits, ×10 in free spins; 5000 free spins pass 2^53.
    const game = changed(allA(3, 1, 'lines', 2 ** 38), (g) => {
      g.symbols.SC = { scatter: true };
      g.reelSets.base[0] = ['A', 'SC'];
      g.freeSpins = { trigger: { symbol: 'SC', awards: { '1': 10 } }, multiplier: 10, maxSpins: 5000 };
    });
    expectIssue(
      issuesOf(game),
      'freeSpins.maxSpins',
      'a round can win up to',
      '5000 free spins up to 2,748,779,069,440 each',
      'or cap the round with "maxWin"',
    );
    const capped = loads(changed(game, (g) => (g.maxWin = 2 ** 50)));
    expect(winBounds(capped).round).toBe(2 ** 50);
  });
});
