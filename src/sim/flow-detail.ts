import type { Rng } from '../rng/rng.js';
import { carrySums, finishChunk, newAccumulator } from './chunk-stats.js';
import type { DetailChunkStats } from './detail-chunk.js';
import { DetailRecorder } from './detail-recorder.js';
import type { FlowGame } from './flow-round.js';
import { simulateFlowRounds, simulateFlowRoundsExactly } from './flow-round.js';
import { SerialProbe } from './serial-probe.js';

/**
 * `runDetailChunk` for a game using a format-2 mechanic: the chunk's first `detailRounds` rounds
 * play through the round flow with a `DetailRecorder` attached and every draw seen by a
 * `SerialProbe` — neither changes a draw, so the chunk's figures are those of the plain path —
 * and the rest of the chunk runs with no recorder.
 */
export function runFlowDetailChunk(
  sim: FlowGame,
  rng: Rng,
  index: number,
  rounds: number,
  detailRounds: number,
): DetailChunkStats {
  const acc = newAccumulator(true);
  const probe = new SerialProbe(rng);
  const recorder = new DetailRecorder(sim.game);
  const detailed = Math.min(detailRounds, rounds);
  for (let done = 0; done < detailed; done += sim.roundsPerRun) {
    simulateFlowRounds(sim, probe, Math.min(sim.roundsPerRun, detailed - done), acc, recorder);
    carrySums(acc);
  }
  simulateFlowRoundsExactly(sim, rng, rounds - detailed, acc);
  const sorted = <K>(m: ReadonlyMap<K, number>, compare: (a: K, b: K) => number): [K, number][] =>
    [...m].sort((a, b) => compare(a[0], b[0]));
  return {
    ...finishChunk(acc, index),
    detail: {
      rounds: detailed,
      combinations: [],
      groups: [],
      stopCounts: recorder.paidStops.map((counts) => Array.from(counts)),
      serial: probe.serial(),
      features: {
        features: recorder.features,
        awards: sorted(recorder.awards, (a, b) => a - b).map(([awarded, count]) => ({ awarded, count })),
        freeTrials: recorder.freeSpins,
        freeCombinations: [],
        freeGroups: [],
        freeStopCounts: recorder.freeStops.map((counts) => Array.from(counts)),
        bonuses: recorder.bonuses,
        prizes: sorted(recorder.prizes, (a, b) => a - b).map(([prize, count]) => ({ prize, count })),
      },
      format2: {
        tallies: recorder.tallies(),
        combinations: sorted(recorder.combinations, (a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(
          ([key, all]) => ({ key, all }),
        ),
      },
    },
  };
}
