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
      case 'ENOTDIR':
        return 'a file is in the way: a folder on the path is a file';
      case 'EROFS':
        return 'read-only file system';
      default:
        return error.code;
    }
  }
  return String(error);
}

/**
 * Errors crossing a worker boundary. A worker's error reaches the main thread by structured clone,
 * which keeps an Error's message and stack but not its class or its code: a SlotsimError thrown in
 * a worker would arrive as a plain Error and be reported as a bug (exit 70). So workers throw
 * `toWorkerError(error)`, which writes the code into the message, and the pool's caller turns it
 * back with `fromWorkerError`. Any other error passes through unchanged (it is a bug).
 */
const WORKER_ERROR = 'slotsim-error:';

const CODES: readonly ErrorCode[] = ['INVALID_GAME', 'BAD_INPUT', 'BAD_FILE', 'INTERRUPTED', 'INTERNAL'];

export function toWorkerError(error: unknown): Error {
  if (isSlotsimError(error)) {
    return new Error(`${WORKER_ERROR}${JSON.stringify({ code: error.code, message: error.message })}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function fromWorkerError(error: unknown): unknown {
  if (!(error instanceof Error) || !error.message.startsWith(WORKER_ERROR)) return error;
  const sent = JSON.parse(error.message.slice(WORKER_ERROR.length)) as { code: ErrorCode; message: string };
  return CODES.includes(sent.code) ? new SlotsimError(sent.code, sent.message) : error;
}
