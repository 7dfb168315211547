import { open, type FileHandle } from 'node:fs/promises';
import { fileErrorReason, SlotsimError } from '../errors.js';
import { MAX_LINE_BYTES } from './format.js';

/** One line of a file, as bytes (valid only during the callback: the buffer is reused). */
export interface RawLine {
  /** 1-based line number. */
  readonly number: number;
  /** The line's bytes without its "\n"; empty when `tooLong`. */
  readonly bytes: Buffer;
  /** False for a last line that the file ends in the middle of (no final "\n"). */
  readonly terminated: boolean;
  /** The line was longer than the limit and was skipped. */
  readonly tooLong: boolean;
}

export interface LineReaderOptions {
  readonly maxLineBytes?: number;
  readonly chunkBytes?: number;
  readonly signal?: AbortSignal | undefined;
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: ((bytesRead: number) => void) | undefined;
}

/**
 * Streams a file line by line in constant memory: chunks are read into one buffer, and only a
 * line that spans chunks is copied — its pieces kept as they come and joined once at its end (so a
 * line of many megabytes costs one copy, not one per chunk), up to `maxLineBytes`; a longer line
 * is reported as `tooLong`, never held. `onLine` runs synchronously for every line, in order.
 */
export async function forEachLine(
  path: string,
  onLine: (line: RawLine) => void,
  options: LineReaderOptions = {},
): Promise<{ lines: number; bytes: number }> {
  const maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
  const chunkBytes = options.chunkBytes ?? 1024 * 1024;
  // Two buffers: the next chunk is read while the lines of this one are handled.
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new SlotsimError('BAD_FILE', `${path}: cannot read it (${fileErrorReason(error)})`, {
      cause: error,
    });
  }
  const read = async (buffer: Buffer): Promise<number> => {
    try {
      return (await handle.read(buffer, 0, buffer.length, null)).bytesRead;
    } catch (error) {
      throw new SlotsimError('BAD_FILE', `${path}: cannot read it (${fileErrorReason(error)})`, {
        cause: error,
      });
    }
  };
  let number = 0;
  let total = 0;
  /** The pieces of a line that began in an earlier chunk (copies), and their length. */
  let carry: Buffer[] = [];
  let carried = 0;
  let skipping = false;
  const emit = (bytes: Buffer, terminated: boolean, tooLong: boolean): void => {
    number++;
    onLine({ number, bytes, terminated, tooLong });
  };
  let pending: Promise<number> | null = null;
  try {
    pending = read(buffers[0]!);
    for (let turn = 0; ; turn++) {
      if (options.signal?.aborted === true) throw new SlotsimError('INTERRUPTED', 'interrupted');
      const chunk = buffers[turn % 2]!;
      const got: number = await pending;
      pending = null;
      if (got === 0) break;
      // Reads on one handle are sequential (position null): this one continues where `got` ends.
      pending = read(buffers[(turn + 1) % 2]!);
      total += got;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl === -1 || nl >= got) break;
        if (skipping) {
          skipping = false;
          emit(Buffer.alloc(0), true, true);
        } else if (carried > 0) {
          const length = carried + nl - start;
          if (length > maxLine) emit(Buffer.alloc(0), true, true);
          else emit(Buffer.concat([...carry, chunk.subarray(start, nl)], length), true, false);
          carry = [];
          carried = 0;
        } else if (nl - start > maxLine) {
          emit(Buffer.alloc(0), true, true);
        } else {
          emit(chunk.subarray(start, nl), true, false);
        }
        start = nl + 1;
      }
      if (start < got && !skipping) {
        carry.push(Buffer.from(chunk.subarray(start, got)));
        carried += got - start;
        if (carried > maxLine) {
          carry = [];
          carried = 0;
          skipping = true;
        }
      }
      options.onProgress?.(total);
    }
    if (skipping) emit(Buffer.alloc(0), false, true);
    else if (carried > 0) emit(Buffer.concat(carry, carried), false, false);
  } finally {
    // A read still in flight (after an error or an interrupt) must end before the handle closes.
    await pending?.catch(() => 0);
    await handle.close();
  }
  return { lines: number, bytes: total };
}
