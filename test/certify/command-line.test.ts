import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { certifyCommand } from '../../src/certify/command-line.js';
import { decimalFraction } from '../../src/certify/decimal.js';
import { reportFolderName, utcStamp } from '../../src/certify/report-folder.js';
import { shellCommand, shellQuote } from '../../src/certify/shell-quote.js';
import { toText } from '../../src/math/fraction.js';

describe('POSIX shell quoting', () => {
  it('leaves safe words bare and single-quotes the rest', () => {
    expect(shellQuote('configs/starfall-20.json')).toBe('configs/starfall-20.json');
    expect(shellQuote('100000000')).toBe('100000000');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('round-trips hostile arguments through a real sh', () => {
    const args = [
      'plain',
      '',
      'two words',
      "quote'here",
      '"double"',
      '$(rm -rf /)',
      '`id`',
      'a\\b',
      'new\nline',
      '*',
      '~',
      '-n',
      '#x',
      '; ls',
      'tab\there',
      'é ünïcode',
    ];
    const result = spawnSync('sh', ['-c', `for a in ${shellCommand(args)}; do printf '%s\\0' "$a"; done`], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(args);
  });

  it('the certify command names every choice, the seed above all', () => {
    expect(
      certifyCommand({
        file: 'my games/x.json',
        variant: '94',
        spins: 1_000_000,
        seed: "s'1",
        rng: 'aes-128-ctr',
        threads: 2,
        detailSpins: 500_000,
      }),
    ).toBe(
      "slotsim certify 'my games/x.json' --variant 94 --spins 1000000 --seed 's'\\''1' --rng aes-128-ctr --threads 2 --detail-spins 500000",
    );
  });
});

describe('decimal targets', () => {
  it.each([
    [0.965, '193/200'],
    [0.0005, '1/2000'],
    [1e-7, '1/10000000'],
    [0.9615, '1923/2000'],
    [2, '2'],
    [1.25e-12, '1/800000000000'],
  ])('%d is exactly %s', (x, text) => {
    expect(toText(decimalFraction(x))).toBe(text);
  });
});

describe('report folder names', () => {
  const date = new Date(Date.UTC(2026, 5, 12, 10, 15, 30, 123));
  it('is <id>-<version>[-<variant>]-<UTC timestamp>, with unsafe characters replaced', () => {
    expect(utcStamp(date)).toBe('20260612T101530Z');
    expect(reportFolderName({ id: 'starfall-20', version: '1.0.0', variant: null }, date)).toBe(
      'starfall-20-1.0.0-20260612T101530Z',
    );
    expect(reportFolderName({ id: 'lotus', version: '2/beta', variant: '../94 %' }, date)).toBe(
      'lotus-2_beta-__94__-20260612T101530Z',
    );
  });
});
