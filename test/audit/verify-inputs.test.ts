import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableAppender } from '../../src/audit/durable-appender.js';
import type { Finding } from '../../src/audit/finding.js';
import { readHmacKeyFile } from '../../src/audit/hmac-key-file.js';
import { forEachLine, type RawLine } from '../../src/audit/line-reader.js';
import { verifyJsonWriter } from '../../src/report/verify-json.js';
import { formatFinding, renderVerify } from '../../src/report/verify-text.js';
import { renderRecall } from '../../src/report/recall-text.js';
import { parse, rechainFrom } from './edit-log.js';
import { makeLog, readLines, tempDir, verify, writeLines, type MadeLog } from './make-log.js';

const tmp = tempDir();
let made: MadeLog;
beforeAll(async () => {
  made = await makeLog({ dir: tmp.dir, seed: 'audit-1', players: 2, roundsPerPlayer: 40 });
});
afterAll(() => tmp.remove());

describe('the streaming line reader', () => {
  const read = async (
    text: string,
    chunkBytes: number,
    maxLineBytes = 1000,
  ): Promise<{ text: string; terminated: boolean; tooLong: boolean; number: number }[]> => {
    const file = join(tmp.dir, `lines-${chunkBytes}-${maxLineBytes}.txt`);
    writeFileSync(file, text);
    const out: { text: string; terminated: boolean; tooLong: boolean; number: number }[] = [];
    await forEachLine(
      file,
      (l: RawLine) =>
        out.push({
          text: l.bytes.toString('utf8'),
          terminated: l.terminated,
          tooLong: l.tooLong,
          number: l.number,
        }),
      { chunkBytes, maxLineBytes },
    );
    return out;
  };

  it('gives the same lines for every chunk size, lines spanning chunks and multi-byte characters included', async () => {
    const text = 'alpha\nbeta ✓ gamma\n\nδέλτα\nlast-without-newline';
    const expected = await read(text, 1 << 16);
    expect(expected.map((l) => l.text)).toEqual([
      'alpha',
      'beta ✓ gamma',
      '',
      'δέλτα',
      'last-without-newline',
    ]);
    expect(expected.map((l) => l.terminated)).toEqual([true, true, true, true, false]);
    for (const chunk of [1, 2, 3, 5, 7, 16])
      expect(await read(text, chunk), `chunk ${chunk}`).toEqual(expected);
  });

  it('skips a line longer than the limit without holding it, and goes on', async () => {
    const text = `short\n${'x'.repeat(50)}\nafter\n${'y'.repeat(50)}`;
    for (const chunk of [4, 13, 1024]) {
      const lines = await read(text, chunk, 20);
      expect(
        lines.map((l) => [l.number, l.tooLong, l.text]),
        `chunk ${chunk}`,
      ).toEqual([
        [1, false, 'short'],
        [2, true, ''],
        [3, false, 'after'],
        [4, true, ''],
      ]);
    }
  });
});

