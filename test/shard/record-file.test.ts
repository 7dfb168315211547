import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import { DecodeError } from '../../src/shard/codec.js';
import {
  openLine,
  PartialWriter,
  readRecord,
  scanRecordFile,
  sealLine,
} from '../../src/shard/record-file.js';
import { chunkCodec, cyclePartCodec } from '../../src/shard/stats-codec.js';
import type { DetailChunkStats } from '../../src/sim/detail-chunk.js';

/** A chunk with every kind of value a codec must carry exactly: sums past 2^53, doubles, nulls, detail. */
const chunk: DetailChunkStats = {
  index: 3,
  rounds: 262_144,
  hits: 80_000,
  total: 2n ** 70n + 1n,
  lines: 123_456_789_012_345_678_901n,
  scatter: 0n,
  freeSpins: 9_007_199_254_740_993n,
  bonus: 5n,
  holdAndWin: 2n ** 60n + 3n,
  freeSpinsTriggers: 1_800,
  freeSpinsPlayed: 19_000,
  bonusTriggers: 0,
  holdAndWinTriggers: 17,
  capHits: 2,
  maxWin: 2 ** 40,
  histogram: [
    [0, 182_000],
    [5, 70_000],
    [2 ** 40, 1],
  ],
  squares: {
    lines: 2n ** 90n + 7n,
    scatter: 0n,
    freeSpins: 81n,
    bonus: 4n,
    holdAndWin: 2n ** 80n,
    freeSpinsPlayed: 361n,
  },
  detail: {
    rounds: 1000,
    combinations: [{ kind: 'line', rule: 2, count: 3, multiplier: 4, all: 70, sampled: 3 }],
    groups: [{ kind: 'scatter', rule: null, trials: 500 }],
    stopCounts: [
      [1, 2, 3],
      [0, 0, 6],
    ],
    serial: {
      draws: 5000,
      sum: 2500.123456789012,
      sumOfSquares: 0.1 + 0.2,
      sumOfProducts: 1e-300,
      first: 5e-324,
      last: null,
    },
    features: {
      features: 1,
      awards: [{ awarded: 10, count: 1 }],
      freeTrials: 10,
      freeCombinations: [],
      freeGroups: [],
      freeStopCounts: [[4, 6]],
      bonuses: 0,
      prizes: [],
    },
    format2: {
      tallies: [
        {
          name: 'heights of reel 1',
          part: 'reels',
          labels: ['2', '3'],
          weights: [1, 2 ** 40],
          counts: [10, 990],
        },
      ],
      combinations: [{ key: 'cluster A 5', all: 12 }],
    },
  },
};

