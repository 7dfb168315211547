import type { Command } from 'commander';
import { readHmacKeyFile } from '../../audit/hmac-key-file.js';
import { readSigningKey } from '../../audit/signing.js';
import { renderRecover } from '../../report/recover-text.js';
import { recoverLog } from '../../service/recover.js';

interface RecoverFlags {
  ledger: string;
  hmacKeyFile?: string;
  signingKey?: string;
  fsync: boolean;
  json?: boolean;
}

export function registerRecover(program: Command): void {
  program
    .command('recover')
    .description('Settle what a crash left in flight between an audit log and its ledger, and close both')
    .argument('<audit-log>', 'the audit log play left open')
    .requiredOption('--ledger <file>', 'its wallet ledger')
    .option('--hmac-key-file <file>', 'the key of an HMAC-chained log')
    .option('--signing-key <key.pem>', "a signed log's Ed25519 private key (the end record is signed)")
    .option('--no-fsync', 'do not fdatasync what is written')
    .option('--json', 'print one JSON document on stdout and nothing else')
    .addHelpText(
      'after',
      "\nEvery round left unsettled is settled and recorded in the log (a recovery record): a lost round's stake\nis returned (or, if its win was paid too, it stands), a pending win is paid, a pending rollback is done\n(or, when the ledger shows the debit never happened, its reference is closed: nothing owed). A torn\nlast line of either file is cut and recorded. Then the log gets its end record and the ledger its seal.\nA damaged log or ledger is refused (exit 2): run slotsim verify. Example:\n  slotsim recover run.jsonl --ledger run.ledger.jsonl\n  slotsim verify run.jsonl --game configs/starfall-20.json --ledger run.ledger.jsonl",
    )
    .action(async (log: string, flags: RecoverFlags) => {
      const hmacKey = flags.hmacKeyFile === undefined ? null : readHmacKeyFile(flags.hmacKeyFile);
      const signing = flags.signingKey === undefined ? null : readSigningKey(flags.signingKey);
      const report = await recoverLog({ log, ledger: flags.ledger, hmacKey, signing, fsync: flags.fsync });
      if (flags.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write(renderRecover(report));
    });
}
