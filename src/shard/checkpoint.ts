import { existsSync } from 'node:fs';
import type { CyclePart } from '../math/cycle-enumerate.js';
import type { ChunkStats } from '../sim/chunk-stats.js';
import { SlotsimError } from '../errors.js';
import type { Codec } from './codec.js';
import { CheckpointWriter, readRecord, scanRecordFile } from './record-file.js';
import type { RecordEntry } from './record-file.js';
import { CHECKPOINT_FORMAT, decodeHeader, encodeHeader, identityDifferences } from './run-identity.js';
import type { RunIdentity } from './run-identity.js';
import { chunkCodec, cyclePartCodec } from './stats-codec.js';

/** Completed work is written at most this often (and when a phase or the run ends, or it is interrupted). */
export const CHECKPOINT_INTERVAL_MS = 2000;

export interface CheckpointRequest {
  readonly path: string;
  readonly resume: boolean;
  /** The run as the command line asks for it. */
  readonly run: RunIdentity;
  /** Whether `--seed` was given: when not, a resumed run takes the checkpoint's seed. */
  readonly seedGiven: boolean;
  readonly gameText: string;
  /** The clock (tests). */
  readonly now?: () => number;
}

/** A checkpoint opened for a run: the work it already holds, and the hooks that record the rest. */
export interface Checkpoint {
  /** The run to do: the request's, with the checkpoint's seed when resumed without --seed. */
  readonly run: RunIdentity;
  /** What was taken from the file (null: a new checkpoint). */
  readonly resumed: { readonly cycleTasks: number; readonly chunks: number } | null;
  readonly notes: readonly string[];
  readonly cycles: {
    readonly done: Iterable<CyclePart>;
    readonly onPart: (part: CyclePart, task: number) => void;
  };
  readonly chunks: { readonly done: Iterable<ChunkStats>; readonly onChunk: (chunk: ChunkStats) => void };
  /** Writes what is queued (call when the run ends, or stops). */
  flush(): void;
  close(): void;
}

function decoded<T>(path: string, entries: readonly RecordEntry[], codec: Codec<T>): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (const entry of entries) {
        const body = readRecord(path, entry);
        try {
          yield codec.decode(body.data, 'data');
        } catch (error) {
          if (error instanceof SlotsimError && error.code === 'BAD_FILE') {
            throw new SlotsimError('BAD_FILE', `${path}:${entry.line}: corrupt checkpoint: ${error.message}`);
          }
          throw error;
        }
      }
    },
  };
}

/**
 * Opens `--checkpoint FILE`: a new one (the file must not exist, unless `--resume` finds none yet),
 * or with `--resume` the one there — refused (exit 2) when it is of another run. The records it
 * holds must be the plan's first full-cycle tasks and chunks, in order; from its first bad or
 * out-of-order line on (what a kill -9 or a power cut leaves) it is cut, and that work is redone.
 */
export function openCheckpoint(request: CheckpointRequest): Checkpoint {
  const { path } = request;
  const now = request.now ?? (() => performance.now());
  const notes: string[] = [];
  let run = request.run;
  let writer: CheckpointWriter;
  let cycleEntries: RecordEntry[] = [];
  let chunkEntries: RecordEntry[] = [];
  let resumed: Checkpoint['resumed'] = null;
  const fresh = (): CheckpointWriter =>
    new CheckpointWriter(path, {
      header: encodeHeader({
        format: CHECKPOINT_FORMAT,
        run,
        shard: null,
        partial: null,
        gameText: request.gameText,
      }),
    });
  if (!existsSync(path)) {
    if (request.resume) notes.push(`--resume: no checkpoint at ${path} yet: starting from the beginning`);
    writer = fresh();
  } else {
    if (!request.resume) {
      throw new SlotsimError(
        'BAD_INPUT',
        `--checkpoint: ${path} already exists: add --resume to continue that run, or remove the file to start again`,
      );
    }
    const scan = scanRecordFile(path);
    if (scan.header === null) {
      throw new SlotsimError(
        'BAD_FILE',
        `--resume: ${path} is not a slotsim checkpoint${scan.problem === null ? ' (empty)' : ` (line ${scan.problem.line}: ${scan.problem.what})`}`,
      );
    }
    const header = decodeHeader(scan.header, path);
    if (header.format !== CHECKPOINT_FORMAT) {
      throw new SlotsimError(
        'BAD_INPUT',
        `--resume: ${path} is a ${header.format} file, not a checkpoint (merge partials with slotsim merge)`,
      );
    }
    if (!request.seedGiven) run = { ...run, seed: header.run.seed };
    const differences = identityDifferences(header.run, run);
    if (differences.length > 0) {
      throw new SlotsimError(
        'BAD_INPUT',
        `--resume: ${path} is a checkpoint of another run (${differences.join('; ')}); give its command, or another --checkpoint file`,
      );
    }
    // The records kept: full-cycle tasks 0, 1, … then chunks 0, 1, … — up to the first that is not next.
    let keep = scan.records.length;
    for (const [i, entry] of scan.records.entries()) {
      const expected = entry.kind === 'cycle' ? cycleEntries.length : chunkEntries.length;
      if (entry.key !== expected || (entry.kind === 'cycle' && chunkEntries.length > 0)) {
        keep = i;
        notes.push(
          `--resume: ${path}:${entry.line}: a record out of order: the checkpoint is cut there and the rest is redone`,
        );
        break;
      }
      (entry.kind === 'cycle' ? cycleEntries : chunkEntries).push(entry);
    }
    const cut = scan.records[keep];
    if (cut === undefined && scan.problem !== null) {
      notes.push(
        `--resume: ${path}:${scan.problem.line}: ${scan.problem.what}: the checkpoint is cut there (what a kill or power cut leaves) and that work is redone`,
      );
    }
    cycleEntries = cycleEntries.slice(0, keep);
    chunkEntries = chunkEntries.slice(0, Math.max(0, keep - cycleEntries.length));
    resumed = { cycleTasks: cycleEntries.length, chunks: chunkEntries.length };
    writer = new CheckpointWriter(path, { validBytes: cut === undefined ? scan.validBytes : cut.offset });
  }
  const keptCycles = cycleEntries.length;
  const keptChunks = chunkEntries.length;
  let last = now();
  const maybeFlush = (): void => {
    if (now() - last < CHECKPOINT_INTERVAL_MS) return;
    writer.flush();
    last = now();
  };
  return {
    run,
    resumed,
    notes,
    cycles: {
      done: decoded(path, cycleEntries, cyclePartCodec),
      onPart: (part, task) => {
        if (task < keptCycles) return;
        writer.add({ record: 'cycle', key: task, data: cyclePartCodec.encode(part) });
        maybeFlush();
      },
    },
    chunks: {
      done: decoded(path, chunkEntries, chunkCodec),
      onChunk: (chunk) => {
        if (chunk.index < keptChunks) return;
        writer.add({ record: 'chunk', key: chunk.index, data: chunkCodec.encode(chunk) });
        maybeFlush();
      },
    },
    flush: () => writer.flush(),
    close: () => writer.close(),
  };
}
