import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeLedgerEntry, directionOf, type LedgerEntry } from '../../src/audit/ledger-format.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import type { WalletResult } from '../../src/service/wallet.js';
import { tempDir } from '../audit/make-log.js';

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir('slotsim-wallet-');
  path = join(tmp.dir, 'ledger.jsonl');
});
afterEach(() => tmp.remove());

function entries(file = path): LedgerEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const d = decodeLedgerEntry(JSON.parse(l));
      if (!d.ok) throw new Error(JSON.stringify(d.problems));
      return d.entry;
    });
}

/** The running balances of a ledger file must follow from its entries, and never go negative. */
function expectConsistent(list: readonly LedgerEntry[]): void {
  const balances = new Map<string, number>();
  list.forEach((e, i) => {
    expect(e.seq).toBe(i + 1);
    const b = (balances.get(e.player) ?? 0) + directionOf(e.type) * e.amount;
    expect(e.balance).toBe(b);
    expect(b).toBeGreaterThanOrEqual(0);
    balances.set(e.player, b);
  });
  expect(new Set(list.map((e) => e.ref)).size).toBe(list.length);
}

const ok = (r: WalletResult) => {
  if (r.status !== 'ok') throw new Error(`refused: ${r.message}`);
  return r;
};

async function funded(amount = 100): Promise<LedgerWallet> {
  const wallet = await LedgerWallet.open(path, { fsync: false });
  ok(await wallet.deposit({ ref: 'dep', player: 'p', amount }));
  return wallet;
}

