import type { CyclePart } from '../math/cycle-enumerate.js';
import type { ChunkStats } from '../sim/chunk-stats.js';
import { SlotsimError } from '../errors.js';
import { VERSION } from '../version.js';
import type { Codec } from './codec.js';
import { readRecord, scanRecordFile } from './record-file.js';
import type { RecordEntry, ScannedFile } from './record-file.js';
import type { ShardSpec } from './shard-spec.js';
import { guessPartialPath, shardCommand } from './rerun-command.js';
import { decodeHeader, identityDifferences, PARTIAL_FORMAT } from './run-identity.js';
import type { RunHeader, RunIdentity } from './run-identity.js';
import { chunkCodec, cyclePartCodec } from './stats-codec.js';

/** The partials of one game of a run, checked, ready to be merged in plan order. */
export interface PartialSet {
  /** The first partial's header (every partial of the set is of the same run and game). */
  readonly header: RunHeader;
  /** Every chunk's statistics, in chunk order, read and decoded one at a time. */
  chunks(): Iterable<ChunkStats>;
  /** Every full-cycle task's part, in task order. */
  cycleParts(): Iterable<CyclePart>;
}

/** The partials of a whole run. */
export interface PartialRun {
  /** One set per game: one for most runs; certify --all-variants: the game as written, then each variant. */
  readonly sets: readonly PartialSet[];
  readonly shards: number;
  /** Notes for stderr (duplicates set aside). */
  readonly notes: readonly string[];
}

function refuse(message: string): never {
  throw new SlotsimError('BAD_FILE', message);
}

/** A scanned partial that is whole: its lines sealed, its end record there and its checksum right. */
function wholePartial(scan: ScannedFile): RunHeader {
  if (scan.header === null) {
    refuse(
      `${scan.path}: not a slotsim partial (${scan.problem === null ? 'empty' : `line ${scan.problem.line}: ${scan.problem.what}`})`,
    );
  }
  const header = decodeHeader(scan.header, scan.path);
  if (header.format !== PARTIAL_FORMAT)
    refuse(`${scan.path}: a ${header.format} file, not a partial (resume it with --resume instead)`);
  if (scan.problem !== null)
    refuse(`${scan.path}:${scan.problem.line}: corrupt or truncated partial: ${scan.problem.what}`);
  if (scan.end === null)
    refuse(
      `${scan.path}: truncated partial: it has no end record (the shard did not finish, or the file was cut)`,
    );
  return header;
}

/** What is kept of each partial between the two passes (not its header: 1,000 copies of a game's text add up). */
interface Held {
  readonly path: string;
  readonly shard: ShardSpec;
  /** The SHA-256 of its records alone: two partials of one shard agree when these do, whatever path their headers name. */
  readonly recordsSha256: string;
  readonly records: readonly RecordEntry[];
}

/** The partials of one game of the run, by shard. */
interface Group {
  readonly first: { readonly path: string; readonly header: RunHeader };
  readonly byShard: Map<number, Held>;
}

/** The run as every game of a certify --all-variants run shares it (its variant and full-cycle tasks set aside). */
function sharedIdentity(run: RunIdentity): RunIdentity {
  return run.allVariants ? { ...run, game: { ...run.game, variant: null }, cycleTasks: 0 } : run;
}

function groupKey(run: RunIdentity): string {
  return run.allVariants ? JSON.stringify(run.game.variant) : '*';
}

/**
 * Reads every partial once (`scanRecordFile`: seals and checksums, one file at a time, keeping one
 * small entry per record) and checks they make one whole run: the same run identity, one shard
 * count, each shard exactly once (a duplicate with the same records is set aside; one with other
 * records is refused), every shard present (a missing one is listed with the command that re-runs
 * it), and each holding exactly its share. A certify --all-variants run has one partial per game
 * and shard, all of them needed. Everything wrong is refused with the file's name (exit 2). The
 * statistics themselves are decoded later, in plan order (`chunks`, `cycleParts`).
 */
