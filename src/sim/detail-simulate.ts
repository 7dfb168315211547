import { hasDetail } from './detail-chunk.js';
import { DetailMerger } from './detail-merge.js';
import type { SimulationDetail } from './detail-types.js';
import { runChunks } from './run-chunks.js';
import { summarise } from './simulate.js';
import type { SimulateOptions, SimulationReport } from './simulate.js';

export interface DetailSimulateOptions extends SimulateOptions {
  /** The first this many rounds (in chunk order) are played with per-round detail. */
  readonly detailRounds: number;
}

/**
 * `simulate` plus the per-round detail of its first `detailRounds` rounds. The rounds played are
 * exactly those of `simulate` with the same game, spins, seed and rng, so every figure of the
 * report is the same; the detail, merged in chunk order, does not depend on the thread count.
 */
export async function simulateWithDetail(
  options: DetailSimulateOptions,
): Promise<{ report: SimulationReport; detail: SimulationDetail }> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const merger = new DetailMerger();
  const { stats, chunks } = await runChunks({
    gameText: options.gameText,
    file: options.file,
    variant: options.game.variant,
    rounds: options.spins,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    detailRounds: options.detailRounds,
    onChunk: (chunk) => {
      if (hasDetail(chunk)) merger.add(chunk.detail);
    },
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const report = summarise(options, stats, chunks, (now() - started) / 1000);
  return { report, detail: merger.result() };
}
