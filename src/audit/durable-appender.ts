import { open, type FileHandle } from 'node:fs/promises';
import { SlotsimError } from '../errors.js';

export interface AppenderOptions {
  /**
   * Flush every batch to stable storage (`fdatasync`) before its appends resolve (default). Off,
   * a batch is handed to the operating system only: it survives a crash of the process, not of
   * the machine.
   */
  readonly fsync?: boolean;
  /** Refuse to open a file that exists (an audit log is never appended to by a second run). */
  readonly exclusive?: boolean;
}

interface Pending {
  readonly text: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * An append-only JSONL file written through: `append(line)` resolves once the line is written
 * (and, with fsync, on stable storage). Lines appended while a write is under way are written and
 * flushed together by the next one (group commit), in the order they were appended, so many
 * concurrent rounds share one fsync while a lone round still waits for its own.
 *
 * After a failed write the appender refuses every later append: what reached the file is unknown,
 * and a log must not go on past a gap.
 */
export class DurableAppender {
  readonly path: string;
  private readonly handle: FileHandle;
  private readonly fsync: boolean;
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private closed = false;

  private constructor(path: string, handle: FileHandle, fsync: boolean) {
    this.path = path;
    this.handle = handle;
    this.fsync = fsync;
  }

  static async open(path: string, options: AppenderOptions = {}): Promise<DurableAppender> {
    let handle: FileHandle;
    try {
      handle = await open(path, options.exclusive === true ? 'ax' : 'a');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const reason =
        code === 'EEXIST'
          ? 'it already exists (choose a new file)'
          : `cannot open it for appending (${code || String(error)})`;
      throw new SlotsimError('BAD_INPUT', `${path}: ${reason}`, { cause: error });
    }
    return new DurableAppender(path, handle, options.fsync ?? true);
  }

  /** Appends one line (without its "\n"); resolves once it is written through. */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new SlotsimError('INTERNAL', `${this.path}: append after close`));
    if (this.failure !== null) return Promise.reject(this.failed());
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text: `${line}\n`, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Waits for every appended line, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    await this.handle.close();
    if (this.failure !== null) throw this.failed();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeAll(Buffer.from(batch.map((p) => p.text).join('')));
        if (this.fsync) await this.handle.datasync();
      } catch (error) {
        this.failure = error;
        for (const p of [...batch, ...this.queue]) p.reject(this.failed());
        this.queue = [];
        break;
      }
      for (const p of batch) p.resolve();
    }
    this.writing = null;
  }

  private async writeAll(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  }

  private failed(): SlotsimError {
    return new SlotsimError(
      'BAD_FILE',
      `${this.path}: a write failed (${ioReason(this.failure)}); nothing more is appended`,
      { cause: this.failure },
    );
  }
}

/**
 * The operating system's reason for a failed file operation, in words and by its code: "no space
 * left on device (ENOSPC)".
 */
export function ioReason(error: unknown): string {
  if (error instanceof SlotsimError && error.cause !== undefined) return ioReason(error.cause);
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const words = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message);
    return words === null ? error.code : `${words[1]!} (${error.code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
