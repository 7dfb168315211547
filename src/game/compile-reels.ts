/** Reel sets of the file compiled to symbol indexes, with the weighted draw's tables. */
import type { Reel, ReelSet } from '../engine/model.js';
import { runningSums } from './compile-tables.js';
import type { ReelFile } from './schema.js';

export function compileReelSet(
  name: string,
  reels: readonly ReelFile[],
  symbolIndex: ReadonlyMap<string, number>,
): ReelSet {
  return { name, reels: reels.map((reel) => compileReel(reel, symbolIndex)) };
}

function compileReel(reel: ReelFile, symbolIndex: ReadonlyMap<string, number>): Reel {
  const weighted = !Array.isArray(reel);
  const strip = (weighted ? reel.strip : reel).map((id) => symbolIndex.get(id) ?? -1);
  if (!weighted) return { strip, weights: null, cumulative: null, drawBound: strip.length };
  const cumulative = runningSums(reel.weights);
  return { strip, weights: [...reel.weights], cumulative, drawBound: cumulative.at(-1) ?? 0 };
}
