import type { Command } from 'commander';
import { readHmacKeyFile } from '../../audit/hmac-key-file.js';
import { DEFAULT_SIGN_EVERY, readSigningKey } from '../../audit/signing.js';
import { SlotsimError } from '../../errors.js';
import { renderPlay } from '../../report/play-text.js';
import { assertNewFiles, defaultLedgerPath, runPlay } from '../../service/play-run.js';
import { parseGame, readGameFile } from '../../game/index.js';
import { withInterrupt } from '../interrupt.js';
import { parseCount } from '../parse-count.js';
import { createProgress } from '../progress.js';

interface PlayFlags {
  rounds: string;
  auditLog: string;
  ledger?: string;
  players: string;
  balance?: string;
  bet?: string;
  variant?: string;
  mode: string;
  hmacKeyFile?: string;
  signingKey?: string;
  signEvery: string;
  fsync: boolean;
  json?: boolean;
}

export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('Play rounds through the production path: CSPRNG, ledger wallet, tamper-evident audit log')
    .argument('<game>', 'game file (slotsim/1 or slotsim/2 JSON)')
    .requiredOption('--rounds <n>', 'rounds to play in all (10000, 10_000, 1e4, 10k)')
    .requiredOption('--audit-log <file>', 'the audit log to write (a new file)')
    .option(
      '--ledger <file>',
      'the wallet ledger to write (a new file; default: next to the log, x.ledger.jsonl)',
    )
    .option('--players <n>', 'players, each with one session, playing concurrently', '1')
    .option('--balance <credits>', "each player's opening deposit (default: enough for every round)")
    .option(
      '--bet <credits>',
      "the stake offered each round (default: the game's bet, or the mode's cost; any other is refused)",
    )
    .option('--variant <name>', 'play this variant of the game')
    .option('--mode <name>', "play this bet mode of the game (its rounds stake the mode's cost)", 'base')
    .option('--hmac-key-file <file>', 'chain the log with HMAC-SHA-256 under this key (at least 16 bytes)')
    .option(
      '--signing-key <key.pem>',
      'sign checkpoints of the chain head and the end record with this Ed25519 private key (PEM)',
    )
    .option('--sign-every <n>', 'a signed checkpoint after every N rounds', String(DEFAULT_SIGN_EVERY))
    .option(
      '--no-fsync',
      'do not fdatasync each record and ledger entry (faster; survives a process crash, not a machine crash)',
    )
    .option('--json', 'print one JSON document on stdout and nothing else')
    .addHelpText(
      'after',
      '\nEvery round draws from the operating system CSPRNG (not seedable) and is logged with all its draws, so\n`slotsim verify` can replay it. The log and the ledger are new files; after a crash, settle them with\n`slotsim recover` and play to new files. Example:\n  slotsim play configs/starfall-20.json --rounds 10k --players 4 --audit-log run.jsonl --signing-key key.pem\n  slotsim verify run.jsonl --game configs/starfall-20.json --ledger run.ledger.jsonl --public-key pub.pem',
    )
    .action(async (file: string, flags: PlayFlags) => {
      const rounds = parseCount(flags.rounds, '--rounds');
      const players = parseCount(flags.players, '--players');
      if (players > 100_000)
        throw new SlotsimError('BAD_INPUT', `--players: ${players} is too many; at most 100000`);
      const hmacKey = flags.hmacKeyFile === undefined ? null : readHmacKeyFile(flags.hmacKeyFile);
      const signEvery = parseCount(flags.signEvery, '--sign-every');
      if (signEvery < 1) throw new SlotsimError('BAD_INPUT', '--sign-every: at least 1');
      const signing =
        flags.signingKey === undefined ? null : { key: readSigningKey(flags.signingKey), every: signEvery };
      const { text, sha256 } = readGameFile(file);
      const game = parseGame(text, { file, variant: flags.variant ?? null, mode: flags.mode, sha256 });
      const modeText = game.mode === 'base' ? '' : ` in mode ${game.mode}`;
      const bet = flags.bet === undefined ? game.cost : parseCount(flags.bet, '--bet');
      if (bet !== game.cost) {
        throw new SlotsimError(
          'BAD_INPUT',
          `--bet: ${bet} credits; a round of ${game.name}${modeText} stakes exactly ${game.cost}`,
        );
      }
      const perPlayer = Math.ceil(rounds / players);
      const balance = flags.balance === undefined ? bet * perPlayer : parseCount(flags.balance, '--balance');
      if (!Number.isSafeInteger(balance)) throw new SlotsimError('BAD_INPUT', '--balance: too large');
      const ledger = flags.ledger ?? defaultLedgerPath(flags.auditLog);
      assertNewFiles(flags.auditLog, ledger);
      const json = flags.json === true;
      if (!json) {
        process.stderr.write(
          `Playing ${game.name} ${game.version}${game.variant === null ? '' : ` (variant ${game.variant})`}${modeText}: ${rounds.toLocaleString('en-US')} rounds, ${players} player${players === 1 ? '' : 's'}, bet ${bet}, opening balance ${balance.toLocaleString('en-US')}\n`,
        );
      }
      const progress = createProgress(rounds, ' rounds');
      const report = await withInterrupt((signal) =>
        runPlay({
          game,
          rounds,
          auditLog: flags.auditLog,
          ledger,
          players,
          balance,
          bet,
          hmacKey,
          signing,
          gameText: text,
          fsync: flags.fsync,
          signal,
          onProgress: (done) => progress.update(done),
        }),
      ).finally(() => progress.finish());
      if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(renderPlay(report));
      if (report.stopped !== null) {
        const done = report.rounds.played + report.rounds.voided;
        const next = report.sealed
          ? `the rounds before are logged; ${flags.auditLog} is closed and verifies`
          : `${flags.auditLog} is left open, money is unsettled: once the cause is fixed, run slotsim recover ${flags.auditLog} --ledger ${ledger}`;
        throw new SlotsimError(
          report.stopped.code,
          `play stopped after ${done} round${done === 1 ? '' : 's'}: ${report.stopped.message}; ${next}`,
        );
      }
      if (report.interrupted) {
        throw new SlotsimError(
          'INTERRUPTED',
          `interrupted after ${report.rounds.played + report.rounds.voided} rounds; ${flags.auditLog} and ${ledger} are closed and verify`,
        );
      }
    });
}
