import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGame } from '../../src/game/index.js';
import { analyzeGame } from '../../src/math/index.js';
import { frac } from '../../src/math/fraction.js';
import { compile, threeBells } from '../helpers/games.js';

describe('Three Bells (the spec example)', () => {
  const fromFile = parseGame(readFileSync('configs/three-bells.json', 'utf8'), {
    file: 'configs/three-bells.json',
  });

  for (const [name, game] of [
    ['inline', compile(threeBells)],
    ['configs/three-bells.json', fromFile],
  ] as const) {
    it(`has RTP exactly 697/736, hit frequency 247/1472 and sd ≈ 7.39399 (${name})`, () => {
      const a = analyzeGame(game);
      expect(a.cycle).toBe(1472n); // 8 × 23 × 8
      expect(a.rtp.exact).toEqual(frac(697, 736));
      expect(a.rtp.precision).toBe('exact');
      expect(a.components.lines.exact).toEqual(frac(697, 736));
      expect(a.hitFrequency?.exact).toEqual(frac(247, 1472));
      expect(a.sd?.value).toBeCloseTo(7.39399, 5);
      expect(a.exact).toBe(true);
      expect(a.enumeration).toBe('inline');
      expect(a.paidSpin?.rtp.exact).toEqual(frac(697, 736));
      expect(a.volatility?.['90']).toBeCloseTo(1.6448536 * 7.39399, 3);
    });
  }

  it('counts each combination by hand', () => {
    const hits = new Map(analyzeGame(compile(threeBells)).combinations.map((c) => [c.label, c.hits]));
    // Reel 2's weights: BELL 2, BLANK 4, BAR 3, BLANK 4, CHERRY 1, BLANK 4, WILD 1, BLANK 4 (23).
    expect(hits.get('WILD ×3')).toBe(1n); // 1 × 1 × 1
    expect(hits.get('BELL ×3')).toBe(2n); // 1 × 2 × 1
    // Two wilds (×2 × ×2): W W B (1·1·1) + W B W (1·2·1) + B W W (1·1·1).
    expect(hits.get('BELL ×3 (wilds ×4)')).toBe(4n);
    // CHERRY on reel 1, then neither CHERRY nor WILD on reel 2 (23 − 1 − 1), anything on reel 3.
    expect(hits.get('CHERRY ×1')).toBe(168n);
    // ANY ANY ANY without wilds: 2 × 5 × 2 = 20, less BELL BELL BELL (2) and BAR BAR BAR (3) which pay more.
    expect(hits.get('pattern ANY ANY ANY')).toBe(15n);
    // C W x and W C x with x neither CHERRY nor WILD on reel 3: 1·1·6 + 1·1·6.
    expect(hits.get('CHERRY ×2 (wilds ×2)')).toBe(12n);
  });
});