describe('the exact codecs of a shard', () => {
  it('a chunk comes back bit for bit: bigints past 2^53, doubles to the last bit, the detail', () => {
    const text = JSON.stringify(chunkCodec.encode(chunk));
    const back = chunkCodec.decode(JSON.parse(text), 'data') as DetailChunkStats;
    expect(back).toEqual(chunk);
    expect(back.total).toBe(2n ** 70n + 1n);
    expect(Object.is(back.detail.serial.sumOfSquares, 0.30000000000000004)).toBe(true);
    expect(back.detail.serial.first).toBe(5e-324);
    // Bigints are decimal strings, never JSON numbers (which would round them).
    expect(text).toContain('"freeSpins":"9007199254740993"');
    // Format 2's parts: the hold-and-win sum, the sums of squares and the draw tallies.
    expect(back.holdAndWin).toBe(2n ** 60n + 3n);
    expect(back.squares?.lines).toBe(2n ** 90n + 7n);
    expect(back.detail.format2?.tallies[0]?.weights[1]).toBe(2 ** 40);
  });

  it('a chunk without detail stays without', () => {
    const { detail: _detail, ...plain } = chunk;
    expect('detail' in chunkCodec.decode(chunkCodec.encode(plain), 'data')).toBe(false);
  });

  it('a full-cycle part round-trips, histograms as exact whole numbers', () => {
    const part = {
      role: 'free' as const,
      from: 12,
      histogram: Float64Array.from([0, 0, 2 ** 52, 7, 1, 3]),
      overCap: Float64Array.from([6000, 20, 3, 5000, 0, 1]),
      pays: Float64Array.from([0, 9]),
      weight: 2 ** 52 + 12,
      combinations: 4096,
    };
    expect(cyclePartCodec.decode(JSON.parse(JSON.stringify(cyclePartCodec.encode(part))), 'data')).toEqual(
      part,
    );
  });

  it('refuses a damaged value with its JSON path, never crashes', () => {
    const json = chunkCodec.encode(chunk) as {
      stats: Record<string, unknown>;
      detail: Record<string, unknown>;
    };
    const broken = (path: (j: typeof json) => void): string => {
      const copy = JSON.parse(JSON.stringify(json)) as typeof json;
      path(copy);
      try {
        chunkCodec.decode(copy, 'data');
      } catch (error) {
        expect(error).toBeInstanceOf(DecodeError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(broken((j) => (j.stats.total = 12))).toMatch(
      /^data\.stats\.total: expected a whole number written as a decimal string/,
    );
    expect(broken((j) => (j.stats.hits = 1.5))).toMatch(/^data\.stats\.hits: expected a whole number/);
    expect(broken((j) => (j.stats.histogram = [1, 2, 3]))).toMatch(
      /data\.stats\.histogram: expected an array of pairs/,
    );
    expect(broken((j) => delete j.stats.capHits)).toMatch(
      /data\.stats\.capHits: expected a member that is missing/,
    );
    expect(broken((j) => (j.stats.extra = 1))).toMatch(/data\.stats\.extra: expected no such member/);
    expect(broken((j) => ((j.detail.serial as Record<string, unknown>).sum = '0.10'))).toMatch(
      /shortest decimal string/,
    );
    expect(broken((j) => ((j.detail.serial as Record<string, unknown>).sum = 'NaN'))).toMatch(
      /finite number/,
    );
  });
});

describe('sealed lines and partial files', () => {
  it('a sealed line opens to its body; any change to it is seen', () => {
    const line = sealLine({ record: 'chunk', key: 1, data: [1, 2] }).trimEnd();
    expect(openLine(line)).toEqual({ body: { record: 'chunk', key: 1, data: [1, 2] } });
    expect(openLine(line.replace('[1,2]', '[1,3]'))).toEqual({
      problem: "the line's SHA-256 does not match its content",
    });
    expect(openLine(line.slice(0, -10))).toMatchObject({
      problem: expect.stringMatching(/cut short/) as string,
    });
  });

  it('a partial is written whole, checksummed, and scanned back record by record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-record-'));
    const path = join(dir, 'p.partial');
    const writer = new PartialWriter(path, { record: 'header', run: 'x' });
    writer.add({ record: 'chunk', key: 0, data: { n: 1 } });
    writer.add({ record: 'chunk', key: 4, data: { n: 2 } });
    const sum = writer.finish();
    const scan = scanRecordFile(path);
    expect(scan.problem).toBeNull();
    expect(scan.end).toEqual({ records: 2, contentSha256: sum });
    expect(scan.records.map((r) => [r.kind, r.key, r.line])).toEqual([
      ['chunk', 0, 2],
      ['chunk', 4, 3],
    ]);
    expect(readRecord(path, scan.records[1]!).data).toEqual({ n: 2 });
    // A record dropped and the end record's count resealed still fails the checksum.
    const lines = readFileSync(path, 'utf8').split('\n');
    const end = JSON.parse(lines[3]!) as { contentSha256: string };
    writeFileSync(
      join(dir, 'cut.partial'),
      `${lines[0]}\n${lines[1]}\n${sealLine({ record: 'end', records: 1, contentSha256: end.contentSha256 })}`,
    );
    expect(scanRecordFile(join(dir, 'cut.partial')).problem?.what).toMatch(/checksum .* does not match/);
    // Cut short: no end record, the torn line reported.
    writeFileSync(join(dir, 'torn.partial'), readFileSync(path, 'utf8').slice(0, 300));
    const torn = scanRecordFile(join(dir, 'torn.partial'));
    expect(torn.end).toBeNull();
    expect(torn.problem?.what).toMatch(/cut short|ends in the middle/);
  });

  it('a missing file is a clear BAD_FILE error with its path', () => {
    try {
      scanRecordFile('/nonexistent/p.partial');
      expect.unreachable();
    } catch (error) {
      expect(isSlotsimError(error) && error.code).toBe('BAD_FILE');
      expect((error as Error).message).toBe('/nonexistent/p.partial: cannot read it (no such file)');
    }
  });
});
