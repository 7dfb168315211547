import type { RecoverReport } from '../service/recover.js';
import { count } from './format.js';

/** What `slotsim recover` did, for the terminal. */
export function renderRecover(report: RecoverReport): string {
  switch (report.status) {
    case 'closed':
      return `${report.log} and ${report.ledger} are both closed: nothing to recover.\n`;
    case 'ledger-sealed':
      return `${report.log} was closed; ${report.ledger} lacked its seal (play stopped in between): sealed.\n`;
    case 'recovered':
      break;
    default: {
      const unknown: never = report.status;
      throw new Error(`unknown recover status ${String(unknown)}`);
    }
  }
  const torn = (what: string, t: RecoverReport['torn']['log']): string[] =>
    t === null
      ? []
      : [`  cut a torn last line of ${count(t.bytes)} bytes from the ${what} (sha256 ${t.sha256})`];
  const lines = [
    `Recovered ${report.log} with ${report.ledger}:`,
    ...torn('log', report.torn.log),
    ...torn('ledger', report.torn.ledger),
    ...report.rounds.map(
      (r) =>
        `  round ${r.roundId} (${r.player}, ${r.logged === 'none' ? 'no record' : `a ${r.logged} record`}): ${r.action}${r.moved === null ? '' : ` — wrote ${r.moved.type} ${r.moved.ref} of ${count(r.moved.amount)}`}`,
    ),
    `  ${count(report.rounds.length)} round${report.rounds.length === 1 ? '' : 's'} settled; the log is closed (chain head ${report.head ?? '?'}) and the ledger sealed.`,
  ];
  return `${lines.join('\n')}\n`;
}
