import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLogWriter, type AuditSink } from '../../src/audit/audit-log-writer.js';
import type { RoundInput, VoidInput } from '../../src/audit/record-builder.js';
import { playRoundV1 } from '../../src/engine/round.js';
import { createRng, type Rng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import {
  RoundService,
  roundRefs,
  type PendingTransaction,
  type RoundResult,
} from '../../src/service/round-service.js';
import type { RollbackRequest, TransferRequest, Wallet, WalletResult } from '../../src/service/wallet.js';
import { FailingRng, fixtureGame, readLines, tempDir, verify } from '../audit/make-log.js';
import { FIXTURE_TEXT } from '../audit/fixture-game.js';

const game = fixtureGame();
const BET = game.betCredits;
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('slotsim-service-');
});
afterEach(() => tmp.remove());

/** A wallet that fails (rejects) on chosen calls, to exercise retries; otherwise a ledger wallet. */
class FlakyWallet implements Wallet {
  readonly calls: string[] = [];
  constructor(
    readonly inner: LedgerWallet,
    private readonly fails: (op: string, attempt: number) => boolean,
  ) {}
  private attempts = new Map<string, number>();
  private async run(op: string, ref: string, call: () => Promise<WalletResult>): Promise<WalletResult> {
    const n = (this.attempts.get(ref) ?? 0) + 1;
    this.attempts.set(ref, n);
    this.calls.push(`${op} ${ref} #${n}`);
    // The call reaches the wallet, then the answer is lost: a retry must not move money twice.
    const result = await call();
    if (this.fails(op, n)) throw new Error(`${op} timed out`);
    return result;
  }
  debit(r: TransferRequest) {
    return this.run('debit', r.ref, () => this.inner.debit(r));
  }
  credit(r: TransferRequest) {
    return this.run('credit', r.ref, () => this.inner.credit(r));
  }
  rollback(r: RollbackRequest) {
    return this.run('rollback', r.ref, () => this.inner.rollback(r));
  }
  balance(player: string) {
    return this.inner.balance(player);
  }
}

/** A wallet that is down for the operations named. */
class DownWallet implements Wallet {
  constructor(
    readonly inner: LedgerWallet,
    private readonly down: ReadonlySet<string>,
  ) {}
  debit(r: TransferRequest) {
    return this.down.has('debit') ? Promise.reject(new Error('debit: wallet down')) : this.inner.debit(r);
  }
  credit(r: TransferRequest) {
    return this.down.has('credit') ? Promise.reject(new Error('credit: wallet down')) : this.inner.credit(r);
  }
  rollback(r: RollbackRequest) {
    return this.down.has('rollback')
      ? Promise.reject(new Error('rollback: wallet down'))
      : this.inner.rollback(r);
  }
  balance(player: string) {
    return this.inner.balance(player);
  }
}

interface Setup {
  service: RoundService;
  ledger: LedgerWallet;
  audit: AuditLogWriter;
  log: string;
  ledgerPath: string;
  pending: PendingTransaction[];
  close: () => Promise<void>;
}

async function setup(
  options: { rng?: Rng; wallet?: (l: LedgerWallet) => Wallet; balance?: number; players?: string[] } = {},
): Promise<Setup> {
  const log = join(tmp.dir, 'log.jsonl');
  const ledgerPath = join(tmp.dir, 'ledger.jsonl');
  const ledger = await LedgerWallet.open(ledgerPath, { mode: 'create', fsync: false });
  for (const player of options.players ?? ['alice'])
    await ledger.deposit({ ref: `deposit/${player}`, player, amount: options.balance ?? 10_000 });
  const rng = options.rng ?? createRng('aes-128-ctr', 'service', 0);
  const audit = await AuditLogWriter.create({ path: log, game, rng: rng.algorithm, fsync: false });
  const pending: PendingTransaction[] = [];
  let n = 0;
  const service = new RoundService({
    game,
    wallet: options.wallet?.(ledger) ?? ledger,
    audit,
    rng,
    newRoundId: () => `round-${++n}`,
    sleep: () => Promise.resolve(),
    retry: { attempts: 3, delayMs: 0 },
    onPending: (p) => pending.push(p),
  });
  return {
    service,
    ledger,
    audit,
    log,
    ledgerPath,
    pending,
    close: async () => {
      await audit.close();
      await ledger.close();
    },
  };
}

async function verifyBoth(s: Setup) {
  return verify(s.log, FIXTURE_TEXT, { ledger: s.ledgerPath });
}

