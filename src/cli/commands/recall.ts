import type { Command } from 'commander';
import { readHmacKeyFile } from '../../audit/hmac-key-file.js';
import { verifyAuditLog } from '../../audit/verify-log.js';
import { SlotsimError } from '../../errors.js';
import { readGameFile } from '../../game/index.js';
import { renderLedgerTrace, renderRecall } from '../../report/recall-text.js';
import { readPublicKey } from '../../audit/signing.js';
import { findingJson } from '../../report/verify-json.js';
import { withInterrupt } from '../interrupt.js';

interface RecallFlags {
  round: string;
  game: string;
  ledger?: string;
  hmacKeyFile?: string;
  publicKey?: string;
  json?: boolean;
}

export function registerRecall(program: Command): void {
  program
    .command('recall')
    .description('Game recall: replay one round of an audit log and show it as the player saw it')
    .argument('<audit-log>', 'the audit log (JSONL)')
    .requiredOption('--round <id>', 'the round id')
    .requiredOption('--game <file>', 'the game file the round must replay on')
    .option('--ledger <file>', "also check the round's transactions against this wallet ledger")
    .option('--hmac-key-file <file>', 'the key of an HMAC-chained log')
    .option('--public-key <pub.pem>', "the operator's Ed25519 public key: check the log's signatures")
    .option('--json', 'print one JSON document on stdout and nothing else')
    .addHelpText(
      'after',
      '\nThe whole log is verified on the way (the chain up to the round is part of its proof).\nExit status: 0 when the round verifies, 1 when its record has findings (or, with --ledger, the log holds\nno record of a round the ledger shows charged), 2 when neither the log nor the ledger knows it.',
    )
    .action(async (log: string, flags: RecallFlags) => {
      const hmacKey = flags.hmacKeyFile === undefined ? null : readHmacKeyFile(flags.hmacKeyFile);
      const publicKey = flags.publicKey === undefined ? null : readPublicKey(flags.publicKey);
      const { text, sha256 } = readGameFile(flags.game);
      const report = await withInterrupt((signal) =>
        verifyAuditLog({
          log,
          game: { path: flags.game, text, sha256 },
          ledger: flags.ledger ?? null,
          hmacKey,
          publicKey,
          signal,
          watchRound: flags.round,
        }),
      );
      const watched = report.watched;
      if (watched === null && report.watchedInLedger.length > 0) {
        // The log lost the round (a crash), but the ledger shows what it moved: a discrepancy, shown.
        if (flags.json === true) {
          const document = {
            round: null,
            roundId: flags.round,
            ledger: report.watchedInLedger,
            verifies: false,
            logFindings: report.findings.total,
          };
          process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
        } else {
          process.stdout.write(renderLedgerTrace(flags.round, report.watchedInLedger, report));
        }
        process.exitCode = 1;
        return;
      }
      if (watched === null)
        throw new SlotsimError(
          'BAD_INPUT',
          `--round: no round ${JSON.stringify(flags.round)} in ${log}${flags.ledger === undefined ? '' : ` nor in ${flags.ledger}`}`,
        );
      const verifies = watched.findings.length === 0;
      if (flags.json === true) {
        const document = {
          round: watched.record,
          recovery: watched.recovery,
          line: watched.line,
          replayed: watched.replayed,
          verifies,
          findings: watched.findings.map(findingJson),
          logFindings: report.findings.total,
        };
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      } else {
        process.stdout.write(renderRecall(watched, report));
      }
      if (!verifies) process.exitCode = 1;
    });
}
