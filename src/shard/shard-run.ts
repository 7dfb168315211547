import type { Game } from '../engine/model.js';
import { enumeratesOnPool } from '../math/analyze.js';
import { cycleTaskCount, enumerateCycleShard } from '../math/cycle-run.js';
import { CHUNK_ROUNDS, planChunks } from '../sim/plan.js';
import { simulateChunks } from '../sim/simulate.js';
import type { RngName } from '../rng/index.js';
import { VERSION } from '../version.js';
import { PartialWriter } from './record-file.js';
import type { RunHeader, RunIdentity } from './run-identity.js';
import { encodeHeader, PARTIAL_FORMAT } from './run-identity.js';
import { inShard, shareOf } from './shard-spec.js';
import type { ShardSpec } from './shard-spec.js';
import { chunkCodec, cyclePartCodec } from './stats-codec.js';

/** What a command asks for, as it would run on one machine. */
export interface RunRequest {
  readonly command: RunIdentity['command'];
  readonly file: string;
  readonly game: Game;
  readonly seed: string | null;
  readonly rng: RngName | null;
  readonly rounds: number;
  readonly detailRounds: number | null;
  readonly rngCertificate: string | null;
  /** Cycles up to this many stop combinations are enumerated on the pool (certify's limit). */
  readonly fullCycleLimit?: number;
  /** certify --all-variants: the variants of the file (`game` is one of the run's games). */
  readonly allVariants?: readonly string[];
}

/** Whether the run enumerates the full cycle on the pool: analyze --full-cycle always, certify when `exactAnalysis` would. */
function enumerates(request: RunRequest): boolean {
  if (request.command === 'simulate') return false;
  return enumeratesOnPool(request.game, {
    enumerate: request.command === 'analyze' ? 'always' : 'up-to-limit',
    ...(request.fullCycleLimit === undefined ? {} : { fullCycleLimit: request.fullCycleLimit }),
  });
}

export function runIdentity(request: RunRequest): RunIdentity {
  const { game } = request;
  const simulates = request.command !== 'analyze';
  return {
    command: request.command,
    slotsimVersion: VERSION,
    game: {
      file: request.file,
      sha256: game.sha256,
      id: game.id,
      version: game.version,
      variant: game.variant,
      mode: game.mode,
    },
    seed: request.seed,
    rng: request.rng,
    rounds: request.rounds,
    chunkRounds: CHUNK_ROUNDS,
    chunks: simulates ? planChunks(request.rounds).length : 0,
    cycleTasks: enumerates(request) ? cycleTaskCount(game) : 0,
    detailRounds: request.detailRounds,
    rngCertificate: request.rngCertificate,
    allVariants: request.allVariants !== undefined,
    variants: request.allVariants ?? [],
  };
}

export interface ShardJob {
  readonly run: RunIdentity;
  readonly game: Game;
  readonly gameText: string;
  readonly shard: ShardSpec;
  /** Where the partial goes (written atomically: under this name only once whole). */
  readonly partial: string;
  /** `--partial` as given, when it is not `partial` itself (certify --all-variants); the header records it. */
  readonly partialArgument?: string;
  readonly threads: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: 'full-cycle' | 'simulation', done: number, total: number) => void;
}

export interface ShardResult {
  readonly chunks: number;
  readonly rounds: number;
  readonly cycleTasks: number;
  /** The partial's checksum (its end record's contentSha256). */
  readonly contentSha256: string;
}

/** The header of the partial a shard writes. */
export function shardHeader(job: Pick<ShardJob, 'run' | 'shard' | 'partial' | 'gameText'>): RunHeader {
  return {
    format: PARTIAL_FORMAT,
    run: job.run,
    shard: job.shard,
    partial: job.partial,
    gameText: job.gameText,
  };
}

/**
 * Runs one shard — its full-cycle tasks, then its simulation chunks — and writes its partial: the
 * exact statistics of each, in plan order. Nothing in the file depends on the thread count or the
 * clock, so a re-run writes the same bytes.
 */
export async function runShard(job: ShardJob): Promise<ShardResult> {
  const { run, game, shard } = job;
  const writer = new PartialWriter(job.partial, encodeHeader(shardHeader(job)));
  let rounds = 0;
  try {
    if (run.cycleTasks > 0) {
      await enumerateCycleShard(game, {
        threads: job.threads,
        select: (task) => inShard(shard, task),
        onPart: (part, task) => writer.add({ record: 'cycle', key: task, data: cyclePartCodec.encode(part) }),
        ...(job.signal === undefined ? {} : { signal: job.signal }),
        onProgress: (done, total) => job.onProgress?.('full-cycle', done, total),
      });
    }
    if (run.chunks > 0) {
      const share = planChunks(run.rounds).filter((chunk) => inShard(shard, chunk.index));
      const total = share.reduce((sum, chunk) => sum + chunk.rounds, 0);
      await simulateChunks(
        {
          game,
          spins: run.rounds,
          seed: run.seed!,
          rng: run.rng as RngName,
          threads: job.threads,
          ...(job.signal === undefined ? {} : { signal: job.signal }),
          onProgress: (done) => job.onProgress?.('simulation', done, total),
        },
        {
          select: (index) => inShard(shard, index),
          ...(run.detailRounds === null ? {} : { detailRounds: Math.min(run.detailRounds, run.rounds) }),
          onChunk: (chunk) => {
            rounds += chunk.rounds;
            writer.add({ record: 'chunk', key: chunk.index, data: chunkCodec.encode(chunk) });
          },
        },
      );
    }
    const contentSha256 = writer.finish();
    return {
      chunks: shareOf(shard, run.chunks),
      rounds,
      cycleTasks: shareOf(shard, run.cycleTasks),
      contentSha256,
    };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
