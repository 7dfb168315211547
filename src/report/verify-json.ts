import { categoryOf, type Finding } from '../audit/finding.js';
import type { VerifyReport } from '../audit/verify-log.js';

/**
 * One finding as `verify --json` prints it. `recorded` or `expected` is left out when there is
 * nothing there (a missing field, a field that should not exist, or a value not known).
 */
export function findingJson(finding: Finding): Record<string, unknown> {
  return {
    kind: finding.kind,
    category: categoryOf(finding.kind),
    source: finding.source,
    line: finding.line,
    roundId: finding.roundId,
    field: finding.field,
    recorded: finding.recorded,
    expected: finding.expected,
    message: finding.message,
  };
}

/**
 * The `verify --json` document, less its findings (streamed first, as `"findings": [...]`, so that
 * memory stays flat however many there are):
 *
 *     { "findings": [...], "ok", "log": {...}, "game": {...}, "ledger", "rounds": {...},
 *       "players", "rtp": {...}, "findingsByKind": {...}, "findingsTotal", "elapsedSeconds",
 *       "roundsPerSecond" }
 */
export function verifySummaryJson(report: VerifyReport): Record<string, unknown> {
  return {
    ok: report.ok,
    note:
      report.log.chain === 'sha256' && report.log.signing === null
        ? 'a plain SHA-256 chain, unsigned: anyone can rebuild it after an edit; it does not prove who wrote the log'
        : null,
    log: report.log,
    game: report.game,
    ledger: report.ledger,
    rounds: report.rounds,
    players: report.players,
    rtp: report.rtp,
    findingsTotal: report.findings.total,
    findingsByKind: report.findings.byKind,
    elapsedSeconds: report.elapsedSeconds,
    roundsPerSecond: report.roundsPerSecond,
  };
}

/**
 * Writes `verify --json`'s one document in pieces: `begin()`, then `finding()` for each finding
 * as it is found, then `end(report)`.
 */
export function verifyJsonWriter(write: (text: string) => void): {
  begin(): void;
  finding(finding: Finding): void;
  end(report: VerifyReport): void;
} {
  let count = 0;
  return {
    begin() {
      write('{"findings":[');
    },
    finding(finding) {
      write(`${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(findingJson(finding))}`);
    },
    end(report) {
      const summary = JSON.stringify(verifySummaryJson(report), null, 2);
      write(`${count === 0 ? '' : '\n'}],\n${summary.slice(2)}\n`);
    },
  };
}
