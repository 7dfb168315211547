import { sha256Hex } from '../game/parse-game.js';
import { SlotsimError } from '../errors.js';
import { arrayOf, count, flag, nullable, objectOf, oneOf, text } from './codec.js';
import type { Codec, Json } from './codec.js';
import type { ShardSpec } from './shard-spec.js';

/**
 * Everything that fixes a figure (or a line of the output) of a run that can be sharded or resumed:
 * two partials merge, and a checkpoint resumes, only when these are equal. The thread count, the
 * machine and the clock are not in it: they change no figure.
 */
export interface RunIdentity {
  readonly command: 'simulate' | 'certify' | 'analyze';
  readonly slotsimVersion: string;
  readonly game: {
    /** The game file as given on the command line (the commands that re-run or reproduce name it). */
    readonly file: string;
    /** SHA-256 of the file's bytes. */
    readonly sha256: string;
    readonly id: string;
    readonly version: string;
    readonly variant: string | null;
    /** The bet mode (`game.mode`, "base" for the game as written). */
    readonly mode: string;
  };
  /** simulate, certify: the simulation; null for analyze. */
  readonly seed: string | null;
  readonly rng: string | null;
  /** Rounds simulated (simulate, certify; analyze: its cap simulation's `--sim-spins`, used only when a cap makes figures inexact). */
  readonly rounds: number;
  /** Rounds per chunk, and the chunks the simulation is cut into (0 for analyze: its shards share no chunk). */
  readonly chunkRounds: number;
  readonly chunks: number;
  /** The full-cycle tasks the shards share (0: the run enumerates nothing on the pool). */
  readonly cycleTasks: number;
  /** certify: rounds played with per-round detail, and `--rng-certificate`; null otherwise. */
  readonly detailRounds: number | null;
  readonly rngCertificate: string | null;
  /**
   * certify --all-variants: this partial is one variant's (`game.variant`) of a run that certifies
   * the game as written and every variant in `variants`; false (and no variants) otherwise.
   */
  readonly allVariants: boolean;
  readonly variants: readonly string[];
}

type Plain<T> = { -readonly [K in keyof T]: T[K] };

export const identityCodec: Codec<RunIdentity> = objectOf<Plain<RunIdentity>>({
  command: oneOf(['simulate', 'certify', 'analyze']),
  slotsimVersion: text,
  game: objectOf<Plain<RunIdentity['game']>>({
    file: text,
    sha256: text,
    id: text,
    version: text,
    variant: nullable(text),
    mode: text,
  }),
  seed: nullable(text),
  rng: nullable(text),
  rounds: count,
  chunkRounds: count,
  chunks: count,
  cycleTasks: count,
  detailRounds: nullable(count),
  rngCertificate: nullable(text),
  allVariants: flag,
  variants: arrayOf(text),
});

/** The members in which `b` differs from `a`, as "member: a ≠ b" (empty when they are one run). */
export function identityDifferences(a: RunIdentity, b: RunIdentity): string[] {
  const flat = (value: RunIdentity): [string, string][] => {
    const out: [string, string][] = [];
    const walk = (json: Json, path: string): void => {
      if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
        for (const [key, v] of Object.entries(json)) walk(v, path === '' ? key : `${path}.${key}`);
      } else out.push([path, JSON.stringify(json)]);
    };
    walk(identityCodec.encode(value), '');
    return out;
  };
  const other = new Map(flat(b));
  return flat(a).flatMap(([key, value]) =>
    other.get(key) === value ? [] : [`${key} ${value} ≠ ${other.get(key) ?? 'missing'}`],
  );
}

/** What a partial's or checkpoint's first line holds. */
export interface RunHeader {
  readonly format: typeof PARTIAL_FORMAT | typeof CHECKPOINT_FORMAT;
  readonly run: RunIdentity;
  /** The shard this partial holds (a checkpoint: null). */
  readonly shard: ShardSpec | null;
  /** The path the shard wrote its partial to, as given (re-run commands name it); null in a checkpoint. */
  readonly partial: string | null;
  /** The game file's exact text, so the merge needs no copy of it. */
  readonly gameText: string;
}

export const PARTIAL_FORMAT = 'slotsim-partial/1';
export const CHECKPOINT_FORMAT = 'slotsim-checkpoint/1';

const headerCodec = objectOf<Plain<RunHeader> & { record: 'header' }>({
  record: oneOf(['header']),
  format: oneOf([PARTIAL_FORMAT, CHECKPOINT_FORMAT]),
  run: identityCodec,
  shard: nullable(objectOf<Plain<ShardSpec>>({ index: count, count })),
  partial: nullable(text),
  gameText: text,
});

export function encodeHeader(header: RunHeader): { readonly [key: string]: Json } {
  return headerCodec.encode({ record: 'header', ...header }) as { readonly [key: string]: Json };
}

/** A header read from `file`; refused (BAD_FILE) when it is not one, or its game text is not the game it names. */
export function decodeHeader(json: unknown, file: string): RunHeader {
  let header: RunHeader;
  try {
    const { record: _record, ...rest } = headerCodec.decode(json, 'header');
    header = rest;
  } catch (error) {
    throw new SlotsimError(
      'BAD_FILE',
      `${file}:1: not a slotsim partial or checkpoint header (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (sha256Hex(Buffer.from(header.gameText, 'utf8')) !== header.run.game.sha256) {
    throw new SlotsimError(
      'BAD_FILE',
      `${file}:1: the game text it holds is not the game file it names (SHA-256 differs)`,
    );
  }
  if (header.shard !== null && header.shard.index >= header.shard.count) {
    throw new SlotsimError(
      'BAD_FILE',
      `${file}:1: shard ${header.shard.index} of ${header.shard.count} cannot be`,
    );
  }
  return header;
}
