import Table from 'cli-table3';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';
import { describeFindingKind, FINDING_KINDS, type Finding } from '../audit/finding.js';
import type { LedgerMovement } from '../audit/ledger-index.js';
import type { VerifyReport } from '../audit/verify-log.js';
import { count, fixed, percent } from './format.js';

function value(v: unknown): string {
  if (v === undefined) return '(nothing)';
  const text = JSON.stringify(v);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** One finding as a line for stderr: where, what, recorded against expected. */
export function formatFinding(finding: Finding, logPath: string, ledgerPath: string | null): string {
  const file = finding.source === 'log' ? logPath : (ledgerPath ?? 'ledger');
  const round = finding.roundId === null ? '' : ` round ${finding.roundId}`;
  const field = finding.field === null ? '' : ` ${finding.field}:`;
  const values =
    finding.recorded === undefined && finding.expected === undefined
      ? ''
      : ` (recorded ${value(finding.recorded)}, expected ${value(finding.expected)})`;
  return `${file}:${finding.line}: [${finding.kind}]${round}${field} ${finding.message}${values}`;
}

/** The terminal summary of a verification. */
export function renderVerify(report: VerifyReport): string {
  const t = new Table({ style: TABLE_STYLE, chars: COMPACT_CHARS });
  const logged = report.game.logged;
  t.push(
    [
      'audit log',
      `${report.log.path} (${count(report.log.lines)} lines, ${fixed(report.log.bytes / 1e6, 1)} MB)`,
    ],
    [
      'format / chain',
      `${report.log.format ?? '(no header)'} / ${report.log.chain}${report.log.sealed ? ', closed' : ', NOT closed'}`,
    ],
    ['game file', `${report.game.file} (sha256 ${report.game.sha256.slice(0, 16)}…)`],
    [
      'game of the log',
      logged === null
        ? '(unknown)'
        : `${logged.id} ${logged.version}${logged.variant === null ? '' : ` [${logged.variant}]`}`,
    ],
    [
      'rounds',
      `${count(report.rounds.total)} (replayed ${count(report.rounds.replayed)}${report.rounds.voided > 0 ? `, voided ${count(report.rounds.voided)}` : ''}${report.rounds.nothingOwed > 0 ? ` — ${count(report.rounds.nothingOwed)} voided with the rollback pending, but the ledger shows their debit never happened: nothing owed` : ''}${report.rounds.notReplayed > 0 ? `, NOT replayed ${count(report.rounds.notReplayed)}` : ''})`,
    ],
    ['players', count(report.players)],
  );
  if (report.ledger !== null) {
    const l = report.ledger;
    t.push([
      'ledger',
      `${l.path}: ${count(l.entries)} entries, ${count(l.gameTransactions)} game transactions, ${count(l.deposits.count)} deposits (${count(l.deposits.amount)}), ${count(l.withdrawals.count)} withdrawals (${count(l.withdrawals.amount)})${l.negativeBalances > 0 ? `, ${count(l.negativeBalances)} NEGATIVE balances` : ''}`,
    ]);
  }
  const r = report.rtp;
  t.push(['staked / won', `${count(r.staked)} / ${count(r.won)} credits`]);
  t.push([
    'RTP of the log',
    `${
      r.interval99 === null
        ? percent(r.rtp)
        : `${percent(r.rtp)} (99%: ${percent(r.interval99[0])} … ${percent(r.interval99[1])})`
    }${r.tooFewRounds ? `; too few rounds (${count(r.rounds)}) for the figure to mean anything` : ''}`,
  ]);
  if (r.exact === null) {
    t.push(['RTP of the game', '(not computed)']);
  } else {
    const verdict =
      r.exactInInterval === null
        ? r.tooFewRounds
          ? 'not compared: too few rounds'
          : `${r.exact.precision}; not compared`
        : r.exactInInterval
          ? 'inside the 99% interval'
          : 'OUTSIDE the 99% interval';
    t.push(['RTP of the game', `${percent(r.exact.value)} (${verdict})`]);
  }
  t.push([
    'speed',
    `${count(Math.round(report.roundsPerSecond))} rounds/s, ${fixed(report.elapsedSeconds, 2)} s`,
  ]);

  const f = new Table({
    head: ['finding', 'count', 'meaning'],
    colAligns: ['left', 'right', 'left'],
    style: TABLE_STYLE,
    chars: COMPACT_CHARS,
  });
  for (const kind of FINDING_KINDS) {
    const n = report.findings.byKind[kind];
    if (n > 0) f.push([kind, count(n), describeFindingKind(kind)]);
  }
  const movements = report.ledger === null ? '' : movementLines(report.ledger.movements);
  const verdict = report.ok
    ? `VERIFIED: no discrepancies in ${count(report.rounds.total)} rounds`
    : `FAILED: ${count(report.findings.total)} finding${report.findings.total === 1 ? '' : 's'}`;
  return `${t.toString()}\n${movements}${report.ok ? '' : `${f.toString()}\n`}${verdict}\n`;
}

/** Every deposit and withdrawal of the ledger: money that no round explains, listed for the auditor. */
function movementLines(movements: readonly LedgerMovement[]): string {
  if (movements.length === 0) return '';
  const lines = movements.map(
    (m) =>
      `  ledger line ${m.line}: ${m.type} ${m.ref} of ${count(m.amount)} ${m.type === 'deposit' ? 'to' : 'from'} ${m.player} → balance ${count(m.balance)} (${m.at})`,
  );
  return `Deposits and withdrawals (money in and out, not game transactions):\n${lines.join('\n')}\n`;
}
