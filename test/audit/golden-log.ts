/**
 * A fully deterministic log written through the real production path — round service, ledger
 * wallet, audit log writer — with a fixed clock, log id, round ids and a seeded generator, one
 * player at a time (so the order of records and ledger entries never depends on scheduling). The
 * same inputs always give the same bytes: `format1-golden.test.ts` pins a format-1 log written
 * before format 2 came to the production path, byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import type { Game } from '../../src/engine/model.js';
import { createRng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { RoundService } from '../../src/service/round-service.js';
import { FailingRng } from './make-log.js';

export interface GoldenLogOptions {
  readonly dir: string;
  readonly name: string;
  readonly game: Game;
  readonly gameText: string;
  readonly seed: string;
  readonly players: number;
  readonly roundsPerPlayer: number;
  /** Fail the generator on this draw (1-based): that round is voided and the service restarted. */
  readonly failAtDraw?: number;
}

export interface GoldenLog {
  readonly log: string;
  readonly ledger: string;
  readonly gameFile: string;
}

/** Writes `players` × `roundsPerPlayer` rounds, player after player, with a clock that ticks 1 ms per call. */
export async function writeGoldenLog(options: GoldenLogOptions): Promise<GoldenLog> {
  const { dir, name, game } = options;
  const log = join(dir, `${name}.jsonl`);
  const ledger = join(dir, `${name}.ledger.jsonl`);
  const gameFile = join(dir, `${name}.game.json`);
  writeFileSync(gameFile, options.gameText);
  let tick = Date.parse('2026-01-01T00:00:00.000Z');
  const clock = (): Date => new Date(tick++);
  const seeded = createRng('aes-128-ctr', options.seed, 0);
  const rng = options.failAtDraw === undefined ? seeded : new FailingRng(seeded, options.failAtDraw);
  const wallet = await LedgerWallet.open(ledger, { mode: 'create', fsync: false, clock });
  const audit = await AuditLogWriter.create({
    path: log,
    game,
    rng: rng.algorithm,
    hmacKey: null,
    fsync: false,
    gameText: options.gameText,
    clock,
    logId: `${name}-log`,
  });
  let n = 0;
  const start = (): RoundService =>
    new RoundService({ game, wallet, audit, rng, clock, newRoundId: () => `${name}-round-${++n}` });
  let service = start();
  for (let p = 0; p < options.players; p++) {
    const player = `player-${p + 1}`;
    await wallet.deposit({ ref: `deposit/${player}`, player, amount: 1_000_000 });
    service.openSession(player, `session-${p + 1}`);
    for (let k = 0; k < options.roundsPerPlayer; k++) {
      const result = await service.playRound({ session: `session-${p + 1}`, bet: game.cost });
      if (result.status === 'voided') {
        // A failed round stops the service; a server restarts it and play goes on.
        service = start();
        for (let q = 0; q <= p; q++) service.openSession(`player-${q + 1}`, `session-${q + 1}`);
      } else if (result.status === 'refused') {
        throw new Error(`round refused: ${result.message}`);
      }
    }
  }
  const end = await audit.close({ ledgerEntries: wallet.entries });
  await wallet.seal(end);
  return { log, ledger, gameFile };
}
