import { DurableAppender } from '../../src/audit/durable-appender.js';
import type { LedgerStore } from '../../src/service/ledger-wallet.js';

/**
 * A ledger store that writes the ledger file for its first `healthy` entries and from then on
 * /dev/full, where every write fails with the kernel's ENOSPC ("no space left on device"): a disk
 * that filled up mid-run. The file holds what was written before; freeing space is opening it again.
 */
export function fillingDisk(path: string, healthy: number): LedgerStore {
  let appended = 0;
  let file: Promise<DurableAppender> | null = null;
  let full: Promise<DurableAppender> | null = null;
  return {
    async append(line) {
      appended++;
      if (appended <= healthy) {
        file ??= DurableAppender.open(path, { fsync: false, exclusive: true });
        return (await file).append(line);
      }
      full ??= DurableAppender.open('/dev/full', { fsync: false });
      return (await full).append(line);
    },
    async close() {
      await (await file)?.close();
      await (await full)?.close().catch(() => undefined);
    },
  };
}
