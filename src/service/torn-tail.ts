import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { TornTail } from '../audit/record.js';
import { fileErrorReason, SlotsimError } from '../errors.js';

/** A last line without its "\n" (a write the crash tore), or null. `keep`: the bytes before it. */
export async function tornTail(path: string): Promise<(TornTail & { keep: number }) | null> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new SlotsimError('BAD_FILE', `${path}: cannot read it (${fileErrorReason(error)})`, {
      cause: error,
    });
  }
  if (size === 0) return null;
  const handle = await open(path, 'r');
  try {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return null;
    // Find the last "\n" before it, a block at a time from the end.
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    let keep = 0;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const nl = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl !== -1) {
        keep = start + nl + 1;
        break;
      }
      end = start;
    }
    const torn = Buffer.alloc(size - keep);
    await handle.read(torn, 0, torn.length, keep);
    return { bytes: torn.length, sha256: createHash('sha256').update(torn).digest('hex'), keep };
  } finally {
    await handle.close();
  }
}
