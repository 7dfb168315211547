/**
 * The production commands (`play`, `verify`, `recall`, `recover`) end to end through the built CLI,
 * on the hardening points of issue 8: unusable paths, wallet failures, signed logs, recovery.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './make-log.js';
import { oneMessage, slotsim, type CliResult } from './run-slotsim.js';

const GAME = 'configs/three-bells.json';
const tmp = tempDir('slotsim-prod-cli-');
const log = join(tmp.dir, 'run.jsonl');
let played: CliResult;

beforeAll(async () => {
  played = await slotsim('play', GAME, '--rounds', '60', '--players', '2', '--audit-log', log, '--no-fsync');
});
afterAll(() => tmp.remove());

describe('paths that cannot be read: exit 2 with the path and the OS reason, no stack trace', () => {
  it('verify and recall of a directory, a directory as --ledger', async () => {
    expect(played.code, played.stderr).toBe(0);
    const dir = join(tmp.dir, 'a-directory');
    mkdirSync(dir);
    const results = await Promise.all([
      slotsim('verify', dir, '--game', GAME),
      slotsim('recall', dir, '--round', 'x', '--game', GAME),
      slotsim('verify', log, '--game', GAME, '--ledger', dir),
      slotsim('recall', log, '--round', 'x', '--game', GAME, '--ledger', dir),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(2);
      const message = oneMessage(r);
      expect(message).toContain(dir);
      expect(message).toContain('a directory, not a file');
    }
  });

  it('a missing file is named with its reason', async () => {
    const missing = join(tmp.dir, 'missing.jsonl');
    writeFileSync(join(tmp.dir, 'x'), '');
    const r = await slotsim('verify', missing, '--game', GAME);
    expect(r.code).toBe(2);
    expect(oneMessage(r)).toContain(`${missing}: cannot read the audit log (no such file)`);
  });
});

describe('signed logs through the CLI, with keys made by openssl', () => {
  const key = join(tmp.dir, 'key.pem');
  const pub = join(tmp.dir, 'pub.pem');
  const signed = join(tmp.dir, 'signed.jsonl');
  let fingerprint: string;
  beforeAll(() => {
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', key]);
    execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-out', pub]);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', pub, '-outform', 'DER']);
    fingerprint = createHash('sha256').update(der).digest('hex');
  });

  it('play --signing-key signs; verify --public-key checks and prints the fingerprint openssl gives', async () => {
    const p = await slotsim(
      'play',
      GAME,
      '--rounds',
      '50',
      '--audit-log',
      signed,
      '--signing-key',
      key,
      '--sign-every',
      '10',
      '--no-fsync',
    );
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain(`signed by key sha256:${fingerprint}`);
    const v = await slotsim(
      'verify',
      signed,
      '--game',
      GAME,
      '--ledger',
      join(tmp.dir, 'signed.ledger.jsonl'),
      '--public-key',
      pub,
    );
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain(`Ed25519 key sha256:${fingerprint}`);
    expect(v.stdout).toContain('5 checkpoints');
    expect(v.stdout).toContain('every signature checked');
    expect(v.stdout).not.toContain('Note: a plain SHA-256 chain');
    const unchecked = await slotsim('verify', signed, '--game', GAME);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toContain('signatures NOT checked');
  });

  it('verify on an unsigned, unkeyed chain says in one line what it proves; --json "chain" is the log\'s', async () => {
    const v = await slotsim('verify', log, '--game', GAME);
    expect(v.code).toBe(0);
    expect(v.stdout.split('\n').filter((l) => l.startsWith('Note: a plain SHA-256 chain'))).toHaveLength(1);
    const hmacKey = join(tmp.dir, 'hmac.key');
    writeFileSync(hmacKey, 'k'.repeat(32));
    const j = await slotsim('verify', log, '--game', GAME, '--hmac-key-file', hmacKey, '--json');
    expect(j.code).toBe(1); // a key given for a plain chain: a finding
    const doc = JSON.parse(j.stdout) as { log: { chain: string; signing: unknown } };
    expect(doc.log.chain).toBe('sha256');
    expect(doc.log.signing).toBeNull();
  });

  it('a missing or wrong key file is exit 2 with one message', async () => {
    const results = await Promise.all([
      slotsim('verify', signed, '--game', GAME, '--public-key', join(tmp.dir, 'nope.pem')),
      slotsim('verify', signed, '--game', GAME, '--public-key', key),
      slotsim('play', GAME, '--rounds', '5', '--audit-log', join(tmp.dir, 'x1.jsonl'), '--signing-key', pub),
    ]);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(2);
      oneMessage(r);
    }
    expect(results[1].stderr).toContain('is a private key');
    expect(existsSync(join(tmp.dir, 'x1.jsonl'))).toBe(false);
  });
});

describe('a real crash (kill -9), recall and recover through the CLI; SIGHUP', () => {
  it('kill -9 mid-run: verify fails as a crash, recall --ledger shows a lost round, recover settles, verify passes', async () => {
    const crashed = join(tmp.dir, 'crash.jsonl');
    const crashedLedger = join(tmp.dir, 'crash.ledger.jsonl');
    const child = spawn(
      process.execPath,
      ['bin/slotsim.js', 'play', GAME, '--rounds', '1M', '--players', '4', '--audit-log', crashed],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(() => existsSync(crashed) && readFileSync(crashed, 'utf8').split('\n').length > 200);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const before = await slotsim('verify', crashed, '--game', GAME, '--ledger', crashedLedger, '--json');
    expect(before.code).toBe(1);
    const doc = JSON.parse(before.stdout) as {
      findings: { kind: string; source: string; roundId: string | null; message: string }[];
    };
    expect(
      doc.findings.some((f) => f.kind === 'truncated' && f.message.includes('what a crash leaves')),
    ).toBe(true);
    expect(doc.findings.filter((f) => f.kind === 'ledger-unexplained')).toEqual([]);
    const lost = doc.findings.find((f) => f.kind === 'unsettled' && f.source === 'ledger');
    if (lost !== undefined) {
      const recall = await slotsim(
        'recall',
        crashed,
        '--round',
        lost.roundId!,
        '--game',
        GAME,
        '--ledger',
        crashedLedger,
      );
      expect(recall.code).toBe(1);
      expect(recall.stdout).toContain('NOT IN THE LOG');
    }
    const again = await slotsim('play', GAME, '--rounds', '5', '--audit-log', crashed);
    expect(again.code).toBe(2);
    expect(oneMessage(again)).toContain(`slotsim recover ${crashed} --ledger ${crashedLedger}`);

    const recovered = await slotsim('recover', crashed, '--ledger', crashedLedger);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stdout).toContain('the log is closed');
    const after = await slotsim('verify', crashed, '--game', GAME, '--ledger', crashedLedger);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('VERIFIED');
    if (lost !== undefined) {
      const recall = await slotsim(
        'recall',
        crashed,
        '--round',
        lost.roundId!,
        '--game',
        GAME,
        '--ledger',
        crashedLedger,
      );
      expect(recall.code, recall.stdout).toBe(0);
      expect(recall.stdout).toContain('settled by slotsim recover');
    }
    const dir = join(tmp.dir, 'recover-dir');
    mkdirSync(dir);
    const r = await slotsim('recover', dir, '--ledger', crashedLedger);
    expect(r.code).toBe(2);
    expect(oneMessage(r)).toContain('a directory, not a file');
  }, 60_000);

  it('SIGHUP (a dropped SSH session) stops play like SIGTERM: exit 130, the log closed and verifying', async () => {
    const hup = join(tmp.dir, 'hup.jsonl');
    const child = spawn(
      process.execPath,
      ['bin/slotsim.js', 'play', GAME, '--rounds', '1M', '--audit-log', hup],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(() => existsSync(hup) && readFileSync(hup, 'utf8').split('\n').length > 50);
    child.kill('SIGHUP');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.once('exit', (c, s) => resolve([c, s])),
    );
    expect([code, signal]).toEqual([130, null]);
    const v = await slotsim('verify', hup, '--game', GAME, '--ledger', join(tmp.dir, 'hup.ledger.jsonl'));
    expect(v.code, v.stderr).toBe(0);
  }, 60_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
