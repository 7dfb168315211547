/**
 * The one error class of slotsim. Every failure the user can cause carries a code; only
 * `src/cli/main.ts` turns codes into exit codes.
 */
export type ErrorCode =
  /** a game file that cannot be read, parsed or validated */
  | 'INVALID_GAME'
  /** bad flags or arguments */
  | 'BAD_INPUT'
  /** an audit log, ledger or other input file that cannot be read */
  | 'BAD_FILE'
  /** the user interrupted the run */
  | 'INTERRUPTED'
  /** a bug: an invariant of slotsim itself failed */
  | 'INTERNAL';

export class SlotsimError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlotsimError';
    this.code = code;
  }
}

export function isSlotsimError(error: unknown): error is SlotsimError {
  return error instanceof SlotsimError;
}

/** Why a file operation failed, in words (`no such file`, `permission denied`, …) or its code. */
export function fileErrorReason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    switch (error.code) {
      case 'ENOENT':
        return 'no such file';
      case 'EISDIR':
        return 'a directory, not a file';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      default:
        return error.code;
    }
  }
  return String(error);
}
