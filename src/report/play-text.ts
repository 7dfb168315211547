import Table from 'cli-table3';
import { COMPACT_CHARS, TABLE_STYLE } from './table-style.js';
import type { PlayReport } from '../service/play-run.js';
import { count, fixed, percent } from './format.js';

/** The terminal summary of `slotsim play`. */
export function renderPlay(report: PlayReport): string {
  const t = new Table({ style: TABLE_STYLE, chars: COMPACT_CHARS });
  const variant = report.game.variant === null ? '' : ` [${report.game.variant}]`;
  const mode = report.mode === 'base' ? '' : `, mode ${report.mode} (cost ${count(report.cost)})`;
  const r = report.rounds;
  t.push(
    ['game', `${report.game.name} ${report.game.version}${variant}${mode}`],
    [
      'rounds',
      `${count(r.played)} played${r.voided > 0 ? `, ${count(r.voided)} voided` : ''}${r.refused > 0 ? `, ${count(r.refused)} refused` : ''} of ${count(r.requested)}`,
    ],
    ['players', count(report.players)],
    ['staked', `${count(report.staked)} credits`],
    ['won', `${count(report.won)} credits`],
    ['RTP of the run', percent(report.rtp)],
  );
  if (report.pending.count > 0) {
    t.push([
      'PENDING credits',
      `${count(report.pending.count)} (${count(report.pending.amount)} credits owed; see the audit log)`,
    ]);
  }
  t.push(
    [
      'audit log',
      `${report.auditLog} (${report.chain} chain${report.signingKeyId === null ? '' : `, signed by key sha256:${report.signingKeyId}`}, rng ${report.rng})`,
    ],
    [
      'closed',
      report.sealed
        ? `yes; chain head ${report.head ?? '?'} (keep it: a later cut shows against it)`
        : 'NO: see the message below',
    ],
    ['ledger', report.ledger],
    ['speed', `${count(Math.round(report.roundsPerSecond))} rounds/s, ${fixed(report.elapsedSeconds, 2)} s`],
  );
  return `${t.toString()}\n${report.interrupted ? 'Interrupted: the rounds played so far are logged, and the log and ledger are closed.\n' : ''}`;
}
