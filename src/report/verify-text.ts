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
      `${report.log.format ?? '(no header)'} / ${chainText(report)}${report.log.sealed ? ', closed' : ', NOT closed'}`,
    ],
    ...signingRows(report),
    ['chain head', report.log.head ?? '(none)'],
    ['game file', `${report.game.file} (sha256 ${report.game.sha256.slice(0, 16)}…)`],
    [
      'game of the log',
      logged === null
        ? '(unknown)'
        : `${logged.id} ${logged.version}${logged.variant === null ? '' : ` [${logged.variant}]`}${logged.mode === undefined ? '' : `, mode ${logged.mode}`}${gameMatchText(report)}`,
    ],
    [
      'rounds',
      `${count(report.rounds.total)} (replayed ${count(report.rounds.replayed)}${report.rounds.voided > 0 ? `, voided ${count(report.rounds.voided)}` : ''}${report.rounds.nothingOwed > 0 ? ` — ${count(report.rounds.nothingOwed)} voided with the rollback pending, but the ledger shows their debit never happened: nothing owed` : ''}${report.rounds.notReplayed > 0 ? `, NOT replayed ${count(report.rounds.notReplayed)}` : ''})`,
    ],
    ['players', count(report.players)],
  );
  const end = report.log.end;
  if (end?.recovered != null) {
    const torn = (what: string, t: { bytes: number } | null): string =>
      t === null ? '' : `; a torn last line of ${count(t.bytes)} bytes was cut from the ${what}`;
    t.push([
      'recovered',
      `by slotsim recover at ${end.recovered.at}: ${count(report.log.recoveries)} rounds settled${torn('log', end.recovered.log)}${torn('ledger', end.recovered.ledger)}`,
    ]);
  }
  if (report.ledger !== null) {
    const l = report.ledger;
    t.push([
      'ledger',
      `${l.path}: ${count(l.entries)} entries, ${count(l.gameTransactions)} game transactions, ${count(l.deposits.count)} deposits (${count(l.deposits.amount)}), ${count(l.withdrawals.count)} withdrawals (${count(l.withdrawals.amount)})${l.negativeBalances > 0 ? `, ${count(l.negativeBalances)} NEGATIVE balances` : ''}${l.seal === null ? ', not sealed' : `, sealed (line ${l.seal.line})`}`,
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
  const note = proofNote(report);
  return `${t.toString()}\n${note === null ? '' : `${note}\n`}${movements}${report.ok ? '' : `${f.toString()}\n`}${verdict}\n`;
}

function chainText(report: VerifyReport): string {
  const { chain, keyId } = report.log;
  if (chain === null) return '(unknown chain)';
  return chain === 'hmac-sha256' ? `hmac-sha256 (key ${keyId ?? '?'})` : 'sha256 (no key)';
}

function signingRows(report: VerifyReport): [string, string][] {
  const s = report.log.signing;
  if (s === null) return [['signed', 'no']];
  const last =
    s.lastSigned === null
      ? 'nothing signed yet'
      : `signed up to record ${s.lastSigned.seq} (line ${s.lastSigned.line})`;
  return [
    [
      'signed',
      `Ed25519 key sha256:${s.keyId}, a checkpoint every ${count(s.every)} rounds; ${count(s.checkpoints)} checkpoints, ${last}; ${s.checked ? 'every signature checked against --public-key' : "signatures NOT checked: give the operator's key with --public-key"}`,
    ],
  ];
}

function gameMatchText(report: VerifyReport): string {
  switch (report.game.match) {
    case 'same-content':
      return ` — same game content, different bytes: the log's file had sha256 ${report.game.logged?.sha256.slice(0, 16) ?? '?'}…; this copy differs only in formatting (line ends, spaces, key order), so every round replays alike`;
    case 'different':
      return ' — a DIFFERENT game file';
    case 'same-bytes':
    case null:
      return '';
    default: {
      const unknown: never = report.game.match;
      throw new Error(`unknown game match ${String(unknown)}`);
    }
  }
}

/** What an unsigned chain without a key proves, in one line (null for keyed or signed logs). */
function proofNote(report: VerifyReport): string | null {
  if (report.log.chain !== 'sha256' || report.log.signing !== null) return null;
  return 'Note: a plain SHA-256 chain, unsigned: it proves each record is intact and in place unless someone rebuilt every hash after it, which anyone can do; it does not prove who wrote the log (an HMAC key or play --signing-key does).';
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
