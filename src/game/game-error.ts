/**
 * Errors in a game file: every problem found, each with its JSON path and, where the file has
 * it, its line and column. One `SlotsimError` carries them all, one line each.
 */
import { SlotsimError, type ErrorCode } from '../errors.js';

export interface GameIssue {
  /** JSON path of the offending value (`reelSets.base[2][14]`); "" for the whole file. */
  readonly path: string;
  /** What was found and what was expected. */
  readonly message: string;
  /** Where the value (or the key of an object member) is in the file, when known. */
  readonly location: { readonly line: number; readonly column: number } | null;
}

/** The message names at most this many issues; `issues` holds them all. */
export const MAX_REPORTED_ISSUES = 20;

export class GameFileError extends SlotsimError {
  readonly file: string;
  readonly issues: readonly GameIssue[];

  constructor(file: string, issues: readonly GameIssue[], code: ErrorCode = 'INVALID_GAME') {
    super(code, formatIssues(file, issues));
    this.name = 'GameFileError';
    this.file = file;
    this.issues = issues;
  }
}

/** `file:line:column: path: message`, or `file: path: message` without a location. */
export function formatIssue(file: string, issue: GameIssue): string {
  const where = issue.location === null ? file : `${file}:${issue.location.line}:${issue.location.column}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}

export function formatIssues(file: string, issues: readonly GameIssue[]): string {
  const lines = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => formatIssue(file, issue));
  const more = issues.length - MAX_REPORTED_ISSUES;
  if (more > 0) lines.push(`${file}: … and ${more} more error${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}
