import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from '../../src/certify/shell-quote.js';
import { plain, share, signedFixed, signedPoints } from '../../src/report/format.js';
import { reportId } from '../../src/report/report-id.js';
import { shellWords } from '../../src/report/shell-words.js';

describe('report formats', () => {
  it('a share is a percentage down to 0.01%, then "1 in N"', () => {
    expect(share(0)).toBe('0');
    expect(share(0.5)).toBe('50.0000%');
    expect(share(1e-4)).toBe('0.0100%');
    // Below 0.01%: 1 / 0.0000999 = 10,010.01 → "1 in 10,010".
    expect(share(0.0000999)).toBe('1 in 10,010');
    expect(share(1 / 33_554_432)).toBe('1 in 33,554,432');
  });

  it('a z score carries the same minus sign as a difference (U+2212, not a hyphen)', () => {
    expect(signedFixed(-2.8)).toBe('−2.80');
    expect(signedFixed(3.3, 3)).toBe('+3.300');
    expect(signedFixed(-0.001)).toBe('0.00');
    expect(signedPoints(-0.0025).startsWith('−')).toBe(true);
    expect(signedFixed(-2.8)[0]).toBe(signedPoints(-0.0025)[0]);
  });

  it('plain numbers drop trailing zeros and group thousands', () => {
    expect(plain(2.5)).toBe('2.5');
    expect(plain(125)).toBe('125');
    expect(plain(0.05)).toBe('0.05');
    expect(plain(1 / 3)).toBe('0.3333');
    expect(plain(2500)).toBe('2,500');
  });

  it('the report ID is the SHA-256 of the text’s UTF-8 bytes (the FIPS 180-2 "abc" vector)', () => {
    expect(reportId('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('shellWords splits a quoted command back into its quoted words (property, fast-check seed 7)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 8 }), (args) => {
        expect(shellWords(shellCommand(args))).toEqual(args.map(shellQuote));
      }),
      { seed: 7, numRuns: 200 },
    );
    expect(shellWords("slotsim certify 'my game.json' --seed 'it'\\''s'")).toEqual([
      'slotsim',
      'certify',
      "'my game.json'",
      '--seed',
      "'it'\\''s'",
    ]);
  });
});
