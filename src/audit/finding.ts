/**
 * What `verify` reports: one finding per discrepancy, each with where it is (file and line), which
 * round and field, and what was recorded against what was expected.
 */

export const FINDING_KINDS = [
  // the file as text
  'unreadable-line',
  'truncated',
  'bad-record',
  // the chain
  'structure',
  'sequence',
  'link',
  'hash',
  'key',
  'signature',
  // what the log is of
  'identity',
  // replay
  'replay-draws',
  'replay-outcome',
  // money
  'money',
  'unsettled',
  // the ledger
  'ledger-missing',
  'ledger-mismatch',
  'ledger-duplicate',
  'ledger-unexplained',
  'ledger-entry',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export type FindingCategory = 'file' | 'chain' | 'identity' | 'replay' | 'money' | 'ledger';

export interface Finding {
  readonly kind: FindingKind;
  /** Which file the line number is in. */
  readonly source: 'log' | 'ledger';
  /** 1-based line number in `source`. */
  readonly line: number;
  /** The round the line records, when it could be read. */
  readonly roundId: string | null;
  /** Path of the field within the record (`outcome.paid.window[2][1]`), or null for the whole line. */
  readonly field: string | null;
  /** What the file holds there (a JSON value; undefined when the field is absent). */
  readonly recorded: unknown;
  /** What it should hold (a JSON value; undefined when it should be absent or is unknown). */
  readonly expected: unknown;
  readonly message: string;
}

/** What a finding kind means, in a few words (for tables and help). */
export function describeFindingKind(kind: FindingKind): string {
  switch (kind) {
    case 'unreadable-line':
      return 'a line that is not JSON, or too long to be a record';
    case 'truncated':
      return 'a file ends mid-line, without its end record or seal, or shorter than the other file says';
    case 'bad-record':
      return 'a field missing or of the wrong type';
    case 'structure':
      return 'header or end record missing, misplaced or repeated';
    case 'sequence':
      return 'sequence numbers not contiguous: records missing, inserted, repeated or reordered';
    case 'link':
      return "a record's prev is not the previous record's hash";
    case 'hash':
      return "a record's hash does not match its content";
    case 'key':
      return 'chain mode, HMAC key or signing key differs from the one the log was written with';
    case 'signature':
      return "a checkpoint or end signature missing, too far apart, or not the signing key's";
    case 'identity':
      return 'game file, game, variant, slotsim version or generator differs';
    case 'replay-draws':
      return 'the replay did not consume exactly the recorded draws';
    case 'replay-outcome':
      return 'the replay produced another stop, window, win, feature or total';
    case 'money':
      return 'balances or transaction amounts do not add up';
    case 'unsettled':
      return 'a credit or rollback still pending, or a round in flight at a crash: money owed';
    case 'ledger-missing':
      return 'a transaction of the log is not in the ledger';
    case 'ledger-mismatch':
      return 'a ledger entry differs from the transaction the log records';
    case 'ledger-duplicate':
      return 'a transaction reference used twice';
    case 'ledger-unexplained':
      return 'a ledger movement that no round explains';
    case 'ledger-entry':
      return 'a ledger line that cannot be read, or a balance that does not follow from the entries';
    default:
      return unreachable(kind);
  }
}

export function categoryOf(kind: FindingKind): FindingCategory {
  switch (kind) {
    case 'unreadable-line':
    case 'truncated':
    case 'bad-record':
      return 'file';
    case 'structure':
    case 'sequence':
    case 'link':
    case 'hash':
    case 'key':
    case 'signature':
      return 'chain';
    case 'identity':
      return 'identity';
    case 'replay-draws':
    case 'replay-outcome':
      return 'replay';
    case 'money':
    case 'unsettled':
      return 'money';
    case 'ledger-missing':
    case 'ledger-mismatch':
    case 'ledger-duplicate':
    case 'ledger-unexplained':
    case 'ledger-entry':
      return 'ledger';
    default:
      return unreachable(kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`unknown finding kind ${String(kind)}`);
}
