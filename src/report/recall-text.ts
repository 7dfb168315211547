import type { Finding } from '../audit/finding.js';
import type { LedgerTraceEntry } from '../audit/ledger-index.js';
import type { WatchedRound } from '../audit/log-verifier.js';
import type { RecoveryRecord } from '../audit/record.js';
import type { VerifyReport } from '../audit/verify-log.js';
import {
  isRoundOutcomeV2,
  type AnyRoundOutcome,
  type BonusOutcome,
  type PayWin,
  type RoundOutcome,
  type SpinOutcome,
} from '../engine/outcome.js';
import { count } from './format.js';
import { roundLinesV2, type GridShape } from './recall-v2-text.js';
import { formatFinding } from './verify-text.js';

/** The window as the player saw it: one text row per row of the grid, reels left to right. */
function windowRows(spin: SpinOutcome): string[] {
  const reels = spin.window;
  const rows = reels[0]?.length ?? 0;
  const width = Math.max(1, ...reels.flatMap((column) => column.map((s) => s.length)));
  const lines: string[] = [];
  for (let row = 0; row < rows; row++)
    lines.push(`    | ${reels.map((column) => (column[row] ?? '').padEnd(width)).join(' | ')} |`);
  return lines;
}

function payWin(win: PayWin, spin: SpinOutcome): string {
  const free = spin.multiplier > 1 ? `, free spins ×${spin.multiplier}` : '';
  switch (win.kind) {
    case 'line': {
      const wilds = win.multiplier > 1 ? `, wilds ×${win.multiplier}` : '';
      return `line ${win.line + 1}: ${win.count} × ${win.symbol} (rule ${win.rule + 1}${wilds}${free}) pays ${count(win.win)}`;
    }
    case 'ways':
      return `${count(win.ways)} ways of ${win.count} × ${win.symbol} (rule ${win.rule + 1}${free}) pay ${count(win.win)}`;
    default: {
      const unknown: never = win;
      throw new Error(`unknown win ${String(unknown)}`);
    }
  }
}

function spinLines(title: string, spin: SpinOutcome): string[] {
  const lines = [
    `  ${title} (reel set ${spin.reelSet}, stops ${spin.stops.join(' ')}):`,
    ...windowRows(spin),
  ];
  for (const w of spin.wins) lines.push(`    ${payWin(w, spin)}`);
  if (spin.scatter !== null)
    lines.push(`    scatter: ${spin.scatter.count} × ${spin.scatter.symbol} pays ${count(spin.scatter.win)}`);
  if (spin.wins.length === 0 && spin.scatter === null) lines.push('    no win');
  else lines.push(`    spin win ${count(spin.win)}`);
  return lines;
}

function bonusLines(bonus: BonusOutcome): string[] {
  const lines = ['  Bonus (weighted prize draws):'];
  for (const d of bonus.draws) {
    lines.push(
      `    ${d.node === 'pick' ? `pick: draw ${d.draw} of ${d.bound} → prize ${count(d.result)}` : `repeat: draw ${d.draw} of ${d.bound} → ${d.result} picks`}`,
    );
  }
  lines.push(`    bonus win ${count(bonus.win)}`);
  return lines;
}

/** A round's play, from its paid spin (or a mode's start) to its total win. */
function playLines(outcome: AnyRoundOutcome, grid: GridShape | null): string[] {
  const lines = isRoundOutcomeV2(outcome) ? roundLinesV2(outcome, grid, bonusLines) : roundLinesV1(outcome);
  lines.push(
    `  TOTAL WIN ${count(outcome.total)}${outcome.capped ? ' (the max-win cap ended the round)' : ''}`,
  );
  return lines;
}

/**
 * The play as the record states it, for a round that could not be replayed: the record is
 * untrusted, and one that is not the shape of an outcome is shown as its JSON.
 */
function recordedPlayLines(outcome: AnyRoundOutcome, grid: GridShape | null): string[] {
  try {
    return playLines(outcome, grid);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const json = JSON.stringify(outcome);
    return [
      '  the recorded outcome is not shaped as a round outcome; as recorded:',
      `  ${json.length > 2000 ? `${json.slice(0, 1997)}...` : json}`,
    ];
  }
}

function roundLinesV1(outcome: RoundOutcome): string[] {
  const lines = spinLines('Paid spin', outcome.paid);
  if (outcome.bonus !== null) lines.push(...bonusLines(outcome.bonus));
  if (outcome.freeSpins !== null) {
    lines.push(
      `  Free spins: ${outcome.freeSpins.awarded} awarded, ${outcome.freeSpins.spins.length} played`,
    );
    outcome.freeSpins.spins.forEach((spin, i) => {
      lines.push(...spinLines(`Free spin ${i + 1}`, spin));
      if (spin.retrigger > 0) lines.push(`    retrigger: +${spin.retrigger} spins`);
    });
    lines.push(`  free spins win ${count(outcome.freeSpins.win)}`);
  }
  return lines;
}

