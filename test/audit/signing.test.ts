/**
 * Signed checkpoints: a log signed by `play --signing-key` verifies against the public key, and a
 * forged log whose chain was rebuilt does not — what neither a plain nor an HMAC chain can promise
 * against someone who can rebuild it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOfPublicKey, readPublicKey, readSigningKey, type SigningKey } from '../../src/audit/signing.js';
import { createRng } from '../../src/rng/index.js';
import { runPlay } from '../../src/service/play-run.js';
import { editLine, parse, rechainFrom } from './edit-log.js';
import { FIXTURE_TEXT } from './fixture-game.js';
import { brief, fixtureGame, readLines, tempDir, verify, writeLines } from './make-log.js';

const tmp = tempDir('slotsim-signing-');
afterAll(() => tmp.remove());
const game = fixtureGame();

function keyPair(name: string): { key: SigningKey; publicPath: string; privatePath: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePath = join(tmp.dir, `${name}.pem`);
  const publicPath = join(tmp.dir, `${name}.pub.pem`);
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return { key: readSigningKey(privatePath), publicPath, privatePath };
}

const operator = keyPair('operator');
const forger = keyPair('forger');
let log: string;
let ledger: string;
let lines: string[];

beforeAll(async () => {
  log = join(tmp.dir, 'signed.jsonl');
  ledger = join(tmp.dir, 'signed.ledger.jsonl');
  await runPlay({
    game,
    rounds: 23,
    auditLog: log,
    ledger,
    players: 2,
    balance: 10_000,
    bet: game.betCredits,
    hmacKey: null,
    signing: { key: operator.key, every: 5 },
    fsync: false,
    rng: createRng('aes-128-ctr', 'signing-1', 0),
    gameText: FIXTURE_TEXT,
  });
  lines = readLines(log);
});

let counter = 0;
async function verifyLines(edited: readonly string[], publicPath: string | null = operator.publicPath) {
  const file = join(tmp.dir, `edited-${++counter}.jsonl`);
  writeLines(file, edited);
  return verify(file, FIXTURE_TEXT, publicPath === null ? {} : { publicKey: readPublicKey(publicPath) });
}

describe('signed checkpoints', () => {
  it('a checkpoint after every 5 rounds and a signed end record; it verifies against the public key', async () => {
    const types = lines.map((l) => parse(l).type);
    expect(types.filter((t) => t === 'checkpoint')).toHaveLength(4); // after rounds 5, 10, 15, 20
    expect(parse(lines[0]!).signing).toEqual({ algorithm: 'ed25519', keyId: operator.key.keyId, every: 5 });
    expect(typeof parse(lines.at(-1)!).signature).toBe('string');
    const { findings, report } = await verifyLines(lines);
    expect(brief(findings)).toEqual([]);
    expect(report.log.signing).toMatchObject({ keyId: operator.key.keyId, checkpoints: 4, checked: true });
    expect(report.log.signing?.lastSigned?.line).toBe(lines.length);
  });

  it('the fingerprint is SHA-256 of the public key DER, as openssl prints it', () => {
    expect(keyIdOfPublicKey(operator.key.key)).toBe(operator.key.keyId);
    expect(readPublicKey(operator.publicPath).keyId).toBe(operator.key.keyId);
    expect(() => readPublicKey(operator.privatePath)).toThrow(/private key/);
    expect(() => readSigningKey(operator.publicPath)).toThrow(/not a PEM private key/);
  });

  it('a round edited and the whole chain rebuilt (plain SHA-256) → every signature after it fails', async () => {
    const i = lines.findIndex((l) => parse(l).type === 'round');
    const forged = editLine(lines, i, (r) => (r.startedAt = '2020-01-01T00:00:00.000Z'), 'rechain');
    const { findings } = await verifyLines(forged);
    expect(findings.filter((f) => f.kind === 'hash' || f.kind === 'link')).toEqual([]);
    const signature = findings.filter((f) => f.kind === 'signature');
    expect(signature.length).toBe(5); // 4 checkpoints and the end record
    // Without the public key nothing is checked: the same forgery passes, and the report says so.
    const unkeyed = await verifyLines(forged, null);
    expect(brief(unkeyed.findings)).toEqual([]);
    expect(unkeyed.report.log.signing?.checked).toBe(false);
  });

  it('re-signed with another key → the header names the forger, and the operator key is not it', async () => {
    const { findings } = await verifyLines(lines, forger.publicPath);
    expect(findings.map((f) => [f.line, f.kind, f.field])).toContainEqual([1, 'key', 'signing.keyId']);
  });

  it('signatures and signing stripped, the chain rebuilt → an unsigned log where a signed one was expected', async () => {
    const stripped = rechainFrom(
      editLine(
        lines.filter((l) => parse(l).type !== 'checkpoint'),
        0,
        (r) => (r.signing = null),
        'naive',
      ).map((l) => {
        const r = parse(l);
        if (r.type !== 'end') return l;
        delete r.signature;
        return JSON.stringify(r);
      }),
      0,
    );
    const fixed = rechainFrom(
      stripped.map((l, k) => {
        const r = parse(l);
        r.seq = k;
        return JSON.stringify(r);
      }),
      0,
    );
    const { findings } = await verifyLines(fixed);
    expect(findings.map((f) => [f.line, f.kind, f.field])).toEqual([[1, 'key', 'signing']]);
  });

  it('a checkpoint removed and the chain rebuilt → a gap of more than N rounds without a signature', async () => {
    const k = lines.findIndex((l) => parse(l).type === 'checkpoint');
    const removed = lines.filter((_, j) => j !== k);
    const renumbered = rechainFrom(
      removed.map((l, j) => {
        const r = parse(l);
        r.seq = j;
        return JSON.stringify(r);
      }),
      0,
    );
    const { findings } = await verifyLines(renumbered);
    expect(
      findings.some(
        (f) => f.kind === 'signature' && /more than 5 rounds since the last signature/.test(f.message),
      ),
    ).toBe(true);
  });
});
