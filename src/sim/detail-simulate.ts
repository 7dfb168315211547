import { hasDetail } from './detail-chunk.js';
import { DetailMerger } from './detail-merge.js';
import type { SimulationDetail } from './detail-types.js';
import { simulateChunks } from './simulate.js';
import type { SimulateOptions, SimulationReport } from './simulate.js';
import type { RunOptions } from './run-chunks.js';

export interface DetailSimulateOptions extends SimulateOptions {
  /** The first this many rounds (in chunk order) are played with per-round detail. */
  readonly detailRounds: number;
  /** A sharded or resumed run's chunks (see `RunOptions`: `done`, `select`, `onChunk`). */
  readonly chunkHooks?: Pick<RunOptions, 'done' | 'select' | 'onChunk'>;
}

/**
 * `simulate` plus the per-round detail of its first `detailRounds` rounds. The rounds played are
 * exactly those of `simulate` with the same game, spins, seed and rng, so every figure of the
 * report is the same; the detail, merged in chunk order, does not depend on the thread count.
 */
export async function simulateWithDetail(options: DetailSimulateOptions): Promise<{
  report: SimulationReport;
  detail: SimulationDetail;
  /** Round win (credits) → rounds, over every round, exactly (for the report's own tables). */
  histogram: ReadonlyMap<number, bigint>;
}> {
  const merger = new DetailMerger();
  const histogram = new Map<number, bigint>();
  const hooks = options.chunkHooks ?? {};
  const report = await simulateChunks(options, {
    ...hooks,
    detailRounds: options.detailRounds,
    onChunk: (chunk) => {
      hooks.onChunk?.(chunk);
      if (hasDetail(chunk)) merger.add(chunk.detail);
      for (const [win, count] of chunk.histogram) {
        histogram.set(win, (histogram.get(win) ?? 0n) + BigInt(count));
      }
    },
  });
  return { report, detail: merger.result(), histogram };
}
