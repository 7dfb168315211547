import { namedGameIdentity } from '../game/identity.js';
import type { NamedGameIdentity } from '../game/identity.js';
import { existsSync, rmSync } from 'node:fs';
import type { ChainSigning } from '../audit/audit-chain.js';
import { AuditLogWriter } from '../audit/audit-log-writer.js';
import type { ChainMode } from '../audit/format.js';
import type { Game } from '../engine/model.js';
import { isSlotsimError, SlotsimError } from '../errors.js';
import { createProductionRng, type Rng } from '../rng/index.js';
import { LedgerWallet, type LedgerStore } from './ledger-wallet.js';
import { RoundService, type PendingTransaction } from './round-service.js';
import { stakeOf } from '../audit/round-outcome.js';

export interface PlayRunOptions {
  readonly game: Game;
  readonly rounds: number;
  readonly auditLog: string;
  readonly ledger: string;
  readonly players: number;
  /** Each player's opening deposit. */
  readonly balance: number;
  readonly bet: number;
  readonly hmacKey: Uint8Array | null;
  /** Signed checkpoints (play --signing-key). */
  readonly signing?: ChainSigning | null;
  /** The game file's text, for the header's content hash. */
  readonly gameText?: string;
  /** fdatasync every record and ledger entry (default true). */
  readonly fsync?: boolean;
  /** Default: the production CSPRNG. */
  readonly rng?: Rng;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number) => void) | undefined;
  /** Where the ledger's entries go instead of the ledger file (tests: a store whose writes fail). */
  readonly ledgerStore?: LedgerStore;
}

export interface PlayReport {
  readonly game: NamedGameIdentity;
  /** The bet mode played ("base": the game as written) and its cost, the stake of each round. */
  readonly mode: string;
  readonly cost: number;
  readonly auditLog: string;
  readonly ledger: string;
  readonly chain: ChainMode;
  /** The signing key's fingerprint, when checkpoints are signed. */
  readonly signingKeyId: string | null;
  readonly rng: string;
  readonly players: number;
  readonly rounds: {
    readonly requested: number;
    readonly played: number;
    readonly voided: number;
    readonly refused: number;
  };
  readonly staked: number;
  readonly won: number;
  /** Won ÷ staked over the rounds played. */
  readonly rtp: number;
  readonly pending: { readonly count: number; readonly amount: number };
  /** True when the run was stopped early (the log and ledger are closed all the same). */
  readonly interrupted: boolean;
  /**
   * The failure that stopped the run before its rounds were played (a wallet or log that cannot be
   * written, a round the engine could not finish), or null.
   */
  readonly stopped: { readonly code: SlotsimError['code']; readonly message: string } | null;
  /**
   * Whether the log got its end record. It does unless money is left unsettled (a credit or
   * rollback the wallet never confirmed) or the log itself cannot be written: it is then left open
   * for `slotsim recover`, which settles it and seals it.
   */
  readonly sealed: boolean;
  /** The end record's hash: the receipt to keep apart from the files (a later cut of both shows against it). */
  readonly head: string | null;
  readonly elapsedSeconds: number;
  readonly roundsPerSecond: number;
}

/** The ledger's default place: next to the audit log (`x.jsonl` → `x.ledger.jsonl`). */
export function defaultLedgerPath(auditLog: string): string {
  return auditLog.endsWith('.jsonl')
    ? `${auditLog.slice(0, -'.jsonl'.length)}.ledger.jsonl`
    : `${auditLog}.ledger.jsonl`;
}

/** `play` writes a new audit log and ledger: neither may exist. */
export function assertNewFiles(auditLog: string, ledger: string): void {
  for (const path of [auditLog, ledger]) {
    if (existsSync(path))
      throw new SlotsimError(
        'BAD_INPUT',
        `${path} already exists; play writes a new audit log and ledger (a log a crash left open: settle it with slotsim recover ${auditLog} --ledger ${ledger}, then play to new files)`,
      );
  }
}

/** The split of `rounds` over `players`: the first `rounds % players` play one more. */
export function roundsOfPlayer(rounds: number, players: number, index: number): number {
  return Math.floor(rounds / players) + (index < rounds % players ? 1 : 0);
}

/**
 * `slotsim play`: funds `players` players in a new ledger, opens one session each, and plays
 * `rounds` rounds through the round service on the production generator — the players
 * concurrently, each player's rounds in turn — writing a new audit log. On abort, the rounds in
 * flight finish and both files are closed, so what was written verifies.
 */
