/**
 * Test logs written through the real production path — round service, ledger wallet, audit log
 * writer — with a seeded generator instead of the CSPRNG, so a log's rounds are reproducible.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import { verifyAuditLog, type VerifyOptions, type VerifyReport } from '../../src/audit/verify-log.js';
import type { Finding } from '../../src/audit/finding.js';
import type { Game } from '../../src/engine/model.js';
import { parseGame, sha256Hex } from '../../src/game/index.js';
import { createRng, type Rng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { RoundService, type RoundResult } from '../../src/service/round-service.js';
import { FIXTURE_TEXT } from './fixture-game.js';

export function tempDir(prefix = 'slotsim-audit-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fixtureGame(variant: string | null = null, text = FIXTURE_TEXT): Game {
  return parseGame(text, { file: 'fixture.json', variant, sha256: sha256Hex(text) });
}

/** Draws from `inner`, but throws on the `failAt`-th draw (1-based): that round's engine fails. */
export class FailingRng implements Rng {
  readonly algorithm: string;
  private count = 0;

  constructor(
    private readonly inner: Rng,
    private readonly failAt: number,
  ) {
    this.algorithm = inner.algorithm;
  }

  int(bound: number): number {
    if (++this.count === this.failAt) throw new Error(`injected generator failure at draw ${this.failAt}`);
    return this.inner.int(bound);
  }
}

export interface MadeLog {
  readonly dir: string;
  readonly log: string;
  readonly ledger: string;
  readonly gameFile: string;
  readonly gameText: string;
  readonly results: readonly RoundResult[];
}

export interface MakeLogOptions {
  readonly dir: string;
  readonly seed: string;
  readonly players?: number;
  readonly roundsPerPlayer?: number;
  readonly hmacKey?: Uint8Array | null;
  readonly variant?: string | null;
  /** Fail the generator on this draw (a void round). */
  readonly failAtDraw?: number;
  readonly balance?: number;
  readonly name?: string;
  /** The game file's text (default: the format-1 fixture game). */
  readonly gameText?: string;
  /** The bet mode played (format-2 games; default "base"). */
  readonly mode?: string;
}

/** Plays `players` × `roundsPerPlayer` rounds concurrently through the round service. */
export async function makeLog(options: MakeLogOptions): Promise<MadeLog> {
  const name = options.name ?? 'run';
  const gameFile = join(options.dir, `${name}.game.json`);
  const gameText = options.gameText ?? FIXTURE_TEXT;
  writeFileSync(gameFile, gameText);
  const game = parseGame(gameText, {
    file: gameFile,
    variant: options.variant ?? null,
    mode: options.mode ?? 'base',
    sha256: sha256Hex(gameText),
  });
  const log = join(options.dir, `${name}.jsonl`);
  const ledger = join(options.dir, `${name}.ledger.jsonl`);
  const seeded = createRng('aes-128-ctr', options.seed, 0);
  const rng = options.failAtDraw === undefined ? seeded : new FailingRng(seeded, options.failAtDraw);
  const wallet = await LedgerWallet.open(ledger, { mode: 'create', fsync: false });
  const audit = await AuditLogWriter.create({
    path: log,
    game,
    rng: rng.algorithm,
    hmacKey: options.hmacKey ?? null,
    fsync: false,
    gameText,
  });
  let n = 0;
  const players = options.players ?? 3;
  const rounds = options.roundsPerPlayer ?? 20;
  // A failed round stops the service; as a server would be, it is restarted (a new service on the
  // same wallet and log, the sessions opened again) and play goes on.
  const start = (): RoundService => {
    const started = new RoundService({ game, wallet, audit, rng, newRoundId: () => `${name}-round-${++n}` });
    for (let i = 0; i < players; i++) started.openSession(`player-${i + 1}`, `session-${i + 1}`);
    return started;
  };
  let service = start();
  const results: RoundResult[] = [];
  await Promise.all(
    Array.from({ length: players }, async (_, i) => {
      const player = `player-${i + 1}`;
      await wallet.deposit({ ref: `deposit/${player}`, player, amount: options.balance ?? 1_000_000 });
      for (let k = 0; k < rounds; k++) {
        let result = await service.playRound({ session: `session-${i + 1}`, bet: game.cost });
        if (result.status === 'refused' && result.reason === 'service-stopped') {
          if (service.stopped !== null) service = start();
          result = await service.playRound({ session: `session-${i + 1}`, bet: game.cost });
        }
        results.push(result);
      }
    }),
  );
  await audit.close();
  await wallet.close();
  return { dir: options.dir, log, ledger, gameFile, gameText, results };
}

export interface Verified {
  readonly report: VerifyReport;
  readonly findings: readonly Finding[];
}

/** Verifies a log file, collecting every finding. */
export async function verify(
  log: string,
  gameText: string,
  options: Partial<Omit<VerifyOptions, 'log' | 'game' | 'onFinding'>> = {},
): Promise<Verified> {
  const findings: Finding[] = [];
  const report = await verifyAuditLog({
    log,
    game: { path: 'fixture.json', text: gameText, sha256: sha256Hex(gameText) },
    ...options,
    onFinding: (f) => findings.push(f),
  });
  return { report, findings };
}

/** A log's lines, without the final empty string. */
export function readLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function writeLines(path: string, lines: readonly string[]): void {
  writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
}

/** A compact view of findings for assertion messages. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.source}:${f.line} ${f.kind} ${f.field ?? ''}`);
}
