import type { Command } from 'commander';
import { readHmacKeyFile } from '../../audit/hmac-key-file.js';
import { verifyAuditLog } from '../../audit/verify-log.js';
import { SlotsimError } from '../../errors.js';
import { readGameFile } from '../../game/index.js';
import { renderRecall } from '../../report/recall-text.js';
import { findingJson } from '../../report/verify-json.js';
import { withInterrupt } from '../interrupt.js';

interface RecallFlags {
  round: string;
  game: string;
  ledger?: string;
  hmacKeyFile?: string;
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
    .option('--json', 'print one JSON document on stdout and nothing else')
    .addHelpText(
      'after',
      '\nThe whole log is verified on the way (the chain up to the round is part of its proof).\nExit status: 0 when the round verifies, 1 when its record has findings, 2 when it is not in the log.',
    )
    .action(async (log: string, flags: RecallFlags) => {
      const hmacKey = flags.hmacKeyFile === undefined ? null : readHmacKeyFile(flags.hmacKeyFile);
      const { text, sha256 } = readGameFile(flags.game);
      const report = await withInterrupt((signal) =>
        verifyAuditLog({
          log,
          game: { path: flags.game, text, sha256 },
          ledger: flags.ledger ?? null,
          hmacKey,
          signal,
          watchRound: flags.round,
        }),
      );
      const watched = report.watched;
      if (watched === null)
        throw new SlotsimError('BAD_INPUT', `--round: no round ${JSON.stringify(flags.round)} in ${log}`);
      const verifies = watched.findings.length === 0;
      if (flags.json === true) {
        const document = {
          round: watched.record,
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