describe('the durable appender', () => {
  it('writes concurrent appends whole, in the order they were made, one batch per flush', async () => {
    const file = join(tmp.dir, 'append.jsonl');
    const appender = await DurableAppender.open(file, { fsync: true, exclusive: true });
    await Promise.all(Array.from({ length: 300 }, (_, i) => appender.append(JSON.stringify({ i }))));
    await appender.close();
    expect(readLines(file).map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(
      Array.from({ length: 300 }, (_, i) => i),
    );
    await expect(DurableAppender.open(file, { exclusive: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(appender.append('late')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('unusable input (exit 2) versus findings (exit 1)', () => {
  const file = (name: string, text: string): string => {
    const path = join(tmp.dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('an empty file, a file that is no log, a missing file, an unknown format version: BAD_FILE', async () => {
    for (const [log, message] of [
      [file('empty.jsonl', ''), /empty/],
      [file('text.jsonl', 'hello\nworld\n'), /not a slotsim audit log/],
      [file('json.jsonl', '{"a":1}\n[1,2]\n'), /not a slotsim audit log/],
      [join(tmp.dir, 'missing.jsonl'), /cannot read/],
      [
        file('v9.jsonl', `${readLines(made.log)[0]!.replace('slotsim-audit/2', 'slotsim-audit/9')}\n`),
        /format "slotsim-audit\/9"/,
      ],
    ] as const) {
      await expect(verify(log, made.gameText), log).rejects.toMatchObject({
        code: 'BAD_FILE',
        message: expect.stringMatching(message) as unknown,
      });
    }
  });

  it('an HMAC-chained log without its key: BAD_INPUT; a key too short: BAD_INPUT', async () => {
    const dir = tempDir();
    try {
      const key = Buffer.alloc(32, 1);
      const hmac = await makeLog({ dir: dir.dir, seed: 'k', players: 1, roundsPerPlayer: 3, hmacKey: key });
      await expect(verify(hmac.log, hmac.gameText)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      await expect(verify(hmac.log, hmac.gameText, { hmacKey: Buffer.alloc(8) })).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
      expect((await verify(hmac.log, hmac.gameText, { hmacKey: key })).findings).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('a plain log verified with a key: reported as a chain that anyone could have rebuilt', async () => {
    const { findings } = await verify(made.log, made.gameText, { hmacKey: Buffer.alloc(32, 1) });
    expect(findings.filter((f) => f.kind === 'key').map((f) => [f.line, f.field])).toEqual([[1, 'chain']]);
  });

  it('an invalid game file: INVALID_GAME', async () => {
    await expect(verify(made.log, '{"format":"slotsim/1"}')).rejects.toMatchObject({ code: 'INVALID_GAME' });
  });

  it('reads an HMAC key file, dropping one final newline', () => {
    const path = file('key', 'k'.repeat(32) + '\r\n');
    expect(readHmacKeyFile(path).toString()).toBe('k'.repeat(32));
    expect(() => readHmacKeyFile(file('short', 'abc\n'))).toThrow(/at least 16/);
    expect(() => readHmacKeyFile(join(tmp.dir, 'nokey'))).toThrow(/cannot read/);
  });
});

describe('format versions', () => {
  it('a slotsim-audit/1 log (no checkpoint or recovery records, an end record of counts only) still verifies', async () => {
    const v1 = rechainFrom(
      readLines(made.log).map((line) => {
        const r = parse(line);
        if (r.type === 'header') {
          r.format = 'slotsim-audit/1';
          delete r.gameContentSha256;
          delete r.signing;
        }
        if (r.type === 'end') {
          delete r.ledgerEntries;
          delete r.recoveries;
          delete r.recovered;
        }
        return JSON.stringify(r);
      }),
      0,
    );
    const path = join(tmp.dir, 'v1.jsonl');
    writeLines(path, v1);
    const { findings, report } = await verify(path, made.gameText, { ledger: made.ledger });
    expect(findings).toEqual([]);
    expect(report.log.format).toBe('slotsim-audit/1');
    // Version 2 members in a version 1 log are not of its format.
    const mixed = rechainFrom(
      v1.map((line) => {
        const r = parse(line);
        if (r.type === 'end') r.recoveries = 0;
        return JSON.stringify(r);
      }),
      0,
    );
    writeLines(path, mixed);
    const again = await verify(path, made.gameText);
    expect(again.findings.map((f) => f.kind)).toEqual(['structure']);
  });
});

describe('reports', () => {
  it('verify --json is one JSON document, findings streamed first', async () => {
    const lines = readLines(made.log);
    const edited = [...lines];
    const r = parse(edited[5]!);
    (r.balance as { after: number }).after += 1;
    edited[5] = JSON.stringify(r);
    const path = join(tmp.dir, 'json.jsonl');
    writeLines(path, edited);
    let out = '';
    const writer = verifyJsonWriter((t) => (out += t));
    writer.begin();
    const { report } = await verify(path, made.gameText, { ledger: made.ledger });
    const findings: Finding[] = [];
    const again = await verify(path, made.gameText);
    findings.push(...again.findings);
    for (const f of findings) writer.finding(f);
    writer.end(report);
    const doc = JSON.parse(out) as {
      ok: boolean;
      findings: { line: number; kind: string; category: string }[];
      rounds: { total: number };
    };
    expect(doc.ok).toBe(false);
    expect(doc.rounds.total).toBe(80);
    expect(doc.findings.map((f) => f.line)).toContain(6);
    expect(doc.findings.every((f) => typeof f.category === 'string')).toBe(true);
    let empty = '';
    const w = verifyJsonWriter((t) => (empty += t));
    w.begin();
    w.end((await verify(made.log, made.gameText)).report);
    expect(JSON.parse(empty)).toMatchObject({ findings: [], ok: true });
  });

  it('the text summary and findings name the file and line', async () => {
    const { report } = await verify(made.log, made.gameText, {
      ledger: made.ledger,
      exactRtp: () => ({ value: 0.9, precision: 'exact' }),
    });
    const text = renderVerify(report);
    expect(text).toContain('VERIFIED: no discrepancies in 80 rounds');
    expect(text).toContain('RTP of the game');
    const f: Finding = {
      kind: 'hash',
      source: 'log',
      line: 7,
      roundId: 'r',
      field: 'hash',
      recorded: 'a',
      expected: 'b',
      message: 'altered',
    };
    expect(formatFinding(f, 'x.jsonl', null)).toBe(
      'x.jsonl:7: [hash] round r hash: altered (recorded "a", expected "b")',
    );
  });

  it('recall shows the paid spin, features and balances of a round, and whether it verifies', async () => {
    const lines = readLines(made.log).map(parse);
    const featured =
      lines.find(
        (r) =>
          r.type === 'round' &&
          ((r.outcome as { freeSpins: unknown }).freeSpins !== null ||
            (r.outcome as { bonus: unknown }).bonus !== null),
      ) ?? lines[1]!;
    const { report } = await verify(made.log, made.gameText, { watchRound: featured.roundId as string });
    expect(report.watched).not.toBeNull();
    const text = renderRecall(report.watched!, report);
    expect(text).toContain(`Round ${featured.roundId as string}`);
    expect(text).toContain('Paid spin');
    expect(text).toContain('TOTAL WIN');
    expect(text).toContain('VERIFIED');
    const edited = readFileSync(made.log, 'utf8').replace(
      `"roundId":"${featured.roundId as string}"`,
      `"roundId":"${featured.roundId as string}","x":1`,
    );
    const path = join(tmp.dir, 'recall.jsonl');
    writeFileSync(path, edited);
    const bad = await verify(path, made.gameText, { watchRound: featured.roundId as string });
    expect(renderRecall(bad.report.watched!, bad.report)).toContain('NOT VERIFIED');
  });
});
