/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests take raw JSON documents apart, which have no static type */
import { describe, expect, it } from 'vitest';
import { listVariants, parseGame } from '../../src/game/index.js';
import {
  changed,
  errorOf,
  expectIssue,
  featureGame,
  issuesOf,
  text,
  threeBells,
  type Json,
} from './games.js';

const compile = (game: Json, variant: string | null) => parseGame(text(game), { file: 'g.json', variant });

describe('variants', () => {
  it('are listed in the order written', () => {
    // A JS object would list "94" first, so the file's text is written by hand.
    const game = changed(featureGame(), (g) => delete g.variants);
    const source = text(game).replace('{', '{ "variants": { "zeta": {}, "94": {}, "alpha": {} },');
    expect(listVariants(source, { file: 'g.json' })).toEqual(['zeta', '94', 'alpha']);
    expect(parseGame(source, { file: 'g.json', variant: 'alpha' }).variants).toEqual(['zeta', '94', 'alpha']);
  });

  it('merge shallowly: a variant reelSets replaces every reel set, not just the one it names', () => {
    const game = changed(threeBells(), (g) => {
      g.reelSets.spare = g.reelSets.base;
      g.variants = { short: { reelSets: { base: [['BELL'], ['BAR'], ['WILD']] } } };
    });
    const asWritten = compile(game, null);
    const short = compile(game, 'short');
    expect(Object.keys(asWritten.reelSets)).toEqual(['base', 'spare']);
    expect(Object.keys(short.reelSets)).toEqual(['base']);
    expect(short.baseReelSet.reels.map((r) => r.strip)).toEqual([[0], [2], [4]]);
  });

  it('merge wholesale: a variant bet without lineBet falls back to the default, not to the top-level lineBet', () => {
    const game = changed(featureGame(), (g) => {
      g.bet = { credits: 30, lineBet: 20 };
      g.variants = { def: { bet: { credits: 90 } } };
    });
    expect(compile(game, null).lineBet).toBe(20);
    expect(compile(game, 'def').lineBet).toBe(30);
  });

  it("may not change the game's identity: id, name or version (a log of the variant would name another game)", () => {
    const game = changed(
      threeBells(),
      (g) => (g.variants = { b: { id: 'three-bells-b', name: 'B', version: '2' }, c: { description: 'c' } }),
    );
    const issues = issuesOf(game, 'c');
    for (const key of ['id', 'name', 'version']) {
      expectIssue(
        issues,
        `variants.b.${key}`,
        `a variant cannot change the game's ${key}`,
        `top-level ${key}`,
      );
    }
    expect(issues).toHaveLength(3);
  });

  it('leave the top level as written when none is named', () => {
    expect(compile(featureGame(), null).rtp?.target).toBe(0.95);
    expect(parseGame(text(featureGame()), { file: 'g.json' }).variant).toBeNull();
  });

  it('that do not exist are refused with the list of those that do (a bad flag: BAD_INPUT)', () => {
    const error = errorOf(featureGame(), 'high');
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe(
      'g.json: no variant "high" (expected one of: high-coin, no-retrigger; did you mean "high-coin"?)',
    );
    expect(errorOf(threeBells(), 'low').message).toBe('g.json: no variant "low" (the game has no variants)');
  });

  it('are all checked, whichever one is asked for', () => {
    const game = changed(featureGame(), (g) => (g.variants['no-retrigger'].freeSpins.reelSet = 'missing'));
    expectIssue(
      issuesOf(game, 'high-coin'),
      'variants.no-retrigger.freeSpins.reelSet',
      'no reel set "missing"',
    );
    expectIssue(issuesOf(game, null), 'variants.no-retrigger.freeSpins.reelSet', 'no reel set "missing"');
  });

  it('report problems in their own keys under the variant path', () => {
    const game = changed(threeBells(), (g) => {
      g.variants = { low: { reelSets: { base: [['BELL', 'Q'], ['BAR'], ['WILD']] } } };
    });
    const error = errorOf(game);
    expect(error.issues.map((i) => i.path)).toEqual(['variants.low.reelSets.base[0][1]']);
    expect(error.message).toMatch(
      /^g\.json:\d+:\d+: variants\.low\.reelSets\.base\[0\]\[1\]: unknown symbol "Q"/,
    );
  });

  it('name the variant when its merge breaks a top-level key it does not override', () => {
    // 2.5 × line bet 2 is whole; at the variant's line bet 1 it is not.
    const game = changed(threeBells(), (g) => {
      g.bet = { credits: 2, lineBet: 2 };
      g.pays[1].pays['3'] = 2.5;
      g.variants = { one: { bet: { credits: 1, lineBet: 1 } } };
    });
    const issues = issuesOf(game);
    expect(issues).toHaveLength(1);
    expectIssue(
      issues,
      'pays[1].pays.3',
      'with variant "one": 2.5 × line bet 1 = 2.5 credits (expected a whole number of credits)',
    );
  });

  it('report a problem shared by the top level and a variant once, as the top level', () => {
    const game = changed(threeBells(), (g) => {
      g.reelSets.base[0][0] = 'Q';
      g.variants = { a: { description: 'A' }, b: { description: 'B' } };
    });
    const issues = issuesOf(game);
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `reelSets.base[0][0]: unknown symbol "Q" (expected one of: BELL, CHERRY, BAR, BLANK, WILD)`,
    ]);
  });

  it('cannot remove a top-level key (null is not a value of any key)', () => {
    const game = changed(featureGame(), (g) => (g.variants.x = { bonus: null }));
    expectIssue(issuesOf(game), 'variants.x.bonus', 'found null (expected a bonus');
  });
});