describe('the ledger wallet', () => {
  it('debits and credits; balances derive from the append-only entries', async () => {
    const wallet = await funded();
    expect(ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 })).balance).toBe(80);
    expect(ok(await wallet.credit({ ref: 'r1/credit', player: 'p', amount: 55 })).balance).toBe(135);
    expect(await wallet.balance('p')).toBe(135);
    expect(await wallet.balance('nobody')).toBe(0);
    await wallet.close();
    const list = entries();
    expect(list.map((e) => [e.type, e.amount, e.balance])).toEqual([
      ['deposit', 100, 100],
      ['debit', 20, 80],
      ['credit', 55, 135],
    ]);
    expectConsistent(list);
  });

  it('refuses a debit beyond the balance, and writes nothing for it', async () => {
    const wallet = await funded(30);
    const r = await wallet.debit({ ref: 'big', player: 'p', amount: 31 });
    expect(r).toMatchObject({ status: 'refused', reason: 'insufficient-funds' });
    expect(await wallet.balance('p')).toBe(30);
    for (const amount of [0, -5, 1.5, Number.NaN]) {
      expect(await wallet.debit({ ref: `bad-${amount}`, player: 'p', amount })).toMatchObject({
        status: 'refused',
        reason: 'invalid-amount',
      });
    }
    await wallet.close();
    expect(entries()).toHaveLength(1);
  });

  it('is idempotent by reference: a repeat returns the first result and moves no money', async () => {
    const wallet = await funded();
    const first = ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 }));
    ok(await wallet.debit({ ref: 'r2/debit', player: 'p', amount: 10 }));
    const again = ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await wallet.balance('p')).toBe(70);
    // The same reference for another request is refused, whatever it is.
    for (const attempt of [
      () => wallet.debit({ ref: 'r1/debit', player: 'p', amount: 21 }),
      () => wallet.debit({ ref: 'r1/debit', player: 'q', amount: 20 }),
      () => wallet.credit({ ref: 'r1/debit', player: 'p', amount: 20 }),
    ]) {
      expect(await attempt()).toMatchObject({ status: 'refused', reason: 'reference-conflict' });
    }
    await wallet.close();
    expect(entries()).toHaveLength(3);
  });

  it('serialises 200 concurrent debits on one balance: none overdraws, none is spent twice', async () => {
    const wallet = await funded(1000);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => wallet.debit({ ref: `d${i}`, player: 'p', amount: 10 })),
    );
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(100);
    expect(results.filter((r) => r.status === 'refused' && r.reason === 'insufficient-funds')).toHaveLength(
      100,
    );
    expect(await wallet.balance('p')).toBe(0);
    await wallet.close();
    const list = entries();
    expect(list).toHaveLength(101);
    expectConsistent(list);
  });

  it('the same reference sent 50 times at once moves money once', async () => {
    const wallet = await funded();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => wallet.debit({ ref: 'once', player: 'p', amount: 7 })),
    );
    expect(results.every((r) => r.status === 'ok' && r.balance === 93)).toBe(true);
    expect(results.filter((r) => r.status === 'ok' && !r.replayed)).toHaveLength(1);
    await wallet.close();
    expect(entries().filter((e) => e.ref === 'once')).toHaveLength(1);
  });

  it('rolls a debit back once; an unknown debit is closed, so a late debit is refused', async () => {
    const wallet = await funded();
    ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 }));
    const back = ok(await wallet.rollback({ ref: 'r1/rollback', player: 'p', of: 'r1/debit' }));
    expect(back).toMatchObject({ amount: 20, balance: 100, replayed: false });
    expect(ok(await wallet.rollback({ ref: 'r1/rollback', player: 'p', of: 'r1/debit' })).replayed).toBe(
      true,
    );
    expect(await wallet.rollback({ ref: 'r1/rollback-2', player: 'p', of: 'r1/debit' })).toMatchObject({
      status: 'refused',
      reason: 'already-rolled-back',
    });
    // The debit never arrived: the rollback returns nothing and closes the reference.
    expect(ok(await wallet.rollback({ ref: 'r2/rollback', player: 'p', of: 'r2/debit' }))).toMatchObject({
      amount: 0,
      balance: 100,
    });
    expect(await wallet.debit({ ref: 'r2/debit', player: 'p', amount: 20 })).toMatchObject({
      status: 'refused',
      reason: 'rolled-back',
    });
    expect(await wallet.rollback({ ref: 'r3/rollback', player: 'q', of: 'dep' })).toMatchObject({
      status: 'refused',
      reason: 'reference-conflict',
    });
    expect(await wallet.balance('p')).toBe(100);
    await wallet.close();
    expectConsistent(entries());
  });

  it('reopens from its file: balances, references and rollbacks survive a restart', async () => {
    const wallet = await funded();
    ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 }));
    ok(await wallet.rollback({ ref: 'r2/rollback', player: 'p', of: 'r2/debit' }));
    await wallet.close();
    const reopened = await LedgerWallet.open(path, { fsync: false });
    expect(await reopened.balance('p')).toBe(80);
    expect(reopened.entries).toBe(3);
    expect(ok(await reopened.debit({ ref: 'r1/debit', player: 'p', amount: 20 })).replayed).toBe(true);
    expect(await reopened.debit({ ref: 'r2/debit', player: 'p', amount: 20 })).toMatchObject({
      status: 'refused',
      reason: 'rolled-back',
    });
    ok(await reopened.credit({ ref: 'r3/credit', player: 'p', amount: 5 }));
    await reopened.close();
    expectConsistent(entries());
  });

  it('does not open a damaged ledger, nor create over an existing one', async () => {
    const wallet = await funded();
    ok(await wallet.debit({ ref: 'r1/debit', player: 'p', amount: 20 }));
    await wallet.close();
    await expect(LedgerWallet.open(path, { mode: 'create' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const good = readFileSync(path, 'utf8');
    const edits: Record<string, string> = {
      'an edited amount': good.replace('"amount":20', '"amount":2'),
      'a cut last line': good.slice(0, -10),
      'a line of garbage': `${good}garbage\n`,
    };
    for (const [what, text] of Object.entries(edits)) {
      writeFileSync(path, text);
      await expect(LedgerWallet.open(path), what).rejects.toMatchObject({ code: 'BAD_FILE' });
    }
  });

  it('with fsync, each operation resolves once its entry is on disk', async () => {
    const wallet = await LedgerWallet.open(path, { fsync: true, mode: 'create' });
    ok(await wallet.deposit({ ref: 'dep', player: 'p', amount: 50 }));
    const pending = wallet.debit({ ref: 'd', player: 'p', amount: 5 });
    ok(await pending);
    expect(entries()).toHaveLength(2);
    await wallet.close();
  });

  it('refuses everything after a failed write (fail-stop)', async () => {
    const wallet = await funded();
    // Close the ledger's file handle under the wallet's feet: the next write fails.
    const internal = wallet as unknown as { file: { handle: { close(): Promise<void> } } };
    await internal.file.handle.close();
    await expect(wallet.debit({ ref: 'x', player: 'p', amount: 1 })).rejects.toThrow();
    await expect(wallet.credit({ ref: 'y', player: 'p', amount: 1 })).rejects.toMatchObject({
      code: 'BAD_FILE',
    });
  });
});
