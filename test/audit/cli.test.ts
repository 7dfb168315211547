/**
 * `slotsim play`, `verify` and `recall` end to end through the real CLI (exit codes, stdout and
 * stderr as the contract states them).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from './edit-log.js';
import { readLines, tempDir, writeLines } from './make-log.js';

const run = promisify(execFile);
const GAME = 'configs/three-bells.json';

async function slotsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = tempDir('slotsim-cli-');
const log = join(tmp.dir, 'run.jsonl');
const ledger = join(tmp.dir, 'run.ledger.jsonl');
const key = join(tmp.dir, 'audit.key');
let played: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  writeFileSync(key, `${'s'.repeat(32)}\n`);
  played = await slotsim(
    'play',
    GAME,
    '--rounds',
    '300',
    '--players',
    '3',
    '--audit-log',
    log,
    '--hmac-key-file',
    key,
  );
});
afterAll(() => tmp.remove());

describe('slotsim play / verify / recall', () => {
  it('play writes an HMAC-chained log and a ledger next to it, and prints the summary', () => {
    expect(played.stderr).toContain('Playing Three Bells');
    expect(played.code).toBe(0);
    expect(played.stdout).toContain('RTP of the run');
    expect(existsSync(ledger)).toBe(true);
    const lines = readLines(log);
    expect(lines).toHaveLength(302);
    expect(parse(lines[0]!)).toMatchObject({
      format: 'slotsim-audit/2',
      chain: 'hmac-sha256',
      rng: 'crypto',
    });
  });

  it('verify: exit 0, the summary on stdout; --json prints exactly one document', async () => {
    const [text, json] = await Promise.all([
      slotsim('verify', log, '--game', GAME, '--ledger', ledger, '--hmac-key-file', key),
      slotsim('verify', log, '--game', GAME, '--ledger', ledger, '--hmac-key-file', key, '--json'),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('VERIFIED: no discrepancies in 300 rounds');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      ok: boolean;
      findings: unknown[];
      rounds: { total: number };
      rtp: { exact: { value: number } };
    };
    expect(doc).toMatchObject({ ok: true, findings: [], rounds: { total: 300 } });
    expect(doc.rtp.exact.value).toBeCloseTo(697 / 736, 12);
  });

  it('verify: exit 1 with every finding (file:line) for an edited log; --json lists them', async () => {
    const lines = readLines(log);
    const r = parse(lines[10]!);
    (r.balance as { after: number }).after += 1000;
    lines[10] = JSON.stringify(r);
    const edited = join(tmp.dir, 'edited.jsonl');
    writeLines(edited, lines);
    const [text, json] = await Promise.all([
      slotsim('verify', edited, '--game', GAME, '--ledger', ledger, '--hmac-key-file', key),
      slotsim('verify', edited, '--game', GAME, '--hmac-key-file', key, '--json'),
    ]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${edited}:11: [hash]`);
    expect(text.stderr).toContain(`${edited}:11: [money]`);
    expect(text.stdout).toContain('FAILED');
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { ok: boolean; findings: { line: number; kind: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.findings.filter((f) => f.line === 11).map((f) => f.kind)).toEqual(
      expect.arrayContaining(['hash', 'money']),
    );
  });

  it('recall shows one round and says that it verifies; an unknown round is exit 2', async () => {
    const id = parse(readLines(log)[7]!).roundId as string;
    const [found, missing] = await Promise.all([
      slotsim('recall', log, '--round', id, '--game', GAME, '--hmac-key-file', key),
      slotsim('recall', log, '--round', 'no-such-round', '--game', GAME, '--hmac-key-file', key),
    ]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`Round ${id}`);
    expect(found.stdout).toContain('Paid spin');
    expect(found.stdout).toContain('VERIFIED');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^slotsim: --round: no round "no-such-round"/);
  });

  it('unusable input is exit 2 with one message and no stack trace', async () => {
    const notLog = join(tmp.dir, 'not-a-log.txt');
    writeFileSync(notLog, 'hello\n');
    const results = await Promise.all([
      slotsim('verify', notLog, '--game', GAME),
      slotsim('verify', log, '--game', GAME),
      slotsim('verify', join(tmp.dir, 'missing.jsonl'), '--game', GAME),
      slotsim('play', GAME, '--rounds', '5', '--audit-log', log),
      slotsim('play', GAME, '--rounds', '5', '--bet', '7', '--audit-log', join(tmp.dir, 'new.jsonl')),
      slotsim('play', GAME, '--rounds', 'many', '--audit-log', join(tmp.dir, 'new2.jsonl')),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain('    at ');
    }
    expect(results[1].stderr).toContain('--hmac-key-file');
    expect(results[3].stderr).toContain('already exists');
    expect(existsSync(join(tmp.dir, 'new.jsonl'))).toBe(false);
    expect(readFileSync(notLog, 'utf8')).toBe('hello\n');
  });
});
