/**
 * `verify --ledger` holds the wallet's balances against the log's: a ledger rewritten so that its own
 * running balances still add up (an inflated deposit, an inserted withdrawal) must not verify.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVerify } from '../../src/report/verify-text.js';
import { parse, type Json } from './edit-log.js';
import { brief, makeLog, readLines, tempDir, verify, writeLines, type MadeLog } from './make-log.js';

const tmp = tempDir();
const KEY = Buffer.alloc(32, 3);
const logs: Record<'plain' | 'hmac', MadeLog> = {} as Record<'plain' | 'hmac', MadeLog>;

beforeAll(async () => {
  logs.plain = await makeLog({
    dir: tmp.dir,
    seed: 'bal-1',
    players: 2,
    roundsPerPlayer: 30,
    balance: 1000,
    name: 'plain',
  });
  logs.hmac = await makeLog({
    dir: tmp.dir,
    seed: 'bal-2',
    players: 2,
    roundsPerPlayer: 30,
    balance: 1000,
    hmacKey: KEY,
    name: 'hmac',
  });
});
afterAll(() => tmp.remove());

/** Renumbers the entries and recomputes every running balance: a ledger that adds up on its own. */
function consistent(entries: readonly Json[]): string[] {
  const balances = new Map<string, number>();
  return entries.map((e, i) => {
    const sign = e.type === 'withdrawal' || e.type === 'debit' ? -1 : 1;
    const balance = (balances.get(e.player as string) ?? 0) + sign * (e.amount as number);
    balances.set(e.player as string, balance);
    return JSON.stringify({ ...e, seq: i + 1, balance });
  });
}

let counter = 0;
async function verifyWithLedger(made: MadeLog, ledgerLines: readonly string[]) {
  const ledger = join(tmp.dir, `tampered-${++counter}.ledger.jsonl`);
  writeLines(ledger, ledgerLines);
  return verify(made.log, made.gameText, {
    ledger,
    ...(made === logs.hmac ? { hmacKey: KEY } : {}),
  });
}

describe.each(['plain', 'hmac'] as const)("the wallet's balances against the log's (%s chain)", (kind) => {
  it('the genuine ledger verifies, and its deposits are listed in the summary', async () => {
    const made = logs[kind];
    const { report, findings } = await verify(made.log, made.gameText, {
      ledger: made.ledger,
      ...(kind === 'hmac' ? { hmacKey: KEY } : {}),
    });
    expect(brief(findings)).toEqual([]);
    expect(report.ledger!.movements.map((m) => [m.type, m.player, m.amount])).toEqual([
      ['deposit', 'player-1', 1000],
      ['deposit', 'player-2', 1000],
    ]);
    const text = renderVerify(report);
    expect(text).toMatch(/ledger line 1: deposit deposit\/player-1 of 1,000 to player-1 → balance 1,000/);
    expect(text).toContain('VERIFIED');
  });

  it('an inflated deposit (+100,000) with every later balance rewritten to match → FAILED at the rounds', async () => {
    const made = logs[kind];
    const entries = readLines(made.ledger).map(parse);
    const i = entries.findIndex((e) => e.type === 'deposit' && e.player === 'player-1');
    entries[i] = { ...entries[i]!, amount: (entries[i]!.amount as number) + 100_000 };
    const { report, findings } = await verifyWithLedger(made, consistent(entries));
    expect(report.ok).toBe(false);
    const mismatches = findings.filter(
      (f) => f.kind === 'ledger-mismatch' && f.field?.startsWith('balance.'),
    );
    // Every game movement of player-1 now disagrees with the log, by exactly 100,000.
    expect(mismatches.length).toBeGreaterThanOrEqual(30);
    for (const f of mismatches) expect((f.recorded as number) - (f.expected as number)).toBe(100_000);
    expect(report.ledger!.movements.find((m) => m.player === 'player-1')!.amount).toBe(101_000);
    expect(renderVerify(report)).toContain('of 101,000 to player-1');
    expect(renderVerify(report)).toContain('FAILED');
  });

  it('an inserted withdrawal that leaves the player at −535 → a negative balance and mismatches', async () => {
    const made = logs[kind];
    const entries = readLines(made.ledger).map(parse);
    // Withdraw, right after the deposits, what player-2 holds at the end plus 535: the ledger's
    // final balance for player-2 becomes −535.
    const final = entries.filter((e) => e.player === 'player-2').at(-1)!.balance as number;
    const at = entries.findIndex((e) => e.type === 'deposit' && e.player === 'player-2') + 1;
    entries.splice(at, 0, {
      amount: final + 535,
      at: entries[at]!.at,
      balance: 0,
      player: 'player-2',
      ref: 'withdrawal/player-2',
      seq: 0,
      type: 'withdrawal',
    });
    const tampered = consistent(entries);
    expect(parse(tampered.filter((l) => l.includes('"player-2"')).at(-1)!).balance).toBe(-535);
    const { report, findings } = await verifyWithLedger(made, tampered);
    expect(report.ok).toBe(false);
    expect(
      findings.some((f) => f.source === 'ledger' && f.kind === 'ledger-entry' && f.recorded === -535),
    ).toBe(true);
    expect(findings.some((f) => f.kind === 'ledger-mismatch' && f.field === 'balance.before')).toBe(true);
    expect(report.ledger!.negativeBalances).toBeGreaterThan(0);
    expect(report.ledger!.movements.map((m) => m.type)).toContain('withdrawal');
    expect(renderVerify(report)).toMatch(/withdrawal withdrawal\/player-2 of [\d,]+ from player-2/);
  });
});
