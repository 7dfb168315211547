import type { Command } from 'commander';
import { readHmacKeyFile } from '../../audit/hmac-key-file.js';
import { readPublicKey } from '../../audit/signing.js';
import type { ExactRtp } from '../../audit/rtp-tally.js';
import { verifyAuditLog } from '../../audit/verify-log.js';
import type { Game } from '../../engine/model.js';
import { isSlotsimError } from '../../errors.js';
import { readGameFile } from '../../game/index.js';
import { analyzeGame } from '../../math/index.js';
import { verifyJsonWriter } from '../../report/verify-json.js';
import { formatFinding, renderVerify } from '../../report/verify-text.js';
import { withInterrupt } from '../interrupt.js';
import { parseCount } from '../parse-count.js';
import { createProgress } from '../progress.js';

interface VerifyFlags {
  game: string;
  ledger?: string;
  hmacKeyFile?: string;
  publicKey?: string;
  variant?: string;
  mode?: string;
  json?: boolean;
  maxFindings?: string;
}

/**
 * The game's RTP for the summary: exact analysis without enumeration (fast). The one place the
 * verifier learns the game's true RTP.
 */
function exactRtpOf(game: Game): ExactRtp | null {
  try {
    const rtp = analyzeGame(game, { inlineLimit: 0 }).rtp;
    return { value: rtp.value, precision: rtp.precision };
  } catch (error) {
    if (!isSlotsimError(error)) throw error;
    process.stderr.write(`slotsim: the game's exact RTP is not available (${error.message})\n`);
    return null;
  }
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Replay an audit log and report every discrepancy: chain, identity, replay, money, ledger')
    .argument('<audit-log>', 'the audit log (JSONL) written by slotsim play or a game server')
    .requiredOption('--game <file>', 'the game file the rounds must replay on')
    .option('--ledger <file>', 'also reconcile every debit and credit with this wallet ledger')
    .option('--hmac-key-file <file>', 'the key of an HMAC-chained log')
    .option(
      '--public-key <pub.pem>',
      "the operator's Ed25519 public key (PEM): the log must be signed by it, and every signature is checked",
    )
    .option(
      '--variant <name>',
      'the variant the log must be of (replay always uses the variant the log names)',
    )
    .option('--mode <name>', 'the bet mode the log must be of (replay always uses the mode the log names)')
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--max-findings <n>', 'print at most this many findings (all are counted)')
    .addHelpText(
      'after',
      '\nExit status: 0 when everything verifies, 1 when anything was found, 2 when an input is unusable.\nExample: slotsim verify run.jsonl --game configs/starfall-20.json --ledger run.ledger.jsonl',
    )
    .action(async (log: string, flags: VerifyFlags) => {
      const hmacKey = flags.hmacKeyFile === undefined ? null : readHmacKeyFile(flags.hmacKeyFile);
      const publicKey = flags.publicKey === undefined ? null : readPublicKey(flags.publicKey);
      const maxFindings =
        flags.maxFindings === undefined
          ? Number.POSITIVE_INFINITY
          : parseCount(flags.maxFindings, '--max-findings');
      const { text, sha256 } = readGameFile(flags.game);
      const json = flags.json === true;
      const ledgerPath = flags.ledger ?? null;
      const writer = verifyJsonWriter((chunk) => process.stdout.write(chunk));
      let shown = 0;
      const progress = json ? null : createProgress(1, ' MB');
      let totalMb = 1;
      const report = await withInterrupt(async (signal) => {
        const result = await verifyAuditLog({
          log,
          game: { path: flags.game, text, sha256 },
          ledger: ledgerPath,
          hmacKey,
          publicKey,
          variant: flags.variant,
          mode: flags.mode,
          exactRtp: exactRtpOf,
          signal,
          onProgress: (read, total) => {
            totalMb = Math.max(1, Math.round(total / 1e6));
            progress?.update(Math.min(totalMb, Math.round(read / 1e6)));
          },
          onFinding: (finding) => {
            if (shown >= maxFindings) return;
            if (shown === 0 && json) writer.begin();
            shown++;
            if (json) writer.finding(finding);
            else process.stderr.write(`${formatFinding(finding, log, ledgerPath)}\n`);
          },
        });
        return result;
      }).finally(() => progress?.finish());
      if (json) {
        if (shown === 0) writer.begin();
        writer.end(report);
      } else {
        if (report.findings.total > shown)
          process.stderr.write(
            `… and ${report.findings.total - shown} more findings (--max-findings ${shown})\n`,
          );
        process.stdout.write(renderVerify(report));
      }
      if (!report.ok) process.exitCode = 1;
    });
}
