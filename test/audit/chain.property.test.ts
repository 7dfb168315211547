/**
 * Property-based tests of the hash chain: canonical JSON, an independent re-computation of every
 * hash and link, and single edits anywhere in a log — each must be reported at its line.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import type { Finding } from '../../src/audit/finding.js';
import { parse } from './edit-log.js';
import { brief, makeLog, readLines, tempDir, verify, writeLines, type MadeLog } from './make-log.js';

const SEED = 20260131;
const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const tmp = tempDir();
let plain: MadeLog;
let hmac: MadeLog;

beforeAll(async () => {
  plain = await makeLog({ dir: tmp.dir, seed: 'chain-1', players: 2, roundsPerPlayer: 12, name: 'plain' });
  hmac = await makeLog({
    dir: tmp.dir,
    seed: 'chain-2',
    players: 2,
    roundsPerPlayer: 12,
    name: 'hmac',
    hmacKey: KEY,
  });
});
afterAll(() => tmp.remove());

/** Shuffles every object's keys (deterministically, from `salt`). */
function shuffleKeys(value: unknown, salt: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, salt + i));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  entries.sort(
    (a, b) => ((a[0].length * 31 + salt) % 7) - ((b[0].length * 31 + salt) % 7) || (salt % 2 === 0 ? 1 : -1),
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, salt + 1)]));
}

describe(`canonical JSON (fast-check seed ${SEED})`, () => {
  it('parses back to the same value, is a fixed point, and does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, salt) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(shuffleKeys(value, salt))).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('sorts keys by UTF-16 code units and escapes strings as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x"y'], é: 2, Z: 3 })).toBe(
      '{"Z":3,"a":[true,null,"x\\"y"],"b":1,"é":2}',
    );
    expect(() => canonicalJson({ a: undefined })).toThrow();
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(new Date(0))).toThrow();
  });
});

describe('the chain, recomputed independently of the writer', () => {
  const check = (lines: readonly string[], digest: (domain: string, body: string) => string): void => {
    let prev: string | null = null;
    lines.forEach((line, i) => {
      const m = /^(.*),"hash":"([0-9a-f]{64})"\}$/.exec(line);
      expect(m, `line ${i + 1}`).not.toBeNull();
      const body = `${m![1]!}}`;
      const record = JSON.parse(body) as Record<string, unknown>;
      expect(canonicalJson(record), `line ${i + 1} is canonical`).toBe(body);
      expect(record.seq).toBe(i);
      expect(digest(`slotsim/audit/${String(record.type)}/v1\n`, body)).toBe(m![2]);
      if (prev !== null) expect(record.prev).toBe(prev);
      prev = m![2]!;
    });
  };

  it('SHA-256 over the domain prefix and the canonical body, each record linked to the one before', () => {
    check(readLines(plain.log), (domain, body) =>
      createHash('sha256')
        .update(domain + body)
        .digest('hex'),
    );
  });

  it('HMAC-SHA-256 under the key for an HMAC chain', () => {
    const lines = readLines(hmac.log);
    expect(parse(lines[0]!).chain).toBe('hmac-sha256');
    check(lines, (domain, body) =>
      createHmac('sha256', KEY)
        .update(domain + body)
        .digest('hex'),
    );
  });
});

describe(`single edits anywhere are reported at their line (fast-check seed ${SEED})`, () => {
  let counter = 0;
  const run = async (
    log: MadeLog,
    lines: readonly string[] | Buffer,
    key: Buffer | null,
  ): Promise<readonly Finding[]> => {
    const file = join(tmp.dir, `prop-${++counter}.jsonl`);
    if (Buffer.isBuffer(lines)) writeFileSync(file, lines);
    else writeLines(file, lines);
    return (await verify(file, log.gameText, { hmacKey: key, ledger: log.ledger })).findings;
  };
  const at = (findings: readonly Finding[], line: number): boolean =>
    findings.some((f) => f.source === 'log' && f.line === line);

  for (const [name, key] of [
    ['SHA-256', null],
    ['HMAC', KEY],
  ] as const) {
    const log = (): MadeLog => (key === null ? plain : hmac);

    it(`${name}: any byte of any line changed`, async () => {
      const bytes = readFileSync(log().log);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (position, delta) => {
            if (bytes[position] === 0x0a) return;
            const edited = Buffer.from(bytes);
            edited[position] = (bytes[position]! + delta) % 256;
            if (edited[position] === 0x0a) return;
            const line = bytes.subarray(0, position).filter((b) => b === 0x0a).length + 1;
            const findings = await run(log(), edited, key);
            expect(at(findings, line), `byte ${position} (line ${line}): ${brief(findings).join('; ')}`).toBe(
              true,
            );
          },
        ),
        { seed: SEED, numRuns: 60 },
      );
    });

    it(`${name}: any line deleted, duplicated, or swapped with the next`, async () => {
      const lines = readLines(log().log);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: lines.length - 1 }),
          fc.constantFrom('delete', 'duplicate', 'swap'),
          async (i, edit) => {
            let edited: string[];
            let line: number;
            if (edit === 'delete') {
              edited = lines.filter((_, k) => k !== i);
              line = i + 1;
            } else if (edit === 'duplicate') {
              edited = [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)];
              line = i + 2;
            } else {
              if (i + 1 >= lines.length) return;
              edited = [...lines];
              [edited[i], edited[i + 1]] = [edited[i + 1]!, edited[i]!];
              line = i + 1;
            }
            const findings = await run(log(), edited, key);
            expect(at(findings, line), `${edit} line ${i + 1}: ${brief(findings).join('; ')}`).toBe(true);
          },
        ),
        { seed: SEED, numRuns: 40 },
      );
    });
  }

  it('HMAC: verified with another key → a key finding at line 1 and a hash finding at every line', async () => {
    const lines = readLines(hmac.log);
    const findings = await run(hmac, lines, Buffer.from('another key, also 32 bytes long!'));
    expect(findings.filter((f) => f.kind === 'key').map((f) => f.line)).toEqual([1]);
    expect(findings.filter((f) => f.kind === 'hash').map((f) => f.line)).toEqual(lines.map((_, i) => i + 1));
  });
});