/** One round of an audit log as the player saw it, with whether its record verifies. */
export function renderRecall(watched: WatchedRound, report: VerifyReport): string {
  const r = watched.record;
  if (r === null && watched.recovery !== null) {
    const rec = watched.recovery;
    return `${[
      `Round ${rec.roundId}: no round record in ${report.log.path} (the round was in flight when play stopped)`,
      ...recoveryLines(rec, watched.line),
      '',
      ...verdictLines(watched.findings, report),
    ].join('\n')}\n`;
  }
  if (r === null) {
    return `${[`Line ${watched.line} of ${report.log.path} holds the round, but is not a well-formed round record:`, '', ...verdictLines(watched.findings, report)].join('\n')}\n`;
  }
  const mode = r.game.mode === undefined ? '' : `, mode ${r.game.mode}`;
  const lines = [
    `Round ${r.roundId} (line ${watched.line} of ${report.log.path}, record ${r.seq})`,
    `  game ${r.game.id} ${r.game.version}${r.game.variant === null ? '' : ` [${r.game.variant}]`}${mode}, player ${r.player}, session ${r.session}`,
    `  started ${r.startedAt}, ended ${r.endedAt}`,
    `  stake ${count(r.stake)} (debit ${r.tx.debit.ref})`,
  ];
  if (r.type === 'void') {
    lines.push(
      `  VOIDED: ${r.reason}`,
      `  rollback ${r.tx.rollback.ref}: ${count(r.tx.rollback.amount)} returned (${r.tx.rollback.status})`,
    );
  } else {
    const game = watched.game;
    const grid = game === null ? null : { reels: game.reels, rows: game.rows };
    if (watched.replayed !== null) {
      lines.push(...playLines(watched.replayed, grid));
    } else {
      lines.push('  (the round could not be replayed: shown as recorded, unverified)');
      lines.push(...recordedPlayLines(r.outcome, grid));
    }
    const credit = r.tx.credit;
    lines.push(
      credit === null
        ? '  no credit (nothing won)'
        : `  credit ${credit.ref}: ${count(credit.amount)} (${credit.status})`,
    );
  }
  lines.push(
    `  balance ${r.balance.before === null ? '?' : count(r.balance.before)} → ${r.balance.after === null ? '?' : count(r.balance.after)}`,
  );
  if (watched.recovery !== null) lines.push(...recoveryLines(watched.recovery, null));
  lines.push('');
  lines.push(...verdictLines(watched.findings, report));
  return `${lines.join('\n')}\n`;
}

function verdictLines(findings: readonly Finding[], report: VerifyReport): string[] {
  const elsewhere = report.findings.total - findings.length;
  const log =
    elsewhere === 0
      ? 'the rest of the log verifies too'
      : `the rest of the log has ${count(elsewhere)} finding${elsewhere === 1 ? '' : 's'} (run slotsim verify)`;
  if (findings.length === 0) {
    return [`VERIFIED: this record's hash, chain link, replay and money all check; ${log}.`];
  }
  return [
    `NOT VERIFIED: ${findings.length} finding${findings.length === 1 ? '' : 's'} on this record; ${log}:`,
    ...findings.map((f) => `  ${formatFinding(f, report.log.path, report.ledger?.path ?? null)}`),
  ];
}

function recoveryLines(rec: RecoveryRecord, line: number | null): string[] {
  const what: Record<RecoveryRecord['action'], string> = {
    refunded: 'the stake was returned',
    paid: 'the win was paid',
    closed: 'the debit never reached the ledger: its reference was closed, nothing owed',
    settled: 'its money had all moved; nothing was owed',
  };
  const tx = (name: string, t: RecoveryRecord['tx']['debit']): string[] =>
    t === null
      ? []
      : [
          `    ${name} ${t.ref}: ${count(t.amount)} (${t.by === 'found' ? 'found in the ledger' : 'written by recover'})`,
        ];
  return [
    `  settled by slotsim recover at ${rec.at}${line === null ? '' : ` (line ${line}, record ${rec.seq})`}: ${what[rec.action]}`,
    `    ${rec.reason}`,
    ...tx('debit', rec.tx.debit),
    ...tx('credit', rec.tx.credit),
    ...tx('rollback', rec.tx.rollback),
    `    ${rec.player}'s balance ${count(rec.balance.before)} → ${count(rec.balance.after)}`,
  ];
}

/**
 * `recall --ledger` of a round the log holds no record of, but the ledger shows charged: what the
 * wallet moved for it.
 */
export function renderLedgerTrace(
  roundId: string,
  entries: readonly LedgerTraceEntry[],
  report: VerifyReport,
): string {
  const debit = entries.find((e) => e.type === 'debit');
  const returned = entries.some((e) => e.type === 'rollback' && e.amount > 0);
  const credit = entries.find((e) => e.type === 'credit');
  const verdict =
    debit === undefined
      ? 'no stake was taken'
      : returned
        ? 'the stake was returned'
        : credit !== undefined
          ? `the stake was taken and ${count(credit.amount)} paid, but the round's record is lost`
          : `the stake of ${count(debit.amount)} was taken and not returned: it is owed until slotsim recover refunds it`;
  return `${[
    `Round ${roundId}: no record in ${report.log.path}${report.log.sealed ? '' : ' (the log was not closed: a crash?)'}, but the ledger ${report.ledger?.path ?? ''} shows it:`,
    ...entries.map(
      (e) =>
        `  ledger line ${e.line}: ${e.type} ${e.ref} of ${count(e.amount)} (${e.player}'s balance after: ${count(e.balance)})`,
    ),
    `NOT IN THE LOG: ${verdict}.`,
  ].join('\n')}\n`;
}
