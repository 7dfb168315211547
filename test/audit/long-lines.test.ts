/**
 * Whatever `play` writes, `verify` and `recall` read: a round of 10,000 free spins (the most a
 * game may have) is a line of ~9 MB, past the 8 MiB the reader once refused.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import { MAX_LINE_BYTES } from '../../src/audit/format.js';
import { parseGame, sha256Hex } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { RoundService } from '../../src/service/round-service.js';
import { longRoundGameText } from './long-round-game.js';
import { brief, readLines, tempDir, verify } from './make-log.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('long round lines', () => {
  it('a round of 10,000 free spins (a ~9 MB line) is written, verified and recalled', async () => {
    const text = longRoundGameText(10_000);
    const gameFile = join(tmp.dir, 'long.json');
    writeFileSync(gameFile, text);
    const game = parseGame(text, { file: gameFile, variant: null, sha256: sha256Hex(text) });
    const log = join(tmp.dir, 'long.jsonl');
    const ledgerPath = join(tmp.dir, 'long.ledger.jsonl');
    const wallet = await LedgerWallet.open(ledgerPath, { mode: 'create', fsync: false });
    await wallet.deposit({ ref: 'deposit/p', player: 'p', amount: 10 });
    const rng = createRng('aes-128-ctr', 'long-lines', 0);
    const audit = await AuditLogWriter.create({ path: log, game, rng: rng.algorithm, fsync: false });
    const service = new RoundService({ game, wallet, audit, rng, newRoundId: () => 'long-1' });
    const session = service.openSession('p');
    const result = await service.playRound({ session: session.id, bet: 1 });
    await audit.close();
    await wallet.close();
    expect(result.status).toBe('played');
    if (result.status === 'played') expect(result.outcome.freeSpins!.spins).toHaveLength(10_000);
    const line = readLines(log)[1]!;
    expect(Buffer.byteLength(line)).toBeGreaterThan(8 * 1024 * 1024);
    expect(Buffer.byteLength(line)).toBeLessThan(MAX_LINE_BYTES);
    expect(statSync(log).size).toBeGreaterThan(8 * 1024 * 1024);

    const { report, findings } = await verify(log, text, { ledger: ledgerPath, watchRound: 'long-1' });
    expect(brief(findings)).toEqual([]);
    expect(report.rounds).toMatchObject({ total: 1, replayed: 1 });
    expect(report.watched?.record?.roundId).toBe('long-1');
    expect(report.watched?.replayed?.freeSpins?.spins).toHaveLength(10_000);
  });
});
