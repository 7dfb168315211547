import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { parseGame } from '../../src/game/index.js';
import { MAX_DEPTH } from '../../src/game/json-reader.js';
import { errorOf, text, threeBells } from './games.js';

describe('JSON text errors', () => {
  it.each([
    [
      'a trailing comma',
      '{\n  "format": "slotsim/1",\n}',
      "g.json:3:1: invalid JSON: trailing comma before '}'",
    ],
    [
      'a missing comma',
      '{\n  "format": "slotsim/1"\n  "id": "x"\n}',
      `g.json:3:3: invalid JSON: expected ',' or '}' after a property value, found '"'`,
    ],
    [
      'a truncated file',
      '{\n  "grid": [1, 2',
      "g.json:2:16: invalid JSON: expected ',' or ']' after a list element, found the end of the file",
    ],
    ['an empty file', '', 'g.json:1:1: invalid JSON: expected a value'],
    [
      'a single-quoted key',
      "{ 'format': 1 }",
      'g.json:1:3: invalid JSON: expected a property name in double quotes',
    ],
    ['a bare word', '{ "format": slotsim }', 'g.json:1:13: invalid JSON: expected a value'],
    ['a leading zero', '{ "maxWin": 01 }', 'g.json:1:13: invalid JSON: invalid number'],
    ['a comment', '{ // no\n }', 'g.json:1:3: invalid JSON: expected a property name'],
    [
      'text after the value',
      '{}\n{}',
      'g.json:2:1: invalid JSON: expected the end of the file after the JSON value',
    ],
    [
      'an unterminated string',
      '{ "id": "abc\n}',
      'g.json:1:13: invalid JSON: control character U+000A in a string',
    ],
    ['a bad escape', '{ "id": "a\\qb" }', "g.json:1:11: invalid JSON: invalid escape '\\q'"],
  ])('reports %s with line and column', (_, source, message) => {
    const error = errorOf(source);
    expect(error.code).toBe('INVALID_GAME');
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain(message);
  });

  it('locates the error the same way whatever Node says (position counted in the text itself)', () => {
    const source = text(threeBells()).replace('"rows": 1', '"rows": 1,');
    const lines = source.split('\n');
    const line = lines.findIndex((l) => l.includes('"rows": 1,')) + 2;
    expect(errorOf(source).issues[0]?.location).toEqual({ line, column: 3 });
  });

  it('refuses duplicate keys instead of keeping the last, and names every one', () => {
    const source =
      '{\n  "format": "slotsim/1",\n  "symbols": { "A": {}, "A": { "wild": true } },\n  "format": "slotsim/1"\n}';
    const error = errorOf(source);
    expect(error.message).toBe(
      [
        'g.json:3:25: symbols.A: duplicate key "A" (each key may appear once per object)',
        'g.json:4:3: format: duplicate key "format" (each key may appear once per object)',
      ].join('\n'),
    );
  });

  it('refuses a "__proto__" key, which JavaScript objects cannot hold as data', () => {
    const source = text(threeBells()).replace('"BELL": {},', '"__proto__": {}, "BELL": {},');
    expect(errorOf(source).message).toContain('symbols.__proto__: the key "__proto__" is not allowed');
  });

  it('refuses numbers too large to be finite', () => {
    const source = text(threeBells()).replace('"credits": 1', '"credits": 1e999');
    expect(errorOf(source).message).toMatch(/g\.json:\d+:\d+: bet\.credits: number 1e999 is too large/);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, without exhausting the stack`, () => {
    for (const depth of [MAX_DEPTH + 1, 100_000]) {
      const error = errorOf('['.repeat(depth) + ']'.repeat(depth));
      expect(error.message).toContain(`nested more than ${MAX_DEPTH} levels deep`);
    }
  });

  it('accepts a byte-order mark and any JSON whitespace', () => {
    const source = '\ufeff' + text(threeBells()).replaceAll('\n', '\r\n\t');
    expect(parseGame(source, { file: 'g.json' }).id).toBe('three-bells');
  });

  it('decodes escapes in keys and strings', () => {
    const source = text(threeBells()).replace(
      '"name": "Three Bells"',
      '"name": "Three \\u0042ells \\"\\u00e9\\""',
    );
    expect(parseGame(source, { file: 'g.json' }).name).toBe('Three Bells "é"');
  });

  it('throws only SlotsimErrors', () => {
    expect(isSlotsimError(errorOf('nope'))).toBe(true);
  });
});
