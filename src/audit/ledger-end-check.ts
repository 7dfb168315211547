import type { Finding } from './finding.js';
import type { LedgerIndex } from './ledger-index.js';
import type { EndRecord } from './record.js';

/**
 * How the ends of a closed log and its ledger agree: the log's end record counts the ledger's
 * entries, and the ledger's seal names the log's end record. A ledger with fewer entries than
 * counted lost its tail; one with more took entries after the log was closed; one without its seal
 * was not closed (or lost its last line); a seal naming another end record belongs to another log.
 */
export function ledgerEndFindings(
  ledger: LedgerIndex,
  end: EndRecord & { readonly hash: string; readonly line: number },
  logId: string | null,
): Finding[] {
  const findings: Finding[] = [];
  const summary = ledger.summary();
  if (typeof end.ledgerEntries === 'number' && end.ledgerEntries !== ledger.entries) {
    const fewer = ledger.entries < end.ledgerEntries;
    findings.push({
      kind: fewer ? 'truncated' : 'ledger-entry',
      source: 'ledger',
      line: fewer ? ledger.entries + 1 : end.ledgerEntries + 1,
      roundId: null,
      field: null,
      recorded: ledger.entries,
      expected: end.ledgerEntries,
      message: fewer
        ? `the log's end record (line ${end.line}) counts ${end.ledgerEntries} ledger entries; the ledger holds ${ledger.entries}: its last entries were cut off`
        : `the ledger holds ${ledger.entries} entries; the log's end record (line ${end.line}) counts ${end.ledgerEntries}: entries were added after the log was closed`,
    });
  }
  const seal = summary.seal;
  if (seal === null) {
    if (typeof end.ledgerEntries === 'number')
      findings.push({
        kind: 'truncated',
        source: 'ledger',
        line: ledger.entries + 1,
        roundId: null,
        field: null,
        recorded: undefined,
        expected: { type: 'seal' },
        message:
          'the ledger has no seal: play stopped between closing the log and sealing the ledger (slotsim recover seals it), or its last line was cut off',
      });
    return findings;
  }
  if (seal.log.logId !== logId || seal.log.end !== end.seq || seal.log.hash !== end.hash) {
    findings.push({
      kind: 'ledger-mismatch',
      source: 'ledger',
      line: seal.line,
      roundId: null,
      field: 'log',
      recorded: seal.log,
      expected: { logId, end: end.seq, hash: end.hash },
      message:
        "the ledger's seal names another end record than this log's: the ledger is of another log, or one of them was rewritten",
    });
  }
  return findings;
}