export async function runPlay(options: PlayRunOptions): Promise<PlayReport> {
  const { game, players } = options;
  assertNewFiles(options.auditLog, options.ledger);
  const started = performance.now();
  const fsync = options.fsync ?? true;
  const rng = options.rng ?? createProductionRng();
  const wallet = await LedgerWallet.open(options.ledger, {
    mode: 'create',
    fsync,
    ...(options.ledgerStore === undefined ? {} : { store: options.ledgerStore }),
  });
  let audit: AuditLogWriter;
  try {
    audit = await AuditLogWriter.create({
      path: options.auditLog,
      game,
      rng: rng.algorithm,
      hmacKey: options.hmacKey,
      signing: options.signing ?? null,
      ...(options.gameText === undefined ? {} : { gameText: options.gameText }),
      fsync,
    });
  } catch (error) {
    await wallet.close();
    rmSync(options.ledger, { force: true });
    throw error;
  }

  const pending: PendingTransaction[] = [];
  const service = new RoundService({ game, wallet, audit, rng, onPending: (p) => pending.push(p) });
  const tally = { played: 0, voided: 0, refused: 0, staked: 0, won: 0 };
  let done = 0;
  const playPlayer = async (index: number): Promise<void> => {
    const player = `player-${index + 1}`;
    const funded = await wallet.deposit({ ref: `deposit/${player}`, player, amount: options.balance });
    if (funded.status !== 'ok') throw new SlotsimError('BAD_INPUT', `--balance: ${funded.message}`);
    const session = service.openSession(player, `session-${index + 1}`);
    const mine = roundsOfPlayer(options.rounds, players, index);
    let stopped = false;
    for (let k = 0; k < mine && !stopped && options.signal?.aborted !== true; k++) {
      const result = await service.playRound({ session: session.id, bet: options.bet });
      done++;
      options.onProgress?.(done);
      switch (result.status) {
        case 'played':
          tally.played++;
          tally.staked += stakeOf(result.outcome);
          tally.won += result.outcome.total;
          break;
        case 'voided':
          tally.voided++;
          break;
        case 'refused':
          // A refused round (funds, bet, a stopped service) would be refused again: this player stops.
          tally.refused += mine - k;
          stopped = true;
          break;
        default: {
          const unknown: never = result;
          throw new Error(`unknown round result ${String(unknown)}`);
        }
      }
    }
    service.closeSession(session.id);
  };
  // Every player's loop ends (a failure in one leaves the others to finish their round in flight)
  // before the files are closed.
  const settled = await Promise.allSettled(Array.from({ length: players }, (_, i) => playPlayer(i)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined && !isSlotsimError(failed.reason) && service.stopped === null) {
    // A bug, not a failure of the files: close what can be closed and report it as such.
    await audit.abandon();
    await wallet.close().catch(() => undefined);
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  const stopped = service.stopped ?? (failed === undefined ? null : (failed.reason as SlotsimError));
  let end: { logId: string; end: number; hash: string } | null = null;
  if (pending.length === 0) {
    try {
      end = await audit.close({ ledgerEntries: wallet.entries });
    } catch {
      // The log cannot be written: it stays open (the stop already says why).
    }
  }
  if (end === null) {
    await audit.abandon();
    await wallet.close().catch(() => undefined);
  } else {
    // The ledger's last line names the log's end record (which counts the ledger's entries).
    await wallet.seal(end).catch(() => wallet.close().catch(() => undefined));
  }
  const sealed = end !== null;
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    game: namedGameIdentity(game),
    mode: game.mode,
    cost: game.cost,
    auditLog: options.auditLog,
    ledger: options.ledger,
    chain: options.hmacKey === null ? 'sha256' : 'hmac-sha256',
    signingKeyId: options.signing?.key.keyId ?? null,
    rng: rng.algorithm,
    players,
    rounds: { requested: options.rounds, played: tally.played, voided: tally.voided, refused: tally.refused },
    staked: tally.staked,
    won: tally.won,
    rtp: tally.staked > 0 ? tally.won / tally.staked : 0,
    pending: { count: pending.length, amount: pending.reduce((s, p) => s + p.amount, 0) },
    interrupted: options.signal?.aborted === true,
    stopped: stopped === null ? null : { code: stopped.code, message: stopped.message },
    sealed,
    head: end?.hash ?? null,
    elapsedSeconds,
    roundsPerSecond: elapsedSeconds > 0 ? (tally.played + tally.voided) / elapsedSeconds : 0,
  };
}