describe('the round service', () => {
  it('debits the stake, plays on the injected generator, credits the win and logs the round', async () => {
    const s = await setup();
    const session = s.service.openSession('alice', 'sess-1');
    const results: RoundResult[] = [];
    for (let i = 0; i < 40; i++) results.push(await s.service.playRound({ session: session.id, bet: BET }));
    await s.close();
    // The same generator played directly gives the same rounds.
    const direct = createRng('aes-128-ctr', 'service', 0);
    let balance = 10_000;
    for (const [i, r] of results.entries()) {
      expect(r.status).toBe('played');
      if (r.status !== 'played') continue;
      const expected = playRoundV1(game, direct);
      expect(r.outcome).toEqual(expected);
      expect(r.balance).toEqual({ before: balance, after: balance - BET + expected.total });
      expect(r.credit).toBe(expected.total > 0 ? 'paid' : 'none');
      expect(r.seq).toBe(i + 1);
      balance = r.balance.after;
    }
    expect(await s.ledger.balance('alice')).toBe(balance);
    const { findings, report } = await verifyBoth(s);
    expect(findings).toEqual([]);
    expect(report.rounds.replayed).toBe(40);
    const record = JSON.parse(readLines(s.log)[1]!) as {
      tx: { debit: { ref: string } };
      session: string;
      rng: string;
    };
    expect(record.tx.debit.ref).toBe(roundRefs('round-1').debit);
    expect(record.session).toBe('sess-1');
    expect(record.rng).toBe('aes-128-ctr');
  });

  it('refuses a wrong bet, an unknown or closed session and insufficient funds, moving and logging nothing', async () => {
    const s = await setup();
    await s.ledger.deposit({ ref: 'deposit/poor', player: 'poor', amount: BET - 1 });
    const session = s.service.openSession('alice');
    const poor = s.service.openSession('poor');
    expect(await s.service.playRound({ session: session.id, bet: BET - 1 })).toMatchObject({
      status: 'refused',
      reason: 'bad-bet',
    });
    expect(await s.service.playRound({ session: 'nope', bet: BET })).toMatchObject({
      status: 'refused',
      reason: 'unknown-session',
    });
    expect(await s.service.playRound({ session: poor.id, bet: BET })).toMatchObject({
      status: 'refused',
      reason: 'insufficient-funds',
    });
    expect((await s.service.playRound({ session: session.id, bet: BET })).status).toBe('played');
    s.service.closeSession(session.id);
    expect(await s.service.playRound({ session: session.id, bet: BET })).toMatchObject({
      status: 'refused',
      reason: 'session-closed',
    });
    expect(() => s.service.openSession('bob', session.id)).toThrow(/already exists/);
    await s.close();
    expect(readLines(s.log)).toHaveLength(3); // header, one round, end
    expect(await s.ledger.balance('poor')).toBe(BET - 1);
    expect((await verifyBoth(s)).findings).toEqual([]);
  });

  it('rolls the debit back when the engine fails, logs a void round that verifies, and stops', async () => {
    const s = await setup({ rng: new FailingRng(createRng('aes-128-ctr', 'fail', 0), 3) });
    const session = s.service.openSession('alice');
    const voided = await s.service.playRound({ session: session.id, bet: BET });
    expect(voided).toMatchObject({ status: 'voided', rollback: 'done' });
    if (voided.status === 'voided') expect(voided.reason).toContain('injected generator failure');
    expect(await s.ledger.balance('alice')).toBe(10_000);
    // The service stops: the next round is refused, and no money moves for it.
    expect(s.service.stopped).toMatchObject({ code: 'INTERNAL' });
    expect(s.service.stopped!.message).toContain('injected generator failure');
    expect(await s.service.playRound({ session: session.id, bet: BET })).toMatchObject({
      status: 'refused',
      reason: 'service-stopped',
    });
    expect(await s.ledger.balance('alice')).toBe(10_000);
    await s.close();
    const record = JSON.parse(readLines(s.log)[1]!) as Record<string, unknown>;
    expect(record).toMatchObject({
      type: 'void',
      balance: { before: 10_000, after: 10_000 },
      tx: { debit: { status: 'done' }, rollback: { amount: BET, status: 'done' } },
    });
    expect((record.draws as unknown[]).length).toBe(2);
    expect((await verifyBoth(s)).findings).toEqual([]);
  });

  it('retries a wallet whose answers are lost, with the same references: money moves once', async () => {
    const s = await setup({ wallet: (l) => new FlakyWallet(l, (_op, attempt) => attempt < 3) });
    const session = s.service.openSession('alice');
    const results: RoundResult[] = [];
    for (let i = 0; i < 15; i++) results.push(await s.service.playRound({ session: session.id, bet: BET }));
    await s.close();
    expect(results.every((r) => r.status === 'played')).toBe(true);
    const last = results.at(-1)!;
    expect(last.status === 'played' && last.balance.after).toBe(await s.ledger.balance('alice'));
    expect((await verifyBoth(s)).findings).toEqual([]);
  });

  it('records a credit that fails every retry as pending, tells onPending, and verify reports it owed', async () => {
    const s = await setup({ wallet: (l) => new DownWallet(l, new Set(['credit'])) });
    const session = s.service.openSession('alice');
    let result: RoundResult | null = null;
    for (
      let i = 0;
      i < 200 && (result === null || result.status !== 'played' || result.credit !== 'pending');
      i++
    ) {
      result = await s.service.playRound({ session: session.id, bet: BET });
    }
    await s.close();
    expect(result).toMatchObject({ status: 'played', credit: 'pending' });
    expect(s.pending.length).toBeGreaterThan(0);
    expect(s.pending[0]).toMatchObject({ kind: 'credit', player: 'alice' });
    const { findings } = await verifyBoth(s);
    expect(findings.length).toBe(s.pending.length);
    expect(findings.every((f) => f.kind === 'unsettled' && f.field === 'tx.credit.status')).toBe(true);
  });

  it('when the debit cannot be confirmed, rolls its reference back (closing it) and logs a void round', async () => {
    const s = await setup({ wallet: (l) => new DownWallet(l, new Set(['debit'])) });
    const session = s.service.openSession('alice');
    const r = await s.service.playRound({ session: session.id, bet: BET });
    expect(r).toMatchObject({ status: 'voided', rollback: 'done' });
    // The debit that might still arrive late is refused.
    expect(
      await s.ledger.debit({ ref: roundRefs('round-1').debit, player: 'alice', amount: BET }),
    ).toMatchObject({ status: 'refused', reason: 'rolled-back' });
    await s.close();
    const record = JSON.parse(readLines(s.log)[1]!) as Record<string, unknown>;
    expect(record).toMatchObject({
      type: 'void',
      tx: { debit: { status: 'failed' }, rollback: { amount: 0, status: 'done' } },
    });
    expect((await verifyBoth(s)).findings).toEqual([]);
  });

  it('when the rollback also fails, the stake is recorded as owed', async () => {
    const s = await setup({
      rng: new FailingRng(createRng('aes-128-ctr', 'fail', 0), 1),
      wallet: (l) => new DownWallet(l, new Set(['rollback'])),
    });
    const session = s.service.openSession('alice');
    expect(await s.service.playRound({ session: session.id, bet: BET })).toMatchObject({
      status: 'voided',
      rollback: 'pending',
    });
    expect(s.pending).toMatchObject([{ kind: 'rollback', amount: BET }]);
    await s.close();
    const { findings } = await verifyBoth(s);
    expect(findings.map((f) => f.kind)).toEqual(['unsettled']);
  });

  it("serialises one player's concurrent rounds (balance before = previous balance after), and runs players side by side", async () => {
    const s = await setup({ players: ['alice', 'bob'], balance: 100 * BET });
    const a = s.service.openSession('alice');
    const b = s.service.openSession('bob');
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        s.service.playRound({ session: i % 3 === 0 ? b.id : a.id, bet: BET }),
      ),
    );
    await s.close();
    expect(
      results.every(
        (r) => r.status === 'played' || (r.status === 'refused' && r.reason === 'insufficient-funds'),
      ),
    ).toBe(true);
    for (const player of ['alice', 'bob']) {
      const mine = readLines(s.log)
        .map(
          (l) =>
            JSON.parse(l) as { type: string; player?: string; balance?: { before: number; after: number } },
        )
        .filter((r) => r.type === 'round' && r.player === player);
      for (let i = 1; i < mine.length; i++)
        expect(mine[i]!.balance!.before).toBe(mine[i - 1]!.balance!.after);
      expect(mine.every((r) => r.balance!.after >= 0)).toBe(true);
    }
    expect((await verifyBoth(s)).findings).toEqual([]);
  });

  it('rejects the round when the audit log cannot be written (the money moved is left for verify --ledger)', async () => {
    const failing: AuditSink = {
      appendRound: (_input: RoundInput) => Promise.reject(new Error('disk full')),
      appendVoid: (_input: VoidInput) => Promise.reject(new Error('disk full')),
    };
    const ledger = await LedgerWallet.open(join(tmp.dir, 'l.jsonl'), { mode: 'create', fsync: false });
    await ledger.deposit({ ref: 'd', player: 'alice', amount: 1000 });
    const service = new RoundService({
      game,
      wallet: ledger,
      audit: failing,
      rng: createRng('aes-128-ctr', 'x', 0),
    });
    const session = service.openSession('alice');
    await expect(service.playRound({ session: session.id, bet: BET })).rejects.toThrow('disk full');
    await ledger.close();
  });

  it('uses the production CSPRNG when no generator is given', async () => {
    const ledger = await LedgerWallet.open(join(tmp.dir, 'l.jsonl'), { mode: 'create', fsync: false });
    await ledger.deposit({ ref: 'd', player: 'alice', amount: 1000 });
    const log = join(tmp.dir, 'prod.jsonl');
    const audit = await AuditLogWriter.create({ path: log, game, rng: 'crypto', fsync: true });
    const service = new RoundService({ game, wallet: ledger, audit });
    const session = service.openSession('alice');
    for (let i = 0; i < 5; i++)
      expect((await service.playRound({ session: session.id, bet: BET })).status).toBe('played');
    await audit.close();
    await ledger.close();
    expect((JSON.parse(readLines(log)[1]!) as { rng: string }).rng).toBe('crypto');
    expect((await verify(log, FIXTURE_TEXT, { ledger: join(tmp.dir, 'l.jsonl') })).findings).toEqual([]);
  });
});
