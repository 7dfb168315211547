import { expect, it } from 'vitest';

it('the built package entry exports the library and plays a round with it (seed entry)', async () => {
  const lib = (await import(
    new URL('../../dist/index.js', import.meta.url).href
  )) as typeof import('../../src/index.js');
  for (const name of [
    'playRound',
    'loadGame',
    'simulate',
    'analyzeGame',
    'certify',
    'checkGame',
    'RoundService',
    'verifyAuditLog',
  ] as const) {
    expect(typeof lib[name], name).toBe('function');
  }
  const game = lib.loadGame('configs/three-bells.json');
  const outcome = lib.playRoundV1(game, lib.createRng('aes-128-ctr', 'entry', 0));
  expect(outcome.stake).toBe(1);
  expect(outcome.paid.stops).toHaveLength(3);
  expect(lib.analyzeGame(game).rtp.value).toBeCloseTo(697 / 736, 12);
});
