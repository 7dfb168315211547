import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/audit/decode-record.js';
import { GameVariants } from '../../src/audit/game-variants.js';
import { ROUND_LINE_START, RoundLineScanner } from '../../src/audit/round-line-scanner.js';
import { sha256Hex } from '../../src/game/index.js';
import { FIXTURE_TEXT } from './fixture-game.js';
import { makeLog, readLines, tempDir } from './make-log.js';

const SEED = 'round-line-scanner';

/** What the full path makes of a line: the parsed record when the decoder accepts it, else null. */
function fullPath(line: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return decodeRecord(value).ok ? value : null;
}

describe(`verify's round line scanner (seed ${SEED})`, () => {
  const temp = tempDir();
  const games = new GameVariants({
    path: 'fixture.json',
    text: FIXTURE_TEXT,
    sha256: sha256Hex(FIXTURE_TEXT),
  });
  let rounds: string[] = [];

  beforeAll(async () => {
    const made = await makeLog({ dir: temp.dir, seed: SEED, players: 4, roundsPerPlayer: 150 });
    rounds = readLines(made.log).filter((line) => line.startsWith(ROUND_LINE_START));
  });
  afterAll(() => temp.remove());

  it('reads every round of a log exactly as JSON.parse does, its outcome replayed', () => {
    expect(rounds).toHaveLength(600);
    // The sample holds every shape the scanner must read.
    expect(rounds.some((l) => l.includes('"freeSpins":{"awarded"'))).toBe(true);
    expect(rounds.some((l) => l.includes('"bonus":{"draws"'))).toBe(true);
    expect(rounds.some((l) => l.includes('"credit":null'))).toBe(true);
    expect(rounds.some((l) => l.includes('"credit":{"amount"'))).toBe(true);
    const scanner = new RoundLineScanner(games);
    for (const line of rounds) {
      const scanned = scanner.scan(line);
      expect(scanned, line).not.toBeNull();
      expect(scanned!.record).toEqual(JSON.parse(line));
      expect(scanned!.replay.outcome).toBe(scanned!.record.outcome);
      expect(scanned!.replay.problems).toEqual([]);
      // The digest the verifier computes is only a hint: right, wrong or absent, the same record.
      const hash = (JSON.parse(line) as { hash: string }).hash;
      expect(scanner.scan(line, hash)?.record).toEqual(scanned!.record);
      expect(scanner.scan(line, '0'.repeat(64))?.record).toEqual(scanned!.record);
    }
  });

  it('accepts an edited line only as the full path reads it (fast-check, one-character edits)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 598 }),
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'replace'),
        fc.constantFrom('0', '1', '9', '-', '.', 'e', ',', ':', '"', '\\', ' ', '{', '}', ']', 'a', 'f', 'Z'),
        (k, at, edit, ch) => {
          const scanner = new RoundLineScanner(games);
          // The line before first, so the scanner's memory of the last game, hash and names is live.
          expect(scanner.scan(rounds[k]!)).not.toBeNull();
          const line = rounds[k + 1]!;
          const i = at % line.length;
          const edited =
            edit === 'delete'
              ? line.slice(0, i) + line.slice(i + 1)
              : edit === 'insert'
                ? line.slice(0, i) + ch + line.slice(i)
                : line.slice(0, i) + ch + line.slice(i + 1);
          const scanned = scanner.scan(edited);
          if (edited === line) expect(scanned).not.toBeNull();
          if (scanned !== null) expect(scanned.record).toEqual(fullPath(edited));
        },
      ),
      { seed: 5150, numRuns: 4000 },
    );
  });

  it('leaves to the full path what the writer never writes, or the decoder refuses', () => {
    const line = rounds.find((l) => l.includes('"credit":{"amount"'))!;
    const scanner = new RoundLineScanner(games);
    expect(scanner.scan(line)).not.toBeNull();
    const edits: [string, RegExp, string][] = [
      ['an escaped character', /"player":"player-/, '"player":"player\\u002d'],
      ['a fraction', /"seq":(\d+)/, '"seq":$1.0'],
      ['an exponent', /"stake":(\d+)/, '"stake":$1e0'],
      ['a leading zero', /"stake":(\d+)/, '"stake":0$1'],
      ['minus zero', /"before":\d+/, '"before":-0'],
      ['whitespace', /"stake":/, '"stake": '],
      ['a member the format does not have', /,"type":"round"/, ',"extra":1,"type":"round"'],
      ['members out of order', /"rng":("[^"]*"),"roundId":("[^"]*")/, '"roundId":$2,"rng":$1'],
      ['a stake of 0', /"stake":\d+/, '"stake":0'],
      ['a stake past 2^53', /"stake":\d+/, '"stake":9007199254740993'],
      ['a balance past 2^53', /"before":\d+/, '"before":9999999999999999'],
      ['a credit status in upper case', /"status":"paid"/, '"status":"PAID"'],
      ['a sequence number of 0', /"seq":\d+/, '"seq":0'],
      ['an unknown credit status', /"status":"paid"/, '"status":"sent"'],
      ['a timestamp that is not one', /"endedAt":"[^"]*"/, '"endedAt":"yesterday"'],
      ['an empty round id', /"roundId":"[^"]*"/, '"roundId":""'],
      ['a round id of 257 characters', /"roundId":"[^"]*"/, `"roundId":"${'r'.repeat(257)}"`],
      ['an upper-case hash', /"prev":"([0-9a-f]{64})"/, '"prev":"ABCDEF$1"'],
      ['a variant the game file does not have', /"variant":null/, '"variant":"nope"'],
      ['a draw that is not a whole number', /"draws":\[\[(\d+),(\d+)\]/, '"draws":[[$1,$2.5]'],
      ['a changed outcome', /"total":(\d+)\}/, '"total":1$1}'],
      ['text after the record', /\}$/, '} '],
    ];
    for (const [what, pattern, replacement] of edits) {
      const edited = line.replace(pattern, replacement);
      expect(edited, what).not.toBe(line);
      expect(scanner.scan(edited), what).toBeNull();
    }
  });

  it('reads anew the game, prev, generator and slotsim version a line does not repeat', () => {
    const scanner = new RoundLineScanner(games);
    expect(scanner.scan(rounds[0]!)).not.toBeNull();
    const other = 'ab'.repeat(32);
    const edited = rounds[1]!
      .replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${other}"`)
      .replace(/"version":"[^"]*"/, '"version":"9.9.9"')
      .replace(/"prev":"[0-9a-f]{64}"/, `"prev":"${other}"`)
      .replace(/"rng":"[^"]*"/, '"rng":"other-rng"')
      .replace(/"slotsim":"[^"]*"/, '"slotsim":"9.9.9"');
    const record = scanner.scan(edited)?.record;
    expect(record).toEqual(JSON.parse(edited));
    expect(record?.game.sha256).toBe(other);
    expect(record?.game.version).toBe('9.9.9');
    expect(record?.prev).toBe(other);
    expect(record?.rng).toBe('other-rng');
    expect(record?.slotsim).toBe('9.9.9');
    // And back: the original line after the edited one reads as itself.
    expect(scanner.scan(rounds[1]!)?.record).toEqual(JSON.parse(rounds[1]!));
  });
});
