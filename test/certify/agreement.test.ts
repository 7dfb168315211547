import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certify } from '../../src/certify/certify.js';
import { parseGame } from '../../src/game/index.js';
import { analyze, analyzeGame } from '../../src/math/index.js';
import { truncated } from '../math/truncate.js';

describe('analyze and certify agree on every figure both show', () => {
  it('thunder-anvil’s rules on 20-stop reels (a binding cap, 6.4 M combinations: beyond the inline limit): RTP and parts, triggers, free spins, volatility, cap hits, the bound', async () => {
    // Cut to 20 stops a reel, the game still binds its cap, and its cycle is too large to enumerate
    // inline: before, analyze simulated what certify's enumeration gave exactly.
    const file = 'configs/thunder-anvil.json';
    const text = readFileSync(file, 'utf8');
    const game = truncated(parseGame(text, { file }), 20);
    const a = await analyze(game, { threads: 2, source: { text, file } });
    expect(a.maxWin.canBind).toBe(true);
    const report = await certify({
      game,
      file,
      spins: 20_000,
      seed: 'agree',
      rng: 'aes-128-ctr',
      threads: 2,
      detailSpins: 20_000,
      command: 'x',
      date: new Date(0),
    });
    const e = report.exact;
    // Both exact (no simulation stands in): the very same numbers, not merely close ones.
    expect(a.simulation).toBeNull();
    expect(a.rtp.precision).toBe('exact-double');
    expect(e.rtp.value).toBe(a.rtp.value);
    expect(e.components.lines.value).toBe(a.components.lines.value);
    expect(e.components.scatter.value).toBe(a.components.scatter.value);
    expect(e.components.freeSpins.value).toBe(a.components.freeSpins.value);
    expect(e.components.bonus.value).toBe(a.components.bonus.value);
    expect(e.pFreeSpinsTrigger.value).toBe(a.pFreeSpinsTrigger.value);
    expect(e.pBonusTrigger.value).toBe(a.pBonusTrigger.value);
    expect(e.expectedFreeSpinsPerTrigger!.value).toBe(a.expectedFreeSpinsPerTrigger!.value);
    expect(e.sd!.value).toBe(a.sd!.value);
    expect(e.volatilityIndex90).toBe(a.volatility!['90']);
    expect(e.maxWin.roundBoundX).toBe(a.maxWin.roundBound / a.stake);
    expect(e.maxExposure.cap!.exactOneIn).toBe(1 / a.maxWin.capHit!.value);
    expect(e.maxExposure.largestPaidSpin!.credits).toBe(a.maxWin.largestPaidSpin!.credits);
  }, 120_000);

  it('lotus-lagoon (retriggers off): the round bound counts the 15 spins of the largest award, not maxSpins 1000', () => {
    const file = 'configs/lotus-lagoon.json';
    const a = analyzeGame(parseGame(readFileSync(file, 'utf8'), { file }));
    expect(a.maxWin.freeSpinsBound).toBe(15);
    expect(a.maxWin.roundBound).toBe(a.maxWin.paidSpinBound + 15 * a.maxWin.freeSpinBound);
  });
});
