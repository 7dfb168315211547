import type { Rng } from '../rng/rng.js';
import { carrySums, finishChunk, newAccumulator } from './chunk-stats.js';
import type { ChunkStats } from './chunk-stats.js';
import { SpinClassifier } from './detail-classify.js';
import { FeatureRecorder } from './detail-features.js';
import { DetailProbe } from './detail-probe.js';
import type { ChunkDetail } from './detail-types.js';
import type { FastGame } from './fast-game.js';
import { simulateRounds, simulateRoundsExactly } from './fast-round.js';

export interface DetailChunkStats extends ChunkStats {
  readonly detail: ChunkDetail;
}

export function hasDetail(chunk: ChunkStats): chunk is DetailChunkStats {
  return 'detail' in chunk;
}

/**
 * Plays a chunk like `runChunk` — the same fast-path rounds on the same stream, so every figure is
 * identical — but its first `detailRounds` rounds one at a time through a `DetailProbe`, and
 * classifies each of their paid spins. The rest of the chunk runs on the plain fast path.
 */
export function runDetailChunk(
  fast: FastGame,
  rng: Rng,
  index: number,
  rounds: number,
  detailRounds: number,
): DetailChunkStats {
  const acc = newAccumulator();
  const probe = new DetailProbe(
    rng,
    fast.base,
    fast.game.baseReelSet.reels.map((reel) => reel.strip.length),
  );
  const classifier = new SpinClassifier(fast);
  const features = new FeatureRecorder(fast);
  const detailed = Math.min(detailRounds, rounds);
  for (let i = 0; i < detailed; i++) {
    probe.startRound();
    simulateRounds(fast, probe, 1, acc);
    classifier.record(probe.stops, i);
    features.record(probe);
    if ((i + 1) % fast.roundsPerRun === 0) carrySums(acc);
  }
  carrySums(acc);
  simulateRoundsExactly(fast, rng, rounds - detailed, acc);
  return {
    ...finishChunk(acc, index),
    detail: {
      rounds: detailed,
      combinations: classifier.counts(),
      groups: classifier.groupTrials(),
      stopCounts: probe.stopCounts.map((counts) => Array.from(counts)),
      serial: probe.serial(),
      features: features.result(),
      format2: null,
    },
  };
}