export function openPartials(paths: readonly string[]): PartialRun {
  if (paths.length === 0) throw new SlotsimError('BAD_INPUT', 'merge: give the partial files to merge');
  const notes: string[] = [];
  const groups = new Map<string, Group>();
  let first: { path: string; header: RunHeader } | null = null;
  for (const path of paths) {
    const scan = scanRecordFile(path);
    const header = wholePartial(scan);
    const shard = header.shard!;
    const held: Held = { path, shard, recordsSha256: scan.recordsSha256, records: scan.records };
    if (first === null) {
      first = { path, header };
      if (header.run.slotsimVersion !== VERSION) {
        refuse(
          `${path}: written by slotsim ${header.run.slotsimVersion}; this is slotsim ${VERSION} (merge with the version that ran the shards)`,
        );
      }
    } else {
      const differences = identityDifferences(sharedIdentity(first.header.run), sharedIdentity(header.run));
      if (differences.length > 0) {
        refuse(`${path}: a partial of another run than ${first.path} (${differences.join('; ')})`);
      }
      if (shard.count !== first.header.shard!.count) {
        refuse(
          `${path}: shard ${shard.index}/${shard.count}, but ${first.path} is shard ${first.header.shard!.index}/${first.header.shard!.count}: merge shards of one split`,
        );
      }
    }
    const key = groupKey(header.run);
    let group = groups.get(key);
    if (group === undefined) {
      group = { first: { path, header }, byShard: new Map() };
      groups.set(key, group);
    } else {
      const differences = identityDifferences(group.first.header.run, header.run);
      if (differences.length > 0) {
        refuse(`${path}: a partial of another run than ${group.first.path} (${differences.join('; ')})`);
      }
    }
    const twin = group.byShard.get(shard.index);
    if (twin !== undefined) {
      if (twin.recordsSha256 !== held.recordsSha256) {
        refuse(
          `${path} and ${twin.path} are both shard ${shard.index}/${shard.count}${header.run.allVariants ? ` of ${variantLabel(header.run.game.variant)}` : ''} but their results differ: remove the wrong one, or re-run the shard`,
        );
      }
      notes.push(`${path}: the same as ${twin.path} (shard ${shard.index}): counted once`);
      continue;
    }
    group.byShard.set(shard.index, held);
  }
  const head = first!;
  const run = head.header.run;
  const shards = head.header.shard!.count;
  const keys = run.allVariants ? [null, ...run.variants].map((v) => JSON.stringify(v)) : ['*'];
  const missing: number[] = [];
  const lacking: string[] = [];
  for (let i = 0; i < shards; i++) {
    const without = keys.filter((key) => groups.get(key)?.byShard.has(i) !== true);
    if (without.length === 0) continue;
    missing.push(i);
    if (run.allVariants) {
      lacking.push(
        `shard ${i}: ${without.map((key) => variantLabel(JSON.parse(key) as string | null)).join(', ')}`,
      );
    }
  }
  if (missing.length > 0) {
    const sibling = { path: head.header.partial ?? head.path, index: head.header.shard!.index };
    const lines = missing.map(
      (i) => `  ${shardCommand(run, { index: i, count: shards }, guessPartialPath(sibling, i))}`,
    );
    throw new SlotsimError(
      'BAD_INPUT',
      `merge: ${missing.length} of ${shards} shards missing (${missing.join(', ')})${run.allVariants ? ` — ${lacking.join('; ')}` : ''}; run ${missing.length === 1 ? 'it' : 'each'}, then merge again:\n${lines.join('\n')}`,
    );
  }
  return { sets: keys.map((key) => partialSet(groups.get(key)!)), shards, notes };
}

function variantLabel(variant: string | null): string {
  return variant === null ? 'as written' : `variant ${variant}`;
}

/** Checks that each partial of a game holds exactly its share, in plan order, and indexes the records. */
function partialSet(group: Group): PartialSet {
  const run = group.first.header.run;
  const chunkAt: { path: string; entry: RecordEntry }[] = new Array<{ path: string; entry: RecordEntry }>(
    run.chunks,
  );
  const partAt: { path: string; entry: RecordEntry }[] = new Array<{ path: string; entry: RecordEntry }>(
    run.cycleTasks,
  );
  for (const held of group.byShard.values()) {
    const shard = held.shard;
    const got = held.records;
    let at = 0;
    let wrong = false;
    for (const [kind, total] of [
      ['cycle', run.cycleTasks],
      ['chunk', run.chunks],
    ] as const) {
      for (let key = shard.index; key < total; key += shard.count, at++) {
        if (got[at]?.kind !== kind || got[at]?.key !== key) wrong = true;
      }
    }
    if (at !== got.length) wrong = true;
    if (wrong) {
      refuse(
        `${held.path}: does not hold exactly shard ${shard.index}/${shard.count}'s share of the run (${run.cycleTasks} full-cycle tasks and ${run.chunks} chunks, every ${shard.count}th from ${shard.index})`,
      );
    }
    for (const entry of got)
      (entry.kind === 'chunk' ? chunkAt : partAt)[entry.key] = { path: held.path, entry };
  }
  const decoded = <T>(at: readonly { path: string; entry: RecordEntry }[], codec: Codec<T>): Iterable<T> => ({
    *[Symbol.iterator]() {
      for (const { path, entry } of at) {
        const body = readRecord(path, entry);
        try {
          yield codec.decode(body.data, 'data');
        } catch (error) {
          if (error instanceof SlotsimError && error.code === 'BAD_FILE')
            refuse(`${path}:${entry.line}: ${error.message}`);
          throw error;
        }
      }
    },
  });
  return {
    header: group.first.header,
    chunks: () => decoded(chunkAt, chunkCodec),
    cycleParts: () => decoded(partAt, cyclePartCodec),
  };
}
