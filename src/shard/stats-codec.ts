import type { CyclePart } from '../math/cycle-enumerate.js';
import type { ChunkStats } from '../sim/chunk-stats.js';
import type { DetailChunkStats } from '../sim/detail-chunk.js';
import type {
  ChunkDetail,
  DetailCombinationCount,
  DetailGroup,
  FeatureDetail,
  Format2Detail,
  SerialSums,
} from '../sim/detail-types.js';
import type { DrawTally } from '../sim/draw-tally.js';
import type { Squared } from '../sim/square-sums.js';
import {
  arrayOf,
  bigInteger,
  count,
  double,
  nullable,
  objectOf,
  oneOf,
  pairsOf,
  safeInteger,
  text,
  wholeNumbers,
} from './codec.js';
import type { Codec, Json } from './codec.js';

/** The codecs of what a shard hands to the merge: a simulation chunk's statistics and a full-cycle task's part. */

type Plain<T> = { -readonly [K in keyof T]: T[K] };

const combinationCount = objectOf<Plain<DetailCombinationCount>>({
  kind: oneOf(['line', 'ways', 'scatter']),
  rule: nullable(count),
  count,
  multiplier: safeInteger,
  all: count,
  sampled: count,
});

const group = objectOf<Plain<DetailGroup>>({
  kind: oneOf(['lines', 'ways', 'scatter']),
  rule: nullable(count),
  trials: count,
});

const serial = objectOf<Plain<SerialSums>>({
  draws: count,
  sum: double,
  sumOfSquares: double,
  sumOfProducts: double,
  first: nullable(double),
  last: nullable(double),
});

const features = objectOf<Plain<FeatureDetail>>({
  features: count,
  awards: arrayOf(objectOf<{ awarded: number; count: number }>({ awarded: count, count })),
  freeTrials: count,
  freeCombinations: arrayOf(combinationCount),
  freeGroups: arrayOf(group),
  freeStopCounts: arrayOf(arrayOf(count)),
  bonuses: count,
  prizes: arrayOf(objectOf<{ prize: number; count: number }>({ prize: count, count })),
});

const drawTally = objectOf<Plain<DrawTally>>({
  name: text,
  part: oneOf(['reels', 'features']),
  labels: arrayOf(text),
  weights: arrayOf(count),
  counts: arrayOf(count),
});

const format2Detail = objectOf<Plain<Format2Detail>>({
  tallies: arrayOf(drawTally),
  combinations: arrayOf(objectOf<{ key: string; all: number }>({ key: text, all: count })),
});

const squares = objectOf<Record<Squared, bigint>>({
  lines: bigInteger,
  scatter: bigInteger,
  freeSpins: bigInteger,
  bonus: bigInteger,
  holdAndWin: bigInteger,
  freeSpinsPlayed: bigInteger,
});

const detail = objectOf<Plain<ChunkDetail>>({
  rounds: count,
  combinations: arrayOf(combinationCount),
  groups: arrayOf(group),
  stopCounts: arrayOf(arrayOf(count)),
  serial,
  features,
  format2: nullable(format2Detail),
});

const stats = objectOf<Plain<ChunkStats>>({
  index: count,
  rounds: count,
  hits: count,
  total: bigInteger,
  lines: bigInteger,
  scatter: bigInteger,
  freeSpins: bigInteger,
  bonus: bigInteger,
  holdAndWin: bigInteger,
  freeSpinsTriggers: count,
  freeSpinsPlayed: count,
  bonusTriggers: count,
  holdAndWinTriggers: count,
  capHits: count,
  maxWin: count,
  histogram: pairsOf(count, count),
  squares: nullable(squares),
});

const chunkRecord = objectOf<{ stats: ChunkStats; detail: ChunkDetail | null }>({
  stats,
  detail: nullable(detail),
});

/** A chunk's statistics (and certify's per-round detail, when the chunk has some). */
export const chunkCodec: Codec<ChunkStats> = {
  encode: (chunk) => {
    const { detail: d, ...rest } = chunk as Partial<DetailChunkStats> & ChunkStats;
    return chunkRecord.encode({ stats: rest, detail: d ?? null });
  },
  decode: (json: unknown, path: string): ChunkStats => {
    const record = chunkRecord.decode(json, path);
    if (record.detail === null) return record.stats;
    const withDetail: DetailChunkStats = { ...record.stats, detail: record.detail };
    return withDetail;
  },
};

/** A full-cycle task's part: exact histograms of (win, class) weights and the spins over the cap. */
export const cyclePartCodec: Codec<CyclePart> = objectOf<Plain<CyclePart>>({
  role: oneOf(['base', 'free']),
  from: count,
  histogram: wholeNumbers,
  overCap: wholeNumbers,
  pays: wholeNumbers,
  weight: count,
  combinations: count,
});

export type { Json };
