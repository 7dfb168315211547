/**
 * `play` stops at the first failure it cannot go on from, and never leaves a debit without a round:
 * a ledger whose writes fail for real (ENOSPC from /dev/full), an engine failure, a round too long
 * for a log line.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import { playRound } from '../../src/engine/round.js';
import { parseGame, sha256Hex } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { recoverLog } from '../../src/service/recover.js';
import { fillingDisk } from '../audit/filling-disk.js';
import { runPlay } from '../../src/service/play-run.js';
import { RoundService } from '../../src/service/round-service.js';
import { FIXTURE_TEXT } from '../audit/fixture-game.js';
import { longRoundGameText } from '../audit/long-round-game.js';
import { brief, fixtureGame, readLines, tempDir, verify } from '../audit/make-log.js';

const tmp = tempDir('slotsim-stops-');
afterAll(() => tmp.remove());
const game = fixtureGame();

let runs = 0;
async function playOnFillingDisk(healthy: number, seed: string) {
  const name = `fill-${++runs}`;
  const auditLog = join(tmp.dir, `${name}.jsonl`);
  const ledger = join(tmp.dir, `${name}.ledger.jsonl`);
  const report = await runPlay({
    game,
    rounds: 200,
    auditLog,
    ledger,
    players: 1,
    balance: 100_000,
    bet: game.betCredits,
    hmacKey: null,
    fsync: false,
    rng: createRng('aes-128-ctr', seed, 0),
    ledgerStore: fillingDisk(ledger, healthy),
  });
  return { report, auditLog, ledger };
}

describe('a ledger that cannot be written (ENOSPC) stops play at the first failure', () => {
  it('the debit fails: one void round, play stops with the OS reason, and verify --ledger says nothing is owed', async () => {
    // Entry 1 is the deposit, entry 2 the first round's debit: it hits the full disk.
    const { report, auditLog, ledger } = await playOnFillingDisk(1, 'fill-debit');
    expect(report.stopped?.code).toBe('BAD_FILE');
    expect(report.stopped?.message).toContain(ledger);
    expect(report.stopped?.message).toContain('no space left on device (ENOSPC)');
    expect(report.rounds).toMatchObject({ played: 0, voided: 1, requested: 200 });
    expect(report.sealed).toBe(false);
    const records = readLines(auditLog).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.type)).toEqual(['header', 'void']);
    expect(records[1]).toMatchObject({
      tx: { debit: { status: 'failed' }, rollback: { status: 'pending' } },
    });
    expect(readLines(ledger)).toHaveLength(1);

    const withLedger = await verify(auditLog, FIXTURE_TEXT, { ledger });
    expect(brief(withLedger.findings)).toEqual(['log:3 truncated ']);
    expect(withLedger.report.rounds.nothingOwed).toBe(1);
    // Without the ledger nobody can tell: the stake may be owed.
    const without = await verify(auditLog, FIXTURE_TEXT);
    const unsettled = without.findings.filter((f) => f.kind === 'unsettled');
    expect(unsettled).toHaveLength(1);
    expect(unsettled[0]!.message).toContain('may be owed');

    // Space freed: recover closes the debit's reference (nothing owed) and seals both files.
    const recovered = await recoverLog({ log: auditLog, ledger, hmacKey: null, signing: null, fsync: false });
    expect(recovered.rounds).toMatchObject([
      { action: 'closed', logged: 'void', moved: { type: 'rollback', amount: 0 } },
    ]);
    expect(brief((await verify(auditLog, FIXTURE_TEXT, { ledger })).findings)).toEqual([]);
  });

  it('the credit of a win fails: the round is logged with its credit pending, play stops, and the win is owed', async () => {
    // The first round that wins: its credit is entry 1 (deposit) + its index + 1 (debits) + 1.
    const rng = createRng('aes-128-ctr', 'fill-credit', 0);
    let first = 0;
    while (playRound(game, rng).total === 0) first++;
    const { report, auditLog, ledger } = await playOnFillingDisk(first + 2, 'fill-credit');
    expect(report.stopped?.message).toContain('no space left on device (ENOSPC)');
    expect(report.rounds).toMatchObject({ played: first + 1, voided: 0 });
    expect(report.pending.count).toBe(1);
    expect(report.sealed).toBe(false);
    const { findings } = await verify(auditLog, FIXTURE_TEXT, { ledger });
    expect(findings.map((f) => f.kind).sort()).toEqual(['truncated', 'unsettled']);
    expect(findings.find((f) => f.kind === 'unsettled')!.line).toBe(first + 2);

    // Space freed: recover pays the win and seals both files.
    const recovered = await recoverLog({ log: auditLog, ledger, hmacKey: null, signing: null, fsync: false });
    expect(recovered.rounds).toMatchObject([{ action: 'paid', logged: 'round', moved: { type: 'credit' } }]);
    expect(brief((await verify(auditLog, FIXTURE_TEXT, { ledger })).findings)).toEqual([]);
  });
});

describe('a failure after the debit never leaves a debit without a round', () => {
  it('a round too long for a log line is voided, its stake returned, and the service stops', async () => {
    const text = longRoundGameText(2_000);
    const long = parseGame(text, { file: 'long.json', variant: null, sha256: sha256Hex(text) });
    const log = join(tmp.dir, 'too-long.jsonl');
    const ledgerPath = join(tmp.dir, 'too-long.ledger.jsonl');
    const wallet = await LedgerWallet.open(ledgerPath, { mode: 'create', fsync: false });
    await wallet.deposit({ ref: 'deposit/p', player: 'p', amount: 10 });
    const rng = createRng('aes-128-ctr', 'too-long', 0);
    const audit = await AuditLogWriter.create({ path: log, game: long, rng: rng.algorithm, fsync: false });
    // 2,000 free spins make a record of ~1.8 MB; this service's lines hold at most 1 MiB.
    const service = new RoundService({ game: long, wallet, audit, rng, maxRecordBytes: 1024 * 1024 });
    const session = service.openSession('p');
    const result = await service.playRound({ session: session.id, bet: 1 });
    expect(result).toMatchObject({ status: 'voided', rollback: 'done' });
    expect(service.stopped).toMatchObject({ code: 'INVALID_GAME' });
    expect(service.stopped!.message).toMatch(/more than the 1 MiB a log line may hold \(2000 free spins/);
    expect(await wallet.balance('p')).toBe(10);
    expect((await service.playRound({ session: session.id, bet: 1 })).status).toBe('refused');
    await audit.close();
    await wallet.close();
    const { findings, report } = await verify(log, text, { ledger: ledgerPath });
    expect(brief(findings)).toEqual([]);
    expect(report.rounds).toMatchObject({ total: 1, voided: 1 });
  });
});
